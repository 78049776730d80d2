package nl.actiegraaf.querylimits;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/** What the bounded string functions share: argument checks as SPARQL defines them, XPath flags, size checks. */
final class Strings {
    private Strings() {
    }

    /** The lexical form of a string argument (simple, xsd:string or language-tagged), else an expression error. */
    static String text(NodeValue value, String function) {
        if (value.isString() || value.isLangString()) {
            return value.asNode().getLiteralLexicalForm();
        }
        throw new ExprEvalException(function + ": not a string: " + value);
    }

    /** XPath's regex flags (s, m, i, x, q) as Java's. */
    static Pattern compile(String pattern, String flags) {
        int mask = 0;
        for (char flag : flags.toCharArray()) {
            mask |= switch (flag) {
                case 's' -> Pattern.DOTALL;
                case 'm' -> Pattern.MULTILINE;
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'x' -> Pattern.COMMENTS;
                case 'q' -> Pattern.LITERAL;
                default -> throw new ExprEvalException("REGEX: unknown flag '" + flag + "'");
            };
        }
        try {
            return Pattern.compile(pattern, mask);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("REGEX: bad pattern: " + e.getDescription());
        }
    }

    /** Ends the query when a string it makes would be longer than one expression may make. */
    static void checkLength(long chars, String function) {
        if (chars > QueryLimits.MAX_STRING_CHARS) {
            throw QueryLimitException.tooLarge(function + " would make a string of more than "
                    + QueryLimits.MAX_STRING_CHARS + " characters, the most one value may have");
        }
    }

    /** Counts a big made string against the query's memory budget. */
    static void charge(FunctionEnv env, long chars) {
        if (chars >= QueryLimits.BIG_STRING_CHARS) {
            QueryBudget.of(env).charge(chars);
        }
    }
}
