package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values are substituted into the syntax tree: whatever a value holds, the query sent to the store,
 * parsed back, is the same query as with a harmless value, the hostile value only as a literal.
 */
class QueryBinderTest {
    private static final QueryCatalog CATALOG = QueryCatalog.load(Path.of("queries"));
    private final QueryBinder binder = new QueryBinder(1000, 10_000);

    private Query sentToStore(String queryName, Map<String, List<String>> params) {
        Query bound = binder.bind(CATALOG.get(queryName).orElseThrow(), params).query();
        // What the store receives is the query's text: parse that text again, as the store does.
        return QueryFactory.create(bound.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"} ; DROP ALL #", "\") } INSERT DATA { <a> <b> <c> } #", "<x>", "?persoon",
            "\\\" . } #", "'''", "\"\"\"", "x\\u0022 }", "}}}}", "# comment", "Jet\u00adten", "ë"})
    void aHostileStringIsOnlyALiteral(String value) {
        Query hostile = sentToStore("personen", Map.of("naam", List.of(value)));
        Query harmlessQuery = sentToStore("personen", Map.of("naam", List.of("harmless")));
        Node literal = NodeFactory.createLiteralString(value);
        org.apache.jena.sparql.graph.NodeTransform harmless = n -> n.equals(literal) ? NodeFactory.createLiteralString("harmless") : n;
        // In the pattern, its FILTERs and the VALUES block that binds the variable.
        var elements = new org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformSubst(harmless) {
            @Override
            public org.apache.jena.sparql.syntax.ElementData transform(org.apache.jena.sparql.syntax.ElementData data) {
                var copy = new org.apache.jena.sparql.syntax.ElementData();
                data.getVars().forEach(copy::add);
                data.getRows().forEach(row -> {
                    var values = org.apache.jena.sparql.engine.binding.BindingFactory.builder();
                    row.forEach((variable, value) -> values.add(variable, harmless.apply(value)));
                    copy.add(values.build());
                });
                return copy;
            }
        };
        Query normalised = QueryTransformOps.transform(hostile, elements,
                new org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformNodeElement(harmless, elements));
        assertEquals(harmlessQuery, normalised, "same query apart from the literal");
        assertEquals(harmlessQuery.toString(), normalised.toString());
    }

    @Test
    void valuesBecomeTypedTerms() {
        String text = sentToStore("deadlines", Map.of("van", List.of("2021-07-01"), "verlopen", List.of("true"))).toString();
        assertEquals(true, text.contains("\"2021-07-01\"^^xsd:date"), text);
        assertEquals(true, text.contains("( ! true )"), text);
        String iri = sentToStore("moties", Map.of("motie", List.of("35510-21"))).toString();
        assertEquals(true, iri.contains("<https://w3id.org/actiegraaf/id/kamerstuk/35510-21>"), iri);
    }

    @Test
    void aBoundValueStaysOutOfTheSelectLine() {
        // Virtuoso refuses a value in the SELECT line ((<iri> AS ?motie), as Jena's replaceVars writes it): the
        // pattern holds the value, a VALUES block at its start binds the variable the SELECT line names.
        for (String name : List.of("moties", "fracties", "geschiedenis")) {
            CuratedQuery curated = CATALOG.get(name).orElseThrow();
            String parameter = curated.parameters().get(0).name();
            Query sent = sentToStore(name, Map.of(parameter, List.of(curated.parameters().get(0).example())));
            assertEquals(curated.query().getProject().getVars(), sent.getProject().getVars(), name);
            assertEquals(false, sent.getProject().getExprs().containsKey(org.apache.jena.sparql.core.Var.alloc(parameter)),
                    name + ": " + sent);
            var group = (org.apache.jena.sparql.syntax.ElementGroup) sent.getQueryPattern();
            var values = (org.apache.jena.sparql.syntax.ElementData) group.getElements().get(0);
            assertEquals(List.of(org.apache.jena.sparql.core.Var.alloc(parameter)), values.getVars(), name);
        }
    }

    @Test
    void pagingAsksOneRowMoreThanThePage() {
        QueryBinder.Bound bound = binder.bind(CATALOG.get("acties-per-thema").orElseThrow(),
                Map.of("limit", List.of("20"), "offset", List.of("40")));
        assertEquals(21, bound.query().getLimit());
        assertEquals(40, bound.query().getOffset());
        assertEquals(Map.of(), bound.given());
    }

    @Test
    void iriTypeRefusesWhatIsNotAnIri() {
        QueryParameter thema = CATALOG.get("acties-per-thema").orElseThrow().parameter("thema").orElseThrow();
        assertEquals("https://w3id.org/actiegraaf/id/thema/pok/signalen", thema.bind("signalen").getURI());
        for (String bad : List.of("a b", "..", "x/../y", "<x>", "http://a/b c", "http://a/\"", "mailto:x@y", "ftp://x",
                "http://a/{x}", "sig\u202Enalen")) {
            ParameterException e = assertThrows(ParameterException.class, () -> thema.bind(bad), bad);
            assertEquals("thema", e.parameter());
        }
    }

    @Test
    void lonelySurrogateIsRefused() {
        QueryParameter naam = CATALOG.get("personen").orElseThrow().parameter("naam").orElseThrow();
        assertThrows(ParameterException.class, () -> naam.bind("a\uD800b"));
        assertThrows(ParameterException.class, () -> naam.bind("a\uDC00"));
        assertEquals("a\uD83D\uDE00", naam.bind("a\uD83D\uDE00").getLiteralLexicalForm(), "a real emoji is fine");
        assertThrows(ParameterException.class, () -> naam.bind("x".repeat(501)));
    }
}
