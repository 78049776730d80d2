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
        Path jar = Path.of("target", "actiegraaf.jar");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar.toString(), "serve", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    private static String tail(Path log, long bytes) throws Exception {
        String text = Files.readString(log);
        return text.substring((int) Math.max(0, text.length() - Math.min(bytes, 500)));
    }

    private static String send(int port, String requestLineAndHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            while (in.readLine() != null) {
                // read the answer to its end, so the server's log line for it is written before we measure
            }
            return status;
        }
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
