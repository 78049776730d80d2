package nl.actiegraaf.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import nl.actiegraaf.rdf.AG;

/**
 * A report text file, converted to RDF, as the graph {@code graph/rapport/{id}}. The id is the one the
 * converter gave the report ({@code id/rapport/{id}}), so report IRI and graph name always agree; the
 * report is converted on first use and kept until it is emitted (a second emit converts again).
 */
public final class ReportSource implements GraphSource {
    /** What turns a report file into RDF: the parser branch's {@code ReportConverter::convert}. */
    @FunctionalInterface
    public interface Converter {
        void convert(Path reportFile, StreamRDF out);
    }

    private final Path file;
    private final Converter converter;
    private final String converterVersion;
    private final List<Path> inputs;
    private Graph converted;
    private String graph;

    /** A report without a source digest: every load converts it. */
    public ReportSource(Path file, Converter converter) {
        this(file, converter, null, List.of());
    }

    /**
     * A report with a source digest over its bytes, {@code otherInputs}' bytes (the registers the
     * converter reads) and {@code converterVersion}: a load that has it recorded does not convert.
     */
    public ReportSource(Path file, Converter converter, String converterVersion, List<Path> otherInputs) {
        this.file = file;
        this.converter = converter;
        this.converterVersion = converterVersion;
        this.inputs = List.copyOf(otherInputs);
    }

    @Override
    public String sourceDigest() {
        if (converterVersion == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        files.add(file);
        files.addAll(inputs);
        return SourceDigest.of("report converter " + converterVersion, files);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized String graph() {
        if (graph == null) {
            convert();
        }
        return graph;
    }

    @Override
    public String origin() {
        return file.getFileName().toString();
    }

    @Override
    public void emit(StreamRDF out) {
        Graph result;
        synchronized (this) {
            if (converted == null) {
                convert();
            }
            result = converted;
            // A load emits each source once: let its triples go (the graph name stays), so a load of
            // many reports holds one converted report at a time, not all of them (bench/README.md).
            converted = null;
        }
        result.find().forEachRemaining(out::triple);
    }

    private void convert() {
        Graph result = GraphFactory.createDefaultGraph();
        StreamRDF sink = StreamRDFLib.graph(result);
        sink.start();
        converter.convert(file, sink);
        sink.finish();
        graph = Graphs.rapport(reportId(result));
        converted = result;
    }

    private String reportId(Graph result) {
        String prefix = AG.ID + "rapport/";
        return result.find(Node.ANY, RDF.type.asNode(), AG.Rapport).toList().stream()
                .map(t -> t.getSubject())
                .filter(s -> s.isURI() && s.getURI().startsWith(prefix) && s.getURI().length() > prefix.length())
                .map(s -> s.getURI().substring(prefix.length()))
                .findFirst()
                .orElseGet(() -> file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
    }
}
