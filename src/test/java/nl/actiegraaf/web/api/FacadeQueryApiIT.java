package nl.actiegraaf.web.api;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query API as the product runs it: one module of web.Facade, beside the other routes. */
class FacadeQueryApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestFacade server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.startFacade(Path.of("queries"), "/webapi/sample.trig", Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void curatedQueryAnswersThroughTheFacadeWithCorsAndSecurityHeaders() throws IOException {
        HttpResponse<String> response = server.get("/api/queries/moties?motie=35510-21&limit=1",
                "Origin", "https://viz.example");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("12", JSON.readTree(response.body()).get(0).get("actieNummer").asText());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(response.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Link"));
        assertTrue(response.headers().firstValue("Link").orElse("").contains("rel=\"next\""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void everyRouteTheDocumentDescribesIsServed() throws IOException {
        JsonNode paths = JSON.readTree(server.get("/openapi.json").body()).get("paths");
        Map<String, String> concrete = Map.of("/id/{path}", "/id/actie/pok/12", "/download/{file}", "/download/actiegraaf.ttl",
                "/sparql", "/sparql?query=ASK%7B%7D", "/id/actie/{series}/{number}/feed.atom", "/id/actie/pok/12/feed.atom");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String path = it.next();
            if (!paths.get(path).has("get")) {
                continue;
            }
            String call = concrete.getOrDefault(path, path);
            if (call.startsWith("/api/queries/")) {
                continue; // each query runs in QueryApiIT
            }
            HttpResponse<String> response = server.get(call);
            assertNotEquals(404, response.statusCode(), call);
            assertTrue(response.statusCode() < 500, call + " -> " + response.statusCode());
        }
    }

    @Test
    void docsPagePassesTheContentSecurityPolicy() {
        HttpResponse<String> page = server.get("/api/docs");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(page.body().contains("<script>"), "no inline script: the CSP forbids it");
        assertEquals(200, server.get("/api/docs/assets/swagger-ui.css").statusCode());
    }

    @Test
    void aQueryOverTheTimeLimitEndsWith503(@TempDir Path dir) throws IOException {
        // Every triple against every triple, four times over: far more than a second of work.
        Files.writeString(dir.resolve("traag.rq"), """
                #+ summary: Deliberately slow
                SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }
                """);
        try (TestFacade slow = ApiTestServer.startFacade(dir, "/webapi/sample.trig", Duration.ofSeconds(1))) {
            long start = System.nanoTime();
            HttpResponse<String> response = slow.get("/api/queries/traag");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(JSON.readTree(response.body()).get("detail").asText().contains("longer than"), response.body());
            assertTrue(millis < 5000, "ended by the limit, took " + millis + " ms");
            assertEquals(200, slow.get("/api/queries").statusCode(), "the server still answers");
        }
    }

    @Test
    void curatedQueriesShareTheFacadesCapOnRunningQueries(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("traag.rq"), """
                #+ summary: Deliberately slow
                SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }
                """);
        try (TestFacade busy = ApiTestServer.startFacade(dir, "/webapi/sample.trig",
                config -> config.withQueryTimeout(Duration.ofSeconds(2)).withConcurrency(4, 1))) {
            // A warm connection, so the first query reaches the server before the second one.
            assertEquals(200, busy.get("/api/queries").statusCode());
            java.util.concurrent.CompletableFuture<HttpResponse<String>> first = busy.client.sendAsync(
                    java.net.http.HttpRequest.newBuilder(busy.uri("/api/queries/traag")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = null;
            for (int attempt = 0; attempt < 40 && (second == null || second.statusCode() != 429); attempt++) {
                Thread.sleep(25); // until the first is running
                second = busy.get("/api/queries/traag");
            }
            assertEquals(429, second.statusCode(), second.body());
            assertEquals("2", second.headers().firstValue("Retry-After").orElse(""));
            assertTrue(JSON.readTree(second.body()).get("detail").asText().contains("at once"), second.body());
            assertEquals(503, first.get().statusCode(), "the first ends by the time limit");
            assertEquals(400, busy.get("/api/queries/traag?x=1").statusCode(), "values are checked before admission");
        }
    }

    @Test
    void aBrokenQueryFileStopsTheStartWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kapot.rq"), "#+ summary: x\nSELECT * WHERE { ?a ?b }\n");
        QueryFileException e = assertThrows(QueryFileException.class,
                () -> ApiTestServer.startFacade(dir, "/webapi/sample.trig", Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith(dir.resolve("kapot.rq") + ":2: SPARQL syntax"), e.getMessage());
    }
}
