package nl.actiegraaf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code memory}: the 1,000x data (by default 100 reports of 10x the seed each: the graph grows by more
 * editions, and one report file may not exceed the parser's 64 MiB) loaded with the real
 * {@code java -jar target/actiegraaf.jar load --data DIR} under a heap limit, then served from the kept
 * store: peak heap of each (from the GC log) and the time to the first answered query.
 */
final class Memory {
    private Memory() {
    }

    static void run(Bench.Options options) throws Exception {
        int scale = options.integer("scale", 1000);
        int files = options.integer("files", 100);
        long seed = Long.parseLong(options.get("seed", "42"));
        String xmx = options.get("xmx", "512m");
        String loadBefore = Bench.load();
        List<Path> reports = generated(scale, files, seed);
        long bytes = 0;
        for (Path r : reports) {
            bytes += Files.size(r);
        }
        Path work = Files.createTempDirectory("actiegraaf-bench-memory-");
        try {
            Path data = work.resolve("data");
            List<String> load = new ArrayList<>(List.of(Startup.java(), "-Xmx" + xmx,
                    "-Xlog:gc,gc+heap+exit:file=" + work.resolve("gc-load.log").toAbsolutePath(),
                    "-jar", Startup.JAR.toString(), "load", "--data", data.toString()));
            reports.forEach(r -> load.add(r.toString()));
            long start = System.nanoTime();
            Process p = new ProcessBuilder(load).redirectErrorStream(true).redirectOutput(work.resolve("load.out").toFile()).start();
            int exit = p.waitFor();
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long loadPeak = Startup.peakHeap(work.resolve("gc-load.log"));
            String loadOut = Files.readString(work.resolve("load.out")).trim();
            System.out.printf("load: exit %d in %.1f s, peak heap %d MiB: %s%n", exit, loadSeconds, loadPeak,
                    loadOut.length() > 300 ? loadOut.substring(loadOut.length() - 300) : loadOut);
            Startup.Start kept = exit == 0 ? Startup.serve(data, reports, xmx, work.resolve("gc-serve.log")) : null;
            Startup.Start seedStart = null;
            if (kept != null) {
                System.out.printf("serve (kept store): %.1f s to first answer (%s), peak heap %d MiB%n", kept.seconds(), kept.answer(), kept.peakHeapMiB());
            }
            System.out.println();
            System.out.println("### Memory and start-up, " + scale + "x the seed as " + files + " reports, "
                    + Bench.fmt(bytes / 1e6) + " MB (" + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after; -Xmx" + xmx + ")");
            System.out.println();
            System.out.println("| what | s | peak heap (GC log) | target |");
            System.out.println("|---|---|---|---|");
            System.out.println("| `load --data DIR` all reports (one transaction), exit " + exit + " | " + Bench.fmt(loadSeconds) + " | " + loadPeak + " MiB | |");
            if (kept != null) {
                System.out.println("| `serve --data DIR` kept store, to first answered query | " + Bench.fmt(kept.seconds()) + " | " + kept.peakHeapMiB()
                        + " MiB | < 512 MiB heap: " + (kept.peakHeapMiB() < 512 ? "met" : "MISSED") + " |");
            }
        } finally {
            Loading.delete(work);
        }
    }

    /** {@code scale} times the seed as {@code files} reports in {@code bench/data}, generated unless there already. */
    static List<Path> generated(int scale, int files) throws java.io.IOException {
        return generated(scale, files, 42);
    }

    private static List<Path> generated(int scale, int files, long seed) throws java.io.IOException {
        Path reportsDir = Bench.DATA.resolve(scale + "x-in-" + files);
        List<Path> reports = reports(reportsDir);
        if (reports.size() != files) {
            System.out.println("generating " + scale + "x as " + files + " reports in " + reportsDir);
            Loading.delete(reportsDir);
            Generate.writeParts(new ReportGenerator(Bench.SEED), reportsDir, scale, files, seed);
            reports = reports(reportsDir);
        }
        return reports;
    }

    private static List<Path> reports(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
    }
}
