package nl.actiegraaf.querylimits;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * SPARQL's {@code REGEX} (and {@code fn:matches}) matched over a {@link CancellableText}, so that a
 * pattern that backtracks exponentially stops at the query's time limit instead of running on for
 * minutes after the client has gone. A constant pattern is compiled once.
 */
final class DeadlineRegex extends ExprFunctionN {
    private final Pattern constant;
    private final Deadline deadline;

    /** @param deadline of the execution the plan is for */
    DeadlineRegex(ExprList args, Deadline deadline) {
        super("regex", args);
        this.deadline = deadline;
        constant = constantPattern(args, 1);
    }

    static Pattern constantPattern(ExprList args, int patternIndex) {
        Expr pattern = args.get(patternIndex);
        Expr flags = args.size() > patternIndex + 1 ? args.get(patternIndex + 1) : NodeValue.makeString("");
        if (pattern.isConstant() && flags.isConstant()
                && pattern.getConstant().isString() && flags.getConstant().isString()) {
            return Strings.compile(pattern.getConstant().getString(), flags.getConstant().getString());
        }
        return null;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        String text = Strings.text(args.get(0), "REGEX");
        Pattern pattern = constant != null ? constant
                : Strings.compile(Strings.text(args.get(1), "REGEX"), args.size() > 2 ? Strings.text(args.get(2), "REGEX") : "");
        return NodeValue.booleanReturn(pattern.matcher(new CancellableText(text, deadline)).find());
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new DeadlineRegex(newArgs, deadline);
    }
}
