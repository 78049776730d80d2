package nl.actiegraaf.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A standalone {@code jena-fuseki-server} as a separate process for integration tests, started with
 * the project's {@code fuseki-config/actiegraaf.ttl} in its own temporary directory (where the
 * config's relative data locations land), on a free port of 127.0.0.1. The jar comes from the
 * system property {@code fuseki.server.jar}, which the pom sets for failsafe. Close kills the process
 * and removes the directory.
 */
public final class StandaloneFuseki implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private StandaloneFuseki(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static StandaloneFuseki start() throws Exception {
        String jar = System.getProperty("fuseki.server.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property fuseki.server.jar not set or missing: " + jar);
        }
        Path dir = Files.createTempDirectory("actiegraaf-fuseki-it-");
        int port = StandaloneProcess.freePort();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--localhost", "--port", String.valueOf(port),
                "--config", FusekiConfigFile.DEFAULT.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("fuseki.log").toFile())
                .start();
        StandaloneFuseki fuseki = new StandaloneFuseki(process, dir, port);
        try {
            StandaloneProcess.awaitOk(process, URI.create("http://127.0.0.1:" + port + "/$/ping"), Duration.ofSeconds(180),
                    "Fuseki", () -> Files.readString(dir.resolve("fuseki.log")));
        } catch (Exception | Error e) {
            fuseki.close();
            throw e;
        }
        return fuseki;
    }

    /** The dataset URL, {@code http://127.0.0.1:PORT/actiegraaf}. */
    public String datasetUrl() {
        return "http://127.0.0.1:" + port + "/" + FusekiConfigFile.DATASET;
    }

    /** The working directory of the process (inputs for tests may go here too). */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        StandaloneProcess.stop(process, Duration.ofSeconds(10), dir);
    }
}
