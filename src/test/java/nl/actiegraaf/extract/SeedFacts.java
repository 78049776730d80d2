package nl.actiegraaf.extract;

import java.nio.file.Path;
import java.util.List;

/** Test fixture: the facts the real extractor reads from the whole seed report (computed once). */
final class SeedFacts {
    static final FactExtractor EXTRACTOR = FactExtractor.fromSeeds(Path.of("seeds"));
    private static List<ActionFacts> cache;

    private SeedFacts() {
    }

    static synchronized List<ActionFacts> all() {
        if (cache == null) {
            cache = EXTRACTOR.extract(SeedActions.all(), SeedActions.REPORT_DATE, SeedActions.anchor());
        }
        return cache;
    }

    static ActionFacts of(int action) {
        return all().stream().filter(a -> a.action().number() == action).findFirst().orElseThrow();
    }

    static PersonRegister persons() {
        return PersonRegister.load(Path.of("seeds/kamerleden.ttl"));
    }

    static OrganisationRegister organisations() {
        return OrganisationRegister.load(Path.of("seeds/organisaties.ttl"));
    }
}
