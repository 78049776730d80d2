package nl.actiegraaf.web;

import java.io.OutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.writer.DirectiveStyle;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;

/**
 * Every RDF answer of the facade is written here, with one setting: Turtle and TriG declare their
 * prefixes as {@code @prefix ... .}, not SPARQL's {@code PREFIX} (Jena 5's default). Turtle 1.1 reads
 * both, but N3 parsers (rdflib's, for {@code text/n3}) and older Turtle tools read only {@code @prefix}.
 */
final class RdfWriting {
    private static final Context CONTEXT = new Context();
    static {
        CONTEXT.set(RIOT.symTurtleDirectiveStyle, DirectiveStyle.AT);
    }

    private RdfWriting() {
    }

    static void write(OutputStream out, Graph graph, RDFFormat format) {
        RDFWriter.source(graph).format(format).context(CONTEXT).output(out);
    }

    static void write(OutputStream out, DatasetGraph dataset, RDFFormat format) {
        RDFWriter.source(dataset).format(format).context(CONTEXT).output(out);
    }

    /** A writer of {@code lang} that writes as it is given triples or quads, never holding them all. */
    static StreamRDF stream(OutputStream out, Lang lang) {
        return StreamRDFWriter.getWriterStream(out, lang, CONTEXT);
    }
}
