package nl.actiegraaf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * {@code remote --baseline=OTHER.jar}: two facades in front of the same remote store (a {@code serve
 * --fuseki-port 0} of this jar, used as a standalone Fuseki: its own endpoint, read-only), one of the
 * baseline jar and one of this jar, both started with {@code serve --endpoint}; the same {@code /sparql}
 * requests to each, rounds alternating. Small answers (the queries bench's three) and a large one (every
 * triple as N-Triples, the streaming case). Made to decide whether a byte relay to a remote store beats
 * reading its answer through Jena's RDFLink and writing it again (issue 16).
 */
final class Remote {
    private static final Pattern STORE = Pattern.compile("SPARQL endpoint (http://127\\.0\\.0\\.1:\\d+)/actiegraaf/query");
    private static final Pattern FACADE = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern WARMED = Pattern.compile("cache warm-up of data version");
    private static final String ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";

    private Remote() {
    }

    static void run(Bench.Options options) throws Exception {
        Path baseline = Path.of(options.get("baseline", "missing"));
        if (!Files.isRegularFile(baseline)) {
            throw new IllegalArgumentException("--baseline=OTHER.jar: the jar to compare with (not found: " + baseline + ")");
        }
        List<Integer> clients = options.integers("clients", "1,8");
        int requests = options.integer("requests", 200);
        int seconds = options.integer("seconds", 5);
        int rounds = options.integer("rounds", 2);
        String loadBefore = Bench.load();
        Path dir = Files.createTempDirectory("actiegraaf-bench-remote-");
        List<Process> servers = new ArrayList<>();
        try {
            Process store = start(servers, Startup.JAR, "serve", "--port", "0", "--fuseki-port", "0", "--data", dir.resolve("data").toString());
            String dataset = ServeLog.await(store, STORE).get(0).group(1) + "/actiegraaf";
            // A long limit: the large answer must not be cut on a loaded machine; the comparison is of speed.
            // --verbose: the warm-up's end is an INFO line, which the default console no longer prints.
            List<String> remote = List.of("--endpoint", dataset, "--graph-store", dataset + "/get", "--max-queries", "64",
                    "--query-timeout", "120", "--verbose");
            Process old = start(servers, baseline, concat(List.of("serve", "--port", "0"), remote));
            Process now = start(servers, Startup.JAR, concat(List.of("serve", "--port", "0"), remote));
            // Both facades warm their caches in the background after start: measured only once both are done.
            java.net.URI oldFacade = java.net.URI.create(ServeLog.await(old, FACADE, WARMED).get(0).group(1));
            java.net.URI newFacade = java.net.URI.create(ServeLog.await(now, FACADE, WARMED).get(0).group(1));

            Queries.Target oldSmall = new Queries.Target(oldFacade, i -> "/sparql?query=" + Queries.encode(Queries.QUERIES.get(i % Queries.QUERIES.size())), "application/sparql-results+json");
            Queries.Target newSmall = new Queries.Target(newFacade, oldSmall.path(), oldSmall.accept());
            Queries.Target oldLarge = new Queries.Target(oldFacade, i -> "/sparql?query=" + Queries.encode(ALL), "application/n-triples");
            Queries.Target newLarge = new Queries.Target(newFacade, oldLarge.path(), oldLarge.accept());
            System.out.println("large answer: baseline " + Queries.answer(oldLarge, 0).lines().count() + " lines, this jar "
                    + Queries.answer(newLarge, 0).lines().count() + " lines");
            for (Queries.Target t : List.of(oldSmall, newSmall, oldLarge, newLarge)) {
                Queries.round(t, 4, requests / 2, seconds); // warm-up
            }
            StringBuilder rows = new StringBuilder();
            for (int c : clients) {
                Queries.Side[] small = Queries.compare(oldSmall, newSmall, c, requests, seconds, rounds);
                rows.append(Queries.row("3 small queries | " + c, small[0], small[1], false));
                Queries.Side[] large = Queries.compare(oldLarge, newLarge, c, Math.max(20, requests / 10), seconds, rounds);
                rows.append(Queries.row("every triple, N-Triples | " + c, large[0], large[1], false));
            }
            System.out.println();
            System.out.println("### Remote store: facade /sparql of " + baseline.getFileName() + " (baseline) vs this jar, both over HTTP to the same Fuseki ("
                    + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after; " + rounds
                    + " alternating rounds per side of at most " + requests + " requests or " + seconds + " s)");
            System.out.println();
            System.out.println("| answer | clients | median ms baseline | median ms this jar | latency | p99 ms baseline | p99 ms this jar"
                    + " | req/s baseline | req/s this jar | throughput | refused / failed, baseline / this jar |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            System.out.print(rows);
        } finally {
            for (Process p : servers) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
            Loading.delete(dir);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Process start(List<Process> servers, Path jar, String... args) throws Exception {
        return start(servers, jar, List.of(args));
    }

    private static Process start(List<Process> servers, Path jar, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Startup.java(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        servers.add(p);
        return p;
    }
}
