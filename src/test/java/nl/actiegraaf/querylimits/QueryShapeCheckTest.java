package nl.actiegraaf.querylimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.junit.jupiter.api.Test;

class QueryShapeCheckTest {
    @Test
    void nestingCountsBracketsOutsideStringsIrisAndComments() {
        assertEquals(2, QueryShapeCheck.nestingDepth("SELECT * { FILTER(?x) }"));
        assertEquals(1, QueryShapeCheck.nestingDepth("SELECT * { ?s <urn:a{{{(((> \"{{{(\" , '''(((\n{{''' # {{{{\n }"));
        assertEquals(3, QueryShapeCheck.nestingDepth("SELECT * { FILTER(?a < ?b && (?c)) }"));
        assertThrows(QueryLimitException.class, () -> QueryShapeCheck.checkNesting("{".repeat(101)));
    }

    @Test
    void refusesShapesWithoutABound() {
        StringBuilder values = new StringBuilder("SELECT * {");
        for (int i = 0; i < 17; i++) {
            values.append(" VALUES ?v").append(i).append(" { 1 }");
        }
        assertEquals(422, refusal(values.append(" }").toString()));
        assertEquals(422, refusal("SELECT * { ?s (<urn:p>*)+ ?o }"));
        assertEquals(422, refusal("JSON { \"s\": ?s } WHERE { ?s ?p ?o }"));
        assertEquals(403, refusal("SELECT * { FILTER(<java:org.example.Fn>(1)) }"));
        assertEquals(403, refusal("SELECT * { ?s <java:org.example.PF> ?o }"));
        QueryShapeCheck.check(QueryFactory.create("SELECT * { VALUES (?a ?b) { (1 2) (3 4) } ?s (<urn:p>|<urn:q>)* ?o }"));
    }

    @Test
    void regexStopsInsideTheMatchOnceTheQueryIsCancelled() {
        Deadline cancelled = new Deadline(new AtomicBoolean(true), System.nanoTime() + 60_000_000_000L);
        DeadlineRegex regex = new DeadlineRegex(new ExprList(java.util.List.of(
                NodeValue.makeString("a".repeat(40) + "!"), NodeValue.makeString("^(a|a){1,40}$"))), cancelled);
        assertThrows(QueryCancelledException.class, () -> regex.eval(java.util.List.of(
                NodeValue.makeString("a".repeat(40) + "!"), NodeValue.makeString("^(a|a){1,40}$")), null));
        Deadline open = new Deadline(new AtomicBoolean(false), System.nanoTime() + 60_000_000_000L);
        assertEquals(NodeValue.TRUE, new DeadlineRegex(new ExprList(java.util.List.of(
                NodeValue.makeString("abc"), NodeValue.makeString("B"), NodeValue.makeString("i"))), open)
                .eval(java.util.List.of(NodeValue.makeString("abc"), NodeValue.makeString("B"), NodeValue.makeString("i")), null));
    }

    private static int refusal(String query) {
        return assertThrows(QueryLimitException.class,
                () -> QueryShapeCheck.check(QueryFactory.create(query, Syntax.syntaxARQ))).status();
    }
}
