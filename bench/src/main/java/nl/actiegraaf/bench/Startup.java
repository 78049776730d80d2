package nl.actiegraaf.bench;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code startup}: wall time from launching {@code java -jar target/actiegraaf.jar serve --data DIR} to
 * the first query answered FROM THE LOADED DATA by the facade's {@code /sparql} (the user's way in; the
 * store's own endpoint listens, and answers, earlier: its time is a column of its own), with a kept store
 * (nothing to load), against a bare start of the same jar ({@code --version}) in the same rounds. Also
 * peak heap of the serve process, from its GC log. Side by side: {@code --baseline=OTHER.jar} alternates
 * a second jar (each jar on its own kept store) in every round; {@code --scale=100 --files=10} serves
 * generated reports instead of the seed (does start-up grow with the data?); {@code --jvm="-X..."} adds
 * JVM flags to the serve runs (e.g. a CDS archive), {@code --jvm-baseline=...} to the baseline's.
 */
final class Startup {
    /** The jar under test; {@code -Dactiegraaf.jar=...} points at a copy, so a rebuild cannot pull it away mid-run. */
    static final Path JAR = Path.of(System.getProperty("actiegraaf.jar", "target/actiegraaf.jar"));
    private static final Pattern ENDPOINT = Pattern.compile("^Store: SPARQL endpoint (http://127\\.0\\.0\\.1:\\d+/\\S+)");
    private static final Pattern FACADE = Pattern.compile("^Facade: (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_HEAP = Pattern.compile("total \\d+K, used (\\d+)K");
    /**
     * Asks for one triple of a report, which any loaded store has and an empty one has not: its cost
     * does not grow with the data (a COUNT of every quad did: ~1 s and 120 MiB of heap at 100x).
     */
    static final String QUERY = "SELECT ?report WHERE { GRAPH ?g { ?report a <https://w3id.org/actiegraaf/def#Rapport> } } LIMIT 1";

    private Startup() {
    }

    /**
     * What one timed serve start gave: seconds to the first answer from the data through the facade,
     * seconds to the first such answer from the store's own endpoint (NaN if not seen first), CPU
     * seconds the serve process had used by then (user + system, all its threads: less swayed by
     * other processes on the machine than wall time, but blind to what runs side by side).
     */
    record Start(double seconds, double storeSeconds, double cpuSeconds, long peakHeapMiB, String answer) {
    }

    /** One contender: a jar with its JVM flags and its own kept store. */
    private record Contender(String name, Path jar, List<String> jvm, Path data) {
    }

    static void run(Bench.Options options) throws Exception {
        int reps = options.integer("reps", 3);
        String xmx = options.get("xmx", "512m");
        int scale = options.integer("scale", 1);
        int files = options.integer("files", 1);
        String loadBefore = Bench.load();
        Path dir = Files.createTempDirectory("actiegraaf-bench-startup-");
        try {
            List<Path> reports = scale == 1 ? List.of() : Memory.generated(scale, files);
            List<Contender> contenders = new ArrayList<>();
            contenders.add(new Contender("this jar", JAR, flags(options.get("jvm", "")), dir.resolve("data")));
            String baseline = options.get("baseline", null);
            if (baseline != null) {
                contenders.add(new Contender("baseline " + Path.of(baseline).getFileName(), Path.of(baseline),
                        flags(options.get("jvm-baseline", "")), dir.resolve("data-baseline")));
            }
            List<Start> colds = new ArrayList<>();
            for (Contender c : contenders) {
                Start cold = serve(c, reports, xmx, dir.resolve("gc-cold.log"));
                colds.add(cold);
                System.out.printf("%s: first start (loads the data): %.2f s, peak heap %d MiB%n", c.name(), cold.seconds(), cold.peakHeapMiB());
            }
            List<List<Start>> kept = new ArrayList<>();
            contenders.forEach(c -> kept.add(new ArrayList<>()));
            List<Double> bare = new ArrayList<>();
            for (int round = 0; round < reps; round++) {
                bare.add(bareStart());
                for (int k = 0; k < contenders.size(); k++) {
                    int i = (round % 2 == 0) ? k : contenders.size() - 1 - k; // alternate the order
                    Start s = serve(contenders.get(i), reports, xmx, dir.resolve("gc-" + round + "-" + i + ".log"));
                    kept.get(i).add(s);
                    System.out.printf("round %d: %s: kept store %.2f s to the facade's answer (CPU %.2f s; store endpoint %.2f s; answer %s), peak heap %d MiB%n",
                            round, contenders.get(i).name(), s.seconds(), s.cpuSeconds(), s.storeSeconds(), s.answer(), s.peakHeapMiB());
                }
            }
            double b = Loading.median(bare);
            System.out.println();
            System.out.println("### Start-up, " + (scale == 1 ? "the seed" : scale + "x the seed as " + files + " report(s)") + " (" + Bench.machine()
                    + "; " + loadBefore + " before, " + Bench.load() + " after; median of " + reps + "; serve runs with -Xmx" + xmx + ")");
            System.out.println();
            System.out.println("| what | median s | vs bare jar start | CPU s by then (median) | store endpoint answers, median s | peak heap (GC log) |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.println("| `java -jar actiegraaf.jar --version` (bare JVM + jar) | " + Bench.fmt(b) + " | 1.00 | | | |");
            double first = Double.NaN;
            double firstCpu = Double.NaN;
            for (int i = 0; i < contenders.size(); i++) {
                Contender c = contenders.get(i);
                String flags = c.jvm().isEmpty() ? "" : " `" + String.join(" ", c.jvm()) + "`";
                System.out.println("| " + c.name() + flags + ": serve, first start (loads the data) | " + Bench.fmt(colds.get(i).seconds()) + " | "
                        + Bench.fmt(colds.get(i).seconds() / b) + " | " + Bench.fmt(colds.get(i).cpuSeconds()) + " | | " + colds.get(i).peakHeapMiB() + " MiB |");
                double k = Loading.median(kept.get(i).stream().map(Start::seconds).toList());
                double store = Loading.median(kept.get(i).stream().map(Start::storeSeconds).toList());
                double cpu = Loading.median(kept.get(i).stream().map(Start::cpuSeconds).toList());
                long peak = kept.get(i).stream().mapToLong(Start::peakHeapMiB).max().orElse(-1);
                System.out.println("| " + c.name() + flags + ": serve --data kept, to the facade's first answer | **" + Bench.fmt(k) + "** | " + Bench.fmt(k / b)
                        + " | " + Bench.fmt(cpu) + " | " + Bench.fmt(store) + " | " + peak + " MiB |");
                if (i == 0) {
                    first = k;
                    firstCpu = cpu;
                } else {
                    System.out.println();
                    System.out.println("Ratio this jar / " + c.name() + ", kept-store start: wall " + Bench.fmt(first / k)
                            + " (per round: " + perRound(kept.get(0), kept.get(i), Start::seconds) + "), CPU " + Bench.fmt(firstCpu / cpu)
                            + " (per round: " + perRound(kept.get(0), kept.get(i), Start::cpuSeconds) + ")");
                }
            }
            System.out.println();
            System.out.println((scale == 1 ? "Target: ready within 3 s on the seed with a kept store: " + (first <= 3 ? "met" : "MISSED")
                    : "(the target, 3 s, is on the seed)")
                    + " (" + Bench.fmt(first) + " s at this load; the bare jar start alone took " + Bench.fmt(b) + " s)");
        } finally {
            Loading.delete(dir);
        }
    }

    private static String perRound(List<Start> a, List<Start> b, java.util.function.ToDoubleFunction<Start> what) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add(Bench.fmt(what.applyAsDouble(a.get(i)) / what.applyAsDouble(b.get(i))));
        }
        return String.join(", ", ratios);
    }

