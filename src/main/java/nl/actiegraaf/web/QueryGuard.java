package nl.actiegraaf.web;

import io.javalin.http.HttpResponseException;
import nl.actiegraaf.querylimits.QueryLimitException;
import nl.actiegraaf.querylimits.QueryShapeCheck;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.update.UpdateFactory;

/**
 * Reads a client's query with Jena before anything reaches the store, and refuses what a public,
 * read-only endpoint must not run: updates (403) and {@code SERVICE} calls to other servers (403).
 * A query that does not parse gets 400 with the parser's message.
 */
public final class QueryGuard {
    private QueryGuard() {
    }

    /** The parsed query; throws {@link HttpResponseException} (400 or 403) when refused. */
    public static Query check(String text) {
        try {
            QueryShapeCheck.checkNesting(text);
            Query query = parse(text);
            if (callsOtherServers(query)) {
                throw new HttpResponseException(403,
                        "SERVICE is not allowed: this endpoint does not call other servers");
            }
            QueryShapeCheck.check(query);
            return query;
        } catch (QueryLimitException refused) {
            throw new HttpResponseException(refused.status(), refused.getMessage());
        } catch (StackOverflowError tooDeep) {
            // The nesting check counts brackets only; a shape it misses still gets a 400, not an empty 500.
            throw new HttpResponseException(400, "The query is nested too deep to check: flatten the nesting");
        }
    }

    private static Query parse(String text) {
        try {
            // ARQ syntax: the superset the store itself accepts (for example text:query).
            return QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException notAQuery) {
            if (isUpdate(text)) {
                throw new HttpResponseException(403,
                        "SPARQL Update is not allowed: this endpoint is read-only");
            }
            throw new BadParameter("query", "Malformed query: " + firstSentence(notAQuery.getMessage()));
        } catch (QueryException cannotBeBuilt) {
            // Parsed, but not buildable: REGEX(?x, "(") compiles its constant pattern while parsing.
            throw new BadParameter("query", "Malformed query: " + withoutClassNames(firstSentence(cannotBeBuilt.getMessage())));
        }
    }

    /** "Regex pattern exception: java.util.regex.PatternSyntaxException: Unclosed group" without the Java class. */
    static String withoutClassNames(String message) {
        return message.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
    }

    /** The parser's "Encountered ... at line 1, column 10." without its list of 60 expected tokens. */
    static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        int expecting = message.indexOf("Was expecting");
        return (expecting > 0 ? message.substring(0, expecting) : message).strip();
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text, Syntax.syntaxARQ);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True when any part of the query, sub-queries and EXISTS patterns included, is a SERVICE.
     * The algebra walker visits them all, so no syntax form can hide one.
     */
    static boolean callsOtherServers(Query query) {
        if (query.getQueryPattern() == null) {
            return false; // DESCRIBE <iri> without WHERE
        }
        boolean[] found = {false};
        OpVisitorBase serviceSpotter = new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                found[0] = true;
            }
        };
        Walker.walk(Algebra.compile(query), serviceSpotter, new ExprVisitorBase());
        return found[0];
    }
}
