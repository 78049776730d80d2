package nl.actiegraaf.querylimits;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction0;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * A filter that is always true, until the query is cancelled: then it ends the execution. Placed
 * ({@link LimitsRewrite}) beneath the operators that ARQ evaluates eagerly before their first row
 * (the hash table of a MINUS or join, the groups of an aggregate, a sort), so their input is read with
 * a look at the query's cancel signal per row, where ARQ looks only between the rows they give out.
 */
final class CancelPoint extends ExprFunction0 {
    static final String NAME = "urn:actiegraaf:cancel-point";

    private final Deadline deadline;

    /** @param deadline the plan's: ARQ builds some operators (a hash join's table) before its own timer starts */
    CancelPoint(Deadline deadline) {
        super(NAME);
        this.deadline = deadline;
    }

    @Override
    public NodeValue eval(FunctionEnv env) {
        check(signal(env));
        deadline.check();
        return NodeValue.TRUE;
    }

    @Override
    public Expr copy() {
        return new CancelPoint(deadline);
    }

    /** The cancel signal of the execution evaluating an expression (set by its timeout or abort). */
    static AtomicBoolean signal(FunctionEnv env) {
        if (env instanceof ExecutionContext execution) {
            return execution.getCancelSignal();
        }
        return env == null || env.getContext() == null ? null : Context.getCancelSignal(env.getContext());
    }

    static void check(AtomicBoolean signal) {
        if (signal != null && signal.get()) {
            throw new QueryCancelledException();
        }
    }
}
