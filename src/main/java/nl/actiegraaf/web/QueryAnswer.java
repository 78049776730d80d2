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
     * Runs {@code query} (checked and capped) within {@code limit} and writes the answer to {@code ctx};
     * {@code place} (the query's place in the fair share) is given back as soon as the store's work is
     * done, before a complete answer is handed to a client that may read it slowly.
     */
    void answer(Context ctx, Query query, List<String> defaultGraphs, List<String> namedGraphs, Duration limit,
                QueryAdmission.Ticket place) {
        ResultFormat format = query.isSelectType() ? ResultFormat.forResults(ctx, false)
                : query.isAskType() ? ResultFormat.forResults(ctx, true)
                : query.isJsonType() ? null
                : ResultFormat.forGraph(ctx);
        DatasetDescription graphs = defaultGraphs.isEmpty() && namedGraphs.isEmpty()
                ? query.getDatasetDescription() : new DatasetDescription(defaultGraphs, namedGraphs);
        run(ctx, graphs == null ? query : withDataset(query, graphs), graphs, limit, format, false, place);
    }

    /** A CONSTRUCT over the whole store in {@code format}, streamed as it is made (the downloads). */
    void download(Context ctx, Query construct, ResultFormat format, Duration limit, QueryAdmission.Ticket place) {
        run(ctx, construct, null, limit, format, true, place);
    }

    /**
     * The limit covers the whole answer, writing included: the execution is aborted at the limit
     * ({@link StoreClient}), a write past it ends the answer ({@link DeadlineOutput}), and a write blocked on
     * a client that reads nothing is ended by cutting its connection ({@link ClientConnection#cutAt}).
     */
    private void run(Context ctx, Query query, DatasetDescription graphs, Duration limit, ResultFormat format,
                     boolean streamed, QueryAdmission.Ticket place) {
        HeldBackOutput out = new HeldBackOutput(ctx::outputStream, HOLD_BACK);
        try (ClientConnection.Deadline deadline = ClientConnection.cutAt(ctx, limit, out::started)) {
            store.read(query, graphs, limit, exec -> {
                ctx.status(200);
                ctx.contentType(format == null ? "application/json; charset=utf-8" : format.contentType());
                if (streamed) {
                    AnswerWriter.stream(exec, query, format, DeadlineOutput.of(out, limit));
                } else {
                    // Writing counts in the limit too: a CONSTRUCT graph is built first and written after.
                    try {
                        // A CONSTRUCT/DESCRIBE graph complete in memory no longer needs the store: its place goes.
                        AnswerWriter.write(exec, query, format, DeadlineOutput.of(out, limit), place::close);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            });
            // The store's work is done and the rest of the answer is in memory: the place is for others now,
            // whatever pace the client reads at (the connection's deadline still bounds the writing).
            place.close();
            out.finish();
        } catch (StoreFailure e) {
            if (out.clientFailure() != null) {
                // The client went away or was cut off: nothing to tell it. Ending the execution freed the store.
                LOG.debug("{} {}: client left: {}", ctx.method(), ctx.path(), out.clientFailure().toString());
                return;
            }
            failed(ctx, out, error(e), e.kind() + ": " + e.reason());
        } catch (IOException e) {
            LOG.debug("{} {}: client left while the complete answer was written: {}", ctx.method(), ctx.path(), e.toString());
        } finally {
            place.close();
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
