package nl.actiegraaf.web;

import io.javalin.http.Context;
import org.apache.jena.query.Query;

/**
 * A cap on the solutions one answer may hold (rows of a SELECT, solutions behind a CONSTRUCT), as public
 * endpoints set one.
 * Never a silent cut: a query that asks for more than the cap (or sets no LIMIT) is sent to the store
 * with {@code LIMIT cap}, and the answer says so in the header {@value #HEADER}: an answer with that
 * header and exactly {@code cap} rows may have been cut, and the client pages on with LIMIT/OFFSET.
 * A query whose own LIMIT is within the cap goes to the store as the client wrote it.
 */
public final class RowCap {
    /** Solutions per answer; the whole seed graph is a few thousand triples. */
    public static final long DEFAULT_MAX_ROWS = 100_000;
    /** The header name Virtuoso uses for the same fact, so that clients that know it understand it. */
    public static final String HEADER = "X-SPARQL-MaxRows";

    private RowCap() {
    }

    /** The query to run: {@code query} itself, or a copy with the cap as LIMIT (and the header set). */
    public static Query capped(Context ctx, Query query, long maxRows) {
        if (!(query.isSelectType() || query.isConstructType()) || (query.hasLimit() && query.getLimit() <= maxRows)) {
            return query;
        }
        Query capped = query.cloneQuery();
        capped.setLimit(maxRows);
        ctx.header(HEADER, Long.toString(maxRows));
        return capped;
    }
}
