package nl.actiegraaf.querylimits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.util.Context;

/**
 * The query plan as ARQ's optimizer made it, with the limits built in: a {@link CancelPoint} beneath each
 * operator that reads all of its input before giving its first row (MINUS, joins, groups, sorts,
 * DISTINCT), and the functions that can do unbounded work or make unbounded values inside one expression
 * replaced by versions that stop at the time limit or at a size bound (REGEX, REPLACE, CONCAT,
 * multiplication, GROUP_CONCAT). Runs after the optimizer, so its choices are unchanged.
 */
final class LimitsRewrite extends TransformCopy {
    private static final String FN = "http://www.w3.org/2005/xpath-functions#";

    /** Wraps the optimizer a context had (Jena's standard one by default). */
    record Factory(RewriteFactory optimizer) implements RewriteFactory {
        @Override
        public Rewrite create(Context context) {
            Rewrite optimize = optimizer.create(context);
            Deadline deadline = Deadline.of(context);
            // Functions first: the optimizer folds constant expressions, so a REGEX over constants runs
            // while the plan is built, and it must already be the version that stops.
            // Cancel points only where there is a limit to hold: their hidden variables would otherwise show
            // in the bindings of the JVM's own unlimited queries (load-time statistics, the TK linker).
            boolean limited = !Deadline.NO_LIMIT.equals(Deadline.limit(context));
            return op -> {
                Op planned = optimize.rewrite(withBoundedFunctions(op, deadline));
                if (!limited) {
                    return planned;
                }
                // The cancel points' hidden variables are projected away again, so no binding carries them.
                return new OpProject(withCancelPoints(planned, deadline), new ArrayList<>(OpVars.visibleVars(planned)));
            };
        }
    }

    static Op withBoundedFunctions(Op op, Deadline deadline) {
        return Transformer.transform(new TransformCopy(), new BoundedFunctions(deadline), op);
    }

    static Op withCancelPoints(Op op, Deadline deadline) {
        return Transformer.transform(new LimitsRewrite(deadline), new ExprTransformCopy(), op);
    }

    private final Deadline deadline;
    private final AtomicInteger checks = new AtomicInteger();

    private LimitsRewrite(Deadline deadline) {
        this.deadline = deadline;
    }

    private Op checked(Op op) {
        return OpFilter.filterBy(new ExprList(new CancelPoint(deadline)), op);
    }

    /**
     * A pattern's rows each pass a cancel point before anything above can drop them: a FILTER that
     * rejects every row of a product inside MINUS lets no row reach a check placed higher up. A BIND of
     * a variable of its own (unique, so no join or MINUS shares it; never projected) rather than a FILTER,
     * since TDB2 places a FILTER without variables ahead of the pattern, where it would run once.
     */
    private Op checkedRows(Op pattern) {
        return OpExtend.create(pattern, Var.alloc(".cancel" + checks.incrementAndGet()), new CancelPoint(deadline));
    }

    @Override
    public Op transform(OpBGP opBGP) {
        return opBGP.getPattern().isEmpty() ? opBGP : checkedRows(opBGP);
    }

    @Override
    public Op transform(OpQuadPattern quadPattern) {
        return quadPattern.isEmpty() ? quadPattern : checkedRows(quadPattern);
    }

    @Override
    public Op transform(OpTriple opTriple) {
        return checkedRows(opTriple);
    }

    @Override
    public Op transform(OpPath opPath) {
        return checkedRows(opPath);
    }

    @Override
    public Op transform(OpMinus opMinus, Op left, Op right) {
        return OpMinus.create(checked(left), checked(right));
    }

    @Override
    public Op transform(OpJoin opJoin, Op left, Op right) {
        return OpJoin.create(checked(left), checked(right));
    }

    @Override
    public Op transform(OpLeftJoin opLeftJoin, Op left, Op right) {
        return OpLeftJoin.create(left, checked(right), opLeftJoin.getExprs());
    }

    @Override
    public Op transform(OpOrder opOrder, Op sub) {
        return new OpOrder(checked(sub), opOrder.getConditions());
    }

    @Override
    public Op transform(OpTopN opTop, Op sub) {
        return new OpTopN(checked(sub), opTop.getLimit(), opTop.getConditions());
    }

    @Override
    public Op transform(OpDistinct opDistinct, Op sub) {
        return OpDistinct.create(checked(sub));
    }

    @Override
    public Op transform(OpReduced opReduced, Op sub) {
        return OpReduced.create(checked(sub));
    }

    @Override
    public Op transform(OpGroup opGroup, Op sub) {
        List<ExprAggregator> aggregators = new ArrayList<>();
        for (ExprAggregator aggregator : opGroup.getAggregators()) {
            Aggregator bounded = BoundedGroupConcat.of(aggregator.getAggregator());
            aggregators.add(bounded == null ? aggregator : new ExprAggregator(aggregator.getVar(), bounded));
        }
        return OpGroup.create(checked(sub), opGroup.getGroupVars(), aggregators);
    }

    /** The bounded and deadline-aware versions of the expensive functions. */
    static final class BoundedFunctions extends ExprTransformCopy {
        private final Deadline deadline;

        BoundedFunctions(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof DeadlineRegex)) {
                return new DeadlineRegex(args, deadline);
            }
            if (func instanceof E_StrReplace) {
                return new DeadlineReplace(args, deadline);
            }
            if (func instanceof E_StrConcat) {
                return new BoundedConcat(args);
            }
            if (func instanceof E_Function call) {
                if (BoundedNumberCast.NUMERIC_TYPES.contains(call.getFunctionIRI()) && args.size() == 1) {
                    return new BoundedNumberCast(call.getFunctionIRI(), args);
                }
                switch (call.getFunctionIRI()) {
                    case FN + "matches" -> {
                        if (args.size() >= 2 && args.size() <= 3) {
                            return new DeadlineRegex(args, deadline);
                        }
                    }
                    case FN + "replace" -> {
                        if (args.size() >= 3 && args.size() <= 4) {
                            return new DeadlineReplace(args, deadline);
                        }
                    }
                    case FN + "concat" -> {
                        return new BoundedConcat(args);
                    }
                    default -> {
                    }
                }
            }
            return super.transform(func, args);
        }

        @Override
        public Expr transform(ExprFunction2 func, Expr left, Expr right) {
            if (func instanceof E_Multiply && !(func instanceof BoundedMultiply)) {
                return new BoundedMultiply(left, right);
            }
            if (func instanceof org.apache.jena.sparql.expr.E_StrDatatype
                    && !(func instanceof BoundedNumberCast.BoundedStrDatatype)) {
                return new BoundedNumberCast.BoundedStrDatatype(left, right);
            }
            return super.transform(func, left, right);
        }
    }
}
