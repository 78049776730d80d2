package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Small cases of the SPARQL protocol on {@code /sparql} that the servlet layer used to repair quietly
 * or answer with a 500 (issue 18): each is now a 4xx with a one-line message, over real HTTP.
 */
class ProtocolEdgesIT {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ASK = "ASK { ?s ?p ?o }";
    private static nl.actiegraaf.testsupport.TestFacade web;

    @BeforeAll
    static void start() {
        web = FacadeFixture.sample(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** An RFC 9457 problem whose one-line detail starts as expected. */
    private static void assertOneLine(int status, HttpResponse<String> response, String expectedMessageStart) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        try {
            var problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            assertEquals(status, problem.get("status").asInt(), response.body());
            String detail = problem.get("detail").asText();
            assertEquals(1, detail.lines().count(), response.body());
            assertTrue(detail.startsWith(expectedMessageStart), response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> postBytes(String contentType, byte[] body) throws Exception {
        return web.client.send(HttpRequest.newBuilder(web.uri("/sparql")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request line as a client may send it, which java.net.URI refuses to build. */
    private static void assertRaw(int status, String pathAndQuery, String expectedMessageStart) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", web.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertEquals(1, body.strip().lines().count(), body);
            assertTrue(body.startsWith(expectedMessageStart), body);
        }
    }

    @Test
    void aCharsetOtherThanUtf8Is415() throws Exception {
        String form = "query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8);
        assertOneLine(415, web.post("/sparql", FORM + "; charset=bogus", form, null), "The request must be sent in UTF-8, not charset bogus");
        assertOneLine(415, web.post("/sparql", FORM + "; charset=iso-8859-1", form, null), "The request must be sent in UTF-8");
        assertOneLine(415, web.post("/sparql", "application/sparql-query; charset=bogus", ASK, null), "The request must be sent in UTF-8");
        assertEquals(200, web.post("/sparql", FORM + "; charset=UTF-8", form, "application/sparql-results+json").statusCode());
    }

    @Test
    void anEmptyQueryIs400NotAnUpdateRefusal() throws Exception {
        assertOneLine(400, web.accept("/sparql?query=", null), "Parameter 'query' is empty");
        assertOneLine(400, web.accept("/sparql?query=+++", null), "Parameter 'query' is empty");
        assertOneLine(400, web.post("/sparql", FORM, "query=", null), "Parameter 'query' is empty");
        assertOneLine(400, web.post("/sparql", "application/sparql-query", "", null), "Parameter 'query' is empty");
    }

    /** The same bytes that a direct POST refuses are refused in the URL and in a form, alike. */
    @Test
    void invalidUtf8IsRefusedAlikeInTheUrlAFormAndADirectPost() throws Exception {
        String broken = "ASK%20%7B%20%3Fs%20%3Fp%20%22%FF%FE%22%20%7D"; // ASK { ?s ?p "\xFF\xFE" }
        assertOneLine(415, web.accept("/sparql?query=" + broken, null), "The URL is not valid UTF-8");
        assertOneLine(415, web.post("/sparql", FORM, "query=" + broken, null), "The form body is not valid UTF-8");
        byte[] direct = {'A', 'S', 'K', ' ', '{', ' ', '?', 's', ' ', '?', 'p', ' ', '"', (byte) 0xFF, (byte) 0xFE, '"', ' ', '}'};
        assertOneLine(415, postBytes("application/sparql-query", direct), "The query is not valid UTF-8");
        // Correct UTF-8, escaped, still passes.
        assertEquals(200, web.accept("/sparql?query=" + URLEncoder.encode("ASK { ?s ?p \"één €\" }", StandardCharsets.UTF_8), null).statusCode());
    }

    @Test
    void aBrokenPercentEscapeIs400InsteadOfADroppedParameter() throws Exception {
        String ask = URLEncoder.encode(ASK, StandardCharsets.UTF_8);
        assertRaw(400, "/sparql?query=" + ask + "&timeout=%ZZ", "Broken percent escape '%ZZ' in the URL");
        assertRaw(400, "/sparql?query=%ZZ" + ask, "Broken percent escape '%ZZ' in the URL");
        assertRaw(400, "/sparql?query=" + ask + "%2", "Broken percent escape '%2' in the URL");
        assertOneLine(400, web.post("/sparql", FORM, "query=" + ask + "&default-graph-uri=%ZZ", null), "Broken percent escape '%ZZ' in the form body");
    }

    /** Over the limit by far: the client reads the 413 every time, never a reset connection. */
    @Test
    void aTenMegabyteDirectPostIs413Reliably() throws Exception {
        byte[] body = ("ASK { ?s ?p \"" + "x".repeat(10 * 1024 * 1024) + "\" }").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = postBytes("application/sparql-query", body);
            assertOneLine(413, response, "Query text is longer than");
        }
        // and the server still answers after
        assertEquals(200, web.accept("/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8), null).statusCode());
    }

    @Test
    void aRefusedMediaTypeIsNeverChosen() throws Exception {
        String select = "/sparql?query=" + URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        HttpResponse<String> json = web.accept(select, "text/csv;q=0, application/sparql-results+json");
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"),
                json.headers().toString());
        HttpResponse<String> jsonZeroPoint = web.accept(select, "text/csv; q=0.0, application/sparql-results+json;q=0.5");
        assertTrue(jsonZeroPoint.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        HttpResponse<String> allRefused = web.accept(select, "text/csv;q=0");
        assertEquals(200, allRefused.statusCode(), "as Fuseki: nothing acceptable listed, the default format");
        assertTrue(allRefused.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"),
                allRefused.headers().toString());
        HttpResponse<String> csv = web.accept(select, "text/csv;q=0.1, application/sparql-results+json;q=0.05");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), "q above 0 still counts");
    }

    /** HEAD on every kind of GET route: the GET's status and headers, no body. */
    @Test
    void headAnswersAsGetWithoutABody() throws Exception {
        String ask = "/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8);
        for (String path : java.util.List.of("/", ask, "/sparql", "/id/bestaat/niet",
                "/def", "/.well-known/void", "/nergens")) {
            HttpResponse<String> get = web.accept(path, null);
            HttpResponse<String> head = web.client.send(HttpRequest.newBuilder(web.uri(path)).timeout(Duration.ofSeconds(20))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
            for (String header : java.util.List.of("Content-Type", "Vary", "Link", "Content-Security-Policy", RowCap.HEADER)) {
                assertEquals(get.headers().allValues(header), head.headers().allValues(header), header + " of HEAD " + path);
            }
            assertEquals("", head.body(), "HEAD " + path + " has no body");
        }
        assertEquals(404, web.accept("/id/bestaat/niet", null).statusCode(), "the HEAD case above covers a 404");
    }
}
