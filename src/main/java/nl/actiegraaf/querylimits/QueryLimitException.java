package nl.actiegraaf.querylimits;

import org.apache.jena.query.QueryExecException;

/**
 * A query stopped because it went over one of the {@link QueryLimits}: not an expression error (which
 * SPARQL would turn into an unbound value and go on), but the end of the whole execution, with the
 * HTTP status the client should see: 422 when the query itself asks for too much (and rewriting it
 * helps), 503 when the server as a whole has no room for it now (and retrying later helps).
 */
public final class QueryLimitException extends QueryExecException {
    private final int status;

    private QueryLimitException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The query asks for more than one query may have. */
    public static QueryLimitException tooLarge(String message) {
        return new QueryLimitException(422, message);
    }

    /** The query is refused before it runs, with {@code status} (400, 403, 422). */
    static QueryLimitException refused(int status, String message) {
        return new QueryLimitException(status, message);
    }

    /** The server's shared budget is spent by other queries. */
    public static QueryLimitException busy(String message) {
        return new QueryLimitException(503, message);
    }

    public int status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected refusal: no stack to log or to build on every over-budget row
    }
}
