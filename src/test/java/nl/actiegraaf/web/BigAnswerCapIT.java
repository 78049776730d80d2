package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nl.actiegraaf.testsupport.TestFacade;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18: {@code X-SPARQL-MaxRows} only when rows were cut, also for answers far bigger than what used to
 * be held back in memory (16 MiB of values or 1 s, past which a big complete answer went out flagged as
 * cut). 45,000 made-up triples with 420-character literals: all of them are a complete answer of 20 million
 * characters of values (over 16 MiB) under a cap of 50,000; twice as many solutions is an answer the cap cuts.
 * SELECT and CONSTRUCT, in this JVM and (the subclass) over HTTP to Fuseki.
 */
@Timeout(300)
class BigAnswerCapIT {
    private static final int TRIPLES = 45_000;
    private static final int LITERAL = 420;
    /** Half the default cap, configured as {@code serve} would: so the cut answers are quicker to make over HTTP. */
    private static final long CAP = 50_000;
    private static final String P = "<http://t.example/p>";
    /** Generous: what is limited here is the cap, not the time, on a machine shared by several builds. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestFacade web = TestFacade.with(dataset -> {
        Node graph = NodeFactory.createURI("http://t.example/g");
        Node p = NodeFactory.createURI("http://t.example/p");
        String filler = "x".repeat(LITERAL - 12);
        for (int i = 0; i < TRIPLES; i++) {
            dataset.add(Quad.create(graph, NodeFactory.createURI("http://t.example/s" + i), p,
                    NodeFactory.createLiteralString(String.format(Locale.ROOT, "%012d", i) + filler)));
        }
    }).queryTimeout(LIMIT).tune(config -> config.withMaxRows(CAP));

    // The cut answers are narrow (no literal): twice the triples' subjects is over the cap, and quick to send.
    private static final String SELECT_TWICE = "SELECT ?s ?x { ?s " + P + " ?o VALUES ?x { 1 2 } }";
    private static final String CONSTRUCT_TWICE = "CONSTRUCT { ?s ?x <http://t.example/o> } WHERE { ?s " + P + " ?o "
            + "VALUES ?x { <http://t.example/q1> <http://t.example/q2> } }";

    /** The rows of the big complete answer: every triple. */
    long completeRows() {
        return TRIPLES;
    }

    /** The triples of the big complete answer ({@link #completeRows()} of them, by their zero-padded number). */
    private String some() {
        return "?s " + P + " ?o " + (completeRows() < TRIPLES
                ? "FILTER(STR(?o) < \"" + String.format(Locale.ROOT, "%012d", completeRows()) + "\")" : "");
    }

    private String selectAll() {
        return "SELECT ?s ?o { " + some() + " }";
    }

    private String constructAll() {
        return "CONSTRUCT { ?s <http://t.example/q> ?o } WHERE { " + some() + " }";
    }

    /** True when the complete answer is over the old in-memory hold-back of 16 MiB of values. */
    boolean overTheOldMemoryBound() {
        return true;
    }

    /** What a client read: the cap header, the rows (lines after a header line, or triples), bytes and times. */
    private record Read(int status, Optional<String> maxRows, long lines, long bytes, long firstByteMillis, long millis) {
    }

