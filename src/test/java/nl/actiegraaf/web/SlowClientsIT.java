package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import nl.actiegraaf.testsupport.TestFacade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17, as the attacker tried it: connections from four addresses (127.0.0.2-5, all loopback on Linux)
 * that send a big query and never read the answer, or that trickle their request a byte at a time, while
 * another address (127.0.0.6) asks for something. Real sockets against the real facade; a 3 s query limit
 * and a 2 s header timeout keep it short.
 */
@Timeout(60)
class SlowClientsIT {
    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    /** Some 100,000 rows (the row cap) of nine terms: tens of megabytes, far more than any socket buffer. */
    private static final String BIG = "SELECT * { ?s ?p ?o . ?a ?b ?c . ?d ?e ?f }";
    private static final List<String> ATTACKERS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
    private static final String OTHER = "127.0.0.6";

    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(LIMIT, config -> config.withReadTimeouts(HEADER_TIMEOUT, BODY_TIMEOUT));

    private final List<Socket> opened = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        for (Socket socket : opened) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }

    private static String sparql(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** A socket from {@code from} to the facade; a small receive window so the server's writes block soon. */
    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        opened.add(socket);
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", web.port()), 5000);
        return socket;
    }

    private static byte[] get(String path, String accept) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A whole exchange from {@code from}: the status and how long it took. */
    private record Answer(int status, String head, long millis) {
    }

    private Answer ask(String from, String path) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = connect(from)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            int headEnd = text.indexOf("\r\n\r\n");
            return new Answer(status, headEnd < 0 ? text : text.substring(0, headEnd),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
    }

    private static long waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - start < atMost.toNanos(), "not within " + atMost);
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void sixteenClientsThatNeverReadCannotKeepAnotherAddressOutAndLoseTheirPlacesAtTheLimit() throws Exception {
        Facade facade = web.facade();
        List<Socket> silent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            Socket socket = connect(ATTACKERS.get(i % 4));
            socket.getOutputStream().write(get(sparql(BIG), "text/tab-separated-values"));
            socket.getOutputStream().flush();
            silent.add(socket);
        }
        // The fair share: the four addresses take their first places, then more only while over a quarter
        // of the places is free, so they never hold the last four, and no address more than four.
        waitFor(() -> facade.queryPlacesHeld() >= 8, Duration.ofSeconds(5));
        Thread.sleep(300);
        int held = facade.queryPlacesHeld();
        int most = facade.admission().mostHeldByOneAddress();
        System.out.println("SlowClientsIT: 16 silent readers from 4 addresses hold " + held + " of 16 places, at most "
                + most + " per address");
        assertTrue(held <= 12, "a quarter of the places stays for new addresses: " + held);
        assertTrue(most <= 4, "no address over a quarter: " + most);

        // An address that holds nothing is served at once; one that holds places is not served before it.
        Answer other = ask(OTHER, sparql("ASK {}"));
        assertEquals(200, other.status(), other.head());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(LIMIT.plusSeconds(2)) < 0,
                "answered within the limit + 2 s: " + other.millis() + " ms");
        Answer greedy = ask(ATTACKERS.get(0), sparql("ASK {}"));
        assertEquals(429, greedy.status(), greedy.head());
        assertTrue(greedy.head().contains("Retry-After: 2"), greedy.head());

        // At the limit the answers still blocked on their readers are cut and every place is free again.
        long freeAfter = waitFor(() -> facade.queryPlacesHeld() == 0, LIMIT.plusSeconds(3)) ;
        long sinceStart = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.println("SlowClientsIT: every place free " + sinceStart + " ms after the 16 queries were sent (limit "
                + LIMIT.toMillis() + " ms)");
        assertTrue(sinceStart < LIMIT.plusSeconds(2).toMillis(), "places free at the limit: " + sinceStart + " ms");
        assertEquals(200, ask(ATTACKERS.get(1), sparql("ASK {}")).status(), "and the attacker's address may ask again");

        // A silent reader that reads now finds a broken transfer: never the last chunk of a complete answer.
        int cut = 0;
        for (Socket socket : silent) {
            socket.setSoTimeout(5000);
            Read got = readToEnd(socket.getInputStream());
            if (got.startsWith("HTTP/1.1 429") || got.startsWith("HTTP/1.1 504")) {
                // refused, or the limit struck before the first byte (the row cap holds rows back): a clean status
                assertFalse(got.reset(), got.toString());
                if (got.startsWith("HTTP/1.1 504")) {
                    cut++;
                }
            } else {
                // (after a reset the bytes still unread may be dropped, the status line with them)
                assertTrue(got.cut(), "a cut answer must never end like a complete one: " + got);
                cut++;
            }
        }
        // (the snapshot above may predate the last admissions; the fair share never admits more than 12)
        assertTrue(cut >= held && cut <= 12, "every admitted query was cut (or ended 504), every other one refused with 429: "
                + cut + " cut, " + held + " seen holding");
    }

    @Test
    void aCompleteAnswerHoldsNoPlaceWhileItIsWrittenToAClientThatStoppedReading() throws Exception {
        // Its own facade with a 10 s limit: the answer must be complete and blocked well before the limit.
        Duration limit = Duration.ofSeconds(10);
        try (TestFacade own = FacadeFixture.sample(limit)) {
            Facade facade = own.facade();
            // A CONSTRUCT graph is complete in memory before it is written: some 8,000 triples with long
            // literals, over 10 MB of N-Triples, more than the socket buffers take (Linux lets a loopback send
            // buffer grow to 4 MB) while the client reads nothing.
            String construct = "CONSTRUCT { ?s ?p ?y } WHERE { ?s ?p ?o . ?a ?b ?c BIND(CONCAT(STR(?a), STR(?b), STR(?c)) AS ?x)"
                    + " BIND(CONCAT(?x, ?x, ?x, ?x, ?x, ?x) AS ?y) }";
            long start = System.nanoTime();
            List<Socket> silent = new ArrayList<>();
            for (String from : ATTACKERS.subList(0, 2)) {
                Socket socket = new Socket();
                opened.add(socket);
                socket.setReceiveBufferSize(4096);
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", own.port()), 5000);
                socket.getOutputStream().write(get(sparql(construct), "application/n-triples"));
                socket.getOutputStream().flush();
                silent.add(socket);
            }
            for (Socket socket : silent) {
                socket.setSoTimeout(15_000);
                byte[] status = socket.getInputStream().readNBytes(12);
                assertEquals("HTTP/1.1 200", new String(status, StandardCharsets.US_ASCII));
            }
            // the answers are being written (and block), but none holds a place
            long freeAfter = waitFor(() -> facade.queryPlacesHeld() == 0, Duration.ofSeconds(2));
            long atFree = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(atFree < limit.toMillis(), "places free before the limit: " + atFree + " ms");
            System.out.println("SlowClientsIT: 2 complete CONSTRUCT answers blocked on silent readers hold no place ("
                    + atFree + " ms after they were asked, limit " + limit.toMillis() + " ms)");
            // and still, at the limit, the writing ends: a client that reads only after it finds a broken transfer
            long wait = limit.plusMillis(1500).toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis();
            Thread.sleep(Math.max(0, wait));
            assertEquals(0, facade.queryPlacesHeld());
            for (Socket socket : silent) {
                Read rest = readToEnd(socket.getInputStream());
                assertTrue(rest.cut(), "cut, never complete: " + rest);
            }
        }
    }

    /** What a client read until the server closed the connection, and whether it was reset (an error). */
    private record Read(String text, boolean reset) {
        boolean startsWith(String prefix) {
            return text.startsWith(prefix);
        }

        /**
         * A broken transfer: a reset, a chunked answer without its last chunk, or fewer bytes than its
         * Content-Length; never a clean, complete end.
         */
        boolean cut() {
            if (reset) {
                return true;
            }
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
            if (end >= 0 && length.find()) {
                return text.length() - end - 4 < Long.parseLong(length.group(1));
            }
            return end < 0 || head.contains("\r\ntransfer-encoding: chunked") && !text.endsWith("\r\n0\r\n\r\n");
        }

        @Override
        public String toString() {
            int end = text.indexOf("\r\n\r\n");
            return (reset ? "(reset) " : "") + text.length() + " bytes; head: " + (end < 0 ? text : text.substring(0, end))
                    + "; end: " + text.substring(Math.max(0, text.length() - 40)).replace("\r\n", "\\r\\n");
        }
    }

    /** All bytes until the server closes or resets the connection. */
    private static Read readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw stillOpen;
        } catch (IOException reset) {
            return new Read(all.toString(StandardCharsets.ISO_8859_1), true);
        }
        return new Read(all.toString(StandardCharsets.ISO_8859_1), false);
    }

    @Test
    void tricklingSendersAreCutByTheReadTimeoutsAndNeverTakeAPlace() throws Exception {
        Facade facade = web.facade();
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
        try {
            List<Socket> headers = new ArrayList<>();
            List<Socket> bodies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 16; i++) {
                Socket socket = connect(ATTACKERS.get(i % 4));
                if (i % 2 == 0) {
                    // the request line and headers, a byte every 100 ms: never complete within the timeout
                    byte[] request = get(sparql(BIG), "text/csv");
                    trickle(trickle, socket, request, 0);
                    headers.add(socket);
                } else {
                    // complete headers, then a body that announces 2000 bytes and trickles them
                    String body = "query=" + URLEncoder.encode(BIG, StandardCharsets.UTF_8) + "&x=" + "a".repeat(1900);
                    byte[] head = ("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    socket.getOutputStream().write(head);
                    trickle(trickle, socket, body.getBytes(StandardCharsets.US_ASCII), 0);
                    bodies.add(socket);
                }
            }
            Thread.sleep(500);
            assertEquals(0, facade.queryPlacesHeld(), "a request still arriving holds no place");
            Answer other = ask(OTHER, sparql("ASK {}"));
            assertEquals(200, other.status(), other.head());
            assertTrue(other.millis() < 2000, "another address answered at once: " + other.millis() + " ms");

            // After the read timeouts every trickling connection is closed by the server.
            for (Socket socket : headers) {
                socket.setSoTimeout(10_000);
                Read got = readToEnd(socket.getInputStream());
                assertTrue(got.startsWith("HTTP/1.1 408"), "trickled headers: 408, got " + got);
            }
            for (Socket socket : bodies) {
                socket.setSoTimeout(10_000);
                Read got = readToEnd(socket.getInputStream());
                assertFalse(got.startsWith("HTTP/1.1 200"), "a trickled body is never answered: " + got);
            }
            long closedAfter = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.println("SlowClientsIT: 16 trickling senders closed by the server " + closedAfter
                    + " ms after they started (header timeout " + HEADER_TIMEOUT.toMillis() + " ms, body timeout "
                    + BODY_TIMEOUT.toMillis() + " ms)");
            assertTrue(closedAfter < HEADER_TIMEOUT.plus(BODY_TIMEOUT).plusSeconds(2).toMillis(), closedAfter + " ms");
            assertEquals(0, facade.queryPlacesHeld());
            assertEquals(200, ask(ATTACKERS.get(0), sparql("ASK {}")).status(), "the addresses are served again");
        } finally {
            trickle.shutdownNow();
        }
    }

    /** Writes {@code bytes} one at a time, every 100 ms, until done or the server closes the connection. */
    private static void trickle(ScheduledExecutorService pool, Socket socket, byte[] bytes, int from) {
        if (from >= bytes.length) {
            return;
        }
        pool.schedule(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes[from]);
                out.flush();
                trickle(pool, socket, bytes, from + 1);
            } catch (IOException closed) {
                // the server cut it: the point of the test
            }
        }, 100, TimeUnit.MILLISECONDS);
    }
}
