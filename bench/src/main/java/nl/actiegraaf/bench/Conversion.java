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
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private Conversion() {
    }

    static void run(Bench.Options options) throws Exception {
        if (options.values().containsKey("output")) {
            ConversionOutput.run(options); // the output check, not a benchmark
            return;
        }
        List<Integer> scales = options.integers("scales", "1,10,100");
        if (!options.flag("growth-only")) {
            paired(scales, options.integer("seconds", options.flag("long") ? 30 : 8));
        }
        growth(scales, options.integer("rounds", options.flag("long") ? 7 : 3));
        if (options.flag("jmh") || options.flag("jfr")) {
            jmh(options, scales);
        }
    }

    /**
     * The ratios measured pairwise: in each round the contenders run once each, one right after the
     * other, in an order that alternates, and the ratio is taken within the round. On a machine whose
     * load swings by a factor of two within a minute, the median of such ratios is stable where the
     * ratio of two separately measured averages (JMH runs one benchmark after the other) is not.
     */
    static void paired(List<Integer> scales, int secondsPerScale) throws Exception {
        String loadBefore = Bench.load();
        StringBuilder table = new StringBuilder();
        StringBuilder growth = new StringBuilder();
        Double previousConvert = null;
        Double previousParse = null;
        Integer previous = null;
        for (int scale : scales) {
            ConversionBenchmark b = new ConversionBenchmark();
            b.scale = scale;
            b.seed = 42;
            b.setUp();
            try {
                Sizes sizes = Sizes.of(scale);
                List<Runnable> ops = List.of(() -> {
                    try {
                        b.readLines();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, b::convert, b::convertToNTriples, b::parseNTriples);
                // warm-up: a third of the budget
                long warmEnd = System.nanoTime() + secondsPerScale * 1_000_000_000L / 3;
                int warm = 0;
                while (System.nanoTime() < warmEnd || warm < 2) {
                    ops.forEach(Runnable::run);
                    warm++;
                }
                List<double[]> rounds = new java.util.ArrayList<>();
                long end = System.nanoTime() + secondsPerScale * 1_000_000_000L * 2 / 3;
                while (System.nanoTime() < end || rounds.size() < 3) {
                    // wall-clock ms of each op, then the CPU ms of this thread: on a machine whose
                    // load exceeds its cores, wall time also counts waiting for a core
                    double[] ms = new double[2 * ops.size()];
                    boolean reverse = rounds.size() % 2 == 1;
                    for (int k = 0; k < ops.size(); k++) {
                        int i = reverse ? ops.size() - 1 - k : k;
                        long cpu = THREADS.getCurrentThreadCpuTime();
                        long t = System.nanoTime();
                        ops.get(i).run();
                        ms[i] = (System.nanoTime() - t) / 1e6;
                        ms[ops.size() + i] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
                    }
                    rounds.add(ms);
                }
                double lines = median(rounds, r -> r[0]);
                double convert = median(rounds, r -> r[1]);
                double write = median(rounds, r -> r[2]);
                double parse = median(rounds, r -> r[3]);
                double ratioParse = median(rounds, r -> r[1] / r[3]);
                double ratioLines = median(rounds, r -> r[1] / r[0]);
                double ratioParseCpu = median(rounds, r -> r[5] / r[7]);
                table.append("| ").append(scale).append("x | ").append(Bench.fmt(sizes.bytes / 1e6)).append(" | ").append(sizes.actions)
                        .append(" | ").append(sizes.triples).append(" | ").append(rounds.size()).append(" | ").append(Bench.fmt(lines))
                        .append(" | ").append(Bench.fmt(convert)).append(" | ").append(Bench.fmt(write)).append(" | ").append(Bench.fmt(parse))
                        .append(" | ").append(Bench.fmt(sizes.bytes / 1e6 / (convert / 1000))).append(" | ")
                        .append(Bench.fmt(sizes.actions / (convert / 1000))).append(" | **").append(Bench.fmt(ratioParse)).append("** | ")
                        .append(Bench.fmt(ratioLines)).append(" | ").append(Bench.fmt(median(rounds, r -> r[5]))).append(" | ")
                        .append(Bench.fmt(median(rounds, r -> r[7]))).append(" | **").append(Bench.fmt(ratioParseCpu)).append("** |\n");
                if (previous != null) {
                    double input = (double) scale / previous;
                    growth.append("- ").append(previous).append("x -> ").append(scale).append("x: input x").append(Bench.fmt(input))
                            .append(", convert time x").append(Bench.fmt(convert / previousConvert)).append(" (target <= x")
                            .append(Bench.fmt(input * 1.1)).append("), Jena parse time x").append(Bench.fmt(parse / previousParse)).append('\n');
                }
                previous = scale;
                previousConvert = convert;
                previousParse = parse;
            } finally {
                b.tearDown();
            }
        }
        System.out.println();
        System.out.println("### Conversion, paired rounds (" + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after)");
        System.out.println();
        System.out.println("| scale | MB | actions | triples | rounds | read lines ms | convert ms | convert+write NT ms | Jena parse NT ms"
                + " | convert MB/s | actions/s | convert / parse NT (target <= 3) | convert / read lines"
                + " | convert CPU ms | parse NT CPU ms | convert / parse NT, CPU time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.print(table);
        System.out.println();
        System.out.print(growth);
        System.out.println("(times are medians over the rounds; ratios are medians of the per-round ratios; CPU time is the"
                + " benchmark thread's own, without JIT and GC threads)");
    }

    /**
     * Linear growth, measured pairwise: in each round the smaller and the larger report are converted
     * one right after the other (alternating which goes first), and the ratio of their times is taken
     * within the round; the scales of the table above run minutes apart, under different load.
     */
    static void growth(List<Integer> scales, int rounds) throws Exception {
        if (scales.size() < 2) {
            return;
        }
        String loadBefore = Bench.load();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < scales.size(); i++) {
            ConversionBenchmark small = new ConversionBenchmark();
            small.scale = scales.get(i - 1);
            small.seed = 42;
            ConversionBenchmark big = new ConversionBenchmark();
            big.scale = scales.get(i);
            big.seed = 42;
            small.setUp();
            big.setUp();
            try {
                small.convert();
                big.convert(); // warm-up
                List<double[]> times = new java.util.ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    double[] t = new double[4]; // wall ms small, large; CPU ms small, large
                    for (int k = 0; k < 2; k++) {
                        boolean first = (k == 0) == (r % 2 == 0);
                        long cpu = THREADS.getCurrentThreadCpuTime();
                        long start = System.nanoTime();
                        if (first) {
                            small.convert();
                        } else {
                            big.convert();
                        }
                        t[first ? 0 : 1] = (System.nanoTime() - start) / 1e6;
                        t[first ? 2 : 3] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
                    }
                    times.add(t);
                }
                double input = (double) big.scale / small.scale;
                double ratio = median(times, t -> t[1] / t[0]);
                double cpuRatio = median(times, t -> t[3] / t[2]);
                out.append("| ").append(small.scale).append("x -> ").append(big.scale).append("x | x").append(Bench.fmt(input))
                        .append(" | ").append(Bench.fmt(median(times, t -> t[0]))).append(" | ").append(Bench.fmt(median(times, t -> t[1])))
                        .append(" | **x").append(Bench.fmt(ratio)).append("** | ").append(ratio <= input * 1.1 ? "met" : "MISSED")
                        .append(" | ").append(Bench.fmt(median(times, t -> t[2]))).append(" | ").append(Bench.fmt(median(times, t -> t[3])))
                        .append(" | **x").append(Bench.fmt(cpuRatio)).append("** | ").append(cpuRatio <= input * 1.1 ? "met" : "MISSED").append(" |\n");
            } finally {
                small.tearDown();
                big.tearDown();
            }
        }
        System.out.println();
        System.out.println("### Conversion growth, paired (" + Bench.machine() + "; " + loadBefore + " before, " + Bench.load() + " after; median of " + rounds + " rounds)");
        System.out.println();
        System.out.println("| step | input | convert ms (small) | convert ms (large) | time ratio | target (<= 1.1 x input)"
                + " | CPU ms (small) | CPU ms (large) | CPU time ratio | target |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.print(out);
    }

    private static double median(List<double[]> rounds, java.util.function.ToDoubleFunction<double[]> f) {
        return Loading.median(rounds.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    static void jmh(Bench.Options options, List<Integer> scales) throws Exception {
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
        System.out.println("### Conversion, JMH (" + Bench.machine() + "; " + loadBefore + " before, " + loadAfter + " after)");
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
