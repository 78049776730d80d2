package nl.actiegraaf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code queries}: the same SPARQL queries sent to the facade's {@code /sparql} and to Fuseki's own
 * endpoint, both served by one {@code java -jar target/actiegraaf.jar serve} on 127.0.0.1, at 1, 8 and
 * 32 concurrent clients. Rounds alternate facade and Fuseki; each round is bounded by a request count
 * and a time limit. Latency median and p99, throughput, and the facade's cost as ratios.
 */
final class Queries {
    private static final Pattern STORE = Pattern.compile("SPARQL endpoint (http://127\\.0\\.0\\.1:\\d+/\\S+)");
    private static final Pattern FACADE = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/");

    /** Queries a researcher would send: counts per theme, one action in full, motions and their actions. */
    static final List<String> QUERIES = List.of(
            "PREFIX ag: <https://w3id.org/actiegraaf/def#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                    + "SELECT ?thema (COUNT(?a) AS ?n) WHERE { ?a a ag:Actie ; ag:thema ?t . ?t skos:prefLabel ?thema } GROUP BY ?thema ORDER BY DESC(?n)",
            "SELECT ?p ?o WHERE { <https://w3id.org/actiegraaf/id/actie/12> ?p ?o }",
            "PREFIX ag: <https://w3id.org/actiegraaf/def#> SELECT ?a ?m WHERE { ?a ag:geeftUitvoeringAan ?m } ORDER BY ?a LIMIT 100");

    private Queries() {
    }

    record Round(List<Long> latenciesNanos, double seconds, int errors, String firstError) {
    }

    static void run(Bench.Options options) throws Exception {
        List<Integer> clients = options.integers("clients", "1,8,32");
        int requests = options.integer("requests", 300);
        int seconds = options.integer("seconds", 10);
        int rounds = options.integer("rounds", 2);
        String loadBefore = Bench.load();
        Path dir = Files.createTempDirectory("actiegraaf-bench-queries-");
        Process server = new ProcessBuilder(Startup.java(), "-Xmx512m", "-jar", Startup.JAR.toString(), "serve", "--port", "0",
                "--data", dir.resolve("data").toString()).redirectErrorStream(true).start();
        try {
            AtomicReference<String> store = new AtomicReference<>();
            AtomicReference<String> facade = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        Matcher s = STORE.matcher(line);
                        if (s.find()) {
                            store.set(s.group(1));
                        }
                        Matcher f = FACADE.matcher(line);
                        if (f.find()) {
                            facade.set(f.group(1) + "/sparql");
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while ((store.get() == null || facade.get() == null) && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(50);
            }
            if (store.get() == null || facade.get() == null) {
                throw new IllegalStateException("serve did not report both endpoints (is the facade merged?)");
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String q : QUERIES) { // both answer, and alike
                int a = send(http, store.get(), q).length();
                int b = send(http, facade.get(), q).length();
                System.out.println("query answers: Fuseki " + a + " bytes, facade " + b + " bytes");
            }
            // warm-up both sides
            round(http, store.get(), 4, requests, seconds);
            round(http, facade.get(), 4, requests, seconds);

            StringBuilder table = new StringBuilder();
            for (int c : clients) {
                List<Long> direct = new ArrayList<>();
                List<Long> viaFacade = new ArrayList<>();
                double directSeconds = 0;
                double facadeSeconds = 0;
                int errorsDirect = 0;
                int errorsFacade = 0;
                String why = "";
                for (int r = 0; r < rounds; r++) {
                    boolean facadeFirst = r % 2 == 1;
                    for (int k = 0; k < 2; k++) {
                        boolean isFacade = (k == 0) == facadeFirst;
                        Round result = round(http, isFacade ? facade.get() : store.get(), c, requests, seconds);
                        (isFacade ? viaFacade : direct).addAll(result.latenciesNanos());
                        if (isFacade) {
                            facadeSeconds += result.seconds();
                        } else {
                            directSeconds += result.seconds();
                        }
                        if (isFacade) {
                            errorsFacade += result.errors();
                        } else {
                            errorsDirect += result.errors();
                        }
                        if (result.firstError() != null && why.isEmpty()) {
                            why = result.firstError();
                        }
                    }
                }
                double tDirect = direct.size() / directSeconds;
                double tFacade = viaFacade.size() / facadeSeconds;
                double mDirect = percentile(direct, 50);
                double mFacade = percentile(viaFacade, 50);
                table.append("| ").append(c).append(" | ").append(Bench.fmt(mDirect)).append(" | ").append(Bench.fmt(mFacade))
                        .append(" | **").append(String.format("%+.0f%%", 100 * (mFacade / mDirect - 1))).append("** | ")
                        .append(Bench.fmt(percentile(direct, 99))).append(" | ").append(Bench.fmt(percentile(viaFacade, 99))).append(" | ")
                        .append(Bench.fmt(tDirect)).append(" | ").append(Bench.fmt(tFacade)).append(" | **")
                        .append(String.format("%+.0f%%", 100 * (tFacade / tDirect - 1))).append("** | ").append(errorsDirect).append(" / ").append(errorsFacade).append(why.isEmpty() ? "" : " (" + why + ")").append(" |\n");
            }
            System.out.println();
            System.out.println("### Queries: facade /sparql vs Fuseki directly, the seed, " + QUERIES.size() + " queries in turn ("
                    + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after; " + rounds
                    + " alternating rounds per side of at most " + requests + " requests or " + seconds + " s)");
            System.out.println();
            System.out.println("| clients | median ms Fuseki | median ms facade | facade latency (target <= +10%) | p99 ms Fuseki | p99 ms facade"
                    + " | req/s Fuseki | req/s facade | facade throughput (target >= -10%) | refused Fuseki / facade |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.print(table);
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            Loading.delete(dir);
        }
    }

    /** {@code clients} threads send the queries in turn until {@code requests} are done or {@code seconds} have passed. */
    static Round round(HttpClient http, String endpoint, int clients, int requests, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < end) {
                        long t = System.nanoTime();
                        try {
                            send(http, endpoint, QUERIES.get(i % QUERIES.size()));
                            latencies.add(System.nanoTime() - t);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.getMessage().replaceAll(".*: ", ""));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Round(new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9, errors.get(), firstError.get());
    }

    static String send(HttpClient http, String endpoint, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(endpoint + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The p-th percentile in milliseconds. */
    static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
