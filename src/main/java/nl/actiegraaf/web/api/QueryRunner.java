package nl.actiegraaf.web.api;

import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import nl.actiegraaf.querylimits.QueryBudget;
import nl.actiegraaf.querylimits.QueryLimitException;
import nl.actiegraaf.querylimits.QueryLimits;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.system.Txn;

import nl.actiegraaf.store.SparqlService;

/**
 * Runs a bound query against the store, with a time limit: in this JVM when the store is the embedded
 * one (its dataset, a read transaction: no HTTP round-trip, no second parse, as {@code /sparql} does),
 * else over the SPARQL 1.1 Protocol. The page it reads is bounded by the query's LIMIT, so holding it
 * is cheap; holding it is what lets the API set the Link header before the body.
 */
final class QueryRunner {
    private final SparqlService store;
    private final Duration timeout;
    private final HttpClient http;
    private final DatasetGraph local;
    private final EditionView editions = new EditionView();

    /** @param http the facade's shared client (one connection pool), or null for Jena's default */
    QueryRunner(SparqlService store, Duration timeout, HttpClient http) {
        this(store, timeout, http, null);
    }

    /** @param local the store's dataset when it lives in this JVM, or null to ask {@code store} over HTTP */
    QueryRunner(SparqlService store, Duration timeout, HttpClient http, DatasetGraph local) {
        this.store = store;
        this.timeout = timeout;
        this.http = http;
        this.local = local;
    }

    /** The rows of a query, with its result variables. */
    record Rows(List<String> vars, List<Binding> rows) {
    }

    Rows run(Query query) {
        return run(query, timeout);
    }

    /**
     * With a limit of its own, for work that is not a request: the cache warm-up, done once per data
     * version, may take longer than a request may. Over HTTP the store's own limit (fuseki-config/) still holds.
     */
    Rows run(Query query, Duration limit) {
        return local != null ? runHere(query, limit, () -> local) : runAtStore(query, limit);
    }

    /**
     * A request's query over the editions {@code asOf} chooses ({@link EditionView}), or over the whole
     * store when it is null.
     *
     * @param version the data version the answer is for
     */
    Rows run(Query query, AsOf asOf, String version) {
        if (asOf == null) {
            return run(query);
        }
        if (local == null) {
            throw new ApiException(501, "'" + asOf.parameter() + "' (the state as of an edition) needs the embedded store;"
                    + " this server reaches its store over HTTP");
        }
        return runHere(query, timeout, () -> editions.view(local, asOf, String.valueOf(version)));
    }

    private Rows runHere(Query query, Duration limit, java.util.function.Supplier<DatasetGraph> dataset) {
        try {
            return Txn.calculateRead(local, () -> {
                try (QueryBudget budget = QueryBudget.open();
                     QueryExec exec = QueryExec.dataset(dataset.get()).query(query).set(QueryBudget.SYMBOL, budget).set(QueryLimits.TIME_LIMIT, limit)
                        .timeout(limit.toMillis(), TimeUnit.MILLISECONDS).build()) {
                    RowSet rowSet = exec.select();
                    List<String> vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).toList();
                    List<Binding> rows = new ArrayList<>();
                    // Copied: a TDB2 row decodes its values lazily, and only inside the transaction.
                    rowSet.forEachRemaining(row -> rows.add(BindingFactory.copy(row)));
                    return new Rows(vars, rows);
                }
            });
        } catch (QueryCancelledException e) {
            throw new ApiException(503, "the query took longer than " + limit.toSeconds() + " s");
        } catch (QueryLimitException e) {
            throw new ApiException(e.status(), e.getMessage());
        } catch (QueryException e) {
            // As over HTTP: our query texts are checked at start, so this comes from a value the store
            // could not use (for example the text index's query syntax, a QueryException too).
            throw storeFailure(400, e.getMessage(), e);
        }
    }

    private Rows runAtStore(Query query, Duration limit) {
        // The store has its own query timeout (fuseki-config/); this one ends our wait regardless.
        QueryExecHTTPBuilder builder = QueryExecHTTP.service(store.query().toString());
        if (http != null) {
            builder.httpClient(http);
        }
        try (QueryExec exec = builder
                .query(query)
                .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .build()) {
            RowSet rowSet = exec.select();
            List<String> vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).toList();
            List<Binding> rows = new ArrayList<>();
            rowSet.forEachRemaining(rows::add);
            return new Rows(vars, rows);
        } catch (QueryExceptionHTTP e) {
            throw storeFailure(e.getStatusCode(), e.getResponseMessage(), e);
        } catch (HttpException e) {
            throw storeFailure(e.getStatusCode(), e.getMessage(), e);
        } catch (QueryCancelledException e) {
            throw new ApiException(503, "the query took longer than " + limit.toSeconds() + " s");
        }
    }

    private ApiException storeFailure(int status, String message, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return new ApiException(503, "the query took longer than " + timeout.toSeconds() + " s");
            }
        }
        String reason = message == null ? "" : message.lines().findFirst().orElse("");
        if (status == 400) {
            // Our query texts are checked at start, so a 400 here comes from a value the store could not
            // use (for example the text index's query syntax).
            return new ApiException(400, "the store could not run the query with these values: " + reason);
        }
        if (status == 503 || status == 504) {
            // Same status as the SPARQL endpoint gives for a query over its time limit.
            return new ApiException(503, "the store did not answer in time");
        }
        return new ApiException(502, "the store failed" + (status > 0 ? " (HTTP " + status + ")" : "")
                + (reason.isEmpty() ? "" : ": " + reason));
    }
}
