package nl.actiegraaf.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store tests' fixture: a started embedded store with the project's configuration (TDB2 and its text
 * index), kept in the test's temporary folder, new for each test and closed after it. {@link #restart()}
 * closes it and opens the same folder again, as a later run of {@code load} or {@code serve} does.
 */
abstract class KeptStoreFixture {
    @TempDir
    Path tmp;
    EmbeddedStore store;

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The same folder closed and opened again. */
    void restart() {
        store.close();
        store = open();
    }

    private EmbeddedStore open() {
        return EmbeddedStore.open(FusekiConfigFile.DEFAULT, tmp.resolve("data")).start();
    }
}
