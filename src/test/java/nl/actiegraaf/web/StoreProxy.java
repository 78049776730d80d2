package nl.actiegraaf.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only HTTP proxy in front of a real Fuseki's query endpoint, to watch what a facade does with a
 * remote store: it forwards each request as it came (method, query string, form body, Accept), passes the
 * store's answer back and then appends a mark that changes no term ({@link #JSON_MARK}, {@link #XML_MARK},
 * {@link #NT_MARK}: white space, a comment), so an answer that reaches the client with the mark was relayed,
 * one without was parsed and written again. It records the last request and answer, and when the facade
 * ended an answer early (its connection gone while answer bytes were still being sent).
 * A query holding the literal {@value #SLOW_START} gets its headers after {@link #SLOW_START_DELAY}; one
 * holding {@value #SLOW_STREAM} gets its answer in pieces of {@link #PIECE} bytes every 100 ms.
 */
final class StoreProxy implements AutoCloseable {
    static final String JSON_MARK = "\n \n";
    static final String XML_MARK = "<!-- via the test proxy -->\n";
    static final String NT_MARK = "# via the test proxy\n";
    static final String SLOW_START = "proxy-slow-start";
    static final String SLOW_STREAM = "proxy-slow-stream";
    static final Duration SLOW_START_DELAY = Duration.ofSeconds(5);
    static final int PIECE = 4096;
    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "content-length",
            "transfer-encoding", "keep-alive", "date");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-store-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger endedEarly = new AtomicInteger();
    private final AtomicLong endedEarlyAt = new AtomicLong();
    private volatile String lastAccept;
    private volatile byte[] lastAnswer;

    /** A proxy on 127.0.0.1 (a free port) in front of the query endpoint {@code target}. */
    StoreProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** The proxy's address for the store's query endpoint. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getPath());
    }

    int requests() {
        return requests.get();
    }

    String lastAccept() {
        return lastAccept;
    }

    /** The bytes of the last answer sent, mark included (null while one is being sent). */
    byte[] lastAnswer() {
        return lastAnswer;
    }

    /** How many answers the facade ended before their end (it closed the connection), and when the last was. */
    int endedEarly() {
        return endedEarly.get();
    }

    long endedEarlyAtNanos() {
        return endedEarlyAt.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        lastAnswer = null;
        byte[] body = exchange.getRequestBody().readAllBytes();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        lastAccept = accept;
        String raw = exchange.getRequestURI().getRawQuery();
        String request = URLDecoder.decode((raw == null ? "" : raw) + "&" + new String(body, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + (raw == null ? "" : "?" + raw)));
        if (accept != null) {
            out.header("Accept", accept);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            out.header("Content-Type", contentType);
        }
        out.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            if (request.contains(SLOW_START)) {
                Thread.sleep(SLOW_START_DELAY.toMillis());
            }
            HttpResponse<InputStream> answer = http.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = answer.body()) {
                // Every header as the store sent it, but those of the connection and the framing (the proxy's own).
                answer.headers().map().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(answer.statusCode(), 0);
                String type = answer.headers().firstValue("Content-Type").orElse("");
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                OutputStream to = exchange.getResponseBody();
                try {
                    boolean slow = request.contains(SLOW_STREAM);
                    byte[] piece = new byte[slow ? PIECE : 16384];
                    int n;
                    while ((n = in.readNBytes(piece, 0, piece.length)) > 0) {
                        to.write(piece, 0, n);
                        to.flush();
                        sent.write(piece, 0, n);
                        if (slow) {
                            Thread.sleep(100);
                        }
                    }
                    byte[] mark = mark(answer.statusCode(), type);
                    to.write(mark);
                    sent.write(mark);
                    // Recorded before the answer ends: the facade may pass the end on, and the test read this, at once.
                    lastAnswer = sent.toByteArray();
                    to.close();
                } catch (IOException gone) {
                    endedEarlyAt.set(System.nanoTime());
                    endedEarly.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the facade went away before the answer's headers: nothing was sent yet
            endedEarlyAt.set(System.nanoTime());
            endedEarly.incrementAndGet();
        } finally {
            exchange.close();
        }
    }

    private static byte[] mark(int status, String contentType) {
        String mark = status != 200 ? ""
                : contentType.startsWith("application/sparql-results+json") ? JSON_MARK
                : contentType.startsWith("application/sparql-results+xml") ? XML_MARK
                : contentType.startsWith("application/n-triples") ? NT_MARK : "";
        return mark.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
