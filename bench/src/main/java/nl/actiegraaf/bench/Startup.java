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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code startup}: wall time from launching {@code java -jar target/actiegraaf.jar serve --data DIR} to
 * the first answered SPARQL query, with a kept store (nothing to load), against a bare start of the
 * same jar ({@code --version}) in the same rounds. Also peak heap of the serve process, from its GC log.
 */
final class Startup {
    /** The jar under test; {@code -Dactiegraaf.jar=...} points at a copy, so a rebuild cannot pull it away mid-run. */
    static final Path JAR = Path.of(System.getProperty("actiegraaf.jar", "target/actiegraaf.jar"));
    private static final Pattern ENDPOINT = Pattern.compile("^Store: SPARQL endpoint (http://127\\.0\\.0\\.1:\\d+/\\S+)");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_HEAP = Pattern.compile("total \\d+K, used (\\d+)K");
    static final String QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    private Startup() {
    }

    /** What one timed serve start gave. */
    record Start(double seconds, long peakHeapMiB, String answer) {
    }

    static void run(Bench.Options options) throws Exception {
        int reps = options.integer("reps", 3);
        String xmx = options.get("xmx", "512m");
        String loadBefore = Bench.load();
        Path dir = Files.createTempDirectory("actiegraaf-bench-startup-");
        try {
            Path data = dir.resolve("data");
            Start cold = serve(data, List.of(), xmx, dir.resolve("gc-cold.log"));
            System.out.printf("first start (loads the seed): %.2f s, peak heap %d MiB%n", cold.seconds(), cold.peakHeapMiB());
            List<Double> kept = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            long peak = 0;
            for (int round = 0; round < reps; round++) {
                double b = bareStart();
                Start s = serve(data, List.of(), xmx, dir.resolve("gc-" + round + ".log"));
                kept.add(s.seconds());
                bare.add(b);
                peak = Math.max(peak, s.peakHeapMiB());
                System.out.printf("round %d: kept store %.2f s (answer %s), bare JVM + jar --version %.2f s%n", round, s.seconds(), s.answer(), b);
            }
            double k = Loading.median(kept);
            double b = Loading.median(bare);
            System.out.println();
            System.out.println("### Start-up, the seed (" + Bench.machine() + "; " + loadBefore + " before, " + Bench.load()
                    + " after; median of " + reps + "; serve runs with -Xmx" + xmx + ")");
            System.out.println();
            System.out.println("| what | median s | vs bare jar start | peak heap (GC log) |");
            System.out.println("|---|---|---|---|");
            System.out.println("| `java -jar actiegraaf.jar --version` (bare JVM + jar) | " + Bench.fmt(b) + " | 1.00 | |");
            System.out.println("| serve, first start: loads ontology + seed | " + Bench.fmt(cold.seconds()) + " | " + Bench.fmt(cold.seconds() / b)
                    + " | " + cold.peakHeapMiB() + " MiB |");
            System.out.println("| serve --data kept: to first answered query | " + Bench.fmt(k) + " | " + Bench.fmt(k / b) + " | " + peak + " MiB |");
            System.out.println();
            System.out.println("Target: ready within 3 s on the seed with a kept store: " + (k <= 3 ? "met" : "MISSED")
                    + " (" + Bench.fmt(k) + " s at this load; the bare jar start alone took " + Bench.fmt(b) + " s)");
        } finally {
            Loading.delete(dir);
        }
    }

    /** Launches serve on {@code data} and times it to the first answered query; then stops it. */
    static Start serve(Path data, List<Path> reports, String xmx, Path gcLog) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + xmx, "-Xlog:gc,gc+heap+exit:file=" + gcLog.toAbsolutePath(),
                "-jar", JAR.toString(), "serve", "--port", "0", "--data", data.toString()));
        reports.forEach(r -> command.add(r.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            AtomicReference<String> endpoint = new AtomicReference<>();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        Matcher m = ENDPOINT.matcher(line);
                        if (m.find()) {
                            endpoint.set(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve ended with exit " + process.exitValue() + ":\n" + output);
                }
                String url = endpoint.get();
                if (url != null) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
                            .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        // Ready means answering from the loaded data: the store's own endpoint listens
                        // (and answers, empty) before the load, so an answer of 0 triples does not count.
                        if (response.statusCode() == 200 && !response.body().replaceAll("\\s+", " ").trim().equals("n 0")) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            String answer = response.body().replaceAll("\\s+", " ").trim();
                            stop(process);
                            return new Start(seconds, peakHeap(gcLog), answer);
                        }
                    } catch (IOException e) {
                        // not listening yet
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("serve did not answer within 20 minutes:\n" + output);
        } finally {
            stop(process);
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
