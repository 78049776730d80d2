package nl.actiegraaf.querylimits;

import java.util.List;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;

/**
 * SPARQL's {@code CONCAT} that adds up its arguments' lengths before it joins them: a thousand copies of
 * a long string end the query with a clear answer instead of filling the heap first.
 */
final class BoundedConcat extends ExprFunctionN {
    BoundedConcat(ExprList args) {
        super("concat", args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        long length = 0;
        for (NodeValue arg : args) {
            length += Strings.text(arg, "CONCAT").length();
        }
        Strings.checkLength(length, "CONCAT");
        Strings.charge(env, length);
        return XSDFuncOp.strConcat(args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return eval(args, null);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new BoundedConcat(newArgs);
    }
}
