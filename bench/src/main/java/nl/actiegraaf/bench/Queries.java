package nl.actiegraaf.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import nl.actiegraaf.web.api.CuratedQuery;
import nl.actiegraaf.web.api.QueryCatalog;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * {@code queries}: one {@code java -jar target/actiegraaf.jar serve} on 127.0.0.1, asked the same questions
 * through the facade and through its Fuseki directly, at 1, 8 and 32 concurrent clients. Two comparisons:
 * the facade's {@code /sparql} against Fuseki's endpoint (same query texts), and curated JSON queries
 * ({@code /api/queries/...}, answered from the facade's cache) against the same query text, parameters
 * bound, sent raw to Fuseki. Each client has its own loopback source address and keep-alive connection
 * ({@link LoopbackHttp}), so the facade's per-address fair share does not refuse the load by design; the
 * overall cap is raised with {@code serve --max-queries} above the client count (and refusals are counted).
 * Rounds alternate the two sides; each is bounded by a request count and a time limit.
 */
final class Queries {
    private static final Pattern STORE = Pattern.compile("SPARQL endpoint (http://127\\.0\\.0\\.1:\\d+)(/\\S+)");
    private static final Pattern FACADE = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/");
    private static final String SPARQL_JSON = "application/sparql-results+json";

    /** Queries a researcher would send: counts per theme, one action in full, motions and their actions. */
    static final List<String> QUERIES = List.of(
            "PREFIX ag: <https://w3id.org/actiegraaf/def#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                    + "SELECT ?thema (COUNT(?a) AS ?n) WHERE { ?a a ag:Actie ; ag:thema ?t . ?t skos:prefLabel ?thema } GROUP BY ?thema ORDER BY DESC(?n)",
            "SELECT ?p ?o WHERE { <https://w3id.org/actiegraaf/id/actie/pok/12> ?p ?o }",
            "PREFIX ag: <https://w3id.org/actiegraaf/def#> SELECT ?a ?m WHERE { ?a ag:geeftUitvoeringAan ?m } ORDER BY ?a LIMIT 100");

    /** A curated query and the parameters of the call (as a visualisation would make it). */
    record Curated(String name, Map<String, String> parameters) {
        String path() {
            StringBuilder path = new StringBuilder("/api/queries/").append(name);
            char separator = '?';
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                path.append(separator).append(p.getKey()).append('=').append(encode(p.getValue()));
                separator = '&';
            }
            return path.toString();
        }
    }

    static final List<Curated> CURATED = List.of(
            new Curated("moties", Map.of("motie", "35510-21")),
            new Curated("acties-per-thema", Map.of("thema", "hersteloperatie")),
            new Curated("netwerk", Map.of()));

    /** The API's page size cap and graph row cap ({@code QueryApi.Settings.defaults()}), as the facade's binder applies them. */
    private static final int MAX_LIMIT = 1000;
    private static final int GRAPH_ROW_CAP = 10_000;

    private Queries() {
    }

    /** One side of a comparison: the i-th request's path and what it accepts. */
    record Target(URI base, IntFunction<String> path, String accept) {
    }

    record Round(List<Long> latenciesNanos, double seconds, int errors, int refused, String firstError) {
    }

    /** The figures of one side over all its rounds. */
    static final class Side {
        final List<Long> nanos = new ArrayList<>();
        double seconds;
        int errors;
        int refused;

        void add(Round r) {
            nanos.addAll(r.latenciesNanos());
            seconds += r.seconds();
            errors += r.errors();
            refused += r.refused();
        }

        double perSecond() {
            return nanos.size() / seconds;
        }
    }

    static void run(Bench.Options options) throws Exception {
        List<Integer> clients = options.integers("clients", "1,8,32");
        int requests = options.integer("requests", 300);
        int seconds = options.integer("seconds", 10);
        int rounds = options.integer("rounds", 2);
        int maxQueries = options.integer("max-queries", 2 * clients.stream().mapToInt(Integer::intValue).max().orElse(32));
        String jfr = options.get("jfr", null); // --jfr or --jfr=FILE: a profile of the server's JVM
        List<String> jvm = jfr == null ? List.of() : List.of("-XX:StartFlightRecording=filename="
                + (jfr.equals("true") ? "bench/target/serve.jfr" : jfr) + ",settings=profile", "-XX:FlightRecorderOptions:stackdepth=256");
        List<String> parts = List.of(options.get("parts", "sparql,curated").split(","));
        String loadBefore = Bench.load();
        Path dir = Files.createTempDirectory("actiegraaf-bench-queries-");
        List<String> command = new ArrayList<>(List.of(Startup.java(), "-Xmx512m"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", Startup.JAR.toString(), "serve", "--port", "0", "--fuseki-port", "0", "--max-queries", Integer.toString(maxQueries),
                "--data", dir.resolve("data").toString()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            List<MatchResult> endpoints = ServeLog.await(server, STORE, FACADE);
            URI store = URI.create(endpoints.get(0).group(1));
            String storePath = endpoints.get(0).group(2);
            URI facade = URI.create(endpoints.get(1).group(1));

            Target fusekiSparql = new Target(store, i -> storePath + "?query=" + encode(QUERIES.get(i % QUERIES.size())), SPARQL_JSON);
            Target facadeSparql = new Target(facade, i -> "/sparql?query=" + encode(QUERIES.get(i % QUERIES.size())), SPARQL_JSON);
            for (int i = 0; i < QUERIES.size(); i++) { // both answer, and alike
                System.out.println("query " + i + ": Fuseki " + answer(fusekiSparql, i).length() + " bytes, facade "
                        + answer(facadeSparql, i).length() + " bytes");
            }
            QueryCatalog catalog = QueryCatalog.load(Path.of("queries"));
            Map<Curated, Target[]> curated = new LinkedHashMap<>();
            for (Curated c : CURATED) {
                String raw = storePath + "?query=" + encode(rawText(catalog, c));
                Target[] pair = {new Target(store, i -> raw, SPARQL_JSON), new Target(facade, i -> c.path(), "application/json")};
                curated.put(c, pair);
                System.out.println(c.path() + ": Fuseki raw " + answer(pair[0], 0).length() + " bytes, facade "
                        + answer(pair[1], 0).length() + " bytes (JSON rows)");
            }
            // warm-up both sides, every query
            for (Target t : List.of(fusekiSparql, facadeSparql)) {
                round(t, 4, requests, seconds);
            }
            for (Target[] pair : parts.contains("curated") ? curated.values() : List.<Target[]>of()) {
                round(pair[0], 4, requests / 3, seconds);
                round(pair[1], 4, requests / 3, seconds);
            }

            StringBuilder sparqlRows = new StringBuilder();
            for (int c : parts.contains("sparql") ? clients : List.<Integer>of()) {
                Side[] sides = compare(fusekiSparql, facadeSparql, c, requests, seconds, rounds);
                sparqlRows.append(row(Integer.toString(c), sides[0], sides[1], false));
            }
            StringBuilder curatedRows = new StringBuilder();
            for (Map.Entry<Curated, Target[]> e : curated.entrySet()) {
                for (int c : parts.contains("curated") ? clients : List.<Integer>of()) {
                    Side[] sides = compare(e.getValue()[0], e.getValue()[1], c, requests, seconds, rounds);
                    curatedRows.append(row("`" + e.getKey().path() + "` | " + c, sides[0], sides[1], true));
                }
            }
            String heading = Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after; " + rounds
                    + " alternating rounds per side of at most " + requests + " requests or " + seconds + " s; each client its own"
                    + " loopback address and keep-alive connection; serve --max-queries " + maxQueries;
            System.out.println();
            System.out.println("### Queries: facade /sparql vs Fuseki directly, the seed, " + QUERIES.size() + " queries in turn (" + heading + ")");
            System.out.println();
            System.out.println("| clients | median ms Fuseki | median ms facade | facade latency (target <= +10%) | p99 ms Fuseki | p99 ms facade"
                    + " | req/s Fuseki | req/s facade | facade throughput (target >= -10%) | refused / failed, Fuseki / facade |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            System.out.print(sparqlRows);
            System.out.println();
            System.out.println("### Queries: curated JSON API (facade, cached) vs the same query text raw to Fuseki, the seed (" + heading + ")");
            System.out.println();
            System.out.println("| call | clients | median ms Fuseki raw | median ms facade | facade latency | p99 ms Fuseki raw | p99 ms facade"
                    + " | req/s Fuseki raw | req/s facade | facade throughput (target >= 3x) | refused / failed, Fuseki / facade |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            System.out.print(curatedRows);
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            Loading.delete(dir);
        }
    }

    /**
     * The curated query as the facade's binder makes it: parameters substituted into the syntax tree as
     * RDF terms, LIMIT one past the page (ROWS) or the graph row cap (GRAPH).
     */
    static String rawText(QueryCatalog catalog, Curated call) {
        CuratedQuery curated = catalog.get(call.name())
                .orElseThrow(() -> new IllegalStateException("no curated query " + call.name() + " in queries/"));
        Map<Var, Node> bindings = new LinkedHashMap<>();
        call.parameters().forEach((name, value) -> bindings.put(Var.alloc(name),
                curated.parameter(name).orElseThrow(() -> new IllegalStateException(call.name() + ": no parameter " + name)).bind(value)));
        Query query = bindings.isEmpty() ? curated.query().cloneQuery() : QueryTransformOps.replaceVars(curated.query(), bindings);
        int limit = curated.output() == CuratedQuery.Output.ROWS ? Math.min(curated.pageSize(), MAX_LIMIT) : GRAPH_ROW_CAP;
        query.setLimit(limit + 1L);
        return query.serialize();
    }

    /** Rounds of both sides in alternating order: [0] = Fuseki, [1] = facade. */
    static Side[] compare(Target fuseki, Target facade, int clients, int requests, int seconds, int rounds) throws Exception {
        Side[] sides = {new Side(), new Side()};
        for (int r = 0; r < rounds; r++) {
            boolean facadeFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                int side = (k == 0) == facadeFirst ? 1 : 0;
                sides[side].add(round(side == 1 ? facade : fuseki, clients, requests, seconds));
            }
        }
        return sides;
    }

    static String row(String first, Side fuseki, Side facade, boolean factor) {
        double mFuseki = percentile(fuseki.nanos, 50);
        double mFacade = percentile(facade.nanos, 50);
        double throughput = facade.perSecond() / fuseki.perSecond();
        return "| " + first + " | " + Bench.fmt(mFuseki) + " | " + Bench.fmt(mFacade) + " | **" + String.format("%+.0f%%", 100 * (mFacade / mFuseki - 1))
                + "** | " + Bench.fmt(percentile(fuseki.nanos, 99)) + " | " + Bench.fmt(percentile(facade.nanos, 99)) + " | "
                + Bench.fmt(fuseki.perSecond()) + " | " + Bench.fmt(facade.perSecond()) + " | **"
                + (factor ? String.format("%.1fx", throughput) : String.format("%+.0f%%", 100 * (throughput - 1))) + "** | "
                + fuseki.refused + "/" + fuseki.errors + " / " + facade.refused + "/" + facade.errors + " |\n";
    }

    static String answer(Target target, int i) throws IOException {
        try (LoopbackHttp.Connection connection = new LoopbackHttp.Connection("127.0.0.1", target.base())) {
            LoopbackHttp.Response r = connection.get(target.path().apply(i), target.accept());
            if (r.status() != 200) {
                throw new IOException(target.base() + target.path().apply(i) + ": HTTP " + r.status() + " " + r.body());
            }
            return r.body();
        }
    }

    /**
     * {@code clients} threads, client k from 127.0.0.(2+k) over its own keep-alive connection, send the
     * target's requests in turn until {@code requests} are done or {@code seconds} have passed. A 429/503
     * is counted as refused (not retried, not an answer).
     */
    static Round round(Target target, int clients, int requests, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String source = "127.0.0." + (2 + c % 250);
            Thread t = new Thread(() -> {
                try (LoopbackHttp.Connection connection = new LoopbackHttp.Connection(source, target.base())) {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            LoopbackHttp.Response r = connection.get(target.path().apply(i), target.accept());
                            if (r.status() == 200) {
                                latencies.add(System.nanoTime() - t0);
                            } else if (r.status() == 429 || r.status() == 503) {
                                refused.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, "HTTP " + r.status());
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
            }, "client-" + source);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 60));
        }
        if (firstError.get() != null) {
            System.err.println("first failure: " + firstError.get());
        }
        return new Round(new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9, errors.get(), refused.get(), firstError.get());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
