package nl.actiegraaf.web;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import nl.actiegraaf.querylimits.QueryLimitException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * Why a query at the store failed, told apart once for every route ({@link StoreClient}); each route
 * turns the kind into its own status ({@code /sparql} 504 for a timeout, the JSON API 503, ...).
 */
public final class StoreFailure extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** The time limit passed (the engine's, the HTTP wait's or the deadline's). */
        TIMEOUT,
        /** No connection to a remote store. */
        UNREACHABLE,
        /** The query could not run with these values (the engine refused it, or the store said 400). */
        BAD_QUERY,
        /**
         * The query went over one of the query limits ({@code querylimits}): {@link #storeStatus()} is the
         * status the limit chose (422: the query asks too much; 503: no room for it now).
         */
        OVER_LIMIT,
        /** The store answered with an error status, or broke off. */
        STORE_ERROR
    }

    private final Kind kind;
    private final int storeStatus;
    private final Duration limit;

    private StoreFailure(Kind kind, int storeStatus, Duration limit, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.storeStatus = storeStatus;
        this.limit = limit;
    }

    public Kind kind() {
        return kind;
    }

    /** The remote store's HTTP status (for {@link Kind#OVER_LIMIT}: the limit's status), or 0. */
    public int storeStatus() {
        return storeStatus;
    }

    /** The first line of the reason, for a one-line error. */
    public String reason() {
        String message = getMessage();
        return message == null ? "" : HttpPolicy.oneLine(message);
    }

    /** The limit as people read it: {@code 10 s}, {@code 500 ms}. */
    public String limitText() {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    static StoreFailure of(RuntimeException e, boolean deadlinePassed, Duration limit) {
        QueryLimitException overLimit = cause(e, QueryLimitException.class);
        if (overLimit != null) {
            return new StoreFailure(Kind.OVER_LIMIT, overLimit.status(), limit, overLimit.getMessage(), e);
        }
        if (deadlinePassed || causedBy(e, QueryCancelledException.class) || causedBy(e, HttpTimeoutException.class)) {
            return new StoreFailure(Kind.TIMEOUT, 0, limit, "time limit exceeded", e);
        }
        if (causedBy(e, ConnectException.class)) {
            return new StoreFailure(Kind.UNREACHABLE, 0, limit, "the store is not reachable", e);
        }
        int status = e instanceof QueryExceptionHTTP http ? http.getStatusCode()
                : e instanceof HttpException http ? http.getStatusCode() : 0;
        String message = e instanceof QueryExceptionHTTP http && http.getResponseMessage() != null
                ? http.getResponseMessage() : String.valueOf(e.getMessage());
        if (status == 400 || status <= 0 && e instanceof QueryException) {
            return new StoreFailure(Kind.BAD_QUERY, status, limit, message, e);
        }
        if (status == 503 || status == 504) {
            // Fuseki's answer to a query over its own limit.
            return new StoreFailure(Kind.TIMEOUT, status, limit, message, e);
        }
        return new StoreFailure(Kind.STORE_ERROR, status, limit, message, e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
