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

    private SeedActions() {
    }

    static synchronized List<ReportAction> all() {
        if (cache == null) {
            cache = new ReportReader().read(SEED).actions();
        }
        return cache;
    }

    static ReportAction action(int number) {
        return all().stream().filter(a -> a.number() == number).findFirst().orElseThrow();
    }
}
