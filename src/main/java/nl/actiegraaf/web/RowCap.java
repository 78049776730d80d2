package nl.actiegraaf.web;

import io.javalin.http.Context;
import org.apache.jena.query.Query;

/**
 * A cap on the solutions one answer may hold (rows of a SELECT, solutions behind a CONSTRUCT), as public
 * endpoints set one.
 * Never a silent cut, and never a false alarm: a query that asks for more than the cap (or sets no LIMIT)
 * is sent to the store with {@code LIMIT cap+1}; when the store gives that one row more, the answer holds
 * the first {@code cap} and says so in the header {@value #HEADER} (the client pages on with LIMIT/OFFSET).
 * An answer that was not cut has no such header. A query whose own LIMIT is within the cap goes to the
 * store as the client wrote it.
 *
 * @param query the query to run
 * @param cap the most solutions of the answer, or {@link #NONE} when the query's own LIMIT bounds it
 */
public record RowCap(Query query, long cap) {
    /** Solutions per answer; the whole seed graph is a few thousand triples. */
    public static final long DEFAULT_MAX_ROWS = 100_000;
    /** The header name Virtuoso uses for the same fact, so that clients that know it understand it. */
    public static final String HEADER = "X-SPARQL-MaxRows";
    /** No cap to watch. */
    public static final long NONE = -1;

    /** True when the answer must be counted: the store was asked for one solution past the cap. */
    public boolean watched() {
        return cap != NONE;
    }

    /** The query to run: {@code query} itself, or a copy asking one solution past the cap. */
    public static RowCap of(Query query, long maxRows) {
        if (!(query.isSelectType() || query.isConstructType()) || (query.hasLimit() && query.getLimit() <= maxRows)) {
            return new RowCap(query, NONE);
        }
        Query capped = query.cloneQuery();
        capped.setLimit(maxRows + 1);
        return new RowCap(capped, maxRows);
    }

    /** Tells the client its answer was cut (before the first byte of the body). */
    void cut(Context ctx) {
        ctx.header(HEADER, Long.toString(cap));
    }
}
