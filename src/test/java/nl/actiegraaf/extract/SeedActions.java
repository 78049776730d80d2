package nl.actiegraaf.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import nl.actiegraaf.report.ReportAction;
import nl.actiegraaf.report.ReportReader;

/** Test fixture: the real actions of the seed report, read once with the project's parser. */
final class SeedActions {
    static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");
    /** The report's date as inferred from its text (asserted in ReportDateInferenceTest). */
    static final LocalDate REPORT_DATE = LocalDate.of(2021, 6, 25);
    private static List<ReportAction> cache;
    private static String introduction;

    private SeedActions() {
    }

    static synchronized List<ReportAction> all() {
        if (cache == null) {
            var report = new ReportReader().read(SEED);
            cache = report.actions();
            introduction = report.introduction();
        }
        return cache;
    }

    /** The prose between the report's title and its table. */
    static synchronized String introduction() {
        all();
        return introduction;
    }

    /** The debate the introduction dates (19 January 2021), what relative deadlines count from. */
    static Anchor anchor() {
        return Anchor.debateIn(introduction()).orElseThrow();
    }

    static ReportAction action(int number) {
        return all().stream().filter(a -> a.number() == number).findFirst().orElseThrow();
    }
}
