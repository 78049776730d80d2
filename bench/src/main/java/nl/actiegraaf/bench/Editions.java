package nl.actiegraaf.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;
import nl.actiegraaf.web.Facade;
import nl.actiegraaf.web.FacadeConfig;

/**
 * {@code editions}: one series of {@code --editions} (101) generated editions of the seed, loaded one
 * load at a time into a kept store as {@code load} does (each edition its own transaction, with the
 * series' current state and changes recomputed). Prints the time of adding the 2nd and the last edition
 * side by side (target: the last costs at most 2x the 2nd), then serves the store as {@code serve} does
 * and measures {@code wijzigingen} and {@code geschiedenis} uncached (every call distinct, so each is a
 * cache miss; target p99 < 200 ms).
 *
 * <p>Edition k is the seed text, dated k-1 weeks after 25 June 2021, in which action n (n < k) reads
 * "Deze actie is afgerond." (one more finished action per edition) and the actions with n ≡ k (mod 10)
 * get a sentence added to their description (about nine description changes per edition).
 */
final class Editions {
    private static final Pattern ACTION_ROW = Pattern.compile("^(\\d+)\\.\t([^\t]*)\t?(.*)$");
    private static final LocalDate FIRST = LocalDate.of(2021, 6, 25);
    private static final double LOAD_TARGET = 2.0;
    private static final double P99_TARGET_MS = 200;

    private Editions() {
    }

