package nl.actiegraaf.web;

import io.javalin.http.HttpResponseException;
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
import nl.actiegraaf.store.Store;
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
