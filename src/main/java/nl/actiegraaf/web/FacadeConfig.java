package nl.actiegraaf.web;

import java.net.URI;
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
 * @param headerTimeout a request's line and headers must arrive within this from the connection's start or
 *     the end of its previous answer (a keep-alive connection left idle is closed after it too)
 * @param bodyTimeout a request's body must arrive within this from the end of its headers
 * @param publicBase the base URL the site is reached at, for the absolute URLs it writes; null: the
 *     forwarded one behind a trusted proxy, else the server's own {@code http://host:port}
 * @param trustedProxies the direct peers whose forwarding headers count ({@link ClientOrigin})
 */
public record FacadeConfig(Store store, String host, int port, Path queriesDir, Path ontologyFile,
                           Duration queryTimeout, int maxQueryBytes, int maxRunningQueries,
                           int maxRunningQueriesPerClient, long maxRows, Duration headerTimeout, Duration bodyTimeout,
                           URI publicBase, TrustedProxies trustedProxies) {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_QUERY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_RUNNING_QUERIES = 16;
    public static final int DEFAULT_MAX_RUNNING_QUERIES_PER_CLIENT = 4;
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

    public FacadeConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        trustedProxies = trustedProxies == null ? TrustedProxies.NONE : trustedProxies;
        if (publicBase != null) {
            ClientOrigin.checkedBase(publicBase);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("read timeouts must be positive");
        }
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
                DEFAULT_MAX_RUNNING_QUERIES, DEFAULT_MAX_RUNNING_QUERIES_PER_CLIENT, RowCap.DEFAULT_MAX_ROWS, DEFAULT_HEADER_TIMEOUT,
                DEFAULT_BODY_TIMEOUT, null, TrustedProxies.NONE);
    }

    public FacadeConfig withQueryTimeout(Duration timeout) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, timeout, maxQueryBytes,
                maxRunningQueries, maxRunningQueriesPerClient, maxRows, headerTimeout, bodyTimeout, publicBase, trustedProxies);
    }

    public FacadeConfig withConcurrency(int overall, int perClient) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, queryTimeout, maxQueryBytes,
                overall, perClient, maxRows, headerTimeout, bodyTimeout, publicBase, trustedProxies);
    }

    public FacadeConfig withMaxRows(long rows) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, queryTimeout, maxQueryBytes,
                maxRunningQueries, maxRunningQueriesPerClient, rows, headerTimeout, bodyTimeout, publicBase, trustedProxies);
    }

    /** Slow senders: the time a request's headers, and then its body, may take to arrive. */
    public FacadeConfig withReadTimeouts(Duration headers, Duration body) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, queryTimeout, maxQueryBytes,
                maxRunningQueries, maxRunningQueriesPerClient, maxRows, headers, body, publicBase, trustedProxies);
    }

    /** Where the site is reached ({@code null}: see {@link ClientOrigin}) and which proxies to believe. */
    public FacadeConfig withOrigin(URI base, TrustedProxies proxies) {
        return new FacadeConfig(store, host, port, queriesDir, ontologyFile, queryTimeout, maxQueryBytes,
                maxRunningQueries, maxRunningQueriesPerClient, maxRows, headerTimeout, bodyTimeout, base, proxies);
    }

    /**
     * How long a write may wait for a client that reads nothing (Jetty's idle timeout): the query limit.
     * An answer being written is cut at its query's limit anyway; this bounds the answers that hold no
     * query place (cached, complete, pages) and idle reads alike.
     */
    public Duration idleTimeout() {
        return queryTimeout;
    }
}
