package nl.actiegraaf.web;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.jena.atlas.json.JSON;
import java.util.NoSuchElementException;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.modify.TemplateLib;
import org.apache.jena.sparql.syntax.Template;
import nl.actiegraaf.querylimits.QueryLimitException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * Writes what a query execution produces in the negotiated {@link ResultFormat}, with Jena's writers as
 * Fuseki uses them: rows stream as the execution makes them, except those of a SELECT the row cap watches,
 * which are written whole into an {@link AnswerSpool} first (its header depends on its end); a CONSTRUCT or
 * DESCRIBE graph is built first (as Fuseki builds it) and then written.
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
        StreamRDF writer = RdfWriting.stream(out, format.graphFormat().getLang());
        writer.start();
        if (query.isConstructQuad()) {
            exec.constructQuads().forEachRemaining(writer::quad);
        } else {
            exec.constructTriples().forEachRemaining(writer::triple);
        }
        writer.finish();
    }

    /**
     * @param format null for an ARQ {@code JSON { ... }} query, whose answer is plain JSON
     * @param cap the row cap, when watched ({@link RowCap#watched()}): {@code exec} runs {@code cap.query()}, which
     *        asks one solution past the cap (as a SELECT of the pattern for a CONSTRUCT); {@code cut} is called,
     *        before the first byte, when that solution came, and only then
     * @param computed run once the answer is complete (a CONSTRUCT or DESCRIBE graph in memory, a capped SELECT
     *     in its spool), before it is written: the store's work is done then, and the rest is writing at the
     *     client's pace
     * @param spooling where a capped SELECT is held whole before it is sent ({@link AnswerSpool})
     */
    static void write(QueryExec exec, Query query, ResultFormat format, OutputStream out, RowCap cap, Runnable cut,
                      Runnable computed, AnswerSpool.Limits spooling) throws IOException {
        if (format == null) {
            JSON.write(out, exec.execJson());
        } else if (query.isSelectType() && cap.watched()) {
            spooledRows(exec, query, format, out, cap.cap(), cut, computed, spooling);
        } else if (query.isSelectType()) {
            writeRows(exec.select(), query, format, out);
        } else if (query.isAskType()) {
            boolean answer = exec.ask();
            if (format.isTextTable()) {
                ResultSetFormatter.out(out, answer);
            } else {
                ResultsWriter.create().lang(format.resultsLang()).build().write(out, answer);
            }
        } else {
            DatasetGraph answer = query.isConstructType() && cap.watched() ? cappedConstruct(exec, query, cap.cap(), cut)
                    : query.isConstructQuad() ? exec.constructDataset()
                    : DatasetGraphFactory.wrap(query.isConstructType() ? boundedConstruct(exec, query) : exec.describe());
            computed.run();
            if (RDFLanguages.isQuads(format.graphFormat().getLang())) {
                RdfWriting.write(out, answer, format.graphFormat());
            } else {
                Graph graph = answer.getDefaultGraph();
                RdfWriting.write(out, graph, format.graphFormat());
            }
        }
    }

    /**
     * A capped SELECT: written whole into {@code spool} first, so that the header is decided when the cut is
     * known (the store was asked for {@code cap + 1}: that one more row is the cut), never before. Then the
     * store's work is done ({@code computed}: the place goes, whatever pace the client reads at) and the
     * spooled answer is sent.
     */
    private static void spooledRows(QueryExec exec, Query query, ResultFormat format, OutputStream out, long cap,
                                    Runnable cut, Runnable computed, AnswerSpool.Limits spooling) throws IOException {
        try (AnswerSpool spool = new AnswerSpool(spooling)) {
            CappedRows rows = new CappedRows(exec.select(), cap);
            writeRows(RowSetStream.create(rows.vars(), rows), query, format, spool);
            if (rows.cut()) {
                cut.run();
            }
            computed.run();
            spool.copyTo(out);
        }
    }

    private static void writeRows(RowSet rows, Query query, ResultFormat format, OutputStream out) {
        if (format.isTextTable()) {
            RowSetOps.out(out, rows, query);
        } else {
            ResultsWriter.create().lang(format.resultsLang()).build().write(out, rows);
        }
    }

    /**
     * The first {@code cap} rows of the store's answer, passed on as they come (never held here), and
     * whether the store had one more: the cut.
     */
    static final class CappedRows implements Iterator<Binding> {
        private final RowSet rows;
        private final long cap;
        private long given;

        CappedRows(RowSet rows, long cap) {
            this.rows = rows;
            this.cap = cap;
        }

        List<Var> vars() {
            return rows.getResultVars();
        }

        @Override
        public boolean hasNext() {
            return given < cap && rows.hasNext();
        }

        @Override
        public Binding next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            given++;
            return rows.next();
        }

        /** True when the cap cut the answer: {@code cap} rows were passed on and the store had another. */
        boolean cut() {
            return given >= cap && rows.hasNext();
        }
    }

    /**
     * A capped CONSTRUCT, made here from the solutions of its pattern ({@link RowCap} sent it as a SELECT), as
     * ARQ makes one: so the solutions can be counted against the cap, which the triples cannot tell.
     */
    private static DatasetGraph cappedConstruct(QueryExec exec, Query query, long cap, Runnable cut) {
        // The graph is built whole before it is written, so the solutions need not be held: counted as they pass.
        CappedRows counted = new CappedRows(exec.select(), cap);
        RowSet solutions = RowSetStream.create(counted.vars(), counted);
        DatasetGraph answer = constructFrom(solutions, query);
        if (counted.cut()) {
            cut.run();
        }
        return answer;
    }

    private static DatasetGraph constructFrom(RowSet solutions, Query query) {
        Template template = query.getConstructTemplate();
        if (query.isConstructQuad()) {
            DatasetGraph dataset = DatasetGraphFactory.create();
            dataset.prefixes().putAll(query.getPrefixMapping().getNsPrefixMap());
            Iterator<Quad> quads = TemplateLib.calcQuads(template.getQuads(), solutions);
            long count = 0;
            while (quads.hasNext()) {
                dataset.add(quads.next());
                if (++count > MAX_CONSTRUCT_TRIPLES) {
                    throw tooManyTriples();
                }
            }
            return dataset;
        }
        return DatasetGraphFactory.wrap(bounded(TemplateLib.calcTriples(template.getTriples(), solutions), query));
    }

    /**
     * The CONSTRUCT graph, up to {@link #MAX_CONSTRUCT_TRIPLES}: the row cap bounds solutions, but a template
     * of many triples multiplies them, and the graph is held whole before a pretty writer can start.
     */
    private static Graph boundedConstruct(QueryExec exec, Query query) {
        return bounded(exec.constructTriples(), query);
    }

    private static Graph bounded(Iterator<Triple> triples, Query query) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
        while (triples.hasNext()) {
            graph.add(triples.next());
            if (graph.size() > MAX_CONSTRUCT_TRIPLES) {
                throw tooManyTriples();
            }
        }
        return graph;
    }

    private static QueryLimitException tooManyTriples() {
        return QueryLimitException.tooLarge("The CONSTRUCT answer has more than " + MAX_CONSTRUCT_TRIPLES
                + " triples: add a LIMIT and page with OFFSET, or take the whole dataset from /download");
    }
}
