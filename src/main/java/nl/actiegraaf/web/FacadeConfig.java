package nl.actiegraaf.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import nl.actiegraaf.store.Store;

/**
 * Everything the facade needs to start, as plain values.
 *
 * @param store where the data lives; the facade reads it through its link only ({@link Store#link()}),
 *     and does not close it
 * @param host the address to bind to, for example {@code 127.0.0.1}
 * @param port the port to bind to; 0 picks a free one ({@link Facade#port()} tells which)
 * @param queriesDir the folder of curated {@code .rq} queries (may be null: no curated queries)
 * @param ontologyFile the ontology in Turtle, served at {@code /def} (may be null: served from the store)
 * @param queryTimeout the wall-clock limit of one SPARQL query; a client may ask for less, never more
 * @param maxQueryBytes query text longer than this is refused with 413
 * @param maxRunningQueries SPARQL queries and downloads running at once, over all clients (more: 503)
 * @param maxRunningQueriesPerClient the same per client address (more: 429)
 * @param maxRows the row cap of one {@code /sparql} answer ({@link RowCap}): solutions of a SELECT or behind a CONSTRUCT
 */
public record FacadeConfig(Store store, String host, int port, Path queriesDir, Path ontologyFile,
                           Duration queryTimeout, int maxQueryBytes, int maxRunningQueries,
                           int maxRunningQueriesPerClient, long maxRows) {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_QUERY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_RUNNING_QUERIES = 16;
    public static final int DEFAULT_MAX_RUNNING_QUERIES_PER_CLIENT = 4;

    public FacadeConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxQueryBytes < 1 || maxRunningQueries < 1 || maxRunningQueriesPerClient < 1 || maxRows < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("queryTimeout must be positive: " + queryTimeout);
        }
    }

    /** With the default limits. */
    public FacadeConfig(Store store, String host, int port, Path queriesDir, Path ontologyFile) {
        this(store, host, port, queriesDir, ontologyFile, DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_QUERY_BYTES,
                DEFAULT_MAX_RUNNING_QUERIES, DEFAULT_MAX_RUNNING_QUERIES_PER_CLIENT, RowCap.DEFAULT_MAX_ROWS);
    }

    public FacadeConfig withQueryTimeout(Duration timeout) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, timeout, maxQueryBytes,
                maxRunningQueries, maxRunningQueriesPerClient, maxRows);
    }

    public FacadeConfig withConcurrency(int overall, int perClient) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, queryTimeout, maxQueryBytes,
                overall, perClient, maxRows);
    }

    public FacadeConfig withMaxRows(long rows) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, queryTimeout, maxQueryBytes,
                maxRunningQueries, maxRunningQueriesPerClient, rows);
    }
}
