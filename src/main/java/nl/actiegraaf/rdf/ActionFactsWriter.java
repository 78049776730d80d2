package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.Vocab;

import nl.actiegraaf.vocab.Iris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.system.StreamRDF;

import nl.actiegraaf.extract.ActionFacts;
import nl.actiegraaf.extract.FactExtractor;
import nl.actiegraaf.extract.ReportDateInference;
import nl.actiegraaf.report.Report;
import nl.actiegraaf.report.ReportException;

/**
 * The converter stage that reads facts from the actions' prose ({@link FactExtractor}) and writes
 * them as triples ({@link FactWriter}). The registers of bodies and members are data files:
 * {@code organisaties.ttl} and {@code kamerleden.ttl}, read from the given directory.
 */
public final class ActionFactsWriter implements ReportConverter.Stage {
    public static final String ORGANISATIONS = "organisaties.ttl";
    public static final String MEMBERS = "kamerleden.ttl";

    private final FactExtractor extractor;

    public ActionFactsWriter(FactExtractor extractor) {
        this.extractor = extractor;
    }

    /** The stage with the registers in {@code seedsDir} (the project's {@code seeds/}). */
    public static ActionFactsWriter fromSeeds(Path seedsDir) {
        for (String name : List.of(ORGANISATIONS, MEMBERS)) {
            if (!Files.isReadable(seedsDir.resolve(name))) {
                throw new ReportException(seedsDir.resolve(name) + ": register not found (put " + ORGANISATIONS + " and "
                        + MEMBERS + " beside the report, or run from the project directory)");
            }
        }
        return new ActionFactsWriter(FactExtractor.fromSeeds(seedsDir));
    }

    /**
     * The stage the {@code convert} command runs: registers beside the report file when it has
     * them (as the seed has), else in {@code ./seeds}.
     */
    public static ReportConverter.Stage besideReport() {
        return new BesideReport();
    }

    /**
     * {@link #besideReport()}, keeping the registers it read: a converter converts report after
     * report beside the same registers, and reading them (two Turtle files) every time was ~9% of
     * converting the seed (JFR). They are read again when the directory, or a register file's size
     * or modification time, changes.
     */
    private static final class BesideReport implements ReportConverter.Stage {
        private Path dir;
        private List<Object> stamp;
        private ActionFactsWriter writer;

        @Override
        public void write(Report report, StreamRDF out) {
            writerFor(registersFor(report.file())).write(report, out);
        }

        private synchronized ActionFactsWriter writerFor(Path registers) {
            List<Object> now = stamp(registers);
            if (writer == null || now == null || !registers.equals(dir) || !now.equals(stamp)) {
                writer = fromSeeds(registers); // throws the one-line error when a register is missing
                dir = registers;
                stamp = now;
            }
            return writer;
        }

        /** Size and modification time of both register files; null when one cannot be read. */
        private static List<Object> stamp(Path registers) {
            try {
                List<Object> stamp = new ArrayList<>();
                for (String name : List.of(ORGANISATIONS, MEMBERS)) {
                    Path file = registers.resolve(name);
                    stamp.add(Files.size(file));
                    stamp.add(Files.getLastModifiedTime(file));
                }
                return stamp;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** The directory whose registers {@link #besideReport()} reads for {@code reportFile}: beside it, else {@code ./seeds}. */
    public static Path registersFor(Path reportFile) {
        Path dir = reportFile == null ? null : reportFile.toAbsolutePath().getParent();
        return dir != null && Files.isReadable(dir.resolve(ORGANISATIONS)) ? dir : Path.of("seeds");
    }

    /** The register files {@link #besideReport()} reads for {@code reportFile}. */
    public static List<Path> registerFilesFor(Path reportFile) {
        Path seeds = registersFor(reportFile);
        return List.of(seeds.resolve(ORGANISATIONS), seeds.resolve(MEMBERS));
    }

    @Override
    public void write(Report report, StreamRDF out) {
        // Inferred once: reading the date from the whole text is a search over every cell.
        Optional<LocalDate> date = ReportDateInference.dateOf(report.metadata(), report.actions());
        if (report.metadata().date() == null) {
            // The metadata left the date open: the report's own text dates it (see ReportDateInference).
            date.ifPresent(d -> out.triple(org.apache.jena.graph.Triple.create(
                    Iris.report(report.metadata().id()), nl.actiegraaf.vocab.Vocab.DCT_DATE,
                    org.apache.jena.graph.NodeFactory.createLiteralDT(d.toString(),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate))));
        }
        new FactWriter(out, report.metadata().series(), report.metadata().id()).write(extractor.extract(report.actions(), date.orElse(LocalDate.EPOCH)));
    }

    public List<ActionFacts> extract(Report report) {
        return extractor.extract(report.actions(), reportDate(report));
    }

    /**
     * The metadata's date, else the date inferred from the text; a report with neither is read as
     * if everything it dates lay in the future (no date is then taken for a past event).
     */
    public static LocalDate reportDate(Report report) {
        return ReportDateInference.dateOf(report.metadata(), report.actions()).orElse(LocalDate.EPOCH);
    }
}
