package nl.actiegraaf.web;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.jena.atlas.json.JSON;
import java.util.Iterator;
import nl.actiegraaf.querylimits.QueryLimitException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * Writes what a query execution produces in the negotiated {@link ResultFormat}, with Jena's writers as
 * Fuseki uses them: rows stream as the execution makes them; a CONSTRUCT or DESCRIBE graph is built first
 * (as Fuseki builds it) and then written.
 */
final class AnswerWriter {
    /** Triples one CONSTRUCT answer may hold (built in memory first, as Fuseki builds it). */
    static final int MAX_CONSTRUCT_TRIPLES = 200_000;

    private AnswerWriter() {
    }

    /**
     * A CONSTRUCT answer written triple by triple (quad by quad) as the execution makes them, never held
     * whole: for the downloads of the whole dataset. Jena's streaming writer of the format's language.
     */
    static void stream(QueryExec exec, Query query, ResultFormat format, OutputStream out) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, format.graphFormat().getLang());
        writer.start();
        if (query.isConstructQuad()) {
            exec.constructQuads().forEachRemaining(writer::quad);
        } else {
            exec.constructTriples().forEachRemaining(writer::triple);
        }
        writer.finish();
    }

    /** {@link #write(QueryExec, Query, ResultFormat, OutputStream, Runnable)} with nothing to tell. */
    static void write(QueryExec exec, Query query, ResultFormat format, OutputStream out) throws IOException {
        write(exec, query, format, out, () -> { });
    }

    /**
     * @param format null for an ARQ {@code JSON { ... }} query, whose answer is plain JSON
     * @param computed run once a CONSTRUCT or DESCRIBE graph is complete in memory, before it is written:
     *     the store's work is done then, and the rest is writing at the client's pace
     */
    static void write(QueryExec exec, Query query, ResultFormat format, OutputStream out, Runnable computed)
            throws IOException {
        if (format == null) {
            JSON.write(out, exec.execJson());
        } else if (query.isSelectType()) {
            if (format.isTextTable()) {
                RowSetOps.out(out, exec.select(), query);
            } else {
                ResultsWriter.create().lang(format.resultsLang()).build().write(out, exec.select());
            }
        } else if (query.isAskType()) {
            boolean answer = exec.ask();
            if (format.isTextTable()) {
                ResultSetFormatter.out(out, answer);
            } else {
                ResultsWriter.create().lang(format.resultsLang()).build().write(out, answer);
            }
        } else {
            DatasetGraph answer = query.isConstructQuad() ? exec.constructDataset()
                    : DatasetGraphFactory.wrap(query.isConstructType() ? boundedConstruct(exec, query) : exec.describe());
            computed.run();
            if (RDFLanguages.isQuads(format.graphFormat().getLang())) {
                RDFDataMgr.write(out, answer, format.graphFormat());
            } else {
                Graph graph = answer.getDefaultGraph();
                RDFDataMgr.write(out, graph, format.graphFormat());
            }
        }
    }

    /**
     * The CONSTRUCT graph, up to {@link #MAX_CONSTRUCT_TRIPLES}: the row cap bounds solutions, but a template
     * of many triples multiplies them, and the graph is held whole before a pretty writer can start.
     */
    private static Graph boundedConstruct(QueryExec exec, Query query) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        Iterator<Triple> triples = exec.constructTriples();
        while (triples.hasNext()) {
            graph.add(triples.next());
            if (graph.size() > MAX_CONSTRUCT_TRIPLES) {
                throw QueryLimitException.tooLarge("The CONSTRUCT answer has more than " + MAX_CONSTRUCT_TRIPLES
                        + " triples: add a LIMIT and page with OFFSET, or take the whole dataset from /download");
            }
        }
        return graph;
    }
}
