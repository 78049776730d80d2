package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /sparql} over HTTP against a real Fuseki: each way of asking, each format, each refusal. */
class SparqlEndpointIT {
    private static final String ACTIE_12 = "https://w3id.org/actiegraaf/id/actie/pok/12";
    private static final String SELECT = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            SELECT ?nummer WHERE { ?a a ag:Actie ; ag:nummer ?nummer } ORDER BY ?nummer
            """;
    private static final String CONSTRUCT = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            CONSTRUCT { ?a ag:omschrijving ?o } WHERE { ?a ag:omschrijving ?o }
            """;
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofSeconds(10), config -> config);

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
            "application/sparql-results+json, application/sparql-results+json",
            "application/sparql-results+xml, application/sparql-results+xml",
            "text/csv, text/csv",
            "text/tab-separated-values, text/tab-separated-values"})
    void selectAnswersInEachResultFormat(String accept, String expectedType) throws Exception {
        HttpResponse<String> response = web.accept(q(SELECT), accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(expectedType, SparqlEndpoint.mediaType(response.headers().firstValue("Content-Type").orElse("")));
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
        ResultSet rows = ResultSetMgr.read(new java.io.ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                org.apache.jena.riot.RDFLanguages.contentTypeToLang(expectedType));
        assertEquals("12", rows.next().get("nummer").asLiteral().getLexicalForm());
        assertEquals("13", rows.next().get("nummer").asLiteral().getLexicalForm());
        assertFalse(rows.hasNext());
    }

    @ParameterizedTest
    @CsvSource({"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"})
    void constructAnswersInEachGraphFormatReadableByRdf4j(String accept) throws Exception {
        HttpResponse<String> response = web.accept(q(CONSTRUCT), accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(accept, SparqlEndpoint.mediaType(response.headers().firstValue("Content-Type").orElse("")));
        var model = Rio4j.parse(response);
        Rio4j.assertHas(model, ACTIE_12, "https://w3id.org/actiegraaf/def#omschrijving");
    }

    @Test
    void formPostAndDirectPostGiveTheSameAnswer() throws Exception {
        String form = "query=" + URLEncoder.encode(SELECT, StandardCharsets.UTF_8);
        HttpResponse<String> byForm = web.post("/sparql", "application/x-www-form-urlencoded", form, "text/csv");
        HttpResponse<String> direct = web.post("/sparql", "application/sparql-query", SELECT, "text/csv");
        assertEquals(200, byForm.statusCode(), byForm.body());
        assertEquals(200, direct.statusCode(), direct.body());
        assertEquals("nummer\r\n12\r\n13\r\n", byForm.body());
        assertEquals(byForm.body(), direct.body());
    }

    @Test
    void theDefaultGraphIsTheUnionAndGraphParametersNarrowIt() throws Exception {
        String ask = "ASK { <" + ACTIE_12 + "> ?p ?o . <https://w3id.org/actiegraaf/id/organisatie/bzk> ?q ?r }";
        assertTrue(web.accept(q(ask), "application/sparql-results+json").body().contains("true"));
        String onlyReport = q(ask) + "&default-graph-uri="
                + URLEncoder.encode("https://w3id.org/actiegraaf/graph/rapport/stand-van-zaken-pok-2021", StandardCharsets.UTF_8);
        assertTrue(web.accept(onlyReport, "application/sparql-results+json").body().contains("false"));
    }

    @Test
    void jenasOwnClientWorksUnchangedByGetAndByPost() {
        String endpoint = web.uri("/sparql").toString();
        for (var mode : new org.apache.jena.sparql.exec.http.QuerySendMode[] {
                org.apache.jena.sparql.exec.http.QuerySendMode.asGetAlways,
                org.apache.jena.sparql.exec.http.QuerySendMode.asPostForm,
                org.apache.jena.sparql.exec.http.QuerySendMode.asPost}) {
            try (var exec = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(endpoint)
                    .query(SELECT).sendMode(mode).build()) {
                assertEquals(2, org.apache.jena.query.ResultSetFormatter.consume(exec.execSelect()), mode.name());
            }
            try (var exec = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(endpoint)
                    .query(CONSTRUCT).sendMode(mode).build()) {
                assertEquals(2, exec.execConstruct().size(), mode.name());
            }
        }
    }

    @Test
    void aMalformedQueryIs400WithTheParsersMessage() throws Exception {
        HttpResponse<String> response = web.accept(q("SELECT * WHERE { ?s ?p "), null);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"detail\":\"Malformed query: "), response.body());
        assertTrue(response.body().contains("line 1"), response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace");
    }

    @Test
    void updatesAreRefusedHoweverTheyAreSent() throws Exception {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        assertEquals(403, web.post("/sparql", "application/sparql-update", update, null).statusCode());
        assertEquals(403, web.post("/sparql", "application/x-www-form-urlencoded",
                "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8), null).statusCode());
        assertEquals(403, web.accept("/sparql?update=" + URLEncoder.encode("DROP ALL", StandardCharsets.UTF_8), null).statusCode());
        HttpResponse<String> inQuery = web.accept(q("CLEAR ALL"), null);
        assertEquals(403, inQuery.statusCode());
        assertTrue(inQuery.body().contains("read-only"), inQuery.body());
        // and nothing changed
        assertTrue(web.accept(q("ASK { <" + ACTIE_12 + "> ?p ?o }"), "application/sparql-results+json").body().contains("true"));
    }

    @Test
    void serviceCallsAreRefusedAlsoWhenHiddenInExists() throws Exception {
        String direct = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        String hidden = "SELECT * { ?s ?p ?o FILTER EXISTS { { SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?q ?r } } } } }";
        for (String query : new String[] {direct, hidden}) {
            HttpResponse<String> response = web.accept(q(query), null);
            assertEquals(403, response.statusCode(), query);
            assertTrue(response.body().contains("SERVICE"), response.body());
        }
    }

    @Test
    void oversizeQueriesAre413() throws Exception {
        String big = "SELECT * { ?s ?p ?o } # " + "x".repeat(FacadeConfig.DEFAULT_MAX_QUERY_BYTES);
        assertEquals(413, web.post("/sparql", "application/sparql-query", big, null).statusCode());
        assertEquals(413, web.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(big, StandardCharsets.UTF_8), null).statusCode());
    }

    @Test
    void corsIsOpenForOtherOrigins() throws Exception {
        HttpResponse<String> response = web.client.send(HttpRequest.newBuilder(web.uri(q("ASK {}")))
                .header("Origin", "https://viz.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        HttpResponse<String> preflight = web.client.send(HttpRequest.newBuilder(web.uri("/sparql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://viz.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode()); // a preflight's answer is its headers (web.Cors)
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {q("ASK {}"), "/nowhere", "/health"}) {
            HttpResponse<String> response = web.accept(path, null);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
            assertTrue(response.headers().firstValue("Referrer-Policy").isPresent());
        }
    }

    @Test
    void resultsStreamAsTheStoreMakesThem() throws Exception {
        // a big result (a cross product): the first bytes arrive long before the whole would exist
        String big = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = web.client.send(HttpRequest.newBuilder(web.uri(q(big)))
                .header("Accept", "text/tab-separated-values").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var in = response.body()) {
            assertEquals(200, response.statusCode());
            byte[] first = in.readNBytes(64 * 1024);
            assertEquals(64 * 1024, first.length);
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000, "first bytes came late");
        // the client left mid-stream; the server lets go of that answer and carries on
        for (int i = 0; i < 5; i++) {
            assertEquals(200, web.accept(q("ASK {}"), null).statusCode());
        }
    }

    /**
     * A person opening /sparql in a browser gets the page's query view; every other client without a
     * query keeps the protocol's answer (400 naming the parameter), whatever else it accepts.
     */
    @Test
    void aBrowserOpeningTheBareEndpointIsSentToTheQueryView() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        HttpResponse<String> visit = web.accept("/sparql", browser);
        assertEquals(303, visit.statusCode(), visit.body());
        assertEquals("/#query", visit.headers().firstValue("Location").orElse(""));
        assertTrue(visit.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
        for (String accept : new String[] {null, "*/*", "application/sparql-results+json", "application/json"}) {
            HttpResponse<String> client = web.accept("/sparql", accept);
            assertEquals(400, client.statusCode(), accept + ": " + client.body());
            assertTrue(client.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), accept);
            assertTrue(client.body().contains("\"parameter\":\"query\""), client.body());
        }
        // HTML accepted, but an answer preferred: a client, told of its error (on a page, as it accepts).
        assertEquals(400, web.accept("/sparql", "text/turtle, text/html;q=0.5").statusCode());
        // A browser sending parameters without a query made a malformed request: told so, on a page.
        HttpResponse<String> malformed = web.accept("/sparql?default-graph-uri=x", browser);
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        // A query still runs for a browser (a shared link to /sparql?query=...).
        assertEquals(200, web.accept(q("ASK {}"), browser).statusCode());
        // POST without a query is never a visit.
        assertEquals(400, web.post("/sparql", "application/x-www-form-urlencoded", "", browser).statusCode());
    }
}
