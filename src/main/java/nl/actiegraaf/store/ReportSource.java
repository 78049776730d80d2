package nl.actiegraaf.store;

import nl.actiegraaf.vocab.Iris;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import nl.actiegraaf.vocab.AG;

/**
 * A report text file, converted to RDF, as the graph {@code graph/rapport/{id}}. The id is the one the
 * converter gave the report ({@code id/rapport/{id}}), so report IRI and graph name always agree. A
 * load converts it straight into the loader while emitting (the name is known once emitted); asking
 * for the name first converts it ahead and keeps it until it is emitted (a second emit converts again).
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
    /** Set by the converting thread as soon as the report resource has passed; read by the loader. */
    private volatile String graph;

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

    /** Known once the report resource has passed while emitting (or after converting ahead). */
    @Override
    public String knownGraph() {
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
                // Straight from the converter to the loader: no copy of the report in between. The graph
                // name comes from the report resource as it passes.
                graph = null;
                ReportIdSniffer sniffer = new ReportIdSniffer(out);
                converter.convert(file, sniffer);
                if (sniffer.id == null) {
                    graph = Iris.reportGraph(fileId());
                }
                return;
            }
            result = converted;
            // A load emits each source once: let its triples go (the graph name stays), so a load of
            // many reports holds one converted report at a time, not all of them (bench/README.md).
            converted = null;
        }
        result.find().forEachRemaining(out::triple);
    }

    /** Converts ahead of {@link #emit}, when the graph name is asked for first. */
    private void convert() {
        Graph result = GraphFactory.createDefaultGraph();
        StreamRDF sink = StreamRDFLib.graph(result);
        sink.start();
        graph = null;
        ReportIdSniffer sniffer = new ReportIdSniffer(sink);
        converter.convert(file, sniffer);
        sink.finish();
        if (sniffer.id == null) {
            graph = Iris.reportGraph(fileId());
        }
        converted = result;
    }

    private String fileId() {
        return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    /**
     * Passes triples on, taking the graph name from the first {@code id/rapport/{id}} typed
     * {@code ag:Rapport} (the converter emits it first) before passing that triple on.
     */
    private final class ReportIdSniffer extends StreamRDFWrapper {
        private static final String PREFIX = Iris.ID + "rapport/";
        private String id;

        ReportIdSniffer(StreamRDF out) {
            super(out);
        }

        @Override
        public void triple(Triple t) {
            if (id == null && t.getPredicate().equals(RDF.type.asNode()) && t.getObject().equals(AG.Rapport)) {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(PREFIX) && s.getURI().length() > PREFIX.length()) {
                    id = s.getURI().substring(PREFIX.length());
                    graph = Iris.reportGraph(id);
                }
            }
            super.triple(t);
        }
    }
}
