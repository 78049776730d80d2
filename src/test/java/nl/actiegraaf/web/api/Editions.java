package nl.actiegraaf.web.api;

import java.nio.file.Path;

import nl.actiegraaf.testsupport.SeedData;
import nl.actiegraaf.testsupport.TestFacade;

/**
 * The editions the editions tests serve (through {@link SeedData#served}, the one way the tests build the
 * product as {@code serve} runs it): the real seed (June 2021) and the made-up reports under
 * {@code src/test/resources/nl/actiegraaf/editions/} (an October 2021 POK edition, another series).
 */
final class Editions {
    static final Path SEED = SeedData.REPORT;
    static final Path OCTOBER = Path.of("src/test/resources/nl/actiegraaf/editions/stand-van-zaken-pok-2021-10.txt");
    static final Path OTHER_SERIES = Path.of("src/test/resources/nl/actiegraaf/editions/voortgang-herstelreeks-2021.txt");
    /** The series of {@link #OTHER_SERIES}: the slug of its title. */
    static final String OTHER = "voortgangsrapportage-fictieve-herstelreeks";

    private Editions() {
    }

    /** The two POK editions and the other series, not started yet. */
    static TestFacade three() {
        return SeedData.served(SEED, OCTOBER, OTHER_SERIES);
    }
}
