package nl.actiegraaf.querylimits;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ZeroOrMore1;
import org.apache.jena.sparql.path.P_ZeroOrMoreN;
import org.apache.jena.sparql.path.Path;

/**
 * The cost check before admission: shapes whose cost has no bound that a time limit could enforce are
 * refused with a message that says why and how to rewrite them. What it refuses:
 * <ul>
 * <li>text nested deeper than {@value #MAX_NESTING} brackets (400): the parser and every walk over the
 *     query recurse per level, and thousands of levels overflow the stack before anything can time out;
 * <li>more than {@value #MAX_VALUES_BLOCKS} {@code VALUES} blocks (422): ARQ joins inline data while it
 *     builds the plan, before the time limit starts, and hundreds of blocks multiply into a table that fills the heap;
 * <li>a repeated property path inside a repeated path (422), such as {@code (p*)*}: ARQ evaluates each
 *     level to its end for every node before the next row, so no cancellation point lies between;
 * <li>ARQ's {@code JSON { ... }} form (422): its answer is built whole in memory;
 * <li>{@code java:} function and property-function IRIs (403): they load any class on the class path.
 * </ul>
 */
public final class QueryShapeCheck {
    public static final int MAX_NESTING = 100;
    public static final int MAX_VALUES_BLOCKS = 16;

    private QueryShapeCheck() {
    }

    /** Before parsing: refuses text nested too deep to parse safely. */
    public static void checkNesting(String text) {
        int depth = nestingDepth(text);
        if (depth > MAX_NESTING) {
            throw QueryLimitException.refused(400, "The query nests groups, brackets or parentheses " + depth
                    + " deep, more than the " + MAX_NESTING + " this endpoint accepts: flatten the nesting");
        }
    }

    /** After parsing: refuses the shapes listed above; returns the compiled algebra. */
    public static Op check(Query query) {
        if (query.isJsonType()) {
            throw QueryLimitException.refused(422, "ARQ's JSON query form is not served here (its answer is built in memory):"
                    + " use SELECT with Accept: application/sparql-results+json");
        }
        if (query.getQueryPattern() == null) {
            return null;
        }
        Op op = Algebra.compile(query);
        int[] valuesBlocks = {0};
        OpVisitorBase shapes = new OpVisitorBase() {
            @Override
            public void visit(OpTable table) {
                if (!table.isJoinIdentity()) {
                    valuesBlocks[0]++;
                }
            }

            @Override
            public void visit(OpPath path) {
                checkPath(path.getTriplePath().getPath(), false);
            }

            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(QueryShapeCheck::checkPredicate);
            }

            @Override
            public void visit(OpTriple triple) {
                checkPredicate(triple.getTriple());
            }
        };
        ExprVisitorBase functions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function call) {
                    checkIri(call.getFunctionIRI());
                }
            }
        };
        Walker.walk(op, shapes, functions);
        if (valuesBlocks[0] > MAX_VALUES_BLOCKS) {
            throw QueryLimitException.refused(422, "The query has " + valuesBlocks[0] + " VALUES blocks, more than the "
                    + MAX_VALUES_BLOCKS + " this endpoint joins: merge them into one VALUES block with several variables");
        }
        return op;
    }

    private static void checkPredicate(Triple triple) {
        Node predicate = triple.getPredicate();
        if (predicate.isURI()) {
            checkIri(predicate.getURI());
        }
    }

    private static void checkIri(String iri) {
        if (iri != null && iri.regionMatches(true, 0, "java:", 0, 5)) {
            throw QueryLimitException.refused(403, "java: functions are not allowed: this endpoint runs only SPARQL's and its own functions");
        }
    }

    private static void checkPath(Path path, boolean insideRepeat) {
        if (path instanceof P_Link link) {
            checkIri(link.getNode().getURI());
            return;
        }
        boolean repeat = path instanceof P_ZeroOrMore1 || path instanceof P_ZeroOrMoreN || path instanceof P_OneOrMore1
                || path instanceof P_OneOrMoreN || (path instanceof P_Mod mod && mod.getMax() != 1);
        if (repeat && insideRepeat) {
            throw QueryLimitException.refused(422, "The query repeats a property path inside a repeated path (such as (p*)*):"
                    + " its cost has no bound; repeat once, e.g. (p|q)* instead of (p*|q)*");
        }
        if (path instanceof P_Path1 one) {
            checkPath(one.getSubPath(), insideRepeat || repeat);
        } else if (path instanceof P_Path2 two) {
            checkPath(two.getLeft(), insideRepeat);
            checkPath(two.getRight(), insideRepeat);
        }
    }

    /**
     * The deepest nesting of {@code { ( [} in the text, outside strings, IRIs and comments. A rough lexer
     * on purpose: it runs before the parser, so it must not recurse, and an undercount only leaves the
     * rest to the parser's own guard.
     */
    static int nestingDepth(String text) {
        int depth = 0;
        int deepest = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '{', '(', '[' -> deepest = Math.max(deepest, ++depth);
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '#' -> {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                }
                case '"', '\'' -> i = endOfString(text, i);
                case '<' -> {
                    int close = i + 1;
                    while (close < n && text.charAt(close) > ' ' && text.charAt(close) != '>' && text.charAt(close) != '<') {
                        close++;
                    }
                    if (close < n && text.charAt(close) == '>') {
                        i = close; // an IRI: its characters are no brackets
                    }
                }
                default -> {
                }
            }
        }
        return deepest;
    }

    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        boolean longString = text.startsWith(String.valueOf(quote).repeat(3), start);
        int i = start + (longString ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote && (!longString || text.startsWith(String.valueOf(quote).repeat(3), i))) {
                return i + (longString ? 2 : 0);
            }
            if (!longString && c == '\n') {
                return i;
            }
            i++;
        }
        return text.length();
    }
}
