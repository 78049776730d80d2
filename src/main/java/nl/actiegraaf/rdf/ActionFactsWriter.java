package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.StandardTypes;

import nl.actiegraaf.vocab.AG;

import nl.actiegraaf.vocab.Vocab;

import nl.actiegraaf.vocab.Iris;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;

import nl.actiegraaf.extract.ActionFacts;
import nl.actiegraaf.extract.Anchor;
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

    /**
     * The directory whose registers {@link #besideReport()} reads for {@code reportFile}: beside it, else
     * {@code ./seeds}, else the jar's copy of {@code seeds/} (so a report converts the same from any folder).
     */
    public static Path registersFor(Path reportFile) {
        Path dir = reportFile == null ? null : reportFile.toAbsolutePath().getParent();
        return dir != null && Files.isReadable(dir.resolve(ORGANISATIONS)) ? dir : nl.actiegraaf.files.Defaults.path(nl.actiegraaf.files.Defaults.SEEDS);
    }

    /** The register files {@link #besideReport()} reads for {@code reportFile}. */
    public static List<Path> registerFilesFor(Path reportFile) {
        Path seeds = registersFor(reportFile);
        return List.of(seeds.resolve(ORGANISATIONS), seeds.resolve(MEMBERS));
    }

    @Override
    public void write(Report report, StreamRDF out) {
        String reportId = report.metadata().id();
        LocalDate date;
        if (report.metadata().date() != null) {
            date = report.metadata().date();
            FieldSources.given(out, reportId, "datum", Vocab.DCT_DATE);
        } else {
            // The metadata left the date open: the report's own text dates it (see ReportDateInference).
            // Inferred once: reading the date from the whole text is a search over every cell.
            Optional<ReportDateInference.Inferred> inferred = ReportDateInference.inferWithEvidence(report.actions());
            inferred.ifPresent(d -> {
                out.triple(Triple.create(Iris.report(reportId), Vocab.DCT_DATE, date(d.date())));
                FieldSources.inferred(out, reportId, "datum", Vocab.DCT_DATE, d.phrase());
            });
            date = inferred.map(ReportDateInference.Inferred::date).orElse(LocalDate.EPOCH);
        }
        Anchor anchor = Anchor.debateIn(report.introduction()).orElse(null);
        Node debate = anchor == null ? null : writeDebate(report, anchor, out);
        new FactWriter(out, report.metadata().series(), reportId, debate).write(extractor.extract(report.actions(), date, anchor));
    }

    /** The debate the introduction dates: what the descriptions' relative deadlines count from. */
    private static Node writeDebate(Report report, Anchor anchor, StreamRDF out) {
        Node debate = Iris.debate(report.metadata().id());
        out.triple(Triple.create(debate, Vocab.RDF_TYPE, AG.Debat));
        for (Node standard : StandardTypes.of(AG.Debat)) {
            out.triple(Triple.create(debate, Vocab.RDF_TYPE, standard));
        }
        out.triple(Triple.create(debate, Vocab.RDFS_LABEL, NodeFactory.createLiteralLang("Debat van " + anchor.date(), "nl")));
        out.triple(Triple.create(debate, AG.tekst, NodeFactory.createLiteralLang(anchor.sentence(), "nl")));
        out.triple(Triple.create(debate, AG.datum, date(anchor.date())));
        out.triple(Triple.create(debate, Vocab.PROV_WAS_DERIVED_FROM, Iris.report(report.metadata().id())));
        return debate;
    }

    private static Node date(LocalDate date) {
        return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
    }

    public List<ActionFacts> extract(Report report) {
        return extractor.extract(report.actions(), reportDate(report), Anchor.debateIn(report.introduction()).orElse(null));
    }

    /**
     * The metadata's date, else the date inferred from the text; a report with neither is read as
     * if everything it dates lay in the future (no date is then taken for a past event).
     */
    public static LocalDate reportDate(Report report) {
        return ReportDateInference.dateOf(report.metadata(), report.actions()).orElse(LocalDate.EPOCH);
    }
}
