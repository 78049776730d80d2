package nl.actiegraaf.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.report.Report;
import nl.actiegraaf.report.ReportReader;
import org.apache.jena.riot.system.StreamRDF;
import nl.actiegraaf.vocab.Prefixes;

/**
 * Report file to RDF, as a pipeline: the file is read into a {@link Report}, then each {@link Stage}
 * in turn writes its triples about it to a Jena {@link StreamRDF}.
 *
 * <pre>{@code
 * ReportConverter.standard().convert(Path.of("seeds/stand-van-zaken-pok-2021.txt"), out);
 * ReportConverter.standard().convert(file, out);   // table, then facts from the prose (ActionFactsWriter)
 * }</pre>
 *
 * Reading comes first and fails as a whole ({@link nl.actiegraaf.report.ReportException}), so a bad
 * report never produces half its triples.
 */
public final class ReportConverter {

    /** One step from a parsed report to triples. Stages only add triples; they never read the file. */
    @FunctionalInterface
    public interface Stage {
        void write(Report report, StreamRDF out);
    }

    /**
     * The version of what a report file becomes. A kept store skips converting a report whose bytes,
     * metadata file, registers and this version it has already loaded (store.SourceDigest), so BUMP
     * THIS whenever the triples of an unchanged report would change: the parser, a stage, extraction,
     * ids or vocabulary. (Forgetting it keeps the old triples in kept stores until the report changes.)
     */
    public static final String VERSION = "5"; // 3: issue 12 extraction, and separately editions; 4: both merged; 5: the full re-read (a done action's delivery meets its deadline, a cited letter dates no event, "na een half jaar" counts from the date named before it)

    /**
     * What {@link #VERSION} makes of the seed report: {@code "VERSION sha256-of-its-sorted-N-Triples"}.
     * {@code ConverterVersionTest} fails when the output changes while this line still names the current
     * version, so the bump cannot be forgotten. To update: bump {@link #VERSION} and paste the line that
     * test's failure message gives here (one line; see README, "Changing the converter").
     */
    public static final String VERSION_OUTPUT = "5 f50be8d76db26394a823499d0e16427516baeb12dcd248fcd6e6b43e3a431c12";

    private final ReportReader reader = new ReportReader();
    private final List<Stage> stages;

    public ReportConverter(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** The stages the {@code convert} command runs: the table itself, then (when merged) the facts from the prose. */
    public static ReportConverter standard() {
        return new ReportConverter(List.of(new ReportWriter(), ActionFactsWriter.besideReport()));
    }

    /** This converter with one more stage at the end. */
    public ReportConverter with(Stage stage) {
        List<Stage> more = new ArrayList<>(stages);
        more.add(stage);
        return new ReportConverter(more);
    }

    public Report read(Path reportFile) {
        return reader.read(reportFile);
    }

    /** Reads one report file and writes prefixes and all stages' triples to {@code out}. */
    public void convert(Path reportFile, StreamRDF out) {
        Report report = read(reportFile);
        writePrefixes(out);
        write(report, out);
    }

    /** Writes all stages' triples about an already read report (no prefixes, no start/finish). */
    public void write(Report report, StreamRDF out) {
        for (Stage stage : stages) {
            stage.write(report, out);
        }
    }

    /** The prefixes of the published graph, for readable Turtle (the one map of {@link Prefixes}). */
    public static void writePrefixes(StreamRDF out) {
        Prefixes.writeTo(out);
    }
}
