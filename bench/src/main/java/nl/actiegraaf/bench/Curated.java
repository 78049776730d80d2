package nl.actiegraaf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * {@code curated}: p50/p99 latency of every curated query ({@code GET /api/queries}), one client, as a
 * Markdown table. For each query it asks the bare URL (when no parameter is required) and the query's
 * documented example, three ways:
 * <ul>
 * <li><b>first</b>: the very first request for that URL after the server started (with {@code --data}:
 * this command starts {@code serve --data DIR} itself; with {@code --url}: the first request this run
 * sends, which is only "after start" if nobody asked before);</li>
 * <li><b>uncached</b>: requests the cache cannot answer, made distinct by the page size
 * ({@code limit=N}, N counting down from the page size; the store does the same work for each), rows
 * queries only: a graph-shaped query has no page parameter;</li>
 * <li><b>cached</b>: the same URL again and again ({@code Actiegraaf-Cache: hit}).</li>
 * </ul>
 * Every request goes to 127.0.0.1; {@code --url} is refused unless it is a loopback address.
 */
final class Curated {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FACADE = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern WARMED = Pattern.compile("cache warm-up of data version \\S+: (.*)");
    private static final double TARGET_MS = 50;

    private Curated() {
    }

    /** One URL's measurements, in nanoseconds. */
    private record Measured(String query, String path, long firstNanos, String firstCache, List<Long> uncached,
            List<Long> cached, int status, long bytes, int failed) {
    }

    static void run(Bench.Options options) throws Exception {
        int requests = options.integer("requests", 50);
        int uncachedRequests = options.integer("uncached", 10);
        String url = options.get("url", null);
        String data = options.get("data", null);
        String xmx = options.get("xmx", "512m");
        if ((url == null) == (data == null)) {
            throw new IllegalArgumentException("curated needs --url=http://127.0.0.1:PORT (a running facade) or --data=DIR (a kept store)");
        }
        String loadBefore = Bench.load();
        Process server = null;
        Path work = null;
        double startSeconds = Double.NaN;
        long startHeap = -1;
        try {
            if (data != null) {
                work = Files.createTempDirectory("actiegraaf-bench-curated-");
                List<String> command = new ArrayList<>(List.of(Startup.java(), "-Xmx" + xmx,
                        "-Xlog:gc,gc+heap+exit:file=" + work.resolve("gc-serve.log").toAbsolutePath(),
                        // The warm-up summary this bench waits for is below serve's default log level.
                        "-Dorg.slf4j.simpleLogger.log.nl.actiegraaf.web.api.CacheWarmer=info",
                        "-jar", Startup.JAR.toString(), "serve", "--port", "0", "--data", data));
                for (String report : options.get("reports", "").split(",")) {
                    if (!report.isBlank()) {
                        command.addAll(reports(Path.of(report.trim())));
                    }
                }
                long start = System.nanoTime();
                server = new ProcessBuilder(command).redirectErrorStream(true).start();
                AtomicReference<String> warmed = new AtomicReference<>();
                url = awaitFacade(server, warmed);
                startSeconds = (System.nanoTime() - start) / 1e9;
                if (options.flag("wait-warm-up")) {
                    // The facade answers common calls from its cache once the warm-up of the data has ended.
                    while (warmed.get() == null && server.isAlive() && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30)) {
                        Thread.sleep(50);
                    }
                    System.out.printf("warm-up ended %.1f s after launch: %s%n", (System.nanoTime() - start) / 1e9, warmed.get());
                }
                startHeap = Startup.peakHeap(work.resolve("gc-serve.log"));
                System.out.printf("serve --data %s: facade up in %.1f s, peak heap so far %d MiB%n", data, startSeconds, startHeap);
            }
            url = loopbackOnly(url.replaceAll("/+$", ""));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            JsonNode listing = JSON.readTree(get(http, url + "/api/queries").body());
            List<Measured> results = new ArrayList<>();
            for (JsonNode query : listing) {
                for (String path : paths(query)) {
                    results.add(measure(http, url, query, path, requests, uncachedRequests));
                    Measured m = results.get(results.size() - 1);
                    System.out.printf("%-70s first %8.1f ms (%s), cached p99 %6.1f ms%n", path, m.firstNanos() / 1e6,
                            m.firstCache(), Queries.percentile(m.cached(), 99));
                }
            }
            if (server != null) {
                startHeap = Startup.peakHeap(work.resolve("gc-serve.log"));
            }
            print(results, url, data, startSeconds, startHeap, loadBefore, requests + " cached, up to " + uncachedRequests + " uncached", xmx);
        } finally {
            if (server != null) {
                server.destroy(); // SIGTERM: serve closes the store cleanly
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
            if (work != null) {
                Loading.delete(work);
            }
        }
    }

    /** The bare URL when no parameter is required, and the documented example. */
    private static Set<String> paths(JsonNode query) {
        Set<String> paths = new LinkedHashSet<>();
        boolean required = false;
        for (JsonNode p : query.path("parameters")) {
            required |= p.path("required").asBoolean();
        }
        if (!required) {
            paths.add(query.path("url").asText());
        }
        if (query.hasNonNull("example")) {
            paths.add(query.path("example").asText());
        }
        return paths;
    }

