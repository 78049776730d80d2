package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public facade against clients that try to write, to make the server fetch URLs, to exhaust it,
 * to read files, or to provoke a stack trace: the real embedded store (TDB2, text index, the project's
 * Fuseki configuration) with the seed report and the ontology, the real facade, real HTTP.
 * A local listener stands in for "another server": no request may ever make the facade or the store
 * connect to it.
 */
class HostileClientsIT {
    private static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");
    private static final Path ONTOLOGY = Path.of("ontology/actiegraaf.ttl");
    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    private static final String CROSS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    private static EmbeddedStore store;
    private static Facade facade;
    private static ServerSocket otherServer;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static String elsewhere;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, null).start();
        store.load(List.of(new ReportSource(SEED, ReportConverter.standard()::convert),
                new RdfFileSource(ONTOLOGY, Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES)));
        facade = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, null, ONTOLOGY).withQueryTimeout(LIMIT));
        otherServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        elsewhere = "http://127.0.0.1:" + otherServer.getLocalPort() + "/data.ttl";
        Thread watch = new Thread(() -> {
            while (!otherServer.isClosed()) {
                try (Socket s = otherServer.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "other-server");
        watch.setDaemon(true);
        watch.start();
    }

    @AfterAll
    static void stop() throws IOException {
        otherServer.close();
        facade.close();
        store.close();
    }

    // ---- read-only, however a write is sent ----------------------------------------------------

    @Test
    void updatesAndGraphStoreWritesAreRefusedHoweverSentAndNothingChanges() throws Exception {
        long before = count();
        List<String> updates = List.of(
                "INSERT DATA { <urn:x> <urn:p> 1 }",
                "LOAD <" + elsewhere + ">",
                "LOAD SILENT <" + elsewhere + "> INTO GRAPH <urn:g>",
                "CLEAR ALL", "clear default", "DROP ALL", "drop silent graph <" + Iris.ONTOLOGIE_GRAPH + ">",
                "# a comment first\nDROP ALL",
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> WITH <" + Iris.ONTOLOGIE_GRAPH + "> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                "CREATE GRAPH <urn:new>", "COPY DEFAULT TO <urn:g>", "MOVE <" + Iris.ONTOLOGIE_GRAPH + "> TO <urn:g>",
                "ADD <urn:a> TO <urn:b>", "DELETE WHERE { ?s ?p ?o }",
                "ASK {} ; DROP ALL",
                "\\u0044ROP ALL");
        for (String update : updates) {
            String encoded = URLEncoder.encode(update, StandardCharsets.UTF_8);
            assertRefused(get("/sparql?query=" + encoded), update);
            assertRefused(get("/sparql?update=" + encoded), update);
            assertRefused(post("/sparql", "application/x-www-form-urlencoded", "update=" + encoded), update);
            assertRefused(post("/sparql", "application/x-www-form-urlencoded", "query=" + encoded), update);
            assertRefused(post("/sparql", "application/sparql-update", update), update);
            assertRefused(post("/sparql", "APPLICATION/SPARQL-UPDATE; charset=utf-8", update), update);
            assertRefused(post("/sparql", "application/sparql-query", update), update);
        }
        String turtle = "<urn:x> <urn:p> 1 .";
        for (String path : List.of("/sparql", "/sparql?default", "/sparql?graph=" + URLEncoder.encode(Iris.ONTOLOGIE_GRAPH, StandardCharsets.UTF_8),
                "/data", "/actiegraaf/data", "/id/actie/pok/12", "/def", "/", "/update", "/actiegraaf/update")) {
            for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path))
                        .method(method, HttpRequest.BodyPublishers.ofString(turtle))
                        .header("Content-Type", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
                assertRefused(response, method + " " + path);
            }
        }
        assertEquals(before, count(), "the data did not change");
        assertEquals(0, CONNECTIONS.get(), "nothing was fetched");
    }

    // ---- no fetching of URLs ---------------------------------------------------------------------

    @Test
    void noQueryMakesTheServerFetchAUrl() throws Exception {
        String service = "SERVICE <" + elsewhere + "> { ?s ?p ?o }";
        List<String> withService = List.of(
                "SELECT * { " + service + " }",
                "SELECT * { SERVICE SILENT <" + elsewhere + "> { ?s ?p ?o } }",
                "SELECT * { BIND(<" + elsewhere + "> AS ?u) SERVICE ?u { ?s ?p ?o } }",
                "SELECT * { ?x ?y ?z OPTIONAL { " + service + " } } LIMIT 1",
                "SELECT * { { SELECT * { " + service + " } } }",
                "SELECT * { ?x ?y ?z FILTER EXISTS { " + service + " } } LIMIT 1",
                "SELECT * { ?x ?y ?z FILTER NOT EXISTS { " + service + " } } LIMIT 1",
                "SELECT * { { ?x ?y ?z } UNION { " + service + " } } LIMIT 1",
                "SELECT * { ?x ?y ?z MINUS { " + service + " } } LIMIT 1",
                "SELECT * { GRAPH ?g { " + service + " } }",
                "ASK { " + service + " }",
                "CONSTRUCT { ?s ?p ?o } WHERE { " + service + " }",
                "DESCRIBE ?s WHERE { " + service + " }",
                "SELECT * { sErViCe <" + elsewhere + "> { ?s ?p ?o } }",
                "SELECT * { \\u0053ERVICE <" + elsewhere + "> { ?s ?p ?o } }");
        for (String query : withService) {
            HttpResponse<String> response = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            // 403 for SERVICE; 400 where Jena (in the facade and the store alike) cannot even parse the trick
            int expected = query.contains("\\u0053") ? 400 : 403;
            assertEquals(expected, response.statusCode(), query + " -> " + response.body());
        }
        // Ways that name a URL without SERVICE: answered from the store's own graphs, never fetched.
        List<String> other = List.of(
                "/sparql?query=" + enc("SELECT * FROM <" + elsewhere + "> { ?s ?p ?o } LIMIT 1"),
                "/sparql?query=" + enc("SELECT * FROM NAMED <" + elsewhere + "> { GRAPH ?g { ?s ?p ?o } } LIMIT 1"),
                "/sparql?query=" + enc("SELECT * { ?s ?p ?o } LIMIT 1") + "&default-graph-uri=" + enc(elsewhere),
                "/sparql?query=" + enc("SELECT * { GRAPH ?g { ?s ?p ?o } } LIMIT 1") + "&named-graph-uri=" + enc(elsewhere),
                "/sparql?query=" + enc("DESCRIBE <" + elsewhere + ">"),
                "/sparql?query=" + enc("SELECT * { GRAPH <" + elsewhere + "> { ?s ?p ?o } }"),
                "/sparql?query=" + enc("PREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query \"" + elsewhere + "\" }"),
                "/sparql?query=" + enc("BASE <" + elsewhere + "> SELECT * { <x> ?p ?o }"));
        for (String path : other) {
            HttpResponse<String> response = get(path);
            assertTrue(response.statusCode() < 500, path + " -> " + response.statusCode() + " " + response.body());
        }
        // Defence in depth: the store itself refuses SERVICE, for anyone who reaches it directly.
        HttpResponse<String> direct = CLIENT.send(HttpRequest.newBuilder(URI.create(store.service().query() + "?query="
                + enc("SELECT * { " + service + " }"))).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, direct.statusCode(), direct.body());
        Thread.sleep(300);
        assertEquals(0, CONNECTIONS.get(), "a query made the server connect to another server");
    }

    // ---- time, size, rows ------------------------------------------------------------------------

    @Test
    void aCrossProductEndsInTimeWhileAnotherClientIsAnsweredWithinASecond() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/sparql?query=" + enc("ASK { ?s ?p ?o }")).statusCode()); // warm
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(
                HttpRequest.newBuilder(uri("/sparql?query=" + enc(CROSS))).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        long simpleStart = System.nanoTime();
        HttpResponse<String> simple = get("/sparql?query=" + enc("SELECT ?a { ?a a <https://w3id.org/actiegraaf/def#Actie> } LIMIT 5"));
        long simpleMillis = (System.nanoTime() - simpleStart) / 1_000_000;
        assertEquals(200, simple.statusCode());
        assertTrue(simpleMillis < 1000, "the simple query waited " + simpleMillis + " ms");
        HttpResponse<String> answer = slow.get();
        long slowMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, answer.statusCode(), answer.body());
        assertTrue(slowMillis < LIMIT.toMillis() + 2500, "the cross product ran " + slowMillis + " ms");
        System.out.printf("HostileClientsIT: cross product cut after %d ms (limit %d ms); simple query meanwhile %d ms%n",
                slowMillis, LIMIT.toMillis(), simpleMillis);
    }

    @Test
    void queryTextOver64KiBIs413HoweverSentAndExactly64KiBIsRead() throws Exception {
        String query = "ASK { ?s ?p ?o }\n";
        String atLimit = query + "#" + "x".repeat(64 * 1024 - query.length() - 2) + "\n";
        assertEquals(64 * 1024, atLimit.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(200, post("/sparql", "application/sparql-query", atLimit).statusCode());
        String over = atLimit + " ";
        assertEquals(413, post("/sparql", "application/sparql-query", over).statusCode());
        assertEquals(413, post("/sparql", "application/x-www-form-urlencoded", "query=" + enc(over)).statusCode());
        HttpResponse<String> byGet = get("/sparql?query=" + enc(over));
        assertEquals(413, byGet.statusCode(), "GET: the facade's own answer, not Jetty's");
        assertNoLeak(byGet, "GET of " + over.length() + " bytes");
    }

    @Test
    void anAnswerOverTheRowCapIsCutVisiblyNeverSilently() throws Exception {
        String many = "SELECT ?a { ?s ?p ?o . ?a a <https://w3id.org/actiegraaf/def#Actie> }";
        long possible = count() * 86;
        assertTrue(possible > RowCap.DEFAULT_MAX_ROWS, "the test query must ask for more than the cap: " + possible);
        // A facade of its own with a generous time limit: 100 000 rows take a while on a loaded machine.
        try (Facade patient = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, null, ONTOLOGY)
                .withQueryTimeout(Duration.ofSeconds(60)))) {
            String base = "http://127.0.0.1:" + patient.port() + "/sparql?query=";
            HttpResponse<String> capped = CLIENT.send(HttpRequest.newBuilder(URI.create(base + enc(many)))
                    .header("Accept", "text/tab-separated-values").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, capped.statusCode(), capped.body().length() < 300 ? capped.body() : "");
            assertEquals(String.valueOf(RowCap.DEFAULT_MAX_ROWS), capped.headers().firstValue(RowCap.HEADER).orElse(null));
            assertEquals(RowCap.DEFAULT_MAX_ROWS + 1, capped.body().lines().count(), "header line and the capped rows");

            HttpResponse<InputStream> askedMore = CLIENT.send(HttpRequest.newBuilder(URI.create(base + enc(many + " LIMIT 500000")))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            askedMore.body().close(); // the header is what counts here
            assertTrue(askedMore.headers().firstValue(RowCap.HEADER).isPresent(), "a LIMIT over the cap is capped visibly too");

            HttpResponse<String> within = CLIENT.send(HttpRequest.newBuilder(URI.create(base + enc(many + " LIMIT 7")))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(within.headers().firstValue(RowCap.HEADER).isPresent(), "within the cap nothing is said");
            assertEquals(7 + 1, within.body().lines().count());
        }
    }

    @Test
    void aForgedForwardedForDoesNotEscapeTheCapsAndTheOverallCapIs503() throws Exception {
        String slow = "/sparql?timeout=3&query=" + enc(CROSS);
        // per client 2, overall 3: a third query from this address is 429, whatever headers it forges
        try (Facade capped = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, null, ONTOLOGY)
                .withConcurrency(3, 2))) {
            List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
            for (String forged : List.of("10.0.0.1", "10.0.0.2")) {
                running.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + capped.port() + slow))
                        .header("X-Forwarded-For", forged).header("X-Real-IP", forged).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(700);
            HttpResponse<String> third = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + capped.port()
                    + "/sparql?query=" + enc("ASK {}"))).header("X-Forwarded-For", "10.0.0.3").header("Forwarded", "for=10.0.0.3")
                    .header("X-Real-IP", "10.0.0.3").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, third.statusCode(), third.body());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            assertNoLeak(third, "429");
            for (CompletableFuture<HttpResponse<String>> r : running) {
                assertEquals(504, r.get().statusCode());
            }
        }
        // overall 2, per client 5: the third query is refused for the server's sake, 503
        try (Facade busy = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, null, ONTOLOGY)
                .withConcurrency(2, 5))) {
            List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + busy.port() + slow)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(700);
            HttpResponse<String> third = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + busy.port()
                    + "/sparql?query=" + enc("ASK {}"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, third.statusCode(), third.body());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            assertNoLeak(third, "503");
            for (CompletableFuture<HttpResponse<String>> r : running) {
                assertEquals(504, r.get().statusCode());
            }
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + busy.port()
                    + "/sparql?query=" + enc("ASK {}"))).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "places are given back");
        }
    }

    // ---- no leaks --------------------------------------------------------------------------------

    @Test
    void errorsAreOneLineWithoutStackTracesAndCarryTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(get("/sparql?query=" + enc("SELECT * WHERE { ?s ?p")));
        responses.add(get("/sparql"));
        responses.add(get("/sparql?query=" + enc("ASK {}") + "&timeout=-1"));
        responses.add(get("/sparql?query=" + enc("ASK {}") + "&timeout=NaN"));
        responses.add(get("/sparql?query=" + enc("ASK {}") + "&query=" + enc("ASK {}")));
        responses.add(get("/sparql?query=" + enc("SELECT * { ?s ?p ?o FILTER(REGEX(?o, \"(\")) }")));
        responses.add(get("/sparql?query=" + enc("SELECT (1/0 AS ?x) {}")));
        responses.add(post("/sparql", "text/plain", "ASK {}"));
        responses.add(post("/sparql", "application/sparql-query; charset=latin1", "ASK {}"));
        responses.add(CLIENT.send(HttpRequest.newBuilder(uri("/sparql")).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28})).build(),
                HttpResponse.BodyHandlers.ofString()));
        responses.add(get("/id/actie/99999"));
        responses.add(get("/id/%00"));
        responses.add(get("/id/actie/%E2%80%AE%F0%9F%98%80"));
        responses.add(get("/id/" + "a".repeat(5000)));
        responses.add(get("/nonexistent"));
        responses.add(CLIENT.send(HttpRequest.newBuilder(uri("/sparql?query=" + enc("ASK {}"))).header("Accept", "x/y;;q=x, */*;q=2")
                .build(), HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> response : responses) {
            assertNoLeak(response, response.request().uri().toString());
        }
    }

    @Test
    void noPathLeadsOutOfTheServedFolders() throws Exception {
        List<String> paths = List.of("/../pom.xml", "/../../../../etc/passwd", "/%2e%2e/pom.xml", "/%2e%2e%2fpom.xml",
                "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..%2fpom.xml", "/..%5cpom.xml", "/%252e%252e%252fpom.xml",
                "/id/../../pom.xml", "/id/%2e%2e/%2e%2e/pom.xml", "/id/..%2f..%2fpom.xml", "/def/..%2f..%2fpom.xml",
                "/download/..%2f..%2fpom.xml", "/download/%2e%2e%2f%2e%2e%2fpom.xml", "/..;/pom.xml", "/%c0%ae%c0%ae/pom.xml",
                "//etc/passwd", "/./././../pom.xml", "/static/../../pom.xml", "/assets/..%2f..%2fpom.xml",
                "/index.html/../../pom.xml", "/favicon.ico/..%2f..%2fpom.xml", "/\\..\\pom.xml", "/id/actie/12/../../../pom.xml",
                "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/nl/actiegraaf/web/Facade.class", "/fuseki-config/actiegraaf.ttl");
        for (String path : paths) {
            String raw = rawGet(path);
            assertFalse(raw.contains("<artifactId>") || raw.contains("root:x:0") || raw.contains("Manifest-Version")
                    || raw.contains("tdb2:location") || raw.contains("\u00CA\u00FE\u00BA\u00BE"), path + " leaked a file:\n" + raw);
            String status = raw.lines().findFirst().orElse("");
            assertFalse(status.contains(" 500 "), path + ": " + status);
            assertFalse(raw.contains("\tat ") || raw.contains("Exception"), path + " leaked a stack trace:\n" + raw);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertRefused(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, what + " -> " + status + " " + response.body());
        assertNoLeak(response, what);
    }

    private static void assertNoLeak(HttpResponse<String> response, String what) {
        String body = response.body();
        assertFalse(body.contains("\tat ") || body.contains("at org.") || body.contains("at nl.")
                || body.matches("(?s).*\\bjava\\.(?:[a-z]+\\.)+[A-Z]\\w*(Exception|Error).*"), what + " leaked a stack trace: " + body);
        assertTrue(response.statusCode() < 500 || response.statusCode() == 502 || response.statusCode() == 503
                || response.statusCode() == 504, what + " -> " + response.statusCode() + " " + body);
        Map<String, List<String>> headers = response.headers().map();
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what + " " + headers);
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), what);
        assertTrue(response.headers().firstValue("Referrer-Policy").isPresent(), what);
    }

    private static long count() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri("/sparql?query=" + enc(COUNT)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path exactly as written, no client normalising it: a raw HTTP/1.1 request on a socket. */
    private static String rawGet(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), facade.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + facade.port() + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
