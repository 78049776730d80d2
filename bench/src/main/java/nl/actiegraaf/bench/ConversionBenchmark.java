package nl.actiegraaf.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.rdf.ReportConverter;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Conversion of one synthetic report against two baselines on the same data, in the same run:
 * merely reading the file into lines (the floor), and Jena parsing the N-Triples the converter
 * produced from it (what Jena itself pays per triple). Every sink only counts, so the figures are the
 * cost of producing the triples, not of storing them; {@link #convertToNTriples} adds the writing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConversionBenchmark {
    /** Multiples of the seed. */
    @Param({"1", "10", "100"})
    public int scale;

    @Param({"42"})
    public long seed;

    Path dir;
    Path report;
    Path ntriples;
    private final ReportConverter converter = ReportConverter.standard();

    @Setup
    public void setUp() throws IOException {
        org.apache.jena.sys.JenaSystem.init();
        dir = Files.createTempDirectory("actiegraaf-bench-conversion-");
        report = new ReportGenerator(Bench.SEED).write(Generate.file(dir, scale, seed), Generate.id(scale, seed), scale, seed, 1).file();
        ntriples = dir.resolve("converted.nt");
        try (OutputStream out = Files.newOutputStream(ntriples)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
            writer.start();
            converter.convert(report, writer);
            writer.finish();
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Baseline 1: read the report file and split it into lines. */
    @Benchmark
    public long readLines() throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    /** The project's conversion: report file to triples. */
    @Benchmark
    public long convert() {
        Counter counter = new Counter();
        converter.convert(report, counter);
        return counter.triples;
    }

    /** The conversion writing N-Triples (to nowhere): what the convert command does beyond {@link #convert}. */
    @Benchmark
    public long convertToNTriples() {
        StreamRDF writer = StreamRDFWriter.getWriterStream(OutputStream.nullOutputStream(), RDFFormat.NTRIPLES);
        writer.start();
        converter.convert(report, writer);
        writer.finish();
        return 1;
    }

    /** Baseline 2: Jena parsing the N-Triples the converter produced from this report. */
    @Benchmark
    public long parseNTriples() {
        Counter counter = new Counter();
        RDFParser.source(ntriples).lang(Lang.NTRIPLES).parse(counter);
        return counter.triples;
    }

    static final class Counter extends StreamRDFBase {
        long triples;

        @Override
        public void triple(Triple triple) {
            triples++;
        }
    }
}
