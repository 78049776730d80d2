package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.rowset.RowSetReader;
import org.apache.jena.sparql.exec.RowSet;
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
     * Runs the checked query within {@code limit} and writes the answer to {@code ctx}; {@code place} (the
     * query's place in the fair share) is given back as soon as the store's work is done, before a complete
     * answer is handed to a client that may read it slowly.
     *
     * @param capped the query with its row cap ({@link RowCap#of})
     * @param requested the format a {@code format}/{@code output} parameter named, or null: the Accept header
     */
    void answer(Context ctx, RowCap capped, List<String> defaultGraphs, List<String> namedGraphs, Duration limit,
                OutputParameter requested, QueryAdmission.Ticket place) {
        Query query = capped.query();
        ResultFormat format = query.isSelectType() ? ResultFormat.forResults(ctx, false, requested)
                : query.isAskType() ? ResultFormat.forResults(ctx, true, requested)
                : query.isJsonType() ? null
                : ResultFormat.forGraph(ctx, requested);
        DatasetDescription graphs = defaultGraphs.isEmpty() && namedGraphs.isEmpty()
                ? query.getDatasetDescription() : new DatasetDescription(defaultGraphs, namedGraphs);
        Query written = graphs == null ? query : withDataset(query, graphs);
        long start = System.nanoTime();
        Duration left = limit;
        if (store.relays()) {
            // A remote store's answer the facade would not change goes to the client as the store's bytes.
            String mediaType = RelayedAnswer.mediaType(written, format, capped.watched(), store.mayBeJena());
            if (mediaType != null && relayed(ctx, written, mediaType, format, capped, limit, place)) {
                return;
            }
            left = limit.minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                throw error(StoreFailure.of(new org.apache.jena.query.QueryCancelledException(), true, limit));
            }
        }
        // A watched CONSTRUCT runs as the SELECT of its pattern, so its solutions can be counted against the cap.
        Query sent = capped.watched() && written.isConstructType() ? patternOf(written) : written;
        run(ctx, sent, written, graphs, left, format, false, new RowCap(sent, capped.cap()), place);
    }

    /**
     * Passes the remote store's own answer on ({@link RelayedAnswer}), with the same limit, statuses and cuts as
     * {@link #run}. False when it passed nothing on and the facade's own path must answer: the store answered
     * in another form than asked. A capped answer that holds the solution past the cap (or more than can be held
     * to count) is read from the bytes already there and written as the facade writes its own rows.
     */
    private boolean relayed(Context ctx, Query query, String mediaType, ResultFormat format, RowCap capped,
                            Duration limit, QueryAdmission.Ticket place) {
        HeldBackOutput out = new HeldBackOutput(ctx::outputStream, HOLD_BACK);
        try (ClientConnection.Deadline deadline = ClientConnection.cutAt(ctx, limit, out::started)) {
            Boolean passed = store.relay(query, mediaType, limit, bytes -> {
                if (!RelayedAnswer.passable(bytes, mediaType)) {
                    return null;
                }
                OutputStream to = DeadlineOutput.of(out, limit);
                try {
                    if (capped.watched()) {
                        Lang lang = RelayedAnswer.resultsLang(mediaType);
                        RelayedAnswer.Held held = RelayedAnswer.hold(bytes.body(), SolutionCounter.of(lang), capped.cap());
                        ctx.status(200);
                        ctx.contentType(format.contentType());
                        if (held.complete()) {
                            to.write(held.bytes());
                        } else {
                            // Cut by the cap, or too large to count in memory: read and written as the facade's own rows.
                            RowSet rows = RowSetReader.createReader(lang).read(held.andRest(bytes.body()),
                                    org.apache.jena.sparql.util.Context.create());
                            AnswerWriter.write(new RowsOnly(query, rows), query, format, to, capped, () -> capped.cut(ctx),
                                    () -> { }, AnswerSpool.DEFAULT);
                        }
                    } else {
                        ctx.status(200);
                        ctx.contentType(format.contentType());
                        RelayedAnswer.passOn(bytes.body(), to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Boolean.TRUE;
            });
            if (passed == null) {
                return false;
            }
            // The store's work is done; the rest is the client's pace (the connection's deadline bounds it).
            place.close();
            out.finish();
            deadline.answered();
        } catch (StoreFailure e) {
            place.close();
            if (out.clientFailure() != null) {
                // The client went away or was cut off: closing the store's answer ended its work.
                LOG.debug("{} {}: client left: {}", ctx.method(), ctx.path(), out.clientFailure().toString());
                return true;
            }
            retryLaterWhenNoRoom(ctx, out, e);
            failed(ctx, out, error(e), e.kind() + ": " + e.reason());
        } catch (IOException e) {
            place.close();
            LOG.debug("{} {}: client left while the complete answer was written: {}", ctx.method(), ctx.path(), e.toString());
        }
        return true;
    }

    /** A CONSTRUCT over the whole store in {@code format}, streamed as it is made (the downloads). */
    void download(Context ctx, Query construct, ResultFormat format, Duration limit, QueryAdmission.Ticket place) {
        run(ctx, construct, construct, null, limit, format, true, new RowCap(construct, RowCap.NONE), place);
    }

    /** {@code SELECT * WHERE pattern} with the CONSTRUCT's modifiers: what ARQ runs to build a CONSTRUCT. */
    private static Query patternOf(Query construct) {
        Query select = construct.cloneQuery();
        select.setQuerySelectType();
        select.setQueryResultStar(true);
        return select;
    }

    /**
     * The limit covers the whole answer, writing included: the execution is aborted at the limit
     * ({@link StoreClient}), a write past it ends the answer ({@link DeadlineOutput}), and a write blocked on
     * a client that reads nothing is ended by cutting its connection ({@link ClientConnection#cutAt}).
     */
    private void run(Context ctx, Query query, Query written, DatasetDescription graphs, Duration limit,
                     ResultFormat format, boolean streamed, RowCap cap, QueryAdmission.Ticket place) {
        HeldBackOutput out = new HeldBackOutput(ctx::outputStream, HOLD_BACK);
        try (ClientConnection.Deadline deadline = ClientConnection.cutAt(ctx, limit, out::started)) {
            store.read(query, graphs, limit, exec -> {
                ctx.status(200);
                ctx.contentType(format == null ? "application/json; charset=utf-8" : format.contentType());
                try {
                    if (streamed) {
                        AnswerWriter.stream(exec, query, format, DeadlineOutput.of(out, limit));
                    } else {
                        // Writing counts in the limit too: a CONSTRUCT graph is built first and written after.
                        // A CONSTRUCT/DESCRIBE graph complete in memory no longer needs the store: its place goes.
                        AnswerWriter.write(exec, written, format, DeadlineOutput.of(out, limit), cap, () -> cap.cut(ctx),
                                place::close, AnswerSpool.DEFAULT);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            // The store's work is done and the rest of the answer is in memory: the place is for others now,
            // whatever pace the client reads at (the connection's deadline still bounds the writing).
            place.close();
            out.finish();
            deadline.answered();
        } catch (StoreFailure e) {
            if (out.clientFailure() != null) {
                // The client went away or was cut off: nothing to tell it. Ending the execution freed the store.
                LOG.debug("{} {}: client left: {}", ctx.method(), ctx.path(), out.clientFailure().toString());
                return;
            }
            retryLaterWhenNoRoom(ctx, out, e);
            failed(ctx, out, error(e), e.kind() + ": " + e.reason());
        } catch (IOException e) {
            LOG.debug("{} {}: client left while the complete answer was written: {}", ctx.method(), ctx.path(), e.toString());
        } finally {
            place.close();
        }
    }

    /** No room now (the shared string budget, the disk that holds big answers): worth a retry later. */
    private static void retryLaterWhenNoRoom(Context ctx, HeldBackOutput out, StoreFailure e) {
        if (e.kind() == StoreFailure.Kind.OVER_LIMIT && e.storeStatus() == 503 && !out.started()) {
            ctx.header("Retry-After", QueryAdmission.RETRY_AFTER_SECONDS);
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
            ClientConnection.orderlyClose(ctx); // nothing went out: the error answer is whole, and may end in order
            throw error;
        }
        LOG.info("{} {}: response aborted mid-stream: {}", ctx.method(), ctx.path(), reason);
        ClientConnection.abort(ctx, new IOException(reason));
    }
}
