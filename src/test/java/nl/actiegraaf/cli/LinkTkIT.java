package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.web.Facade;
import nl.actiegraaf.web.FacadeConfig;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link tk} end to end on the real seed in an embedded store: from a folder of (made-up) OData
 * pages, and with {@code --fetch} from a real HTTP server started here that serves those pages with
 * paging, one 429 with Retry-After, one answer slower than the time limit and one page of broken JSON;
 * then the motion's page and the curated query {@code stemmingen} over HTTP from the real facade.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkTkIT {
    private static final Path PAGES = Path.of("src/test/resources/tk/pages");
    private static final String FIXTURE_BASE = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/";

    @TempDir
    static Path temp;
    private static Path data;
    private static HttpServer server;
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static final AtomicInteger TOO_MANY = new AtomicInteger();
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @BeforeAll
    static void loadSeed() throws IOException {
        data = temp.resolve("data");
        CliRun load = CliRun.of("load", "--data", data.toString(), "ontology/actiegraaf.ttl", "seeds/organisaties.ttl",
                "seeds/kamerleden.ttl", "seeds/stand-van-zaken-pok-2021.txt");
        assertEquals(0, load.code(), load.err());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/OData/v4/2.0/", LinkTkIT::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        NEVER.countDown();
        server.stop(0);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/OData/v4/2.0/";
    }

    /** Like the API: the Documents of the dossier asked for, in pages; with the faults this test needs. */
    private static void answer(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
                StandardCharsets.UTF_8);
        String dossier = query.replaceFirst("(?s).*d/Nummer eq (\\d+).*", "$1");
        boolean secondChunk = query.contains("Volgnummer eq 45");
        String key = query.contains("$skip=2") ? "35510-2" : secondChunk ? "35510-3" : dossier;
        REQUESTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        byte[] body;
        switch (key) {
            case "35510" -> {
                if (TOO_MANY.getAndIncrement() == 0) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    send(exchange, 429, "{\"error\":{\"code\":\"429\",\"message\":\"Too many requests\"}}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                body = page("document-35510-1.json");
            }
            case "35510-2" -> body = page("document-35510-2.json");
            case "35510-3" -> body = page("document-35510-3.json");
            case "29362" -> body = page("document-29362.json");
            case "28362" -> body = "{\"@odata.context\":\"x\",\"value\":[{\"Id\":".getBytes(StandardCharsets.UTF_8);
            case "31490" -> {
                try {
                    NEVER.await(10, TimeUnit.SECONDS); // slower than the command's time limit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body = "{\"value\":[]}".getBytes(StandardCharsets.UTF_8);
            }
            default -> body = ("{\"@odata.context\":\"" + base() + "$metadata#Document\",\"value\":[]}").getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, 200, body);
    }

    private static byte[] page(String name) throws IOException {
        return Files.readString(PAGES.resolve(name)).replace(FIXTURE_BASE, base()).getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json; odata.metadata=minimal");
        try {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the client gave up (the slow answer): nothing to tell it
        } finally {
            exchange.close();
        }
    }

    @Test
    @Order(1)
    void fromAFolderOfPagesItLinksWhatMatchesAndNamesTheRest() {
        CliRun run = CliRun.of("link", "tk", "--data", data.toString(), "--pages", PAGES.toString());
        assertEquals(0, run.code(), run.err() + run.out());
        String out = run.out();
        assertTrue(out.contains("linked     35510-21     Document 2021D02021, Zaak 2021Z00921, 3 submitter(s), vote Aangenomen on 2021-01-19 (for 100, against 32)"), out);
        assertTrue(out.contains("not linked 29362-290    only Document 2021D02290 of dossier 29362-IX nr. 290"), out);
        assertTrue(out.contains("note       35510-45     Zaak 2021Z00945: no vote published yet"), out);
        assertTrue(out.contains("loaded    <https://w3id.org/actiegraaf/graph/tk>"), out);
        assertTrue(out.contains("summary: 5 of 31 Kamerstukken linked (4 with a vote), 26 not linked"), out);
        assertEquals(4, count("SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/actiegraaf/graph/tk> { ?s a <https://w3id.org/actiegraaf/def#Stemming> } }"));
    }

    @Test
    @Order(2)
    void fetchesPolitelyReportsEveryFailureLoadsTheRestAndARerunUsesTheCache() {
        Path cache = temp.resolve("cache");
        String[] args = {"link", "tk", "--data", data.toString(), "--fetch", "--api", base(), "--cache", cache.toString(),
                "--timeout", "1", "--pause", "0", "--retries", "1"};
        CliRun first = CliRun.of(args);
        String out = first.out();
        assertEquals(1, first.code(), first.err() + out); // some requests failed; what could be read is loaded
        assertTrue(out.contains("HTTP 429, waiting 1 s as asked (Retry-After)"), out);
        assertTrue(out.matches("(?s).*\nfailed     request \\d/8 \\(dossier 31490\\) page 1 no answer within 1 s \\(2 attempt\\(s\\)\\)\n.*"), out);
        assertTrue(out.matches("(?s).*\nfailed     request \\d/8 \\(dossier 28362\\) page 1 answer:1:\\d+: not JSON .*"), out);
        assertTrue(out.contains("summary: 5 of 31 Kamerstukken linked (4 with a vote)"), out);
        assertTrue(out.contains("pages: 7 fetched, 0 from the cache, 2 request(s) failed"), out);
        assertEquals(1, REQUESTS.get("35510-2").get(), "the next link was followed once");
        assertEquals(2, REQUESTS.get("35510").get(), "the 429 was retried once");
        assertEquals(4, count("SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/actiegraaf/graph/tk> { ?s a <https://w3id.org/actiegraaf/def#Stemming> } }"));

        Map<String, Integer> before = new java.util.TreeMap<>();
        REQUESTS.forEach((k, v) -> before.put(k, v.get()));
        CliRun again = CliRun.of(args);
        assertTrue(again.out().contains("pages: 0 fetched, 7 from the cache, 2 request(s) failed"), again.out());
        REQUESTS.forEach((k, v) -> {
            if (!k.equals("28362") && !k.equals("31490")) {
                assertEquals(before.get(k), v.get(), "asked again for " + k);
            }
        });
        assertTrue(again.out().contains("unchanged <https://w3id.org/actiegraaf/graph/tk>"), again.out());
    }

    @Test
    @Order(3)
    void badOptionsEndInOneLine() {
        CliRun both = CliRun.of("link", "tk", "--data", data.toString(), "--pages", PAGES.toString(), "--fetch");
        assertEquals(2, both.code());
        CliRun missing = CliRun.of("link", "tk", "--data", data.toString(), "--pages", temp.resolve("nirgends").toString());
        assertEquals(2, missing.code(), missing.out());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nirgends: no such folder"), missing.err());
    }

    @Test
    @Order(4)
    void theMotionPageAndStemmingenShowTheVoteOverHttp() throws Exception {
        CliRun run = CliRun.of("link", "tk", "--data", data.toString(), "--pages", PAGES.toString());
        assertEquals(0, run.code(), run.err());
        try (EmbeddedStore store = EmbeddedStore.open(Path.of("fuseki-config/actiegraaf.ttl"), data)) {
            Facade facade = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, Path.of("queries"),
                    Path.of("ontology/actiegraaf.ttl")));
            try {
                HttpClient client = HttpClient.newHttpClient();
                String html = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facade.port() + "/id/kamerstuk/35510-21"))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(html.contains("Uitslag: <strong>Aangenomen</strong> op 2021-01-19 (met handopsteken): 100 voor, 32 tegen"), html);
                assertTrue(html.contains(">Attje Kuiken</a> (medeindiener)"), html);
                assertTrue(html.contains(">Lilian Marijnissen</a> (indiener)"), html);
                assertTrue(html.contains("<td>VVD</td><td>voor (vergissing, niet geteld)</td><td>32</td>"), html);
                assertTrue(html.contains("Kabinetsappreciatie: <strong>Oordeel Kamer</strong>"), html);

                HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facade.port()
                        + "/api/queries/stemmingen?uitslag=Aangenomen")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, api.statusCode(), api.body());
                JsonNode rows = new ObjectMapper().readTree(api.body());
                List<String> motions = new java.util.ArrayList<>();
                rows.forEach(r -> motions.add(r.path("motie").asText()));
                assertEquals(List.of("https://w3id.org/actiegraaf/id/kamerstuk/35510-21", "https://w3id.org/actiegraaf/id/kamerstuk/35510-23"), motions);
                JsonNode row = rows.get(0);
                assertTrue(row.path("fractiesVoor").asText().contains("SP (14)"), row.toString());
                assertFalse(row.path("fractiesVoor").asText().contains("VVD"), row.toString());
                assertEquals("VVD (32)", row.path("fractiesTegen").asText());
                assertEquals(100, row.path("stemmenVoor").asInt());

                HttpResponse<String> parties = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facade.port()
                        + "/api/queries/fracties?fractie=fractie-sp")).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode sp = new ObjectMapper().readTree(parties.body()).get(0);
                assertEquals(1, sp.path("motiesIngediend").asInt(), parties.body());
                assertEquals(3, sp.path("motiesVoor").asInt(), parties.body());

                String voidTtl = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facade.port() + "/.well-known/void"))
                        .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(voidTtl.contains("<http://rdfs.org/ns/void#subset> <https://w3id.org/actiegraaf/.well-known/void#tk>"), voidTtl);
            } finally {
                facade.close();
            }
        }
    }

    private static long count(String query) {
        try (EmbeddedStore store = EmbeddedStore.open(Path.of("fuseki-config/actiegraaf.ttl"), data)) {
            return Txn.calculateRead(store.dataset(), () -> {
                try (var exec = QueryExecutionFactory.create(query, org.apache.jena.query.DatasetFactory.wrap(store.dataset()))) {
                    return exec.execSelect().next().getLiteral("n").getLong();
                }
            });
        }
    }
}
