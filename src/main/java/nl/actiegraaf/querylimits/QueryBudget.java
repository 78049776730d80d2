package nl.actiegraaf.querylimits;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * The memory one query's made strings may hold (group concatenations, long CONCAT and REPLACE results),
 * counted in characters, and the share it takes of a budget over all queries. Counting is conservative:
 * what was made stays counted until the query ends, since an ORDER BY, a GROUP BY or a CONSTRUCT graph
 * may keep it. A caller that runs the query opens a budget and closes it at the end ({@link #open()}),
 * which returns the shared part; an execution without one gets a budget of its own, not shared.
 */
public final class QueryBudget implements AutoCloseable {
    /** Where an execution's context holds its budget. */
    public static final Symbol SYMBOL = Symbol.create("urn:actiegraaf:query-budget");
    private static final AtomicLong OVERALL_USED = new AtomicLong();

    private final boolean shared;
    private final AtomicLong used = new AtomicLong();
    private volatile boolean closed;

    private QueryBudget(boolean shared) {
        this.shared = shared;
    }

    /** A budget that takes its share of the overall one; close it when the query has ended. */
    public static QueryBudget open() {
        return new QueryBudget(true);
    }

    /** Characters of the overall budget in use now (for tests and health). */
    public static long overallInUse() {
        return OVERALL_USED.get();
    }

    /** The budget of the execution evaluating an expression. */
    static QueryBudget of(FunctionEnv env) {
        Context context = env == null ? null : env.getContext();
        if (context == null) {
            return new QueryBudget(false);
        }
        Object budget = context.get(SYMBOL);
        if (budget instanceof QueryBudget existing) {
            return existing;
        }
        QueryBudget own = new QueryBudget(false);
        context.set(SYMBOL, own);
        return own;
    }

    /** Counts {@code chars} more; over either budget the query ends (422 its own, 503 the shared one). */
    void charge(long chars) {
        long now = used.addAndGet(chars);
        if (now > QueryLimits.QUERY_BUDGET_CHARS) {
            throw QueryLimitException.tooLarge("The query makes more than " + (QueryLimits.QUERY_BUDGET_CHARS >> 20)
                    + " Mi characters of strings (GROUP_CONCAT, CONCAT, REPLACE): aggregate less or add a LIMIT");
        }
        if (shared && !closed) {
            if (OVERALL_USED.addAndGet(chars) > QueryLimits.OVERALL_BUDGET_CHARS) {
                OVERALL_USED.addAndGet(-chars);
                used.addAndGet(-chars);
                throw QueryLimitException.busy("The server has no memory left for this query's strings now; retry later");
            }
        }
    }

    /** Returns this query's share of the overall budget. */
    @Override
    public void close() {
        if (shared && !closed) {
            closed = true;
            OVERALL_USED.addAndGet(-used.get());
        }
    }
}