    private static List<String> flags(String jvm) {
        return jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+"));
    }

    /** Launches serve of this jar on {@code data} and times it to the first answered query; then stops it. */
    static Start serve(Path data, List<Path> reports, String xmx, Path gcLog) throws Exception {
        return serve(new Contender("this jar", JAR, List.of(), data), reports, xmx, gcLog);
    }

    private static Start serve(Contender contender, List<Path> reports, String xmx, Path gcLog) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + xmx, "-Xlog:gc,gc+heap+exit:file=" + gcLog.toAbsolutePath()));
        command.addAll(contender.jvm());
        command.addAll(List.of("-jar", contender.jar().toString(), "serve", "--port", "0", "--data", contender.data().toString()));
        reports.forEach(r -> command.add(r.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            ServeLog.Follower log = ServeLog.follow(process, ENDPOINT, FACADE);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
            double storeSeconds = Double.NaN;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve ended with exit " + process.exitValue() + ":\n" + log.output());
                }
                // The facade is the user's way in: ready is its first answer from the data. Until it
                // listens, the store's own endpoint is asked too (for the column of its own).
                String facade = log.group(1) == null ? null : log.group(1) + "/sparql";
                String url = facade;
                if (url == null && Double.isNaN(storeSeconds)) {
                    url = log.group(0);
                }
                if (url != null) {
                    String answer = answerFromData(http, url);
                    if (answer != null) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        if (url.equals(facade)) {
                            double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                            stop(process);
                            return new Start(seconds, storeSeconds, cpu, peakHeap(gcLog), answer);
                        }
                        storeSeconds = seconds;
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("serve did not answer within 20 minutes:\n" + log.output());
        } finally {
            stop(process);
        }
    }

    /**
     * The answer to {@link #QUERY} at {@code url}, or null when there is none from the loaded data yet:
     * not listening, or (the store's endpoint listens before the load) no row.
     */
    private static String answerFromData(HttpClient http, String url) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String answer = response.body().replaceAll("\\s+", " ").trim();
            return response.statusCode() == 200 && answer.startsWith("report ") ? answer : null;
        } catch (IOException e) {
            return null; // not listening yet
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: serve's shutdown hook closes the store cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The largest heap occupancy any GC of the process saw (the "before" side of "24M->5M(256M)") or the heap at exit, in MiB. */
    static long peakHeap(Path gcLog) throws IOException {
        long peak = 0;
        if (!Files.exists(gcLog)) {
            return -1;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
            Matcher exit = EXIT_HEAP.matcher(line);
            if (exit.find()) {
                peak = Math.max(peak, Long.parseLong(exit.group(1)) / 1024);
            }
        }
        return peak;
    }

    private static double bareStart() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return (System.nanoTime() - start) / 1e9;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
