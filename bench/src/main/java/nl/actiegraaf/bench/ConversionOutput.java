package nl.actiegraaf.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.actiegraaf.rdf.ReportConverter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * {@code conversion --output=DIR [--compare=DIR]}: proves that a speed-up left the converter's output
 * alone. Converts the seed and the generated reports of {@code --scales} (seed number 42, as the
 * benchmark) to N-Triples, sorts the lines and writes them to {@code DIR/NAME.nt} with their SHA-256;
 * with {@code --compare} it exits 1 unless every file is byte-identical to the one of an earlier run.
 * Sorted, because the order in which a stage emits its triples is no part of the output's meaning.
 */
final class ConversionOutput {
    private ConversionOutput() {
    }

    static void run(Bench.Options options) throws Exception {
        Path out = Path.of(options.get("output", "bench/target/conversion-output"));
        Files.createDirectories(out);
        Map<String, Path> reports = new LinkedHashMap<>();
        reports.put("seed", Bench.SEED);
        Path dir = Files.createTempDirectory("actiegraaf-bench-output-");
        try {
            for (int scale : options.integers("scales", "1,10,100")) {
                reports.put(Generate.id(scale, 42),
                        new ReportGenerator(Bench.SEED).write(Generate.file(dir, scale, 42), Generate.id(scale, 42), scale, 42, 1).file());
            }
            boolean same = true;
            ReportConverter converter = ReportConverter.standard(); // one for all, as a load uses it
            for (var report : reports.entrySet()) {
                byte[] sorted = sortedNTriples(converter, report.getValue());
                Path file = out.resolve(report.getKey() + ".nt");
                Files.write(file, sorted);
                String line = sha256(sorted) + "  " + file + " (" + sorted.length + " bytes)";
                if (options.values().containsKey("compare")) {
                    Path earlier = Path.of(options.get("compare", "")).resolve(report.getKey() + ".nt");
                    boolean identical = Files.exists(earlier) && Arrays.equals(Files.readAllBytes(earlier), sorted);
                    same &= identical;
                    line = (identical ? "identical " : "DIFFERENT ") + line + " vs " + earlier;
                }
                System.out.println(line);
            }
            if (!same) {
                System.exit(1);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static byte[] sortedNTriples(ReportConverter converter, Path report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF writer = StreamRDFWriter.getWriterStream(bytes, RDFFormat.NTRIPLES);
        writer.start();
        converter.convert(report, writer);
        writer.finish();
        List<String> lines = new ArrayList<>(Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n")));
        lines.sort(null);
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
