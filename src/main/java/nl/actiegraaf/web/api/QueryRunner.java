package nl.actiegraaf.web.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

import nl.actiegraaf.web.StoreClient;
import nl.actiegraaf.web.StoreFailure;

/**
 * Runs a bound query against the store ({@link StoreClient}), with a time limit, and turns the store's
 * failures into the API's statuses. The page it reads is bounded by the query's LIMIT, so holding it is
 * cheap; holding it is what lets the API set the Link header before the body.
 */
final class QueryRunner {
    private final StoreClient store;
    private final Duration timeout;
    private final EditionView editions = new EditionView();
    private final FullTextSearch fullText;

    QueryRunner(StoreClient store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
        this.fullText = new FullTextSearch(store);
    }

    /** The rows of a query, with its result variables. */
    record Rows(List<String> vars, List<Binding> rows) {
    }

    Rows run(Query query) {
        return run(query, timeout);
    }

    /**
     * A request's query over the editions {@code asOf} chooses ({@link EditionView}), or over the whole
     * store when it is null. The view is built over the dataset in this JVM: a store reached over HTTP
     * cannot give one (501).
     *
     * @param version the data version the answer is for
     */
    Rows run(Query query, AsOf asOf, String version) {
        if (asOf == null) {
            return run(query);
        }
        try {
            return store.readView(query, dataset -> editions.view(dataset, asOf, String.valueOf(version)), timeout,
                    QueryRunner::rows)
                    .orElseThrow(() -> new ApiException(501, "'" + asOf.parameter()
                            + "' (the state as of an edition) needs the embedded store; this server reaches its store over HTTP"));
        } catch (StoreFailure e) {
            if (e.getCause() instanceof ParameterException unknownEdition) {
                throw unknownEdition; // the view found no such edition: the request's parameter, a 400
            }
            throw apiError(e, timeout);
        }
    }

    /**
     * With a limit of its own, for work that is not a request: the cache warm-up, done once per data
     * version, may take longer than a request may.
     */
    Rows run(Query query, Duration limit) {
        try {
            fullText.check(query);
            return store.read(query, limit, QueryRunner::rows);
        } catch (StoreFailure e) {
            throw apiError(e, limit);
        }
    }

    private static Rows rows(QueryExec exec) {
        RowSet rowSet = exec.select();
        List<String> vars = rowSet.getResultVars().stream().map(v -> v.getVarName()).toList();
        List<Binding> rows = new ArrayList<>();
        // Copied: a TDB2 row decodes its values lazily, and only inside the transaction.
        rowSet.forEachRemaining(row -> rows.add(BindingFactory.copy(row)));
        return new Rows(vars, rows);
    }

    /** The API's statuses: 503 for a query over its limit (as Retry-able), 400 for values the store refused. */
    private static ApiException apiError(StoreFailure e, Duration limit) {
        return switch (e.kind()) {
            // A query over one of the query limits (querylimits): 422 asks too much, 503 no room now.
            case OVER_LIMIT -> new ApiException(e.storeStatus(), e.reason());
            case TIMEOUT -> e.storeStatus() > 0 ? new ApiException(503, "the store did not answer in time")
                    : new ApiException(503, "the query took longer than " + limit.toSeconds() + " s");
            // Our query texts are checked at start, so this comes from a value the store could not use
            // (for example the text index's query syntax).
            case BAD_QUERY -> new ApiException(400, "the store could not run the query with these values: " + e.reason());
            case UNREACHABLE -> new ApiException(502, "the store failed: the store is not reachable");
            case STORE_ERROR -> new ApiException(502, "the store failed"
                    + (e.storeStatus() > 0 ? " (HTTP " + e.storeStatus() + ")" : "")
                    + (e.reason().isEmpty() ? "" : ": " + e.reason()));
        };
    }
}
