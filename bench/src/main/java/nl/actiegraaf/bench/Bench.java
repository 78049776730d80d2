package nl.actiegraaf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' one entry point: {@code java -jar bench/target/bench.jar COMMAND [--option=value ...]},
 * run from the repository root (the seed, the Fuseki configuration and target/actiegraaf.jar are found
 * relative to it). Every command prints its figures as a Markdown table headed by the machine and its
 * load average, so the numbers can go into bench/README.md as they are.
 */
public final class Bench {
    static final Path SEED = Path.of("seeds", "stand-van-zaken-pok-2021.txt");
    static final Path DATA = Path.of("bench", "data");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        // Jena must initialise before any vocabulary class is touched (else RDF.Alt is still null).
        org.apache.jena.sys.JenaSystem.init();
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "generate" -> Generate.run(options);
            case "check" -> System.exit(Generate.check(options) ? 0 : 1);
            case "conversion" -> Conversion.run(options);
            case "loading" -> Loading.run(options);
            case "startup" -> Startup.run(options);
            case "memory" -> Memory.run(options);
            case "queries" -> Queries.run(options);
            case "remote" -> Remote.run(options);
            case "loadtest" -> LoadTest.run(options);
            case "curated" -> Curated.run(options);
            case "editions" -> Editions.run(options);
            case "cancelpoints" -> CancelPoints.run(options);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar bench/target/bench.jar COMMAND [--option=value ...]   (from the repository root)
                  generate    --scales=10,100,1000,10000 --seed=42 --out=bench/data   synthetic reports
                  check       --scales=1,10,100 --seed=42           the parser reads them: every action, no error
                  conversion  --scales=1,10,100 [--long]            JMH: convert vs reading lines vs parsing its N-Triples
                  loading     --scale=10 --reps=3                   convert+load (EmbeddedStore) vs Jena's bulk loader
                  startup     --reps=3 [--baseline=JAR] [--scale=100 --files=10] [--jvm=FLAGS]  serve --data DIR to the facade's first answer vs bare JVM start
                  memory      --scale=1000 --files=100 --xmx=512m   peak heap: load and kept-store serve of the 1,000x data
                  queries     --clients=1,8,32 --requests=300 --seconds=10 --rounds=2   facade /sparql vs Fuseki directly
                  loadtest    --clients=64 --seconds=60 [--slow-readers=16] [--url=http://127.0.0.1:PORT --pid=PID] [--xmx=512m]
                              mixed SPARQL/API/page traffic from distinct loopback addresses; exit 1 on any failure
                  curated     --data=DIR [--reports=DIR] | --url=http://127.0.0.1:PORT  [--requests=50] [--uncached=10] [--wait-warm-up]
                              p50/p99 of every curated query: first request after start, uncached, cached
                  cancelpoints --subjects=20000 --rounds=7          the per-row cancellation checks of querylimits: with vs without
                  editions    --editions=101                        one series of generated editions: adding the 2nd vs the last; wijzigingen/geschiedenis uncached p99""");
    }

    /** {@code --name=value} options, with defaults given where they are read. */
    record Options(Map<String, String> values) {
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("options are --name=value, not " + arg);
                }
                int eq = arg.indexOf('=');
                values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            }
            return new Options(values);
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(get(name, String.valueOf(fallback)));
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(get(name, "false"));
        }

        List<Integer> integers(String name, String fallback) {
            return Arrays.stream(get(name, fallback).split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
    }

    /** The machine line that heads every table: cores, memory, load average, date. */
    static String machine() {
        return "nproc " + Runtime.getRuntime().availableProcessors()
                + ", memory " + totalMemoryGiB() + " GiB"
                + ", JVM " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB"
                + ", " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** The 1, 5 and 15 minute load averages, as the kernel gives them. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static String totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "?";
    }

    static String fmt(double value) {
        if (value >= 100) {
            return String.format("%.0f", value);
        }
        if (value >= 10) {
            return String.format("%.1f", value);
        }
        return String.format("%.2f", value);
    }
}
