package nl.actiegraaf.querylimits;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * SPARQL's {@code REPLACE} (and {@code fn:replace}): matched over a {@link CancellableText} like
 * {@link DeadlineRegex}, and its result built piece by piece within the longest string a value may be,
 * since a short replacement such as {@code "$0$0$0$0"} multiplies the input.
 */
final class DeadlineReplace extends ExprFunctionN {
    private final Pattern constant;
    private final Deadline deadline;

    /** @param deadline of the execution the plan is for */
    DeadlineReplace(ExprList args, Deadline deadline) {
        super("replace", args);
        Expr pattern = args.get(1);
        Expr flags = args.size() > 3 ? args.get(3) : NodeValue.makeString("");
        this.deadline = deadline;
        constant = pattern.isConstant() && flags.isConstant() && pattern.getConstant().isString()
                && flags.getConstant().isString()
                ? Strings.compile(pattern.getConstant().getString(), flags.getConstant().getString()) : null;
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        NodeValue input = args.get(0);
        String text = Strings.text(input, "REPLACE");
        Pattern pattern = constant != null ? constant
                : Strings.compile(Strings.text(args.get(1), "REPLACE"), args.size() > 3 ? Strings.text(args.get(3), "REPLACE") : "");
        String replacement = Strings.text(args.get(2), "REPLACE");
        if (pattern.matcher("").matches()) {
            throw new ExprEvalException("REPLACE: the pattern matches the empty string");
        }
        Matcher matcher = pattern.matcher(new CancellableText(text, deadline));
        StringBuilder out = new StringBuilder();
        try {
            while (matcher.find()) {
                matcher.appendReplacement(out, replacement);
                Strings.checkLength(out.length(), "REPLACE");
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException badReplacement) {
            throw new ExprEvalException("REPLACE: bad replacement: " + badReplacement.getMessage());
        }
        matcher.appendTail(out);
        Strings.checkLength(out.length(), "REPLACE");
        Strings.charge(env, out.length());
        String result = out.toString();
        return input.isLangString() ? NodeValue.makeLangString(result, input.getLang()) : NodeValue.makeString(result);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return eval(args, null);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new DeadlineReplace(newArgs, deadline);
    }
}
