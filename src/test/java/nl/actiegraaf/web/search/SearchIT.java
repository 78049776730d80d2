package nl.actiegraaf.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.testsupport.SeedData;
import nl.actiegraaf.testsupport.TestFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/zoek} over HTTP against the real seed: what a researcher types, and what comes first. */
class SearchIT {
    @RegisterExtension
    static final TestFacade web = SeedData.facade();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode search(String q, String... more) throws Exception {
        StringBuilder path = new StringBuilder("/api/zoek?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        for (String m : more) {
            path.append('&').append(m);
        }
        HttpResponse<String> response = web.get(path.toString());
        assertEquals(200, response.statusCode(), () -> q + " -> " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<Integer> numbers(JsonNode answer) {
        List<Integer> numbers = new ArrayList<>();
        answer.get("acties").forEach(a -> numbers.add(a.get("nummer").asInt()));
        return numbers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"35510-21", "motie 35510-21", "35510 nr. 21", "nr. 21", "motie 21", "Motie 21"})
    void aMotionNumberGoesToTheMotionAndTheActionsCarryingOutAnyOfItsParts(String q) throws Exception {
        JsonNode answer = search(q);
        JsonNode motion = answer.get("entities").get(0);
        assertEquals("Motie", motion.get("type").asText());
        assertEquals("https://w3id.org/actiegraaf/id/kamerstuk/35510-21", motion.get("iri").asText());
        assertEquals("/id/kamerstuk/35510-21", motion.get("page").asText());
        assertEquals("[12,81]", motion.get("acties").toString());
        // only the actions carrying it out: Lucene alone split 35510-21 and found 25 actions
        assertEquals(List.of(12, 81), numbers(answer));
        for (JsonNode action : answer.get("acties")) {
            assertEquals("motie", action.get("via").asText());
            assertEquals(1.0, action.get("score").asDouble());
            assertTrue(action.get("snippet").asText().contains("<mark>"), action.toString());
        }
        assertEquals("/id/actie/pok/81", answer.get("acties").get(1).get("page").asText());
        assertTrue(answer.get("acties").get(1).get("snippet").asText().contains("<mark>(NR. 21 Motie Marijnissen c.s. deel 2)</mark>"));
        assertTrue(answer.get("melding").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "actie 12", "Actie 12"})
    void anActionNumberGoesToThatAction(String q) throws Exception {
        JsonNode answer = search(q);
        assertEquals("Actie", answer.get("entities").get(0).get("type").asText());
        assertEquals(List.of(12), numbers(answer));
        JsonNode action = answer.get("acties").get(0);
        assertEquals("nummer", action.get("via").asText());
        assertEquals("Lopend", action.get("status").asText());
        assertTrue(action.get("omschrijving").asText().startsWith("Personen die op de zwarte lijst staan"));
    }

    @Test
    void anOrganisationsAbbreviationListsTheActionsItCarriesFirst() throws Exception {
        JsonNode answer = search("BZK");
        JsonNode bzk = answer.get("entities").get(0);
        assertEquals("Organisatie", bzk.get("type").asText());
        assertEquals("/id/organisatie/bzk", bzk.get("page").asText());
        List<Integer> responsible = numbers(answer).subList(0, 3);
        // 81 is BZK's (verantwoordelijke); every first row came through the organisation
        assertTrue(numbers(answer).contains(81));
        answer.get("acties").forEach(a -> {
            if (a.get("score").asDouble() >= 0.95) {
                assertEquals("organisatie", a.get("via").asText(), a.toString());
            }
        });
        assertFalse(responsible.isEmpty());
        JsonNode uwv = search("UWV");
        assertEquals("Uitvoeringsinstituut Werknemersverzekeringen", uwv.get("entities").get(0).get("label").asText());
        assertTrue(uwv.get("acties").get(0).get("snippet").asText().contains("<mark>UWV</mark>"));
    }

    @Test
    void aPersonsNameFindsThePersonAndTheirActions() throws Exception {
        JsonNode answer = search("Van Huffelen");
        JsonNode person = answer.get("entities").get(0);
        assertEquals("Persoon", person.get("type").asText());
        assertEquals("/id/persoon/alexandra-van-huffelen", person.get("page").asText());
        assertEquals(19, answer.get("acties").get(0).get("nummer").asInt());
        assertEquals("persoon", answer.get("acties").get(0).get("via").asText());

        JsonNode submitter = search("Marijnissen");
        assertEquals("[9,12,81]", submitter.get("entities").get(0).get("acties").toString());
    }

    @Test
    void wordsAreRankedFullTextWithTheMatchingSentenceEscapedAndMarked() throws Exception {
        JsonNode answer = search("hardheidsclausule");
        assertEquals(35, answer.get("acties").get(0).get("nummer").asInt());
        double previous = 2;
        for (JsonNode action : answer.get("acties")) {
            assertEquals("tekst", action.get("via").asText());
            assertTrue(action.get("score").asDouble() <= previous, "ranked");
            previous = action.get("score").asDouble();
            String snippet = action.get("snippet").asText();
            assertTrue(snippet.contains("<mark>hardheidsclausule</mark>"), snippet);
            // no markup but the marks: the rest is escaped text
            assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
        }
        assertTrue(search("kinderopvangtoeslag", "limit=3").get("acties").size() <= 3);
    }

    @Test
    void aSnippetNeverCarriesMarkupFromTheText() {
        String snippet = Snippets.forWords("De <script>alert(1)</script> hardheidsclausule & meer.",
                TextSyntax.stems("hardheidsclausule"), TextSyntax.prefixes("hardheidsclausule"));
        assertEquals("De &lt;script&gt;alert(1)&lt;/script&gt; <mark>hardheidsclausule</mark> &amp; meer.", snippet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "AND", "(kinderopvang", "*opvang", "OR OR"})
    void textTheIndexCannotReadIsAMessageAndASuggestionNotAnError(String q) throws Exception {
        JsonNode answer = search(q);
        assertEquals(q, answer.get("q").asText());
        assertNotNull(answer.get("melding").textValue(), answer.toString());
        assertNotNull(answer.get("suggestie").textValue(), answer.toString());
        // the suggestion itself is readable
        JsonNode again = search(answer.get("suggestie").asText());
        assertFalse(again.get("melding").asText("").contains("zoektaal"), again.toString());
    }

    @Test
    void aSearchThatFindsNothingSaysSoAndSuggestsTheNearestWord() throws Exception {
        JsonNode answer = search("hardheidsklausule");
        assertTrue(answer.get("acties").isEmpty());
        assertTrue(answer.get("melding").asText().contains("hardheidsklausule"));
        assertEquals("hardheidsclausule", answer.get("suggestie").asText());
        JsonNode english = search("hardheidsklausule", "lang=en");
        assertTrue(english.get("melding").asText().startsWith("Nothing found"), english.toString());
        JsonNode noAction = search("actie 999");
        assertTrue(noAction.get("melding").asText().contains("999"));
        JsonNode nothing = search("xyzzyqw");
        assertTrue(nothing.get("acties").isEmpty());
        assertFalse(nothing.get("melding").isNull());
        assertNull(nothing.get("suggestie").textValue());
    }

    @Test
    void userValuesAreValuesNotQueryText() throws Exception {
        // quotes, braces and SPARQL keywords in the box stay words
        JsonNode answer = search("BZK\" } UNION { ?s ?p ?o } #");
        assertEquals(200, web.get("/api/zoek?q=" + URLEncoder.encode("x' ) } #", StandardCharsets.UTF_8)).statusCode());
        assertTrue(answer.get("acties").size() <= 50);
    }

    @Test
    void badParametersAre400sNamingTheParameter() throws Exception {
        HttpResponse<String> lang = web.get("/api/zoek?q=BZK&lang=fr");
        assertEquals(400, lang.statusCode());
        assertEquals("lang", JSON.readTree(lang.body()).get("parameter").asText());
        assertEquals(400, web.get("/api/zoek?q=BZK&limit=0").statusCode());
        assertEquals(400, web.get("/api/zoek?q=BZK&limt=3").statusCode());
        JsonNode empty = search("");
        assertFalse(empty.get("melding").isNull());
    }

    /**
     * /api/zoek is in the OpenAPI document like every other route: its parameters are the ones the route
     * takes, its answer's properties the fields of {@link SearchAnswer} (so a generated client reads them;
     * OpenApiClientIT calls it), its refusals problem documents.
     */
    @Test
    void theOpenApiDocumentDescribesTheSearchAsItAnswers() throws Exception {
        JsonNode operation = JSON.readTree(web.get("/openapi.json").body()).path("paths").path(SearchRoutes.PATH).path("get");
        assertFalse(operation.isMissingNode(), "GET /api/zoek is described");
        java.util.Set<String> parameters = new java.util.TreeSet<>();
        operation.path("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertEquals(new java.util.TreeSet<>(SearchRoutes.parameters()), parameters);
        JsonNode schema = operation.path("responses").path("200").path("content").path("application/json").path("schema");
        assertEquals(fields(SearchAnswer.class), names(schema.path("properties")));
        assertEquals(fields(SearchAnswer.Entity.class), names(schema.path("properties").path("entities").path("items").path("properties")));
        assertEquals(fields(SearchAnswer.ActionHit.class), names(schema.path("properties").path("acties").path("items").path("properties")));
        assertEquals("#/components/schemas/Problem",
                operation.path("responses").path("400").path("content").path("application/problem+json").path("schema").path("$ref").asText());
        // The documented example answers as documented.
        String example = operation.path("parameters").get(0).path("example").asText();
        JsonNode answer = search(example);
        assertEquals(names(schema.path("properties")), names(answer));
    }

    private static java.util.Set<String> fields(Class<? extends Record> record) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (var component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static java.util.Set<String> names(JsonNode object) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
