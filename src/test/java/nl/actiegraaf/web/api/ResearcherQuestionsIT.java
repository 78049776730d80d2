package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fourteen questions a researcher asked of the graph (issue 12), over HTTP against the whole
 * facade and a real store holding the converted seed, registers and ontology. Each expected answer
 * was checked against the report's text; the sentence is quoted beside it.
 */
class ResearcherQuestionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "https://w3id.org/actiegraaf/id/";
    private static final String PREFIXES = "PREFIX ag: <https://w3id.org/actiegraaf/def#> "
            + "PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    private static nl.actiegraaf.testsupport.TestFacade server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.startFacadeWith(Path.of("queries"), RealSeedQueriesIT::loadSeed, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode api(String pathAndQuery) throws IOException {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertEquals(200, response.statusCode(), () -> pathAndQuery + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    /** SELECT over /sparql; one string per row, the variables' values joined by "|". */
    private static List<String> sparql(String select) throws IOException {
        String path = "/sparql?query=" + URLEncoder.encode(PREFIXES + select, StandardCharsets.UTF_8);
        HttpResponse<String> response = server.get(path, "Accept", "application/sparql-results+json");
        assertEquals(200, response.statusCode(), response::body);
        JsonNode json = JSON.readTree(response.body());
        List<String> rows = new ArrayList<>();
        for (JsonNode b : json.get("results").get("bindings")) {
            List<String> values = new ArrayList<>();
            json.get("head").get("vars").forEach(v -> values.add(b.has(v.asText()) ? b.get(v.asText()).get("value").asText() : ""));
            rows.add(String.join("|", values));
        }
        return rows;
    }

    private static Set<String> column(JsonNode rows, String name) {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.get(name).isNull() ? "" : r.get(name).asText()));
        return out;
    }

    /** 1. Which deadlines had passed, unmet, at the report's date? */
    @Test
    void q01overdueAtTheReportDate() throws IOException {
        JsonNode rows = api("/api/queries/deadlines?peildatum=2021-06-25&verlopen=true");
        Set<String> actions = column(rows, "nummer");
        // 3 "binnen één week brief" (after the debate of 19 January), 44 "binnen drie weken",
        // 11 "Vanaf week 21" and "Begin juni wordt verder opgeschaald", 43 "eerste opzet ... is eind mei klaar"
        assertEquals(Set.of("3", "11", "43", "44"), actions);
        // 81 "Voor 1 maart": "Bij brief van 8 april ... waarmee deel 2 van motie Marijnissen, nr. 21, is afgedaan"
        assertFalse(actions.contains("81"));
    }

    /** 2. When was 81's deadline met, and was it late? */
    @Test
    void q02whenWasTheMotionPartDone() throws IOException {
        JsonNode rows = api("/api/queries/deadlines?van=2021-02-28&tot=2021-02-28");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("81", rows.get(0).get("nummer").asText());
        // a fact of what the 2021 edition says, under that edition's state of action 81
        assertEquals(ID + "stand/stand-van-zaken-pok-2021/81/deadline/1", rows.get(0).get("deadline").asText());
        assertEquals(ID + "actie/pok/81", rows.get(0).get("actie").asText());
        assertEquals("2021-04-08", rows.get(0).get("gehaaldOp").asText()); // after 28 February: late
        assertEquals("false", rows.get(0).get("isVerlopen").asText());
    }

    /** 3. Which date does the text itself call unrealistic? */
    @Test
    void q03doubtedDates() throws IOException {
        JsonNode rows = api("/api/queries/deadlines?van=2021-07-01&tot=2021-07-01");
        Set<String> doubted = new TreeSet<>();
        rows.forEach(r -> {
            if (r.get("betwijfeld").asText().equals("true")) {
                doubted.add(r.get("nummer").asText());
            }
        });
        assertEquals(Set.of("78"), doubted); // "... al op 1 juli te laten starten is te optimistisch"
    }

    /** 4. What do the relative deadlines count from? */
    @Test
    void q04relativeDeadlinesCountFromTheDebate() throws IOException {
        assertEquals(List.of("3|2021-01-26|2021-01-19", "44|2021-02-09|2021-01-19"), sparql(
                "SELECT ?n ?datum ?debat WHERE { ?a ag:nummer ?n ; ag:deadline ?d . ?d ag:datum ?datum ; "
                        + "ag:gerekendVanaf/ag:datum ?debat } ORDER BY ?n"));
    }

    /** 5. What did the minister of BZK commit to, and what the staatssecretaris of BZK? */
    @Test
    void q05ministerAndStaatssecretarisOfBzkApart() throws IOException {
        String q = "SELECT DISTINCT ?n WHERE { ?a ag:nummer ?n ; ag:toezegging/ag:toegezegdDoor <%s> . "
                + "<%s> org:postIn <" + ID + "organisatie/bzk> } ORDER BY ?n";
        assertEquals(List.of("54", "58", "84"), sparql(q.formatted(ID + "ambt/minister-bzk", ID + "ambt/minister-bzk")));
        assertEquals(List.of("73", "78", "79", "83"),
                sparql(q.formatted(ID + "ambt/staatssecretaris-bzk", ID + "ambt/staatssecretaris-bzk")));
    }

    /** 6. Who committed in 61? "in een brief over wetgevingskwaliteit van de minister van JenV in juni" */
    @Test
    void q06justiceCommitsIn61() throws IOException {
        assertEquals(List.of(ID + "ambt/minister-jenv|" + ID + "organisatie/jenv"), sparql(
                "SELECT ?door ?ministerie WHERE { <" + ID + "actie/pok/61> ag:toezegging/ag:toegezegdDoor ?door . ?door org:postIn ?ministerie }"));
    }

    /** 7. Is "De minister van BZK zal zo spoedig mogelijk starten met de wervingsprocedure" (58) a commitment? */
    @Test
    void q07startingRecruitmentIsACommitment() throws IOException {
        assertEquals(List.of("De minister van BZK zal zo spoedig mogelijk starten met de wervingsprocedure.|" + ID + "ambt/minister-bzk"),
                sparql("SELECT ?tekst ?door WHERE { <" + ID + "actie/pok/58> ag:toezegging ?t . ?t ag:tekst ?tekst ; ag:toegezegdDoor ?door }"));
    }

    /** 8. Who committed in 12? "heeft de staatssecretaris toegezegd": the text does not say of which ministry. */
    @Test
    void q08aStaatssecretarisOfUnknownDepartment() throws IOException {
        assertEquals(List.of(ID + "ambt/staatssecretaris|"), sparql("SELECT ?door ?ministerie WHERE { <" + ID
                + "actie/pok/12> ag:toezegging/ag:toegezegdDoor ?door . ?door a org:Post . OPTIONAL { ?door org:postIn ?ministerie } }"));
    }

    /** 9. Which motions (or parts) are done? */
    @Test
    void q09motionPartsDone() throws IOException {
        JsonNode rows = api("/api/queries/uitvoering-moties?motie=35510-21");
        List<String> parts = new ArrayList<>();
        rows.forEach(r -> parts.add(r.get("onderdeel").asText().replace(ID, "") + " " + r.get("actieNummer").asText()
                + " " + r.get("isUitgevoerd").asText() + " " + r.get("grondslag").asText()));
        // part 2 done in 81 (the text says so for the motion); part 1 in 12, which is still Lopend
        assertEquals(List.of("kamerstuk/35510-21-deel-1 12 false actie", "kamerstuk/35510-21-deel-2 81 true motie"), parts);
        assertEquals("false", rows.get(0).get("motieUitgevoerd").asText());
        // the per-part status is what one edition says: on its state, and current on the action
        assertEquals(List.of(ID + "rapport/stand-van-zaken-pok-2021|" + ID + "kamerstuk/35510-21-deel-2|https://w3id.org/actiegraaf/def#Afgerond"),
                sparql("SELECT ?rapport ?motie ?status WHERE { <" + ID + "actie/pok/81> ag:stand ?s . ?s ag:rapport ?rapport ; "
                        + "ag:uitvoering ?u . ?u ag:uitgevoerdeMotie ?motie ; ag:status ?status . <" + ID + "actie/pok/81> ag:uitvoering ?u "
                        + "FILTER(?status = ag:Afgerond) }"));
        JsonNode done = api("/api/queries/uitvoering-moties?uitgevoerd=true");
        assertTrue(column(done, "motie").contains(ID + "kamerstuk/35510-26"), "26: Op 30 april jl. ... de brief ... gestuurd (16 Afgerond)");
        assertFalse(column(done, "motie").contains(ID + "kamerstuk/35510-16"), "16: part 1 under way in 81");
    }

    /** 10. Which actions name the Raad van State? */
    @Test
    void q10raadVanStateFromAllFiveActions() throws IOException {
        assertEquals(List.of("27", "48", "65", "84", "86"), sparql("SELECT DISTINCT ?n WHERE { ?a ag:nummer ?n ; "
                + "ag:noemt|ag:betrokkene <" + ID + "organisatie/raad-van-state> } ORDER BY ?n"));
    }

    /** 11. Does "de Kamer" count as the Tweede Kamer? "In Q3 wordt de Kamer geïnformeerd" (24) */
    @Test
    void q11deKamerIsTheTweedeKamer() throws IOException {
        List<String> actions = sparql("SELECT ?n WHERE { ?a ag:nummer ?n ; ag:betrokkene <" + ID + "organisatie/tweede-kamer> }");
        for (String n : List.of("7", "10", "14", "15", "24", "61", "63", "70")) {
            assertTrue(actions.contains(n), "action " + n);
        }
        JsonNode rows = api("/api/queries/tellingen?per=organisatie&rol=verantwoordelijke");
        assertEquals(Set.of("verantwoordelijke"), column(rows, "organisatierol"));
        assertFalse(column(rows, "waarde").contains(ID + "organisatie/tweede-kamer"), "informed, never responsible");
    }

    /** 12. Where is Van Huffelen mentioned? "Zij geven advies aan staatssecretaris Van Huffelen" (19) */
    @Test
    void q12vanHuffelenIsFound() throws IOException {
        JsonNode rows = api("/api/queries/personen?naam=huffelen");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("genoemd", rows.get(0).get("rol").asText());
        assertEquals("19", rows.get(0).get("acties").asText());
    }

    /** 13. Standard vocabularies: how many motions, persons, organisations? The report cites 23 motions. */
    @Test
    void q13standardTypes() throws IOException {
        assertEquals(List.of("23"), sparql("PREFIX og: <http://www.w3.org/ns/opengov#> "
                + "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a og:Motion }"));
        assertEquals(List.of("23"), sparql("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a ag:Motie }"));
        assertTrue(sparql("PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?p WHERE { ?p a foaf:Person }").contains(ID + "persoon/alexandra-van-huffelen"));
        assertTrue(sparql("SELECT ?o WHERE { ?o a org:Organization }").contains(ID + "organisatie/raad-van-state"));
    }

    /** 14. Where does the report's date come from? Not from its metadata: "25 juni jl." in its text. */
    @Test
    void q14howTheReportDateWasObtained() throws IOException {
        assertEquals(List.of("2021-06-25|https://w3id.org/actiegraaf/def#AfgeleidUitTekst|25 juni jl."), sparql(
                "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?datum ?wijze ?tekst WHERE { ?r dcterms:date ?datum ; "
                        + "ag:herkomst ?h . ?h ag:veld dcterms:date ; ag:wijze ?wijze ; ag:tekst ?tekst }"));
    }
}