    private static Measured measure(HttpClient http, String base, JsonNode query, String path, int requests, int uncachedRequests)
            throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> first = get(http, base + path);
        long firstNanos = System.nanoTime() - t0;
        String firstCache = first.statusCode() == 200 ? first.headers().firstValue("Actiegraaf-Cache").orElse("-")
                : "HTTP " + first.statusCode();
        int failed = first.statusCode() == 200 ? 0 : 1;
        List<Long> uncached = new ArrayList<>();
        List<Long> cached = new ArrayList<>();
        if (failed > 0) {
            // Over the time limit (503): nothing is cached, and every repeat would take the limit again.
            return new Measured(query.path("name").asText(), path, firstNanos, firstCache, uncached, cached,
                    first.statusCode(), first.body().length, failed);
        }
        if ("rows".equals(query.path("output").asText())) {
            int pageSize = query.path("pageSize").asInt(100);
            String separator = path.contains("?") ? "&" : "?";
            for (int i = 1; i <= Math.min(uncachedRequests, pageSize - 1); i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = get(http, base + path + separator + "limit=" + (pageSize - i));
                uncached.add(System.nanoTime() - t);
                failed += r.statusCode() == 200 ? 0 : 1;
            }
        }
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = get(http, base + path);
            cached.add(System.nanoTime() - t);
            failed += r.statusCode() == 200 ? 0 : 1;
        }
        return new Measured(query.path("name").asText(), path, firstNanos, firstCache, uncached, cached,
                first.statusCode(), first.body().length, failed);
    }

    private static void print(List<Measured> results, String url, String data, double startSeconds, long heap,
            String loadBefore, String requests, String xmx) {
        System.out.println();
        System.out.println("### Curated queries, one client (" + (data != null ? "serve --data " + data + ", -Xmx" + xmx : url)
                + "; " + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after)");
        System.out.println();
        if (data != null) {
            System.out.println("Kept-store start-up to the facade listening: " + Bench.fmt(startSeconds) + " s; peak heap of serve (GC log) "
                    + heap + " MiB" + (heap >= 0 ? " (< 512 MiB: " + (heap < 512 ? "met" : "MISSED") + ")" : ""));
            System.out.println();
        }
        System.out.println("| query | URL | first request ms (cache or status) | uncached p50 / p99 ms (n) | cached p50 / p99 ms (n) | bytes | not 200 | p99 < 50 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        boolean allMet = true;
        for (Measured m : results) {
            double worst = Math.max(m.firstNanos(), m.uncached().isEmpty() ? 0 : Queries.percentile(m.uncached(), 99) * 1e6) / 1e6;
            double cachedP99 = m.cached().isEmpty() ? 0 : Queries.percentile(m.cached(), 99);
            boolean met = worst < TARGET_MS && cachedP99 < TARGET_MS && m.failed() == 0;
            allMet &= met;
            System.out.println("| " + m.query() + " | `" + m.path() + "` | " + Bench.fmt(m.firstNanos() / 1e6) + " (" + m.firstCache() + ") | "
                    + (m.uncached().isEmpty() ? "-" : Bench.fmt(Queries.percentile(m.uncached(), 50)) + " / "
                            + Bench.fmt(Queries.percentile(m.uncached(), 99)) + " (" + m.uncached().size() + ")")
                    + " | " + (m.cached().isEmpty() ? "-" : Bench.fmt(Queries.percentile(m.cached(), 50)) + " / " + Bench.fmt(cachedP99) + " (" + m.cached().size() + ")")
                    + " | " + m.bytes() + " | " + m.failed() + " | " + (met ? "met" : "**missed**") + " |");
        }
        System.out.println();
        System.out.println("p99 < 50 ms for every curated query, cached and uncached: " + (allMet ? "met" : "MISSED")
                + " (" + requests + " requests per URL and kind)");
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(120)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Only ever 127.0.0.0/8 or ::1: this benchmark must not send traffic anywhere else. */
    static String loopbackOnly(String url) throws IOException {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null
                || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()
                || !(uri.getHost().startsWith("127.") || uri.getHost().equals("localhost") || uri.getHost().equals("[::1]"))) {
            throw new IllegalArgumentException("--url must be http://127.0.0.1:PORT (loopback only), not " + url);
        }
        return url;
    }

    private static String awaitFacade(Process server, AtomicReference<String> warmed) throws Exception {
        ServeLog.Follower log = ServeLog.follow(server, FACADE, WARMED);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (log.group(0) == null) {
            if (!server.isAlive()) {
                throw new IllegalStateException("serve ended with exit " + server.exitValue() + ":\n" + log.output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("serve did not start its facade within 30 minutes");
            }
            Thread.sleep(20);
        }
        // The warm-up's line comes later: a thread hands it over when it does.
        Thread watcher = new Thread(() -> {
            try {
                while (log.group(1) == null && server.isAlive()) {
                    Thread.sleep(50);
                }
                if (log.group(1) != null) {
                    warmed.compareAndSet(null, log.group(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-warm-up");
        watcher.setDaemon(true);
        watcher.start();
        return log.group(0);
    }

    private static List<String> reports(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path.toString());
        }
        try (var files = Files.list(path)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(Path::toString).toList();
        }
    }
}
