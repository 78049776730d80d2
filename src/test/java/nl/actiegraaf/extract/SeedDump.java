package nl.actiegraaf.extract;

import java.nio.file.Path;
import java.time.LocalDate;

/** Manual inspection aid (not a test): prints every fact of the seed. */
final class SeedDump {
    public static void main(String[] args) {
        FactExtractor x = FactExtractor.fromSeeds(Path.of("seeds"));
        LocalDate date = ReportDateInference.infer(SeedActions.all()).orElseThrow();
        System.out.println("report date " + date);
        for (ActionFacts a : x.extract(SeedActions.all(), date)) {
            System.out.println("== " + a.action().number());
            for (Fact f : a.facts()) {
                String s = f.toString().replaceAll("Evidence\\[text=", "«");
                System.out.println("  " + s.substring(0, Math.min(260, s.length())));
            }
        }
    }
}