    static void run(Bench.Options options) throws Exception {
        int count = options.integer("editions", 101);
        String loadBefore = Bench.load();
        Path work = Files.createTempDirectory("actiegraaf-bench-editions-");
        // --store=DIR: the store is kept in DIR; a later run with the same DIR reuses it and measures only
        // the queries (loading 101 editions takes 5-15 minutes on this machine; the queries a few).
        String kept = options.get("store", null);
        Path data = kept != null ? Path.of(kept) : work.resolve("data");
        boolean reuse = false;
        if (kept != null && Files.isDirectory(data)) {
            try (var files = Files.list(data)) {
                reuse = files.findAny().isPresent();
            }
        }
        try {
            List<Path> reports = reuse ? List.of() : generate(work.resolve("reports"), count);
            List<Double> seconds = new ArrayList<>();
            // The process's CPU time per load beside the wall-clock time: at a load average of 10-20 on
            // 2 cores a wall-clock second is mostly waiting for a core; the CPU a load costs is not.
            List<Double> cpuSeconds = new ArrayList<>();
            try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
                if (reuse) {
                    System.out.println("reusing the kept store " + data + " (" + count + " editions loaded before): loads not measured");
                } else {
                    store.load(registers());
                }
                for (int k = 0; k < (reuse ? 0 : count); k++) {
                    long t = System.nanoTime();
                    long cpu = processCpuNanos();
                    store.load(List.of(new ReportSource(reports.get(k), ReportConverter.standard()::convert)));
                    seconds.add((System.nanoTime() - t) / 1e9);
                    cpuSeconds.add((processCpuNanos() - cpu) / 1e9);
                    if (k + 1 <= 2 || (k + 1) % 10 == 0 || k + 1 == count) {
                        System.out.printf("edition %3d loaded in %.2f s (process CPU %.2f s)%n", k + 1, seconds.get(k), cpuSeconds.get(k));
                    }
                }
                Facade facade = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, Path.of("queries"),
                        Path.of("ontology", "actiegraaf.ttl")));
                try {
                    String base = "http://127.0.0.1:" + facade.port();
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    List<String> changes = new ArrayList<>();
                    for (int k = 1; k < count; k++) {
                        changes.add("/api/queries/wijzigingen?van=" + id(k) + "&naar=" + id(k + 1));
                    }
                    List<String> history = new ArrayList<>();
                    for (int n = 1; n <= 86; n++) {
                        history.add("/api/queries/geschiedenis?actie=bench/" + n);
                    }
                    // The JIT's first compilations are not the query's cost: a few other distinct calls first.
                    List<String> warmUp = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        warmUp.add(changes.get(i % changes.size()) + "&limit=" + (150 - i));
                        warmUp.add(history.get(i % history.size()) + "&limit=" + (80 - i));
                    }
                    // A facade reads what it needs per data version in the background when it starts (the
                    // resources an IRI parameter may name: a scan of every quad per base; the cache warm-up).
                    // On 2 cores that work takes the core a request would get: measured once right after
                    // start, as before, and once it has ended, which is what a request meets the rest of the time.
                    measure(http, base, warmUp);
                    Timed wijzigingen = measure(http, base, changes);
                    Timed geschiedenis = measure(http, base, history);
                    if (reuse) {
                        printQueries("right after start", wijzigingen, geschiedenis, loadBefore);
                    } else {
                        print(count, seconds, cpuSeconds, seconds.get(1), seconds.get(count - 1), wijzigingen, geschiedenis, loadBefore);
                    }
                    double waited = waitForQuietFacade();
                    Timed quietChanges = measure(http, base, withLimit(changes, 997));
                    Timed quietHistory = measure(http, base, withLimit(history, 997));
                    printQueries("after the facade's start-up reads ended (" + String.format("%.0f s", waited) + " after the calls above)",
                            quietChanges, quietHistory, Bench.load());
                    String baseline = options.get("baseline-queries", null);
                    if (baseline != null) {
                        compareWithBaseline(store, http, base, Path.of(baseline), changes, history, work);
                    }
                } finally {
                    facade.close();
                }
            }
        } finally {
            Loading.delete(work);
        }
    }

    /** The same calls with a page size of their own (a cache miss even after the calls without it). */
    private static List<String> withLimit(List<String> paths, int limit) {
        return paths.stream().map(p -> p + "&limit=" + limit).toList();
    }

    /** The facade's threads that read the data in the background after a start or a load. */
    private static final List<String> BACKGROUND = List.of("actiegraaf-known-resources", "actiegraaf-cache-warmer");

    /**
     * Waits (at most 10 minutes) until the facades' background readers have used less than 20 ms of CPU
     * in 2 s, and returns the seconds waited.
     */
    static double waitForQuietFacade() throws InterruptedException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long before = backgroundCpu(threads);
        while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(2000);
            long now = backgroundCpu(threads);
            if (now - before < 20_000_000L) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long backgroundCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && BACKGROUND.stream().anyMatch(info.getThreadName()::startsWith)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static void printQueries(String when, Timed wijzigingen, Timed geschiedenis, String load) {
        System.out.println();
        System.out.println("Uncached queries, " + when + "; " + load + ":");
        System.out.println();
        System.out.println("| uncached query | calls | p50 | p99 | process CPU p50 | process CPU p99 | failed |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("wijzigingen (each pair of consecutive editions)", wijzigingen);
        row("geschiedenis (each action)", geschiedenis);
    }

    /**
     * Latencies of distinct calls (each a cache miss, checked by the cache header), and the process's
     * CPU time during each (the server runs in this process; the client's share is small).
     */
    private record Timed(List<Long> nanos, List<Long> cpuNanos, int failed) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Timed measure(HttpClient http, String base, List<String> paths) throws Exception {
        List<Long> nanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        int failed = 0;
        for (String path : paths) {
            long t = System.nanoTime();
            long cpu = processCpuNanos();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            nanos.add(System.nanoTime() - t);
            cpuNanos.add(processCpuNanos() - cpu);
            if (r.statusCode() != 200 || !"miss".equals(r.headers().firstValue("Actiegraaf-Cache").orElse(""))) {
                failed++;
                System.out.println(path + ": HTTP " + r.statusCode() + " " + r.headers().firstValue("Actiegraaf-Cache").orElse("")
                        + " " + r.body().lines().findFirst().orElse(""));
            }
        }
        return new Timed(nanos, cpuNanos, failed);
    }

    private static void print(int count, List<Double> seconds, List<Double> cpuSeconds, double second, double last, Timed wijzigingen,
            Timed geschiedenis, String loadBefore) {
        double ratio = last / second;
        System.out.println();
        System.out.println("### Editions: " + count + " editions of one series (" + Bench.machine() + ")");
        System.out.println();
        System.out.println("Load average before: " + loadBefore + ", after: " + Bench.load());
        System.out.println();
        System.out.println("| what | time |");
        System.out.println("|---|---|");
        System.out.printf("| adding the 2nd edition | %.2f s |%n", second);
        System.out.printf("| adding edition %d (the last) | %.2f s |%n", count, last);
        System.out.printf("| median of adding editions 3-12 | %.2f s |%n", median(seconds.subList(2, Math.min(12, count))));
        System.out.printf("| median of adding the last 10 | %.2f s |%n", median(seconds.subList(Math.max(0, count - 10), count)));
        System.out.printf("| ratio last / 2nd | **%.2fx** (target <= %.0fx: %s) |%n", ratio, LOAD_TARGET,
                ratio <= LOAD_TARGET ? "met" : "MISSED");
        // One load is one sample on a machine whose load average swings 10-30: the medians of ten
        // loads at each end and the CPU time each took are the figures to quote.
        List<Double> early = seconds.subList(1, Math.min(11, count));
        List<Double> late = seconds.subList(Math.max(1, count - 10), count);
        List<Double> earlyCpu = cpuSeconds.subList(1, Math.min(11, count));
        List<Double> lateCpu = cpuSeconds.subList(Math.max(1, count - 10), count);
        double wallRatio = median(late) / median(early);
        double cpuRatio = median(lateCpu) / median(earlyCpu);
        System.out.printf("| median wall: editions 2-11 / the last 10 | %.2f s / %.2f s: **%.2fx** (%s) |%n", median(early), median(late),
                wallRatio, wallRatio <= LOAD_TARGET ? "met" : "MISSED");
        System.out.printf("| process CPU: 2nd / last | %.2f s / %.2f s: **%.2fx** |%n", cpuSeconds.get(1), cpuSeconds.get(count - 1),
                cpuSeconds.get(count - 1) / cpuSeconds.get(1));
        System.out.printf("| median process CPU: editions 2-11 / the last 10 | %.2f s / %.2f s: **%.2fx** (%s) |%n", median(earlyCpu),
                median(lateCpu), cpuRatio, cpuRatio <= LOAD_TARGET ? "met" : "MISSED");
        System.out.println();
        System.out.println("| uncached query | calls | p50 | p99 | process CPU p50 | process CPU p99 | failed |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("wijzigingen (each pair of consecutive editions)", wijzigingen);
        row("geschiedenis (each action)", geschiedenis);
        double worst = Math.max(Queries.percentile(wijzigingen.nanos(), 99), Queries.percentile(geschiedenis.nanos(), 99));
        System.out.printf("%nTarget: p99 < %.0f ms: %s%n", P99_TARGET_MS, worst < P99_TARGET_MS ? "met" : "MISSED");
    }

    /**
     * The same calls side by side against a second facade over the same store whose queries are
     * {@code queries/} with the files of {@code baselineDir} in place of theirs (an earlier version of a
     * query): one call to each in turn, so both see the same machine load; prints the p50/p99 ratios.
     */
    private static void compareWithBaseline(EmbeddedStore store, HttpClient http, String base, Path baselineDir,
            List<String> changes, List<String> history, Path work) throws Exception {
        Path queries = Files.createDirectories(work.resolve("baseline-queries"));
        try (var files = Files.list(Path.of("queries"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).toList()) {
                Files.copy(file, queries.resolve(file.getFileName()));
            }
        }
        List<String> replaced = new ArrayList<>();
        try (var files = Files.list(baselineDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).toList()) {
                Files.copy(file, queries.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                replaced.add(file.getFileName().toString());
            }
        }
        Facade other = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, queries, Path.of("ontology", "actiegraaf.ttl")));
        try {
            String otherBase = "http://127.0.0.1:" + other.port();
            // The second facade's own start-up reads would otherwise run beside the calls below.
            waitForQuietFacade();
            System.out.println();
            System.out.println("Side by side with the baseline queries of " + baselineDir + " " + replaced
                    + " (one call each in turn, each a cache miss; " + Bench.load() + "):");
            System.out.println();
            System.out.println("| uncached query | now p50 | baseline p50 | now p99 | baseline p99 | ratio p50 | ratio p99 |");
            System.out.println("|---|---|---|---|---|---|---|");
            List<String> answers = new ArrayList<>();
            for (var entry : List.of(java.util.Map.entry("wijzigingen", changes), java.util.Map.entry("geschiedenis", history))) {
                List<Long> now = new ArrayList<>();
                List<Long> then = new ArrayList<>();
                int same = 0;
                String firstDifference = null;
                for (int i = 0; i < entry.getValue().size(); i++) {
                    String path = entry.getValue().get(i);
                    // A different limit per side keeps each call a cache miss whatever ran before; the side
                    // that goes first alternates, so neither always finds the nodes the other just decoded.
                    Answer a;
                    Answer b;
                    if (i % 2 == 0) {
                        a = call(http, base, path + "&limit=999");
                        b = call(http, otherBase, path + "&limit=998");
                    } else {
                        b = call(http, otherBase, path + "&limit=998");
                        a = call(http, base, path + "&limit=999");
                    }
                    now.add(a.nanos());
                    then.add(b.nanos());
                    // Both pages hold every row (101 at most): the answers must be the same, byte for byte.
                    if (a.body().equals(b.body())) {
                        same++;
                    } else if (firstDifference == null) {
                        firstDifference = path;
                    }
                }
                double n50 = Queries.percentile(now, 50);
                double b50 = Queries.percentile(then, 50);
                double n99 = Queries.percentile(now, 99);
                double b99 = Queries.percentile(then, 99);
                System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2fx | %.2fx |%n", entry.getKey(), n50, b50, n99, b99,
                        n50 / b50, n99 / b99);
                answers.add(entry.getKey() + ": " + same + " of " + entry.getValue().size() + " answers identical to the baseline's"
                        + (firstDifference == null ? "" : " (first difference: " + firstDifference + ")"));
            }
            System.out.println();
            answers.forEach(System.out::println);
            System.out.println("After: " + Bench.load());
        } finally {
            other.close();
        }
    }

    /** One call's time and body (a cache miss, else it does not count as one). */
    private record Answer(long nanos, String body) {
    }

    private static Answer call(HttpClient http, String base, String path) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t;
        if (r.statusCode() != 200 || !"miss".equals(r.headers().firstValue("Actiegraaf-Cache").orElse(""))) {
            System.out.println(path + ": HTTP " + r.statusCode() + " " + r.headers().firstValue("Actiegraaf-Cache").orElse("")
                    + " " + r.body().lines().findFirst().orElse(""));
        }
        return new Answer(nanos, r.body());
    }

    private static void row(String name, Timed timed) {
        System.out.printf("| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |%n", name, timed.nanos().size(),
                Queries.percentile(timed.nanos(), 50), Queries.percentile(timed.nanos(), 99),
                Queries.percentile(timed.cpuNanos(), 50), Queries.percentile(timed.cpuNanos(), 99), timed.failed());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String id(int k) {
        return String.format("bench-editie-%03d", k);
    }

    /** The ontology and registers, as {@code serve} loads them. */
    private static List<GraphSource> registers() {
        List<GraphSource> sources = new ArrayList<>();
        sources.add(new RdfFileSource(Path.of("ontology", "actiegraaf.ttl"), Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        sources.add(new RdfFileSource(Path.of("seeds", "organisaties.ttl"), Iris.ORGANISATIES_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        sources.add(new RdfFileSource(Path.of("seeds", "kamerleden.ttl"), Iris.KAMERLEDEN_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        return sources;
    }

    /** Edition k (1-based) of the generated series, with its metadata beside it. */
    static List<Path> generate(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<String> seed = Files.readAllLines(Bench.SEED, StandardCharsets.UTF_8);
        List<Path> reports = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            List<String> lines = new ArrayList<>(seed.size());
            for (String line : seed) {
                Matcher row = ACTION_ROW.matcher(line);
                if (!row.matches()) {
                    lines.add(line);
                    continue;
                }
                int n = Integer.parseInt(row.group(1));
                String description = row.group(2);
                String status = row.group(3);
                if (k > 1 && n % 10 == k % 10) {
                    description = description + " Bijgewerkt in editie " + k + ".";
                }
                if (n < k) {
                    status = "Deze actie is afgerond. " + status;
                }
                lines.add(n + ".\t" + description + "\t" + status);
            }
            Path report = dir.resolve(id(k) + ".txt");
            Files.write(report, lines, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(id(k) + ".meta.properties"), String.join("\n",
                    "# Generated by bench editions: edition " + k + " of a made-up series, from the seed's text.",
                    "id = " + id(k),
                    "series = bench",
                    "title = Stand van zaken benchmarkreeks",
                    "publisher = Bench",
                    "date = " + FIRST.plusWeeks(k - 1L), ""), StandardCharsets.UTF_8);
            reports.add(report);
        }
        return reports;
    }
}
