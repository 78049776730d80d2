package nl.actiegraaf.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Option, else the working directory's folder, else the packaged copy (here: target/classes, as Maven's resources put it). */
class DefaultsTest {
    @Test
    void aGivenPathIsUsedAsItIsEvenWhenMissing() {
        Path given = Path.of("elsewhere", "queries");
        assertEquals(new Defaults.Resolved(given, Defaults.Origin.GIVEN), Defaults.resolve(given, Defaults.QUERIES));
    }

    @Test
    void theWorkingDirectorysFolderComesBeforeThePackagedCopy() {
        // Tests run in the repository's top level, which has queries/.
        assertEquals(new Defaults.Resolved(Defaults.QUERIES, Defaults.Origin.WORKING_DIRECTORY), Defaults.resolve(null, Defaults.QUERIES));
    }

    @Test
    void everyTopLevelFolderIsPackagedWithTheSameFiles() throws Exception {
        Path bundled = Defaults.bundled();
        for (Path file : new Path[] {Defaults.FUSEKI_CONFIG, Defaults.ONTOLOGY, Defaults.SHAPES,
                Defaults.QUERIES.resolve("deadlines.rq"), Defaults.SEEDS.resolve("organisaties.ttl"),
                Defaults.SEEDS.resolve("kamerleden.ttl"), Defaults.SEEDS.resolve("stand-van-zaken-pok-2021.txt"),
                Defaults.SEEDS.resolve("stand-van-zaken-pok-2021.meta.properties")}) {
            Path copy = bundled.resolve(file.toString());
            assertTrue(Files.isRegularFile(copy), file + " is not packaged under " + Defaults.ROOT);
            assertEquals(-1L, Files.mismatch(file, copy), file + ": the packaged copy differs from the repository's");
        }
    }

    @Test
    void whatIsNeitherHereNorPackagedIsOneClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Defaults.resolve(null, Path.of("no-such-folder")));
        assertEquals("no-such-folder: not in the working directory and not packaged in the jar", e.getMessage());
    }
}
