package nl.actiegraaf.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files Actiegraaf needs to run (the Fuseki configuration, the ontology and shapes, the curated
 * queries, the registers and the seed report), found in one way everywhere: the path a user gives; else
 * the folder of that name in the working directory when it is there (a checkout of the repository, or
 * a deployment that keeps its own copies); else the copy inside the jar. The jar's copies are the
 * repository's top-level folders, packaged by Maven's resources under {@value #ROOT}/ (pom.xml), so the
 * repository holds one copy of each.
 *
 * <p>Jena, Fuseki and the converter read files by path, so the jar's copies are written out once per
 * process into a temporary folder with the repository's layout (a report finds its registers beside
 * it there, as in {@code seeds/}), removed at exit. They are small (~400 KB); the store's source
 * digests name files, not folders, so a kept store sees the same digests from either copy.
 */
public final class Defaults {
    /** The folder in the jar (and on the class path) that holds the copies. */
    public static final String ROOT = "actiegraaf-defaults";

    public static final Path FUSEKI_CONFIG = Path.of("fuseki-config", "actiegraaf.ttl");
    public static final Path ONTOLOGY = Path.of("ontology", "actiegraaf.ttl");
    public static final Path SHAPES = Path.of("ontology", "shapes.ttl");
    public static final Path QUERIES = Path.of("queries");
    public static final Path SEEDS = Path.of("seeds");

    private static Path extracted;

    private Defaults() {
    }

    /** Where a file or folder was found, for the start-up message and errors. */
    public enum Origin {
        GIVEN("given"), WORKING_DIRECTORY("in the working directory"), JAR("the jar's copy");

        private final String words;

        Origin(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** A resolved default: the path to use and where it came from. */
    public record Resolved(Path path, Origin origin) {
    }

    /**
     * {@code given} when not null (used as it is: a missing file is the caller's error to report);
     * else {@code conventional} (a path relative to the working directory, such as {@link #QUERIES})
     * when it exists there; else the jar's copy of it.
     */
    public static Resolved resolve(Path given, Path conventional) {
        if (given != null) {
            return new Resolved(given, Origin.GIVEN);
        }
        if (Files.exists(conventional)) {
            return new Resolved(conventional, Origin.WORKING_DIRECTORY);
        }
        Path copy = bundled().resolve(conventional.toString());
        if (!Files.exists(copy)) {
            // Only a jar built without its resources gets here; say what is missing where.
            throw new IllegalStateException(conventional + ": not in the working directory and not packaged in the jar");
        }
        return new Resolved(copy, Origin.JAR);
    }

    /** {@link #resolve} without a given value: the working directory's copy, else the jar's. */
    public static Path path(Path conventional) {
        return resolve(null, conventional).path();
    }

    /**
     * The folder holding the jar's copies, written out on first use (once per process) and removed
     * at exit. On the class path as a folder (tests, {@code target/classes}) it is used in place.
     */
    public static synchronized Path bundled() {
        if (extracted != null) {
            return extracted;
        }
        URL url = Defaults.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException(ROOT + "/ is missing from the class path: the jar was built without its resources");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                extracted = Path.of(uri);
            } else {
                extracted = extract(uri);
            }
            return extracted;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the jar's default files to a temporary folder: " + e.getMessage(), e);
        }
    }

    private static Path extract(URI inJar) throws IOException {
        Path target = Files.createTempDirectory("actiegraaf-defaults-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(target), "actiegraaf-defaults-cleanup"));
        FileSystem zip = zipOf(inJar);
        Path source = zip.provider().getPath(inJar);
        try (Stream<Path> entries = Files.walk(source)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path to = target.resolve(source.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(entry, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** The jar's zip file system; shared with whoever opened it by URI already (never closed: the class path lives on). */
    private static FileSystem zipOf(URI inJar) throws IOException {
        try {
            return FileSystems.newFileSystem(inJar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(inJar);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is harmless; the exit goes on.
        }
    }
}
