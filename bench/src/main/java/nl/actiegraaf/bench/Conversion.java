package nl.actiegraaf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.actiegraaf.rdf.ReportConverter;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code conversion}: runs {@link ConversionBenchmark} under JMH (short by default, {@code --long} for
 * more iterations and two forks, {@code --jfr} to record a profile) and prints the ratios the issue
 * sets targets for: convert / parse of its N-Triples (target at most 3), and the growth of convert's
 * time from one scale to the next (target at most 1.1 x the growth of the input).
 */
final class Conversion {
    private Conversion() {
    }

    static void run(Bench.Options options) throws Exception {
        List<Integer> scales = options.integers("scales", "1,10,100");
        boolean longRun = options.flag("long");
        String loadBefore = Bench.load();
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(ConversionBenchmark.class.getName() + "\\." + options.get("only", "") )
                .param("scale", scales.stream().map(String::valueOf).toArray(String[]::new))
                .warmupIterations(longRun ? 5 : 2)
                .warmupTime(TimeValue.seconds(longRun ? 2 : 1))
                .measurementIterations(longRun ? 10 : 4)
                .measurementTime(TimeValue.seconds(longRun ? 2 : 1))
                .forks(longRun ? 2 : 1)
                .jvmArgs("-Xmx2g");
        if (options.flag("jfr")) {
            Path jfr = Path.of("bench", "target", "conversion.jfr").toAbsolutePath();
            jmh.jvmArgsAppend("-XX:FlightRecorderOptions:stackdepth=256", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            System.out.println("JFR recording: " + jfr);
        }
        Collection<RunResult> results = new Runner(jmh.build()).run();
        String loadAfter = Bench.load();

        // scale -> benchmark -> ms/op
        Map<Integer, Map<String, Double>> ms = new TreeMap<>();
        for (RunResult r : results) {
            int scale = Integer.parseInt(r.getParams().getParam("scale"));
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            ms.computeIfAbsent(scale, k -> new TreeMap<>()).put(name, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("### Conversion (" + Bench.machine() + "; " + loadBefore + " before, " + loadAfter + " after)");
        System.out.println();
        System.out.println("| scale | MB | actions | triples | read lines ms | convert ms | convert+write NT ms | Jena parse NT ms"
                + " | convert MB/s | actions/s | convert / parse NT (target <= 3) | convert / read lines |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        Integer previous = null;
        StringBuilder growth = new StringBuilder();
        for (var e : ms.entrySet()) {
            int scale = e.getKey();
            Map<String, Double> m = e.getValue();
            Sizes sizes = Sizes.of(scale);
            double convert = m.getOrDefault("convert", Double.NaN);
            double parse = m.getOrDefault("parseNTriples", Double.NaN);
            double lines = m.getOrDefault("readLines", Double.NaN);
            System.out.println("| " + scale + "x | " + Bench.fmt(sizes.bytes / 1e6) + " | " + sizes.actions + " | " + sizes.triples
                    + " | " + Bench.fmt(lines) + " | " + Bench.fmt(convert) + " | " + Bench.fmt(m.getOrDefault("convertToNTriples", Double.NaN))
                    + " | " + Bench.fmt(parse) + " | " + Bench.fmt(sizes.bytes / 1e6 / (convert / 1000)) + " | "
                    + Bench.fmt(sizes.actions / (convert / 1000)) + " | " + Bench.fmt(convert / parse) + " | " + Bench.fmt(convert / lines) + " |");
            if (previous != null) {
                double inputGrowth = (double) scale / previous;
                double timeGrowth = convert / ms.get(previous).get("convert");
                growth.append("- ").append(previous).append("x -> ").append(scale).append("x: input x").append(Bench.fmt(inputGrowth))
                        .append(", convert time x").append(Bench.fmt(timeGrowth)).append(" (target <= x").append(Bench.fmt(inputGrowth * 1.1))
                        .append("), Jena parse time x").append(Bench.fmt(parse / ms.get(previous).get("parseNTriples"))).append('\n');
            }
            previous = scale;
        }
        System.out.println();
        System.out.print(growth);
    }

    /** Size of the generated report of one scale (the same file the benchmark generated: same seed). */
    record Sizes(long bytes, int actions, long triples) {
        static Sizes of(int scale) throws Exception {
            Path dir = Files.createTempDirectory("actiegraaf-bench-sizes-");
            try {
                ReportGenerator.Generated g = new ReportGenerator(Bench.SEED).write(Generate.file(dir, scale, 42), Generate.id(scale, 42), scale, 42, 1);
                long[] n = {0};
                ReportConverter.standard().convert(g.file(), new StreamRDFBase() {
                    @Override
                    public void triple(Triple triple) {
                        n[0]++;
                    }
                });
                return new Sizes(g.bytes(), g.actions(), n[0]);
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
