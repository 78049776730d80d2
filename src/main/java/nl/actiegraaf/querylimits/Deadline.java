package nl.actiegraaf.querylimits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.util.Context;

/**
 * When a query's expensive functions must stop: when its execution is cancelled (Jena's timeout or an
 * abort), or when its time limit has passed since its plan was built. The second matters because ARQ
 * starts its timer only once the plan is built, while the optimizer already evaluates constant
 * expressions: {@code FILTER(REGEX("aaa...!", "^(a|a){1,40}$"))} runs entirely inside plan building.
 */
record Deadline(AtomicBoolean cancelled, long deadlineNanos) {
    /**
     * Without a limit in the context (set by the caller, or Fuseki's {@code arq:queryTimeout}) the query has
     * none: the store's own work at load (VoID statistics at 1,000x the seed) must not be cut.
     */
    static final Duration NO_LIMIT = Duration.ofDays(365);

    static Deadline of(Context context) {
        AtomicBoolean signal = context == null ? null : Context.getOrSetCancelSignal(context);
        return new Deadline(signal, System.nanoTime() + limit(context).toNanos());
    }

    static Duration limit(Context context) {
        if (context == null) {
            return NO_LIMIT;
        }
        Object own = context.get(QueryLimits.TIME_LIMIT);
        if (own instanceof Duration duration) {
            return duration;
        }
        Object configured = context.get(ARQ.queryTimeout);
        if (configured != null) {
            try {
                // "10000" or "10000,20000" (first row, overall): the overall, else the only one
                String[] parts = configured.toString().split(",");
                return Duration.ofMillis(Long.parseLong(parts[parts.length - 1].strip()));
            } catch (NumberFormatException notANumber) {
                return NO_LIMIT;
            }
        }
        return NO_LIMIT;
    }

    /** Throws {@link QueryCancelledException} once the query must stop. */
    void check() {
        if ((cancelled != null && cancelled.get()) || System.nanoTime() - deadlineNanos > 0) {
            throw new QueryCancelledException();
        }
    }
}
