package nl.actiegraaf.web.api;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.rdf.ReportConverter;

/**
 * The curated queries against the real thing: the seed report converted by the real converter, the
 * registers and the ontology in their graphs, as the store holds them, behind the whole facade.
 */
class RealSeedQueriesIT {
    private static final String GRAPH = "https://w3id.org/actiegraaf/graph/";
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestFacade server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.startFacadeWith(Path.of("queries"), RealSeedQueriesIT::loadSeed, java.time.Duration.ofSeconds(10));
    }

    /** The seed as the store holds it: the converted report and the registers and ontology, each in its graph. */
    static void loadSeed(DatasetGraph dataset) {
        // The converter writes triples; the store puts each report in a graph of its own.
        ReportConverter.standard().convert(Path.of("seeds/stand-van-zaken-pok-2021.txt"),
                StreamRDFLib.extendTriplesToQuads(NodeFactory.createURI(GRAPH + "rapport/stand-van-zaken-pok-2021"),
                        StreamRDFLib.dataset(dataset)));
        load(dataset, "seeds/organisaties.ttl", GRAPH + "organisaties");
        load(dataset, "seeds/kamerleden.ttl", GRAPH + "kamerleden");
        load(dataset, "ontology/actiegraaf.ttl", GRAPH + "ontologie");
        nl.actiegraaf.store.SeriesGraphs.deriveInto(dataset); // the current state, as a load derives it
    }

    private static void load(DatasetGraph dataset, String file, String graph) {
        Node g = NodeFactory.createURI(graph);
        RDFParser.source(Path.of(file)).parse(StreamRDFLib.extendTriplesToQuads(g, StreamRDFLib.dataset(dataset)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode json(String pathAndQuery) throws IOException {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertEquals(200, response.statusCode(), () -> pathAndQuery + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    static List<String> column(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(name).isNull() ? null : row.get(name).asText()));
        return values;
    }

    private static final String ID = "https://w3id.org/actiegraaf/id/";

    @Test
    void motion35510_21IsCarriedOutByActions12And81() throws IOException {
        JsonNode rows = json("/api/queries/moties?motie=35510-21");
        assertEquals(List.of("12", "81"), column(rows, "actieNummer"));
        assertEquals(List.of(ID + "kamerstuk/35510-21-deel-1", ID + "kamerstuk/35510-21-deel-2"), column(rows, "onderdeel"));
        assertEquals("Lilian Marijnissen", rows.get(0).get("indieners").asText());
    }

    @Test
    void all86ActionsWithAThemeAndAStatus() throws IOException {
        JsonNode rows = json("/api/queries/acties-per-thema?limit=100");
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 86; n++) {
            expected.add(Integer.toString(n));
        }
        assertEquals(expected, column(rows, "nummer"));
        rows.forEach(r -> {
            assertTrue(r.get("hoofdthemaLabel").isTextual(), r.toString());
            assertTrue(r.get("statusLabel").isTextual(), r.toString());
        });
        int total = 0;
        for (JsonNode r : json("/api/queries/tellingen?per=status")) {
            total += r.get("aantal").asInt();
        }
        assertEquals(86, total, "every action has exactly one status");
    }

    @Test
    void action16CarriesOutSegersMotionUnderSzw() throws IOException {
        JsonNode rows = json("/api/queries/actie?nummer=16");
        List<String> facts = new ArrayList<>();
        rows.forEach(r -> facts.add(r.get("soort").asText() + " " + r.get("resource").asText()));
        assertTrue(facts.containsAll(List.of("motie " + ID + "kamerstuk/35510-26",
                "verantwoordelijke " + ID + "organisatie/szw", "status https://w3id.org/actiegraaf/def#Afgerond",
                "omschrijving " + ID + "actie/pok/16")), facts.toString());
        java.util.Set<String> distinct = new java.util.HashSet<>();
        rows.forEach(r -> assertTrue(distinct.add(r.toString()), "row twice: " + r));
        assertTrue(column(json("/api/queries/organisaties?organisatie=szw&rol=verantwoordelijke"), "nummer").contains("16"));
    }

    @Test
    void commitmentsByBzkAreBzksOnly() throws IOException {
        JsonNode rows = json("/api/queries/toezeggingen?door=organisatie/bzk");
        assertTrue(rows.size() >= 1, rows.toString());
        // BZK itself, or one of its offices (the minister, the staatssecretaris: org:postIn BZK)
        rows.forEach(r -> assertTrue(r.get("toegezegdDoor").asText().equals(ID + "organisatie/bzk")
                || r.get("ministerie").asText().equals(ID + "organisatie/bzk"), r.toString()));
        assertTrue(column(rows, "toegezegdDoor").contains(ID + "ambt/staatssecretaris-bzk"));
        assertTrue(json("/api/queries/toezeggingen?limit=1000").size() > rows.size());
    }

    @Test
    void personsByAnySpelling() throws IOException {
        assertEquals(List.of(ID + "kamerstuk/35510-11", ID + "kamerstuk/35510-12", ID + "kamerstuk/35510-13"),
                column(json("/api/queries/personen?naam=omtzigt"), "motie"));
        assertTrue(column(json("/api/queries/personen?naam=Jette"), "persoon").contains(ID + "persoon/rob-jetten"));
    }

    @Test
    void searchFindsAction16OnceEach() throws IOException {
        JsonNode hits = json("/api/queries/zoeken?q=kinderopvangtoeslag&limit=100");
        List<String> resources = column(hits, "resource");
        assertTrue(resources.contains(ID + "actie/pok/16"), resources.toString());
        assertEquals(resources.size(), new java.util.HashSet<>(resources).size(), "each resource once");
    }

    @Test
    void overdueDeadlinesAreOverdue() throws IOException {
        JsonNode rows = json("/api/queries/deadlines?peildatum=2021-10-01&verlopen=true&limit=1000");
        assertTrue(rows.size() > 0);
        rows.forEach(r -> {
            assertTrue(r.get("datum").asText().compareTo("2021-10-01") < 0, r.toString());
            assertTrue(r.get("isVerlopen").asBoolean());
            assertTrue(!r.get("status").asText().endsWith("#Afgerond"), r.toString());
        });
    }

    @Test
    void networkLinksAction12ToPartOne() throws IOException {
        JsonNode graph = json("/api/queries/netwerk");
        java.util.Set<String> ids = new java.util.HashSet<>();
        graph.get("nodes").forEach(n -> assertTrue(ids.add(n.get("id").asText()), "each node once"));
        boolean found = false;
        for (JsonNode e : graph.get("edges")) {
            assertTrue(ids.contains(e.get("source").asText()) && ids.contains(e.get("target").asText()));
            found |= e.get("source").asText().equals(ID + "actie/pok/12")
                    && e.get("target").asText().equals(ID + "kamerstuk/35510-21-deel-1");
        }
        assertTrue(found);
    }

    @Test
    void theHeadlineNumbersComeInOneRowAndAgreeWithTheQueriesTheyCount() throws IOException {
        JsonNode kern = json("/api/queries/kerncijfers");
        assertEquals(1, kern.size(), kern.toString());
        JsonNode row = kern.get(0);
        assertEquals(86, row.get("acties").asInt());
        assertEquals("2021-06-25", row.get("datum").asText());
        assertEquals(new java.util.HashSet<>(column(json("/api/queries/moties?limit=1000"), "motie")).size(), row.get("moties").asInt());
        JsonNode toezeggingen = json("/api/queries/toezeggingen?limit=1000");
        assertEquals(new java.util.HashSet<>(column(toezeggingen, "toezegging")).size(), row.get("toezeggingen").asInt());
        long dated = java.util.stream.StreamSupport.stream(toezeggingen.spliterator(), false)
                .filter(z -> !z.path("datum").isNull()).map(z -> z.get("toezegging").asText()).distinct().count();
        assertEquals(dated, row.get("toezeggingenMetDatum").asLong());
        assertEquals(json("/api/queries/deadlines?limit=1000").size(), row.get("deadlines").asInt());
        assertEquals(json("/api/queries/deadlines?limit=1000&verlopen=true&verlopenOp=2021-06-25").size(), row.get("verlopen").asInt());
        assertTrue(row.get("verlopen").asInt() > 0);
    }

    @Test
    void bodiesAnswerToTheirAbbreviations() throws IOException {
        JsonNode namen = json("/api/queries/namen?limit=1000");
        boolean bzk = false;
        for (JsonNode n : namen) {
            bzk |= n.get("resource").asText().equals(ID + "organisatie/bzk") && n.get("naam").asText().equals("BZK");
        }
        assertTrue(bzk, "BZK is an other name of the ministry");
    }

    @Test
    void eachDeadlineCarriesTheSentenceItWasReadFrom() throws IOException {
        boolean found = false;
        for (JsonNode d : json("/api/queries/deadlines?limit=1000")) {
            if (d.get("nummer").asInt() == 81 && "2021-02-28".equals(d.get("datum").asText())) {
                found = d.get("zin").asText().startsWith("Voor 1 maart een voorstel hoe binnen overheidsinstellingen vervuilde data");
            }
        }
        assertTrue(found, "81's deadline of 1 March with its sentence");
    }
}
