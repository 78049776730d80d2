package nl.actiegraaf.web;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.jena.atlas.json.JSON;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
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
     *        before the first byte, when that solution came
     * @param computed run once a CONSTRUCT or DESCRIBE graph is complete in memory, before it is written:
     *     the store's work is done then, and the rest is writing at the client's pace
     */
    static void write(QueryExec exec, Query query, ResultFormat format, OutputStream out, RowCap cap, Runnable cut,
                      Runnable computed) throws IOException {
        if (format == null) {
            JSON.write(out, exec.execJson());
        } else if (query.isSelectType()) {
            RowSet rows = cap.watched() ? firstRows(exec.select(), cap.cap(), cut) : exec.select();
            if (format.isTextTable()) {
                RowSetOps.out(out, rows, query);
            } else {
                ResultsWriter.create().lang(format.resultsLang()).build().write(out, rows);
            }
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
     * Roughly how many characters of values the rows held back for the cap may take: 16 MiB of text. A
     * hundred thousand narrow rows fit; wide rows (long literals) would take the heap instead.
     */
    static final long HOLD_BACK_CHARS = 16L << 20;
    /** How long rows may be held back for the cap before the answer starts: a slow store's rows stream. */
    static final long HOLD_BACK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    /**
     * The first {@code cap} rows, held so that the header can say whether there were more before the first
     * byte goes out (the store was asked for {@code cap + 1}). Bounded by the cap, as the CONSTRUCT graph is,
     * and by {@link #HOLD_BACK_CHARS} and {@link #HOLD_BACK_NANOS}: an answer whose held rows outgrow
     * either is flagged as cut before it is known ({@code cut} runs, the header goes out) and then streams the rest, still ending at the cap.
     * A client that wants every row of a big answer without the flag sets its own LIMIT (within the cap,
     * the answer streams at once and is never held).
     */
    private static RowSet firstRows(RowSet rows, long cap, Runnable cut) {
        List<Binding> held = new ArrayList<>();
        long chars = 0;
        long until = System.nanoTime() + HOLD_BACK_NANOS;
        while (rows.hasNext()) {
            Binding row = rows.next();
            if (held.size() == cap) {
                cut.run();
                return RowSetStream.create(rows.getResultVars(), held.iterator());
            }
            held.add(row);
            for (var vars = row.vars(); vars.hasNext(); ) {
                var node = row.get(vars.next());
                chars += node.isLiteral() ? node.getLiteralLexicalForm().length() : node.toString().length();
            }
            if (chars > HOLD_BACK_CHARS || (held.size() & 255) == 0 && System.nanoTime() > until) {
                cut.run();
                long left = cap - held.size();
                Iterator<Binding> rest = new Iterator<>() {
                    private long given;

                    @Override
                    public boolean hasNext() {
                        return given < left && rows.hasNext();
                    }

                    @Override
                    public Binding next() {
                        given++;
                        return rows.next();
                    }
                };
                Iterator<Binding> all = org.apache.jena.atlas.iterator.Iter.concat(held.iterator(), rest);
                return RowSetStream.create(rows.getResultVars(), all);
            }
        }
        return RowSetStream.create(rows.getResultVars(), held.iterator());
    }

    /**
     * A capped CONSTRUCT, made here from the solutions of its pattern ({@link RowCap} sent it as a SELECT), as
     * ARQ makes one: so the solutions can be counted against the cap, which the triples cannot tell.
     */
    private static DatasetGraph cappedConstruct(QueryExec exec, Query query, long cap, Runnable cut) {
        RowSet solutions = firstRows(exec.select(), cap, cut);
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
