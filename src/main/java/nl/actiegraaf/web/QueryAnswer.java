package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a checked query from the store ({@link StoreClient}) with Fuseki's dataset rules (the protocol's
 * graph parameters, else the query's FROM, over the union default graph) and Fuseki's formats
 * ({@link ResultFormat}), for {@code /sparql} and the downloads. Results stream to the client; the first
 * bytes are held back ({@link HeldBackOutput}) so that a failure before them is a clean status (504 for the
 * time limit), after them a cut connection, never a silently short answer.
 */
final class QueryAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(QueryAnswer.class);
    /** As much as a store's response buffer holds before the first bytes go out. */
    private static final int HOLD_BACK = 32 * 1024;

    private final StoreClient store;

    QueryAnswer(StoreClient store) {
        this.store = store;
    }

    /**
     * Runs the checked query within {@code limit} and writes the answer to {@code ctx}.
     *
     * @param capped the query with its row cap ({@link RowCap#of})
     * @param requested the format a {@code format}/{@code output} parameter named, or null: the Accept header
     */
    void answer(Context ctx, RowCap capped, List<String> defaultGraphs, List<String> namedGraphs, Duration limit,
                OutputParameter requested) {
        Query query = capped.query();
        ResultFormat format = query.isSelectType() ? ResultFormat.forResults(ctx, false, requested)
                : query.isAskType() ? ResultFormat.forResults(ctx, true, requested)
                : query.isJsonType() ? null
                : ResultFormat.forGraph(ctx, requested);
        DatasetDescription graphs = defaultGraphs.isEmpty() && namedGraphs.isEmpty()
                ? query.getDatasetDescription() : new DatasetDescription(defaultGraphs, namedGraphs);
        Query written = graphs == null ? query : withDataset(query, graphs);
        // A watched CONSTRUCT runs as the SELECT of its pattern, so its solutions can be counted against the cap.
        Query sent = capped.watched() && written.isConstructType() ? patternOf(written) : written;
        run(ctx, sent, written, graphs, limit, format, false, new RowCap(sent, capped.cap()));
    }

    /** A CONSTRUCT over the whole store in {@code format}, streamed as it is made (the downloads). */
    void download(Context ctx, Query construct, ResultFormat format, Duration limit) {
        run(ctx, construct, construct, null, limit, format, true, new RowCap(construct, RowCap.NONE));
    }

    /** {@code SELECT * WHERE pattern} with the CONSTRUCT's modifiers: what ARQ runs to build a CONSTRUCT. */
    private static Query patternOf(Query construct) {
        Query select = construct.cloneQuery();
        select.setQuerySelectType();
        select.setQueryResultStar(true);
        return select;
    }

    private void run(Context ctx, Query query, Query written, DatasetDescription graphs, Duration limit,
                     ResultFormat format, boolean streamed, RowCap cap) {
        HeldBackOutput out = new HeldBackOutput(ctx::outputStream, HOLD_BACK);
        try {
            store.read(query, graphs, limit, exec -> {
                ctx.status(200);
                ctx.contentType(format == null ? "application/json; charset=utf-8" : format.contentType());
                try {
                    if (streamed) {
                        AnswerWriter.stream(exec, query, format, out);
                    } else {
                        // Writing counts in the limit too: a CONSTRUCT graph is built first and written after.
                        AnswerWriter.write(exec, written, format, DeadlineOutput.of(out, limit), cap, () -> cap.cut(ctx));
                    }
                    out.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (StoreFailure e) {
            if (out.clientFailure() != null) {
                // The client went away: nothing to tell it. Ending the execution freed the store.
                LOG.debug("{} {}: client left: {}", ctx.method(), ctx.path(), out.clientFailure().toString());
                return;
            }
            failed(ctx, out, error(e), e.kind() + ": " + e.reason());
        }
    }

    /** The one mapping of a store failure to the protocol endpoint's statuses. */
    static HttpResponseException error(StoreFailure e) {
        return switch (e.kind()) {
            case OVER_LIMIT -> new HttpResponseException(e.storeStatus(), e.reason());
            case TIMEOUT -> new HttpResponseException(504,
                    "Query exceeded the time limit of " + e.limitText() + " and was cancelled");
            case UNREACHABLE -> new HttpResponseException(502, "The store is not reachable");
            case BAD_QUERY -> new HttpResponseException(400, "Query failed: " + e.reason());
            case STORE_ERROR -> e.storeStatus() >= 400
                    ? new HttpResponseException(e.storeStatus(), "Store answered " + e.storeStatus() + ": " + e.reason())
                    : new HttpResponseException(500, "Query failed: " + e.reason());
        };
    }

    /**
     * The graphs as the query's own FROM / FROM NAMED (the protocol's parameters replace the query's): a
     * remote store applies them itself; the embedded store's view ({@code Store.link(graphs)}) already has.
     */
    private static Query withDataset(Query query, DatasetDescription graphs) {
        Query copy = query.cloneQuery();
        copy.getGraphURIs().clear();
        copy.getNamedGraphURIs().clear();
        graphs.getDefaultGraphURIs().forEach(copy::addGraphURI);
        graphs.getNamedGraphURIs().forEach(copy::addNamedGraphURI);
        return copy;
    }

    /** Before the first byte: a clean error status. After it: a broken connection, never a silently short answer. */
    private static void failed(Context ctx, HeldBackOutput out, HttpResponseException error, String reason) {
        if (!out.started()) {
            throw error;
        }
        LOG.info("{} {}: response aborted mid-stream: {}", ctx.method(), ctx.path(), reason);
        ClientConnection.abort(ctx, new IOException(reason));
    }
}
