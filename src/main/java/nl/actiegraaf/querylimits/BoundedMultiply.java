package nl.actiegraaf.querylimits;

import java.math.BigDecimal;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Multiplication that refuses to make a number of more than {@link QueryLimits#MAX_NUMBER_DIGITS}
 * digits: twenty squarings in a row make a number of a million digits, whose product and whose
 * {@code STR()} take minutes of CPU inside one expression, where no time limit can reach.
 */
final class BoundedMultiply extends E_Multiply {
    BoundedMultiply(Expr left, Expr right) {
        super(left, right);
    }

    @Override
    public NodeValue eval(NodeValue x, NodeValue y) {
        if (digits(x) + digits(y) > QueryLimits.MAX_NUMBER_DIGITS) {
            throw QueryLimitException.tooLarge("A multiplication would make a number of more than "
                    + QueryLimits.MAX_NUMBER_DIGITS + " digits, the most a value may have");
        }
        return super.eval(x, y);
    }

    private static long digits(NodeValue value) {
        if (value.isInteger()) {
            return (long) (value.getInteger().bitLength() * 0.30103) + 1;
        }
        if (value.isDecimal()) {
            BigDecimal decimal = value.getDecimal();
            return decimal.precision() + Math.abs((long) decimal.scale());
        }
        return 0; // float and double overflow to infinity within their fixed size
    }

    @Override
    public Expr copy(Expr left, Expr right) {
        return new BoundedMultiply(left, right);
    }
}
