package nl.actiegraaf.cli;

import nl.actiegraaf.vocab.Iris;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.jena.atlas.RuntimeIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.SeriesHistory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import nl.actiegraaf.report.Report;
import nl.actiegraaf.report.ReportException;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convert REPORT... [-o FILE] [--format ...]}: report files to RDF. All reports are read before
 * anything is written, and a file is written under a temporary name and then moved into place, so a
 * failure leaves no half output behind. Errors are one line on stderr and exit code 2.
 */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert report files (text of the 'Stand van zaken' table) to RDF.",
        exitCodeOnExecutionException = ConvertCommand.EXIT_FAILURE)
public final class ConvertCommand implements Callable<Integer> {
    static final int EXIT_FAILURE = 2;

    /** The serialisations on offer, by name and file extension. */
    enum Format {
        ttl(RDFFormat.TURTLE_BLOCKS, false, true),
        trig(RDFFormat.TRIG_BLOCKS, true, true),
        nt(RDFFormat.NTRIPLES, false, true),
        nq(RDFFormat.NQUADS, true, true),
        jsonld(RDFFormat.JSONLD11_PRETTY, false, false),
        rdf(RDFFormat.RDFXML_PRETTY, false, false);

        final RDFFormat rdfFormat;
        /** Quads: each report goes into its own named graph. */
        final boolean quads;
        /** Written as the triples come, rather than from a graph in memory. */
        final boolean streaming;

        Format(RDFFormat rdfFormat, boolean quads, boolean streaming) {
            this.rdfFormat = rdfFormat;
            this.quads = quads;
            this.streaming = streaming;
        }

        static Format ofFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return switch (extension) {
                case "ttl", "turtle" -> ttl;
                case "trig" -> trig;
                case "nt" -> nt;
                case "nq" -> nq;
                case "jsonld", "json" -> jsonld;
                case "rdf", "xml", "owl" -> rdf;
                default -> null;
            };
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Report text file(s).")
    List<Path> reports = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (format from its extension) instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "ttl, trig, nt, nq, jsonld or rdf (default: from the extension of FILE, else ttl).")
    Format format;

    /** Shown on standard error while a long conversion runs (null: none, as for {@link #write} from tests). */
    private Progress progress;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Format chosen = chooseFormat();
            ReportConverter converter = ReportConverter.standard();
            try (Progress progress = Progress.start("Converting", reports.size() * 2)) {
                List<Report> read = new ArrayList<>();
                for (Path file : reports) {
                    progress.begin("reading " + file.getFileName());
                    read.add(converter.read(file));
                }
                this.progress = progress;
                if (output == null) {
                    OutputStream stdout = new BufferedOutputStream(new CheckedOutput(System.out));
                    write(converter, read, chosen, stdout, progress);
                    stdout.flush();
                } else {
                    writeAtomically(converter, read, chosen);
                }
            }
            return 0;
        } catch (ReportException | UsageProblem e) {
            err.println(e.getMessage());
        } catch (IOException | UncheckedIOException | RuntimeIOException e) {
            err.println((output != null ? output + ": " : "") + "cannot write: " + writeFailure(e));
        } catch (RuntimeException e) {
            if (ioCause(e) != null) {
                // Jena's JSON-LD and RDF/XML writers wrap a failed write in their own exceptions.
                err.println((output != null ? output + ": " : "") + "cannot write: " + writeFailure(e));
            } else {
                // A bug, not bad input; still one line, never a stack trace.
                err.println("convert failed: " + e);
            }
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private Format chooseFormat() {
        if (format != null) {
            return format;
        }
        if (output == null) {
            return Format.ttl;
        }
        Format byExtension = Format.ofFile(output);
        if (byExtension == null) {
            throw new UsageProblem(output + ": unknown extension; use .ttl, .trig, .nt, .nq, .jsonld or .rdf, or --format");
        }
        return byExtension;
    }

    /** The innermost I/O message ("No space left on device"), whoever wrapped it (Jena's writers do). */
    private static String writeFailure(Throwable e) {
        IOException io = ioCause(e);
        String message = io != null && io.getMessage() != null ? io.getMessage() : e.getMessage();
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static IOException ioCause(Throwable e) {
        IOException innermost = null;
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                innermost = io;
            }
        }
        return innermost;
    }

    private void writeAtomically(ReportConverter converter, List<Report> read, Format chosen) throws IOException {
        Path target = output.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UsageProblem(output + ": is a directory");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // A device or pipe (/dev/stdout, a FIFO, /dev/full): written as it is, never replaced by a file;
            // a temporary file beside it would land in /dev.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
                write(converter, read, chosen, out, progress);
            }
            return;
        }
        Path directory = target.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new UsageProblem(output + ": directory " + directory + " does not exist");
        }
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                write(converter, read, chosen, out, progress);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void write(ReportConverter converter, List<Report> reports, Format format, OutputStream out) {
        write(converter, reports, format, out, null);
    }

    /** {@code progress} (may be null) hears of each report written and counts its triples. */
    static void write(ReportConverter converter, List<Report> reports, Format format, OutputStream out, Progress progress) {
        if (format.streaming) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.rdfFormat);
            stream.start();
            emit(converter, reports, format, stream, progress);
            stream.finish();
        } else {
            DatasetGraph dataset = DatasetGraphFactory.create();
            StreamRDF collect = StreamRDFLib.dataset(dataset);
            emit(converter, reports, format, collect, progress);
            RDFDataMgr.write(out, dataset.getDefaultGraph(), format.rdfFormat);
        }
    }

    /**
     * Each report into its graph, then the graphs a store derives from them at load (the current state
     * and changes per series, {@link SeriesHistory}), so the output answers the same queries as a store
     * loaded with the same reports. Of each report only what the derivation reads is kept aside.
     */
    private static void emit(ReportConverter converter, List<Report> reports, Format format, StreamRDF stream, Progress progress) {
        ReportConverter.writePrefixes(stream);
        Map<String, Graph> editions = new LinkedHashMap<>();
        for (Report report : reports) {
            String graph = Iris.reportGraph(report.metadata().id());
            StreamRDF target = format.quads ? StreamRDFLib.extendTriplesToQuads(Iris.node(graph), stream) : stream;
            Graph kept = editions.computeIfAbsent(graph, g -> GraphFactory.createDefaultGraph());
            if (progress != null) {
                progress.begin("writing " + report.metadata().id());
            }
            converter.write(report, new StreamRDFWrapper(target) {
                @Override
                public void triple(Triple t) {
                    if (SeriesHistory.reads(t)) {
                        kept.add(t);
                    }
                    if (progress != null) {
                        progress.countTriple();
                    }
                    super.triple(t);
                }
            });
        }
        if (progress != null) {
            progress.finishing("current state and changes per series");
        }
        SeriesHistory.derived(editions).forEach((graph, triples) -> {
            Node name = Iris.node(graph);
            triples.forEach(t -> {
                if (format.quads) {
                    stream.quad(Quad.create(name, t));
                } else {
                    stream.triple(t);
                }
            });
        });
    }

    /** A command line that cannot be carried out; its message is the one line to print. */
    static final class UsageProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message);
        }
    }
}
