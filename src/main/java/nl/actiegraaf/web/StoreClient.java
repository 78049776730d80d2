package nl.actiegraaf.web;

import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.actiegraaf.querylimits.QueryBudget;
import nl.actiegraaf.querylimits.QueryLimits;
import nl.actiegraaf.store.QueryBytes;
import nl.actiegraaf.store.Store;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.Params;
import org.apache.jena.query.Query;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * The facade's one way to the store: the store's {@link RDFLink} (in this JVM over the embedded dataset,
 * or over HTTP to a remote one), every query in a read transaction and within a time limit, every failure
 * told apart once ({@link StoreFailure}). Routes never see which kind of store answers.
 *
 * <p>The limit is enforced twice: the execution's own timeout (the embedded engine stops; over HTTP the
 * wait for the response headers ends), and a deadline that aborts the execution, so an answer still
 * streaming at the limit is cut rather than allowed to run on (over HTTP nothing else stops reading it).
 * The deadlines fire on one named thread owned by this object; {@link #close()} stops it.
 */
public final class StoreClient implements AutoCloseable {
    private final Store store;
    private final Duration queryTimeout;
    /** Whether the store's answers were made by Jena, once a relayed answer told; null before. */
    private volatile Boolean jena;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("actiegraaf-query-deadline"));

    public StoreClient(Store store, Duration queryTimeout) {
        this.store = store;
        this.queryTimeout = queryTimeout;
    }

    /** The configured wall-clock limit of one query. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** {@link #read(Query, DatasetDescription, Duration, Function)} over the whole store, within the configured limit. */
    public <T> T read(Query query, Function<QueryExec, T> answer) {
        return read(query, null, queryTimeout, answer);
    }

    /** {@link #read(Query, DatasetDescription, Duration, Function)} over the whole store. */
    public <T> T read(Query query, Duration limit, Function<QueryExec, T> answer) {
        return read(query, null, limit, answer);
    }

    /**
     * Runs {@code query} in a read transaction over {@code graphs} (null: the store's dataset, whose default
     * graph is the union of its graphs) within {@code limit}; {@code answer} reads the execution inside the
     * transaction and must copy what it keeps (a TDB2 row decodes lazily).
     *
     * @throws StoreFailure when the store failed, timed out or refused the query; an
     *     {@link HttpResponseException} of {@code answer} passes unchanged
     */
    public <T> T read(Query query, DatasetDescription graphs, Duration limit, Function<QueryExec, T> answer) {
        return readAt(query, link -> graphs == null ? link : store.link(graphs), limit, answer);
    }

    /**
     * As {@link #read(Query, Duration, Function)}, over the store as {@code view} derives it from the
     * dataset in this JVM (built inside the read transaction); empty when the store is reached over HTTP.
     */
    public <T> Optional<T> readView(Query query, UnaryOperator<DatasetGraph> view, Duration limit,
                                    Function<QueryExec, T> answer) {
        AtomicBoolean possible = new AtomicBoolean(true);
        T result = readAt(query, link -> store.link(view).orElseGet(() -> {
            possible.set(false);
            return null;
        }), limit, exec -> exec == null ? null : answer.apply(exec));
        return possible.get() ? Optional.ofNullable(result) : Optional.empty();
    }

    private <T> T readAt(Query query, UnaryOperator<RDFLink> targetOf, Duration limit, Function<QueryExec, T> answer) {
        RDFLink link = store.link();
        AtomicBoolean expired = new AtomicBoolean();
        try {
            link.begin(TxnType.READ);
            try {
                RDFLink target = targetOf.apply(link);
                if (target == null) {
                    return answer.apply(null);
                }
                // A view of the graphs has applied them: the query's FROM clauses must not apply again.
                Query toRun = target == link ? query : withoutDatasetClauses(query);
                QueryExecBuilder builder = target.newQuery().query(toRun).timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (builder instanceof QueryExecHTTPBuilder http) {
                    // A remote store stops at this limit too: an aggregate writes nothing until it is done, so
                    // it would not notice the cut connection and would run on to its own longer limit.
                    http.param("timeout", StoreTimeout.seconds(limit));
                }
                // The query limits (querylimits) inside the engine: this query's share of the string budget,
                // and its time limit for the checks that end long single calls (regex, replace, concat).
                try (QueryBudget budget = QueryBudget.open();
                     QueryExec exec = builder.set(QueryBudget.SYMBOL, budget).set(QueryLimits.TIME_LIMIT, limit).build()) {
                    ScheduledFuture<?> alarm = deadlines.schedule(() -> {
                        expired.set(true);
                        exec.abort();
                    }, limit.toNanos(), TimeUnit.NANOSECONDS);
                    try {
                        return answer.apply(exec);
                    } finally {
                        alarm.cancel(false);
                    }
                }
            } finally {
                link.end();
            }
        } catch (HttpResponseException | StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreFailure.of(e, expired.get(), limit);
        }
    }

    /**
     * True when the store can give its own answer's bytes ({@link #relay}): a store reached over HTTP.
     */
    public boolean relays() {
        return store.queryBytes().isPresent();
    }

    /**
     * False once a relayed answer showed the store is not Jena's (a Fuseki): then its CSV, TSV and N-Triples are
     * not the bytes the facade writes, and asking for them to relay would only be declined ({@link RelayedAnswer}).
     */
    public boolean mayBeJena() {
        return !Boolean.FALSE.equals(jena);
    }

    /**
     * The store's own answer to {@code query}, asked for in {@code mediaType}, handed unread to {@code answer}
     * (which passes the bytes on, or declines with {@code null}); the same time limit, the same
     * failures ({@link StoreFailure}) as {@link #read}. At the limit the body is closed under the reader, which
     * ends the exchange and the store's work; a read that then sees an end is still a {@link StoreFailure.Kind#TIMEOUT},
     * never a complete answer. Closing the body early (the reader declined, or its client went away) ends
     * the store's work too.
     *
     * @return what {@code answer} returned (null: it declined, for example an answer in another media type,
     *     and passed nothing on)
     * @throws IllegalStateException when the store has no query bytes ({@link #relays()} is false)
     */
    public <T> T relay(Query query, String mediaType, Duration limit, Function<StoreBytes, T> answer) {
        QueryBytes endpoint = store.queryBytes().orElseThrow(() -> new IllegalStateException("the store is in this JVM"));
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = endpoint.send(Params.create().add("query", query.serialize())
                    .add("timeout", StoreTimeout.seconds(limit)), mediaType, limit);
        } catch (IOException e) {
            // Not a QueryException: a connection that failed is the store's trouble, not a bad query.
            throw StoreFailure.of(new UncheckedIOException(e), false, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreFailure.of(new QueryCancelledException(), true, limit);
        }
        InputStream body = response.body();
        if (response.statusCode() / 100 != 2) {
            String message = firstBytes(body);
            throw StoreFailure.of(new QueryExceptionHTTP(response.statusCode(), message), false, limit);
        }
        StoreBytes bytes = new StoreBytes(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Server").orElse(""),
                response.headers().firstValue("Fuseki-Request-Id").isPresent(), body);
        jena = bytes.madeByJena();
        Stopper stopper = new Stopper(body);
        long left = limit.toNanos() - (System.nanoTime() - start);
        ScheduledFuture<?> alarm = deadlines.schedule(stopper::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
        try {
            T result = answer.apply(bytes);
            if (stopper.finish()) {
                // The limit closed the body: what looked like its end was the cut.
                throw StoreFailure.of(new QueryCancelledException(), true, limit);
            }
            return result;
        } catch (HttpResponseException | StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreFailure.of(e, stopper.finish(), limit);
        } finally {
            alarm.cancel(false);
            closeQuietly(body);
        }
    }

    /** Closing ends the exchange (and the store's work) when the body was not read to its end. */
    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing more to end
        }
    }

    /** The store's answer as it came: its media type, who made it, and the body still to read. */
    public record StoreBytes(String contentType, String server, boolean fuseki, InputStream body) {
        /** True when Jena made these bytes (a Fuseki): they are what the facade's own writers write. */
        public boolean madeByJena() {
            return fuseki || server.startsWith("Apache Jena Fuseki");
        }
    }

    /**
     * Ends a relayed answer at its limit: closing the JDK client's body wakes a read blocked on the store and
     * cancels the exchange. No thread interrupts: one could land in the server's own write and hide the cut.
     */
    private static final class Stopper {
        private final InputStream body;
        private boolean reading = true;
        private boolean expired;

        Stopper(InputStream body) {
            this.body = body;
        }

        synchronized void expire() {
            if (!reading) {
                return;
            }
            expired = true;
            try {
                body.close();
            } catch (IOException ignored) {
                // the reader fails or ends; finish() tells it was the limit
            }
        }

        /** Stops the alarm's effect; true when the limit struck first. */
        synchronized boolean finish() {
            reading = false;
            return expired;
        }
    }

    private static String firstBytes(InputStream body) {
        try (body) {
            return new String(body.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Query withoutDatasetClauses(Query query) {
        if (!query.hasDatasetDescription()) {
            return query;
        }
        Query copy = query.cloneQuery();
        copy.getGraphURIs().clear();
        copy.getNamedGraphURIs().clear();
        return copy;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
