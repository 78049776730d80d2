package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.actiegraaf.store.StandaloneFuseki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One store, two facades (docs/deployment.md): a standalone Fuseki, two {@code serve --endpoint} in front of
 * it, and a round-robin proxy (written here, JDK HttpServer forwarding with java.net.http) in front of those,
 * as a load balancer would be. Every answer is the same whichever facade gives it, ETags included; after a
 * {@code load --endpoint} from the command line (neither facade took part) both facades answer with the new
 * data within their staleness bound (each checks the store's data version at most once a second).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoFacadesIT {
    /** The data version is re-read at most once a second, in the background; the bound allows for a slow machine. */
    private static final Duration STALENESS_BOUND = Duration.ofSeconds(30);
    private static final String LATER_EDITION = "src/test/resources/nl/actiegraaf/editions/stand-van-zaken-pok-2021-10.txt";

    private StandaloneFuseki fuseki;
    private final List<ServeCommand.Running> facades = new ArrayList<>();
    private HttpServer proxy;
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        fuseki = StandaloneFuseki.start();
        for (int i = 0; i < 2; i++) {
            ServeCommand serve = (ServeCommand) new picocli.CommandLine(new Main())
                    .parseArgs("serve", "--endpoint", fuseki.datasetUrl(), "--port", "0")
                    .subcommand().commandSpec().userObject();
            StringWriter printed = new StringWriter();
            facades.add(serve.start(new PrintWriter(printed)));
            if (i == 1) {
                assertTrue(printed.toString().contains("0 graph(s) loaded"), "the second facade finds the data there: " + printed);
            }
        }
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        proxy.setExecutor(Executors.newFixedThreadPool(4));
        proxy.createContext("/", this::forward);
        proxy.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (proxy != null) {
            proxy.stop(0);
        }
        facades.forEach(ServeCommand.Running::close);
        if (fuseki != null) {
            fuseki.close();
        }
    }

    /** Round robin: each request to the next facade; the facade that answered is named in a response header. */
    private void forward(HttpExchange exchange) throws IOException {
        int index = Math.floorMod(turn.getAndIncrement(), facades.size());
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + facades.get(index).facadePort() + exchange.getRequestURI())).timeout(Duration.ofSeconds(30));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!Set.of("host", "connection", "content-length").contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers().map().forEach((name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", "date", ":status").contains(name.toLowerCase())) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            exchange.getResponseHeaders().add("X-Test-Facade", Integer.toString(index));
            exchange.sendResponseHeaders(response.statusCode(), response.statusCode() == 304 ? -1 : 0);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String path, String accept, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final List<String> CALLS = List.of(
            "/api/queries/rapporten", "/api/queries/edities", "/api/queries/moties?motie=35510-21",
            "/api/queries/tellingen?per=status", "/api/queries/actie?nummer=12", "/api/queries/organisaties.csv",
            "/id/actie/pok/12", "/id/kamerstuk/35510-21", "/health",
            "/sparql?query=PREFIX%20ag%3A%20%3Chttps%3A%2F%2Fw3id.org%2Factiegraaf%2Fdef%23%3E%20SELECT%20%3Fn%20%7B%20%3Fa%20ag%3Anummer%20%3Fn%20%7D%20ORDER%20BY%20%3Fn");

    @Test
    void bothFacadesGiveTheSameAnswersAndETags() throws Exception {
        for (String call : CALLS) {
            for (String accept : List.of("application/json", "text/turtle")) {
                HttpResponse<String> first = get(call, accept);
                HttpResponse<String> second = get(call, accept);
                assertEquals(Set.of("0", "1"), Set.of(first.headers().firstValue("X-Test-Facade").orElseThrow(),
                        second.headers().firstValue("X-Test-Facade").orElseThrow()), "round robin");
                assertEquals(first.statusCode(), second.statusCode(), call);
                assertEquals(first.body(), second.body(), call + " " + accept);
                assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"), call + " " + accept);
                // A client's cached copy from one facade is valid at the other.
                first.headers().firstValue("ETag").ifPresent(etag -> {
                    try {
                        assertEquals(304, get(call, accept, "If-None-Match", etag).statusCode(), call);
                        assertEquals(304, get(call, accept, "If-None-Match", etag).statusCode(), call);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
            }
        }
        assertTrue(get("/api/queries/rapporten", "application/json").headers().firstValue("ETag").isPresent(),
                "curated answers carry an ETag");
    }

    @Test
    void aLoadThroughTheCommandLineIsSeenByBothFacades() throws Exception {
        // Both facades have the answer cached (warm-up or an earlier request).
        for (int i = 0; i < 4; i++) {
            assertFalse(get("/api/queries/rapporten", "application/json").body().contains("stand-van-zaken-pok-2021-10"));
        }
        String etagBefore = get("/api/queries/rapporten", "application/json").headers().firstValue("ETag").orElseThrow();
        CliRun loaded = CliRun.of("load", "--endpoint", fuseki.datasetUrl(), LATER_EDITION);
        assertEquals(0, loaded.code(), loaded.out() + loaded.err());
        long deadline = System.nanoTime() + STALENESS_BOUND.toNanos();
        boolean[] seen = new boolean[2];
        while (!(seen[0] && seen[1]) && System.nanoTime() < deadline) {
            HttpResponse<String> answer = get("/api/queries/rapporten", "application/json");
            if (answer.body().contains("stand-van-zaken-pok-2021-10")) {
                seen[Integer.parseInt(answer.headers().firstValue("X-Test-Facade").orElseThrow())] = true;
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(seen[0] && seen[1], "both facades answer with the new edition within " + STALENESS_BOUND);
        // Once both have it: the same bytes and a new, equal ETag at both.
        HttpResponse<String> first = get("/api/queries/rapporten", "application/json");
        HttpResponse<String> second = get("/api/queries/rapporten", "application/json");
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"));
        assertFalse(first.headers().firstValue("ETag").orElseThrow().equals(etagBefore), "a new ETag for the new data");
        assertEquals(200, get("/api/queries/rapporten", "application/json", "If-None-Match", etagBefore).statusCode());
        assertEquals(200, get("/api/queries/rapporten", "application/json", "If-None-Match", etagBefore).statusCode());
    }
}
