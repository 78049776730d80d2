package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import nl.actiegraaf.testsupport.ServeProcess;

/**
 * Requests made to fill the server's log (issue 18): a 208 KB Accept header of {@code q=x}, a 200 KB
 * {@code /id} path, {@code java:} function IRIs (which used to log a 7 KB stack trace each). The real
 * {@code serve} process ({@code java -jar}); its whole log output is measured around each request.
 */
class LogFloodIT {
    /** A request may be worth a line in the log; never the request itself. */
    private static final long MAX_LOG_BYTES_PER_REQUEST = 400;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aHostileRequestWritesAtMostOneShortLine() throws Exception {
        Path log = dir.resolve("serve.log");
        Process serve = startServe(log);
        try {
            int port = waitForPort(log, serve);
            String query = URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
            List<String> requests = new ArrayList<>();
            requests.add("GET /sparql?query=" + query + " HTTP/1.1\r\nAccept: " + "q=x,".repeat(52_000) + "\r\n");
            requests.add("GET /id/" + "a".repeat(200_000) + " HTTP/1.1\r\n");
            for (String java : List.of("PREFIX j: <java:java.lang.Runtime> SELECT * { BIND(j:getRuntime() AS ?x) }",
                    "SELECT * { BIND(<java:org.apache.jena.sparql.function.library.sha512>(\"x\") AS ?x) }")) {
                requests.add("GET /sparql?query=" + URLEncoder.encode(java, StandardCharsets.UTF_8) + " HTTP/1.1\r\n");
            }
            for (String request : requests) {
                for (int i = 0; i < 3; i++) {
                    long before = Files.size(log);
                    String status = send(port, request);
                    // Refused (4xx), or for an Accept header of nothing but junk the default format as Fuseki
                    // answers it (200); never a server error. What this test is about is the log below.
                    assertTrue(status.matches("HTTP/1.1 [24]\\d\\d .*"), status + " for " + request.substring(0, 60));
                    long written = Files.size(log) - before;
                    assertTrue(written <= MAX_LOG_BYTES_PER_REQUEST,
                            written + " bytes of log for " + request.substring(0, 60) + ": " + tail(log, written));
                }
            }
            assertEquals("HTTP/1.1 200 OK", send(port, "GET /sparql?query=" + query + " HTTP/1.1\r\n"), "still answering");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every kind of refused request writes one short line, and a flood of them is rate limited as a whole
     * ({@link BadRequestLog}): 300 bad requests of ten kinds as fast as one client sends them.
     */
    @Test
    @Timeout(300)
    void refusedRequestsAreLoggedOneShortLineEachThroughOneLimiter() throws Exception {
        Path log = dir.resolve("serve-bad.log");
        Process serve = startServe(log);
        try {
            int port = waitForPort(log, serve);
            List<String> bad = List.of(
                    "GET /sparql?query=SELEC HTTP/1.1\r\n",
                    "GET /sparql HTTP/1.1\r\n",
                    "GET /sparql?query=ASK%7B%7D&format=excel HTTP/1.1\r\n",
                    "GET /sparql?query=ASK%7B%7D&timeout=-1 HTTP/1.1\r\n",
                    "GET /sparql?update=CLEAR%20ALL HTTP/1.1\r\n",
                    "GET /api/queries/organisaties?onbekend=1 HTTP/1.1\r\n",
                    "GET /api/queries/organisaties?limit=x HTTP/1.1\r\n",
                    "GET /api/queries/bestaat-niet HTTP/1.1\r\n",
                    "GET /id/bestaat/niet HTTP/1.1\r\n",
                    "POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query; charset=bogus\r\nContent-Length: 5\r\n");
            // The first of each kind: one short line naming status, method and path.
            for (String request : bad) {
                long before = Files.size(log);
                String status = send(port, request, request.startsWith("POST") ? "ASK{}" : "");
                assertTrue(status.matches("HTTP/1.1 4\\d\\d .*"), status + " for " + request);
                String written = Files.readString(log).substring((int) before);
                String path = request.substring(request.indexOf(' ') + 1, request.indexOf(' ', request.indexOf(' ') + 1));
                List<String> lines = written.lines().toList();
                assertEquals(1, lines.size(), "one line for " + request + ": " + written);
                assertTrue(lines.get(0).contains(status.substring(9, 12) + " " + request.substring(0, request.indexOf(' ')) + " "
                        + path.substring(0, path.indexOf('?') < 0 ? path.length() : path.indexOf('?'))), lines.get(0));
                assertTrue(lines.get(0).length() < 300, lines.get(0));
            }
            // A flood: at most the burst and the rate over the time it took, and the count of the left out is said.
            long before = Files.size(log);
            long start = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                String request = bad.get(i % 9);
                send(port, request, "");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readString(log).substring((int) before).lines().toList();
            long allowed = BadRequestLog.BURST + (long) Math.ceil(seconds * BadRequestLog.PER_SECOND) + 1;
            assertTrue(lines.size() <= allowed, lines.size() + " lines for 300 refused requests in " + seconds + " s");
            assertTrue(lines.size() < 300, "rate limited");
            Thread.sleep(1000); // lets the limiter refill: the next line is due again and says how many were left out
            send(port, bad.get(8), "");
            String since = Files.readString(log).substring((int) before);
            assertTrue(since.contains("more refused requests not logged"), since);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }


    private static String tail(Path log, long bytes) throws Exception {
        String text = Files.readString(log);
        return text.substring((int) Math.max(0, text.length() - Math.min(bytes, 500)));
    }

    private static String send(int port, String requestLineAndHeaders) throws Exception {
        return send(port, requestLineAndHeaders, "");
    }

    /** The status line of the answer to a request written as raw bytes (it may break HTTP on purpose). */
    private static String send(int port, String requestLineAndHeaders, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            while (in.readLine() != null) {
                // read the answer to its end, so the server's log line for it is written before we measure
            }
            return status;
        }
    }

    /** The built jar's {@code serve --port 0}, standard output and error both into {@code log}: all it writes is measured. */
    private static Process startServe(Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", ServeProcess.JAR.toString(), "serve", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int waitForPort(Path log, Process serve) throws Exception {
        Pattern started = Pattern.compile("Facade: http://127\\.0\\.0\\.1:(\\d+)/");
        while (serve.isAlive()) {
            Matcher m = started.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(200); // polling a process's log for its start, not timing anything
        }
        throw new AssertionError("serve ended: " + Files.readString(log));
    }
}
