package nl.actiegraaf.web.api;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query API over the embedded store holding the sample graph, with the real queries/ folder;
 * {@link QueryApiRemoteIT} runs it with the store reached over HTTP.
 */
class QueryApiIT {
    private static final String ID = "https://w3id.org/actiegraaf/id/";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestFacade server = ApiTestServer.api(Path.of("queries"), "/webapi/sample.trig",
            QueryApi.Settings.defaults(), api -> { });

    private static JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertEquals(200, response.statusCode(), () -> pathAndQuery + " -> " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return read(response.body());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static List<String> column(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(name).isNull() ? null : row.get(name).asText()));
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- listing ---

    @Test
    void listsEveryQueryFileWithItsParameters() throws Exception {
        JsonNode list = json("/api/queries");
        Set<String> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(column(list, "name")));
        assertTrue(files.containsAll(Set.of("acties-per-thema", "actie", "moties", "organisaties", "deadlines",
                "toezeggingen", "personen", "zoeken", "tellingen", "netwerk")));
        JsonNode actie = findBy(list, "name", "actie");
        assertEquals("/api/queries/actie?nummer=12", actie.get("example").asText());
        JsonNode nummer = actie.get("parameters").get(0);
        assertEquals("nummer", nummer.get("name").asText());
        assertEquals("integer", nummer.get("type").asText());
        assertTrue(nummer.get("required").asBoolean());
        JsonNode status = findBy(findBy(list, "name", "acties-per-thema").get("parameters"), "name", "status");
        assertEquals("[\"Afgerond\",\"Lopend\",\"NietGestart\",\"Onbekend\"]", status.get("enum").toString());
        list.forEach(q -> assertFalse(q.get("summary").asText().isBlank(), q.toString()));
    }

    private static JsonNode findBy(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    // --- each query, real expected rows ---

    @Test
    void actionsByThemeAndStatus() {
        assertEquals(List.of("5", "12", "16", "40", "81"), column(json("/api/queries/acties-per-thema"), "nummer"));
        JsonNode signalen = json("/api/queries/acties-per-thema?thema=responsieve-dienstverlening");
        assertEquals(List.of("40"), column(signalen, "nummer"), "a theme includes its sub-themes");
        assertEquals(ID + "thema/pok/signalen", signalen.get(0).get("actieThema").asText());
        assertEquals("Responsieve dienstverlening", signalen.get(0).get("hoofdthemaLabel").asText());
        assertEquals(40, signalen.get(0).get("nummer").intValue(), "integers are JSON numbers");
        JsonNode done = json("/api/queries/acties-per-thema?status=Afgerond");
        assertEquals(List.of("16", "81"), column(done, "nummer"));
        assertEquals(List.of("Afgerond", "Afgerond"), column(done, "statusLabel"), "one (Dutch) label, no duplicates");
        assertEquals(List.of("12"), column(json("/api/queries/acties-per-thema?status=Lopend&thema="
                + enc(ID + "thema/pok/hersteloperatie")), "nummer"), "a full IRI works as well as a name");
    }

    @Test
    void oneActionWithEverythingLinked() {
        JsonNode rows = json("/api/queries/actie?nummer=12");
        Set<String> facts = new TreeSet<>();
        rows.forEach(r -> facts.add(r.get("soort").asText() + " " + r.get("resource").asText()));
        assertTrue(facts.containsAll(Set.of(
                "motie " + ID + "kamerstuk/35510-21-deel-1",
                "indiener " + ID + "persoon/lilian-marijnissen",
                "verantwoordelijke " + ID + "organisatie/belastingdienst",
                "betrokkene " + ID + "organisatie/toeslagen",
                "deadline " + ID + "stand/stand-van-zaken-pok-2021/12/deadline/1",
                "toezegging " + ID + "stand/stand-van-zaken-pok-2021/12/toezegging/1",
                "status https://w3id.org/actiegraaf/def#Lopend",
                "thema " + ID + "thema/pok/hersteloperatie")), facts.toString());
        JsonNode deadline = findBy(rows, "soort", "deadline");
        assertEquals("2021-09-30", deadline.get("datum").asText());
        assertEquals("in Q3", deadline.get("tekst").asText());
        JsonNode commitment = findBy(rows, "soort", "toezegging");
        assertEquals(ID + "organisatie/belastingdienst", commitment.get("toegezegdDoor").asText());
        assertEquals("2021-09-30", commitment.get("datum").asText());
        assertEquals("Lilian Marijnissen", findBy(rows, "soort", "indiener").get("label").asText());
        assertEquals(ID + "actie/pok/12", findBy(json("/api/queries/actie?nummer=81"), "soort", "verwijstNaar")
                .get("resource").asText());
        assertEquals("[]", json("/api/queries/actie?nummer=99").toString());
    }

    @Test
    void motionsWithTheActionsCarryingThemOut() {
        JsonNode rows = json("/api/queries/moties?motie=35510-21");
        assertEquals(List.of("12", "81"), column(rows, "actieNummer"), "parts count for the whole motion");
        assertEquals(List.of(ID + "kamerstuk/35510-21-deel-1", ID + "kamerstuk/35510-21-deel-2"), column(rows, "onderdeel"));
        assertEquals("Lilian Marijnissen", rows.get(0).get("indieners").asText());
        assertEquals(21, rows.get(0).get("ondernummer").intValue());
        JsonNode all = json("/api/queries/moties");
        assertEquals(List.of(ID + "kamerstuk/35510-21", ID + "kamerstuk/35510-21", ID + "kamerstuk/35510-26",
                ID + "kamerstuk/35510-35"), column(all, "motie"), "a motion nobody carries out is not listed");
        assertEquals(List.of("12", "81", "16", "40"), column(all, "actieNummer"));
    }

    @Test
    void organisationsWithTheirActionsByRole() {
        JsonNode bzk = json("/api/queries/organisaties?organisatie=bzk");
        List<String> pairs = new ArrayList<>();
        bzk.forEach(r -> pairs.add(r.get("rolNaam").asText() + " " + r.get("nummer").asText()));
        assertEquals(List.of("verantwoordelijke 40", "betrokkene 40", "betrokkene 81"), pairs);
        assertEquals(List.of("40"), column(json("/api/queries/organisaties?organisatie=bzk&rol=verantwoordelijke"), "nummer"));
        assertEquals("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", bzk.get(0).get("organisatieLabel").asText());
    }

    @Test
    void deadlinesInARangeAndOverdue() {
        JsonNode rows = json("/api/queries/deadlines?van=2021-05-01&tot=2021-12-31&peildatum=2021-07-01");
        assertEquals(List.of("40", "12"), column(rows, "nummer"));
        assertEquals(List.of("true", "false"), column(rows, "isVerlopen"));
        assertTrue(rows.get(0).get("isVerlopen").isBoolean(), "booleans are JSON booleans");
        assertEquals("2021-07-01", rows.get(1).get("vanaf").asText());
        JsonNode overdue = json("/api/queries/deadlines?peildatum=2021-07-01&verlopen=true");
        assertEquals(List.of("40"), column(overdue, "nummer"), "81's deadline passed, but 81 is Afgerond");
        assertEquals(List.of("81", "40", "12"), column(json("/api/queries/deadlines?peildatum=2021-01-01"), "nummer"));
    }

    @Test
    void commitmentsByBody() {
        JsonNode bzk = json("/api/queries/toezeggingen?door=organisatie/bzk");
        assertEquals(List.of("40"), column(bzk, "nummer"));
        assertEquals("Het streven is dat de signalen voor 1 juni gebundeld zijn.", bzk.get(0).get("tekst").asText());
        assertEquals(List.of("Belastingdienst", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
                column(json("/api/queries/toezeggingen"), "toegezegdDoorLabel"));
    }

    @Test
    void personsAndTheirMotions() {
        JsonNode jetten = json("/api/queries/personen?naam=JETTE");
        assertEquals(List.of(ID + "persoon/rob-jetten"), column(jetten, "persoon"), "found by a misspelling, any case");
        assertEquals(ID + "kamerstuk/35510-35", jetten.get(0).get("motie").asText());
        JsonNode lilian = json("/api/queries/personen?persoon=lilian-marijnissen");
        assertEquals(2, lilian.get(0).get("aantalActies").intValue(), "actions on both parts of 35510-21");
        JsonNode all = json("/api/queries/personen");
        assertEquals(List.of("Geert Wilders", "Gert-Jan Segers", "Lilian Marijnissen", "Rob Jetten"),
                column(all, "persoonLabel"));
        assertEquals(0, findBy(all, "persoonLabel", "Geert Wilders").get("aantalActies").intValue());
    }

    @Test
    void fullTextSearch() {
        JsonNode hits = json("/api/queries/zoeken?q=kinderopvangtoeslag");
        assertEquals(ID + "actie/pok/16", hits.get(0).get("resource").asText());
        assertEquals(16, hits.get(0).get("actieNummer").intValue());
        JsonNode commitment = json("/api/queries/zoeken?q=registraties");
        assertTrue(column(commitment, "resource").contains(ID + "stand/stand-van-zaken-pok-2021/12/toezegging/1"), commitment.toString());
        assertEquals("12", findBy(commitment, "resource", ID + "stand/stand-van-zaken-pok-2021/12/toezegging/1").get("actieNummer").asText());
    }

    @Test
    void countsPerDimension() {
        JsonNode status = json("/api/queries/tellingen?per=status");
        List<String> counts = new ArrayList<>();
        status.forEach(r -> counts.add(r.get("label").asText() + "=" + r.get("aantal").asInt()));
        assertEquals(List.of("Afgerond=2", "Lopend=1", "Niet gestart=1", "Onbekend=1"), counts);
        JsonNode organisations = json("/api/queries/tellingen?per=organisatie");
        // one row per organisation and role; an action counts once, under its strongest role
        java.util.Map<String, Integer> bzk = new java.util.TreeMap<>();
        organisations.forEach(r -> {
            if (r.get("label").asText().startsWith("Ministerie van Binnenlandse Zaken")) {
                bzk.put(r.get("organisatierol").asText(), r.get("aantal").asInt());
            }
        });
        assertEquals(2, bzk.values().stream().mapToInt(Integer::intValue).sum(), bzk.toString());
        // the role as a parameter: only the bodies the text makes responsible
        assertEquals(Set.of("verantwoordelijke"), new TreeSet<>(column(json("/api/queries/tellingen?per=organisatie&rol=verantwoordelijke"),
                "organisatierol")));
        Set<String> dimensions = new TreeSet<>(column(json("/api/queries/tellingen"), "dimensie"));
        assertEquals(Set.of("organisatie", "status", "thema"), dimensions);
    }

    @Test
    void networkAsNodesAndEdges() {
        JsonNode graph = json("/api/queries/netwerk");
        JsonNode action = findBy(graph.get("nodes"), "id", ID + "actie/pok/12");
        assertEquals("actie", action.get("type").asText());
        assertEquals("Actie 12", action.get("label").asText());
        assertEquals(12, action.get("nummer").intValue());
        assertEquals("motie", findBy(graph.get("nodes"), "id", ID + "kamerstuk/35510-21").get("type").asText());
        Set<String> edges = new TreeSet<>();
        graph.get("edges").forEach(e -> edges.add(e.get("source").asText().substring(ID.length()) + " "
                + e.get("type").asText() + " " + e.get("target").asText().substring(ID.length())));
        assertTrue(edges.containsAll(Set.of("actie/pok/12 geeftUitvoeringAan kamerstuk/35510-21-deel-1",
                "kamerstuk/35510-21-deel-1 deelVan kamerstuk/35510-21", "actie/pok/16 verantwoordelijke organisatie/szw",
                "actie/pok/40 betrokkene organisatie/szw")), edges.toString());
        Set<String> ids = new TreeSet<>();
        graph.get("nodes").forEach(n -> assertTrue(ids.add(n.get("id").asText()), "each node once"));
        graph.get("edges").forEach(e -> {
            assertTrue(ids.contains(e.get("source").asText()));
            assertTrue(ids.contains(e.get("target").asText()));
        });
        JsonNode signalen = json("/api/queries/netwerk?thema=signalen");
        Set<String> sources = new TreeSet<>();
        signalen.get("edges").forEach(e -> sources.add(e.get("source").asText()));
        assertEquals(Set.of(ID + "actie/pok/40"), sources);
    }

    // --- CSV ---

    @Test
    void csvBySuffixAndByAcceptHeader() {
        HttpResponse<String> bySuffix = server.get("/api/queries/acties-per-thema.csv?status=Afgerond");
        assertEquals(200, bySuffix.statusCode());
        assertTrue(bySuffix.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("Accept", bySuffix.headers().firstValue("Vary").orElse(""));
        List<String> lines = bySuffix.body().lines().toList();
        assertEquals("actie,nummer,actieThema,actieThemaLabel,hoofdthema,hoofdthemaLabel,status,statusLabel,omschrijving",
                lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith(ID + "actie/pok/16,16,"), lines.get(1));
        HttpResponse<String> byAccept = server.get("/api/queries/acties-per-thema?status=Afgerond", "Accept", "text/csv");
        assertEquals(bySuffix.body(), byAccept.body());
        assertEquals(404, server.get("/api/queries/onbekend.csv").statusCode());
        List<String> edges = server.get("/api/queries/netwerk.csv?thema=signalen").body().lines().toList();
        assertEquals("source,sourceLabel,sourceType,sourceNummer,target,targetLabel,targetType,type", edges.get(0));
        assertEquals(5, edges.size(), "a graph query as CSV: a header and its four edge rows " + edges);
    }

    // --- pagination ---

    @Test
    void pagesWithLimitOffsetAndLinkHeader() {
        HttpResponse<String> first = server.get("/api/queries/acties-per-thema?limit=2");
        assertEquals(List.of("5", "12"), column(read(first.body()), "nummer"));
        assertEquals("</api/queries/acties-per-thema?limit=2&offset=2>; rel=\"next\"",
                first.headers().firstValue("Link").orElse(""));
        HttpResponse<String> second = server.get("/api/queries/acties-per-thema?limit=2&offset=2");
        assertEquals(List.of("16", "40"), column(read(second.body()), "nummer"));
        assertEquals("</api/queries/acties-per-thema?limit=2&offset=4>; rel=\"next\", "
                + "</api/queries/acties-per-thema?limit=2&offset=0>; rel=\"prev\"",
                second.headers().firstValue("Link").orElse(""));
        HttpResponse<String> last = server.get("/api/queries/acties-per-thema?offset=4&limit=2");
        assertEquals(List.of("81"), column(read(last.body()), "nummer"));
        assertEquals("</api/queries/acties-per-thema?limit=2&offset=2>; rel=\"prev\"",
                last.headers().firstValue("Link").orElse(""));
        HttpResponse<String> filtered = server.get("/api/queries/acties-per-thema?status=Afgerond&limit=1");
        assertEquals("</api/queries/acties-per-thema?status=Afgerond&limit=1&offset=1>; rel=\"next\"",
                filtered.headers().firstValue("Link").orElse(""), "the page links keep the parameters");
        assertTrue(server.get("/api/queries/acties-per-thema").headers().firstValue("Link").isEmpty());
    }

    // --- bad parameters ---

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/queries/actie|nummer",
            "/api/queries/actie?nummer=|nummer",
            "/api/queries/actie?nummer=abc|nummer",
            "/api/queries/actie?nummer=12.5|nummer",
            "/api/queries/actie?nummer=99999999999999999999|nummer",
            "/api/queries/actie?nummer=12&nummer=13|nummer",
            "/api/queries/actie?nummer=12&numer=13|numer",
            "/api/queries/acties-per-thema?status=Klaar|status",
            "/api/queries/acties-per-thema?status=afgerond|status",
            "/api/queries/acties-per-thema?thema=%22%7D%20%3B%20DROP%20ALL%20%23|thema",
            "/api/queries/acties-per-thema?thema=%3Cx%3E|thema",
            "/api/queries/acties-per-thema?thema=signalen%3E%20%3Fx%20%3Fy%20%3C|thema",
            "/api/queries/acties-per-thema?thema=..%2Fgraph|thema",
            "/api/queries/acties-per-thema?thema=javascript%3Aalert(1)|thema",
            "/api/queries/acties-per-thema?thema=https%3A%2F%2Fa.b%2Fx%0A%7D|thema",
            "/api/queries/deadlines?van=2021-13-01|van",
            "/api/queries/deadlines?van=2021-02-30|van",
            "/api/queries/deadlines?tot=1%20juli|tot",
            "/api/queries/deadlines?peildatum=2021-07-01T00%3A00|peildatum",
            "/api/queries/deadlines?verlopen=ja|verlopen",
            "/api/queries/tellingen?per=partij|per",
            "/api/queries/personen?naam=a%0Ab|naam",
            "/api/queries/personen?naam=a%00b|naam",
            "/api/queries/personen?naam=Jet%E2%80%AEten|naam",
            "/api/queries/personen?naam=%ED%A0%80|naam",
            "/api/queries/acties-per-thema?limit=0|limit",
            "/api/queries/acties-per-thema?limit=1001|limit",
            "/api/queries/acties-per-thema?limit=ten|limit",
            "/api/queries/acties-per-thema?offset=-1|offset",
            "/api/queries/netwerk?limit=10|limit",
            "/api/queries/zoeken|q"})
    void badParameterGets400NamingIt(String caseText) {
        String[] parts = caseText.split("\\|");
        HttpResponse<String> response = server.get(parts[0]);
        assertEquals(400, response.statusCode(), () -> parts[0] + " -> " + response.body());
        JsonNode body = read(response.body());
        assertEquals(parts[1], body.get("parameter").asText(), response.body());
        assertTrue(body.get("detail").asText().contains("'" + parts[1] + "'"), response.body());
        assertFalse(response.body().contains("Exception"), "no stack traces: " + response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"} ; DROP ALL #", "\") } INSERT DATA { <a> <b> <c> } #", "<x>", "?persoon",
            "'; DELETE WHERE { ?s ?p ?o } #", "\\\" . } #", "Jet\\u0074en", "${naam}", "%22", "ë"})
    void hostileStringValuesAreJustValues(String value) {
        JsonNode rows = json("/api/queries/personen?naam=" + enc(value));
        assertEquals("[]", rows.toString(), "no name contains " + value);
        assertEquals(5, actionsInStore(), "the store is unchanged");
    }

    @Test
    void unicodeNamesMatchAsText() {
        assertEquals(List.of(ID + "persoon/rob-jetten"), column(json("/api/queries/personen?naam=" + enc("jetten")), "persoon"));
        assertEquals("[]", json("/api/queries/personen?naam=" + enc("jеtten")).toString(), "a Cyrillic е is another letter");
    }

    @Test
    void lucenSyntaxInSearchIsAValueOrA400NeverAServerError() {
        for (String q : List.of("\"} ; DROP ALL #", "kinderopvangtoeslag)", "AND", "*", "text:x")) {
            HttpResponse<String> response = server.get("/api/queries/zoeken?q=" + enc(q));
            assertTrue(response.statusCode() == 200 || response.statusCode() == 400, q + " -> " + response.statusCode()
                    + " " + response.body());
        }
        assertEquals(5, actionsInStore());
    }

    private static long actionsInStore() {
        return Txn.calculateRead(server.dataset(), () -> {
            try (QueryExec exec = QueryExec.dataset(server.dataset())
                    .query("SELECT (COUNT(*) AS ?n) { ?a a <https://w3id.org/actiegraaf/def#Actie> }").build()) {
                return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    @Test
    void unknownQueryIs404() {
        HttpResponse<String> response = server.get("/api/queries/bestaat-niet");
        assertEquals(404, response.statusCode());
        assertTrue(read(response.body()).get("detail").asText().contains("bestaat-niet"));
    }

    // --- OpenAPI ---

    @Test
    void openApiDocumentDescribesEveryRouteAndQuery() {
        JsonNode doc = json("/openapi.json");
        assertEquals("3.0.3", doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        for (JsonNode q : json("/api/queries")) {
            JsonNode op = paths.path("/api/queries/" + q.get("name").asText()).path("get");
            assertEquals(q.get("summary").asText(), op.path("summary").asText(), q.get("name").asText());
            assertTrue(op.path("responses").has("200") && op.path("responses").has("400"));
        }
        for (String route : List.of("/api/queries", "/openapi.json", "/api/docs", "/sparql", "/id/actie/{reeks}/{nummer}", "/id/kamerstuk/{kamerstuk}", "/def", "/def/shapes",
                "/download/{file}", "/.well-known/void", "/api/zoek", "/health")) {
            assertTrue(paths.has(route), route);
        }
        assertTrue(paths.get("/sparql").has("post"));
        // OpenAPI rules: every {template} of a path is a declared path parameter; operationIds are unique;
        // every $ref points into components.
        Set<String> operationIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (JsonNode op : path.getValue()) {
                java.util.regex.Matcher template = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (template.find()) {
                    JsonNode declared = findBy(op.get("parameters"), "name", template.group(1));
                    assertEquals("path", declared.get("in").asText(), path.getKey());
                    assertTrue(declared.get("required").asBoolean(), path.getKey());
                }
                if (op.has("operationId")) {
                    assertTrue(operationIds.add(op.get("operationId").asText()), op.get("operationId").asText());
                }
                assertTrue(op.get("responses").has("200"), path.getKey());
            }
        }
        for (String ref : doc.findValuesAsText("$ref")) {
            assertTrue(ref.startsWith("#/components/schemas/")
                    && doc.get("components").get("schemas").has(ref.substring("#/components/schemas/".length())), ref);
        }
        JsonNode nummer = paths.get("/api/queries/actie").get("get").get("parameters").get(0);
        assertEquals("nummer", nummer.get("name").asText());
        assertTrue(nummer.get("required").asBoolean());
        assertEquals("integer", nummer.get("schema").get("type").asText());
        assertEquals(12, nummer.get("example").intValue());
        JsonNode status = findBy(paths.get("/api/queries/acties-per-thema").get("get").get("parameters"), "name", "status");
        assertEquals(4, status.get("schema").get("enum").size());
        JsonNode columns = paths.get("/api/queries/moties").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("items").get("properties");
        assertTrue(columns.has("indieners") && columns.has("actieNummer"), columns.toString());
        assertTrue(paths.get("/api/queries/netwerk").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("properties").has("edges"));
    }

    @Test
    void browsableDocsAreServedFromTheWebJar() {
        HttpResponse<String> page = server.get("/api/docs");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("docs/assets/swagger-ui-bundle.js"));
        assertFalse(page.body().contains("http"), "no CDN, no absolute links");
        HttpResponse<String> bundle = server.get("/api/docs/assets/swagger-ui-bundle.js");
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000);
        HttpResponse<String> init = server.get("/api/docs/init.js");
        assertTrue(init.body().contains("../openapi.json"));
    }
}
