package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Predicate;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The short version of {@code bench loadtest}: 16 clients, each from its own loopback source address
 * (the facade's fair share counts per address), send mixed SPARQL, API, resource-page and health
 * requests for 5 s to the real facade over the real embedded store with the seed. A 429/503 with
 * {@code Retry-After} is waited out and retried; anything else that is not the right answer fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadSmokeIT {
    private static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");
    private static final Path ONTOLOGY = Path.of("ontology/actiegraaf.ttl");
    private static final String AG = "PREFIX ag: <https://w3id.org/actiegraaf/def#> ";
    private static final String CROSS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    private static final int CLIENTS = 16;
    private static final Duration RUN = Duration.ofSeconds(5);

    private static EmbeddedStore store;
    private static Facade facade;
    /** One query per address at once, and a short limit: to see that the facade tells addresses apart. */
    private static Facade strict;

    record Kind(String name, String path, String accept, Predicate<String> bodyOk) {
    }

    private static final List<Kind> MIX = List.of(
            new Kind("sparql SELECT json", sparql(AG + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a ag:Actie }"),
                    "application/sparql-results+json", b -> b.contains("\"86\"")),
            new Kind("sparql SELECT csv", sparql("SELECT ?p ?o WHERE { <https://w3id.org/actiegraaf/id/actie/pok/12> ?p ?o }"),
                    "text/csv", b -> b.startsWith("p,o\r\n") && b.contains("actiegraaf/def#omschrijving")),
            new Kind("sparql CONSTRUCT turtle", sparql("CONSTRUCT { <https://w3id.org/actiegraaf/id/actie/pok/7> ?p ?o }"
                    + " WHERE { <https://w3id.org/actiegraaf/id/actie/pok/7> ?p ?o }"), "text/turtle", b -> b.contains("actie/pok/7")),
            new Kind("sparql ASK xml", sparql(AG + "ASK { <https://w3id.org/actiegraaf/id/actie/pok/86> a ag:Actie }"),
                    "application/sparql-results+xml", b -> b.contains("<boolean>true</boolean>")),
            new Kind("api actie", "/api/queries/actie?nummer=12", "application/json", b -> b.startsWith("[") && b.contains("\"nummer\":12")),
            new Kind("api moties", "/api/queries/moties?motie=35510-21", "application/json", b -> b.startsWith("[") && b.contains("kamerstuk/35510-21")),
            new Kind("page html", "/id/actie/pok/12", "text/html", b -> b.contains("<h1>Actie 12</h1>")),
            new Kind("page turtle", "/id/actie/pok/12", "text/turtle", b -> b.contains("omschrijving")),
            new Kind("health", "/health", "application/json", b -> b.contains("\"status\":\"ok\"")));

    @BeforeAll
    static void start() {
        store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, null);
        store.load(List.of(new ReportSource(SEED, ReportConverter.standard()::convert),
                new RdfFileSource(ONTOLOGY, Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES)));
        FacadeConfig config = new FacadeConfig(store, "127.0.0.1", 0, Path.of("queries"), ONTOLOGY);
        facade = Facade.start(config);
        strict = Facade.start(config.withQueryTimeout(Duration.ofSeconds(1)).withConcurrency(16, 1));
    }

    @AfterAll
    static void stop() {
        strict.close();
        facade.close();
        store.close();
    }

    private static String sparql(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void sixteenClientsFromTheirOwnAddressesGetOnlyRightAnswers() throws Exception {
        for (Kind kind : MIX) { // each request is right on its own first
            Response r = get("127.0.0.1", facade.port(), kind.path(), kind.accept());
            assertEquals(200, r.status(), kind.name() + ": " + r.body());
            assertTrue(kind.bodyOk().test(r.body()), kind.name() + ": " + r.body());
        }
        AtomicIntegerArray answered = new AtomicIntegerArray(MIX.size());
        AtomicInteger refused = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long end = System.nanoTime() + RUN.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String source = "127.0.0." + (2 + c);
            int first = c;
            Thread t = new Thread(() -> {
                // kinds in turn, each client starting elsewhere: every kind is sent, even on a slow machine
                for (int i = first; System.nanoTime() < end && failures.isEmpty(); i++) {
                    Kind kind = MIX.get(i % MIX.size());
                    try {
                        for (int attempt = 0; ; attempt++) {
                            Response r = get(source, facade.port(), kind.path(), kind.accept());
                            String retryAfter = r.headers().get("retry-after");
                            if ((r.status() == 429 || r.status() == 503) && retryAfter != null && attempt < 5) {
                                refused.incrementAndGet();
                                Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(retryAfter)));
                                continue;
                            }
                            if (r.status() == 200 && kind.bodyOk().test(r.body())) {
                                answered.incrementAndGet(MIX.indexOf(kind));
                            } else {
                                failures.add(kind.name() + " from " + source + ": HTTP " + r.status() + " " + r.body());
                            }
                            break;
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(kind.name() + " from " + source + ": " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load-" + source);
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        System.out.println("LoadSmokeIT: " + CLIENTS + " clients, " + RUN.toSeconds() + " s: answered " + answered
                + " per kind " + MIX.stream().map(Kind::name).toList() + ", refused and retried " + refused + ", failed " + failures.size());
        assertEquals(List.of(), failures, "no request may fail (refused and retried: " + refused + ")");
        for (int k = 0; k < MIX.size(); k++) {
            assertTrue(answered.get(k) > 0, MIX.get(k).name() + " was answered at least once");
        }
    }

    @Test
    @Order(2)
    void theFacadeCountsEachSourceAddressOnItsOwn() throws Exception {
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return get("127.0.0.2", strict.port(), sparql(CROSS), "application/sparql-results+json");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(400);
        Response sameAddress = get("127.0.0.2", strict.port(), sparql("ASK {}"), "application/sparql-results+json");
        Response otherAddress = get("127.0.0.3", strict.port(), sparql("ASK {}"), "application/sparql-results+json");
        assertEquals(429, sameAddress.status(), "the running query's own address is over its share: " + sameAddress.body());
        assertEquals(200, otherAddress.status(), "another loopback address has its own share: " + otherAddress.body());
        assertTrue(slow.get(20, TimeUnit.SECONDS).status() >= 500, "the runaway query ended at the limit");
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    /**
     * A GET over a socket bound to {@code source}, plain HTTP/1.1 with {@code Connection: close} (the JDK
     * HttpClient cannot choose its source address): the answer is everything up to the end of the stream.
     */
    static Response get(String source, int port, String pathAndQuery, String accept) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                throw new IOException("connection closed before the headers ended");
            }
            String[] lines = text.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            byte[] body = Arrays.copyOfRange(all, headEnd + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            } else if (headers.containsKey("content-length") && Integer.parseInt(headers.get("content-length")) != body.length) {
                throw new IOException("body cut off: " + body.length + " of " + headers.get("content-length") + " bytes");
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Chunked transfer coding; an answer without its last (zero) chunk was cut off. */
    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", pos);
            if (lineEnd < 0) {
                throw new IOException("chunked body cut off");
            }
            String size = text.substring(pos, lineEnd);
            int n = Integer.parseInt((size.contains(";") ? size.substring(0, size.indexOf(';')) : size).strip(), 16);
            pos = lineEnd + 2;
            if (n == 0) {
                return out.toByteArray();
            }
            if (pos + n > chunked.length) {
                throw new IOException("chunked body cut off");
            }
            out.write(chunked, pos, n);
            pos += n + 2;
        }
    }
}
