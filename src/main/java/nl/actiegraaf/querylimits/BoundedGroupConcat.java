package nl.actiegraaf.querylimits;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * {@code GROUP_CONCAT} whose result may be as long as one value may be ({@link QueryLimits#MAX_STRING_CHARS})
 * and whose text counts against the query's memory budget as it grows: over a cross product the plain
 * one grows to gigabytes and ends in an OutOfMemoryError. Same answers otherwise (lexical forms joined by
 * the separator; an error in any row leaves the group's value unbound).
 */
final class BoundedGroupConcat {
    private BoundedGroupConcat() {
    }

    /** The bounded version of a GROUP_CONCAT aggregator, or null when {@code aggregator} is none. */
    static Aggregator of(Aggregator aggregator) {
        if (aggregator instanceof AggGroupConcat plain && !(plain instanceof Plain)) {
            return new Plain(plain.getExprList().get(0), plain.getSeparator());
        }
        if (aggregator instanceof AggGroupConcatDistinct distinct && !(distinct instanceof Distinct)) {
            return new Distinct(distinct.getExprList().get(0), distinct.getSeparator());
        }
        return null;
    }

    private static final class Plain extends AggGroupConcat {
        private final String separator;

        Plain(Expr expr, String separator) {
            super(expr, separator);
            this.separator = separator == null ? " " : separator;
        }

        @Override
        public Accumulator createAccumulator() {
            return new Concatenation(getExprList().get(0), separator, false);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Plain(exprs.get(0), getSeparator());
        }
    }

    private static final class Distinct extends AggGroupConcatDistinct {
        private final String separator;

        Distinct(Expr expr, String separator) {
            super(expr, separator);
            this.separator = separator == null ? " " : separator;
        }

        @Override
        public Accumulator createAccumulator() {
            return new Concatenation(getExprList().get(0), separator, true);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Distinct(exprs.get(0), getSeparator());
        }
    }

    private static final class Concatenation implements Accumulator {
        private final Expr expr;
        private final String separator;
        private final Set<Node> seen;
        private final StringBuilder text = new StringBuilder();
        private boolean first = true;
        private boolean failed;
        private long charged;

        Concatenation(Expr expr, String separator, boolean distinct) {
            this.expr = expr;
            this.separator = separator;
            this.seen = distinct ? new HashSet<>() : null;
        }

        @Override
        public void accumulate(Binding binding, FunctionEnv env) {
            if (failed) {
                return;
            }
            NodeValue value;
            try {
                value = expr.eval(binding, env);
            } catch (ExprEvalException e) {
                failed = true;
                return;
            }
            if (seen != null && !seen.add(value.asNode())) {
                return;
            }
            String lexical = value.asNode().isLiteral() ? value.asNode().getLiteralLexicalForm() : value.asString();
            Strings.checkLength((long) text.length() + separator.length() + lexical.length(), "GROUP_CONCAT");
            if (!first) {
                text.append(separator);
            }
            first = false;
            text.append(lexical);
            // Counted in steps as it grows: the group's text is live until the group is written out.
            if (text.length() - charged >= QueryLimits.BIG_STRING_CHARS) {
                QueryBudget.of(env).charge(text.length() - charged);
                charged = text.length();
            }
        }

        @Override
        public NodeValue getValue() {
            return failed ? null : NodeValue.makeString(text.toString());
        }
    }
}