    @AfterEach
    void everySpoolGaveItsDiskBack() {
        assertEquals(0, AnswerSpool.bytesOnDisk(AnswerSpool.DEFAULT), "no answer's temporary file is left");
        assertEquals(0, web.facade().queryPlacesHeld());
    }

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static Read read(String query, String accept) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = web.client.send(HttpRequest.newBuilder(web.uri(q(query)))
                .header("Accept", accept).timeout(LIMIT.plusSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long lines = 0;
        long bytes = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                bytes += line.length() + 1;
            }
        }
        return new Read(response.statusCode(), response.headers().firstValue(RowCap.HEADER), lines, bytes, firstByte,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private void print(String what, Read read) {
        System.out.printf(Locale.ROOT, "%s: %s: HTTP %d, %s: %s, %d lines, %.1f MB, first byte %d ms, whole %d ms%n",
                getClass().getSimpleName(), what, read.status(), RowCap.HEADER, read.maxRows().orElse("none"), read.lines(),
                read.bytes() / 1e6, read.firstByteMillis(), read.millis());
    }

    @Test
    void aBigCompleteSelectHasNoCapHeaderAndACutOneHasIt() throws Exception {
        Read complete = read(selectAll(), "text/tab-separated-values");
        print("SELECT, complete", complete);
        assertEquals(200, complete.status());
        assertEquals(Optional.empty(), complete.maxRows(), "a complete answer is never flagged as cut");
        assertEquals(completeRows() + 1, complete.lines(), "the header line and every row");
        assertTrue(!overTheOldMemoryBound() || complete.bytes() > 16L << 20, "bigger than the old 16 MiB hold-back: " + complete.bytes());

        Read json = read(selectAll(), "application/sparql-results+json");
        print("SELECT, complete, JSON", json);
        assertEquals(Optional.empty(), json.maxRows());

        Read cut = read(SELECT_TWICE, "text/tab-separated-values");
        print("SELECT, cut", cut);
        assertEquals(200, cut.status());
        assertEquals(Optional.of(Long.toString(CAP)), cut.maxRows());
        assertEquals(CAP + 1, cut.lines(), "the header line and exactly the cap's rows");

        // Side by side, the same answer with its own LIMIT within the cap: it streams, never held.
        Read streamed = read(selectAll() + " LIMIT " + CAP, "text/tab-separated-values");
        print("SELECT, complete, own LIMIT (streamed, not spooled)", streamed);
        assertEquals(Optional.empty(), streamed.maxRows());
        assertEquals(complete.lines(), streamed.lines());
        System.out.printf(Locale.ROOT, getClass().getSimpleName() + ": spooled / streamed, whole answer: %.2f; first byte %d / %d ms%n",
                (double) complete.millis() / Math.max(1, streamed.millis()), complete.firstByteMillis(), streamed.firstByteMillis());
    }

    @Test
    void aBigCompleteConstructHasNoCapHeaderAndACutOneHasIt() throws Exception {
        Read complete = read(constructAll(), "application/n-triples");
        print("CONSTRUCT, complete", complete);
        assertEquals(200, complete.status());
        assertEquals(Optional.empty(), complete.maxRows(), "a complete answer is never flagged as cut");
        assertEquals(completeRows(), complete.lines());
        assertTrue(!overTheOldMemoryBound() || complete.bytes() > 16L << 20, "bigger than the old 16 MiB hold-back: " + complete.bytes());

        Read cut = read(CONSTRUCT_TWICE, "application/n-triples");
        print("CONSTRUCT, cut", cut);
        assertEquals(200, cut.status());
        assertEquals(Optional.of(Long.toString(CAP)), cut.maxRows());
        assertEquals(CAP, cut.lines(), "one distinct triple per solution, exactly the cap's");
    }

    @Test
    void aSpooledAnswerHoldsNoPlaceWhileAClientThatReadsNothingTakesIt() throws Exception {
        Facade facade = web.facade();
        // Once read whole first, whatever it gives: over HTTP the class's first query to a cold Fuseki went over
        // Fuseki's own 10 s limit twice here (a 504), while the same query took 1-3 s once warm.
        read(selectAll(), "text/tab-separated-values");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", web.port()), 5000);
            socket.getOutputStream().write(("GET " + q(selectAll()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/tab-separated-values\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout((int) LIMIT.toMillis());
            byte[] status = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(status, StandardCharsets.US_ASCII));
            // The answer is whole in its spool and blocked on a reader that reads nothing: no place held.
            long start = System.nanoTime();
            while (facade.queryPlacesHeld() > 0) {
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "a place held while only writing");
                Thread.sleep(20);
            }
        }
        // (the connection closed by the client: the writer fails, the spool is closed: @AfterEach checks the disk)
        long start = System.nanoTime();
        while (AnswerSpool.bytesOnDisk(AnswerSpool.DEFAULT) > 0) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "the spool of a client that left goes");
            Thread.sleep(20);
        }
    }
}
