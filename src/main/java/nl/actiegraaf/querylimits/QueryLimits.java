package nl.actiegraaf.querylimits;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.sys.JenaSystem;

/**
 * The bounds every SPARQL query in this JVM runs within, wherever it runs (the facade's {@code /sparql},
 * the curated queries, the embedded Fuseki's own endpoint): ARQ's time limit ends a query only between
 * rows, so the work that happens before the first row or inside one expression gets cancellation
 * points and size bounds of its own ({@link LimitsRewrite}); shapes without any bound are refused
 * before they run ({@link QueryShapeCheck}).
 */
public final class QueryLimits {
    /** The longest string one expression may make (CONCAT, REPLACE, GROUP_CONCAT): 1 Mi characters. */
    public static final int MAX_STRING_CHARS = 1 << 20;
    /** The most decimal digits a number may grow to by multiplication. */
    public static final int MAX_NUMBER_DIGITS = 10_000;
    /** Made strings at least this long count against the memory budgets (shorter ones are garbage per row). */
    static final int BIG_STRING_CHARS = 64 * 1024;
    /** Characters of big made strings one query may hold (about 32 MiB). */
    public static final long QUERY_BUDGET_CHARS = 16L << 20;
    /** The same over all queries running at once (about 128 MiB). */
    public static final long OVERALL_BUDGET_CHARS = 64L << 20;

    /** A query's time limit (a {@link java.time.Duration}) in its execution context, set by whoever runs it. */
    public static final Symbol TIME_LIMIT = Symbol.create("urn:actiegraaf:time-limit");

    private static volatile boolean installed;

    private QueryLimits() {
    }

    /** Puts the limits into ARQ's global context, once: every later query execution in this JVM gets them. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        JenaSystem.init(); // ARQ's constants must not be the first of Jena a JVM touches
        install(ARQ.getContext());
        installed = true;
    }

    /** Puts the limits into {@code context} (a dataset's or an execution's), around the optimizer it had. */
    public static void install(Context context) {
        Object existing = context.get(ARQConstants.sysOptimizerFactory);
        if (existing instanceof LimitsRewrite.Factory) {
            return;
        }
        RewriteFactory optimizer = existing instanceof RewriteFactory factory ? factory : Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, new LimitsRewrite.Factory(optimizer));
    }
}
