package nl.actiegraaf.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Virtuoso (Debian's {@code virtuoso-opensource}) as a separate process for integration tests: its
 * own {@code virtuoso.ini}, database folder and free SQL and HTTP ports on 127.0.0.1, under
 * {@code target/}; no system service. The SPARQL endpoint's account ({@code SPARQL}) is granted
 * {@code SPARQL_UPDATE} through {@code isql} at start, so the Graph Store Protocol endpoint
 * {@code /sparql-graph-crud} accepts writes (as a deployment that loads through it must do). Close kills
 * the process and removes the folder.
 */
public final class StandaloneVirtuoso implements AutoCloseable {
    public static final Path SERVER = Path.of("/usr/bin/virtuoso-t");
    public static final Path ISQL = Path.of("/usr/bin/isql-vt");

    private final Process process;
    private final Path dir;
    private final int httpPort;

    private StandaloneVirtuoso(Process process, Path dir, int httpPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
    }

    /**
     * Skips the calling test with a message when Virtuoso is not installed; fails it under {@code CI=true}
     * (where {@code .ci/run} installs it), as the browser tests do for Chromium.
     */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(SERVER) && Files.isExecutable(ISQL);
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI needs Debian's virtuoso-opensource (.ci/run installs it)");
        }
        assumeTrue(installed, "virtuoso-opensource is not installed (" + SERVER + "): apt-get install virtuoso-opensource");
    }

    public static StandaloneVirtuoso start() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path dir = Files.createTempDirectory(target, "virtuoso-it-");
        Files.createDirectories(dir.resolve("db"));
        int sqlPort = StandaloneProcess.freePort();
        int httpPort = StandaloneProcess.freePort();
        Files.writeString(dir.resolve("virtuoso.ini"), ini(sqlPort, httpPort));
        Process process = new ProcessBuilder(SERVER.toString(), "+configfile", "virtuoso.ini", "+foreground")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("virtuoso.out").toFile())
                .start();
        StandaloneVirtuoso virtuoso = new StandaloneVirtuoso(process, dir, httpPort);
        try {
            StandaloneProcess.awaitOk(process, URI.create(virtuoso.sparqlUrl() + "?query=ASK%7B%7D"), Duration.ofSeconds(90),
                    "Virtuoso", virtuoso::log);
            virtuoso.isql(sqlPort, "GRANT SPARQL_UPDATE TO \"SPARQL\";");
        } catch (Exception | Error e) {
            virtuoso.close();
            throw e;
        }
        return virtuoso;
    }

    /**
     * The settings that matter here, the rest Virtuoso's defaults: loopback only, a result cap far above the
     * facade's own (the facade caps rows itself), a time limit above the facade's, no gzip (the facade's
     * HTTP client asks for none).
     */
    private static String ini(int sqlPort, int httpPort) {
        return """
                [Database]
                DatabaseFile       = db/virtuoso.db
                ErrorLogFile       = db/virtuoso.log
                LockFile           = db/virtuoso.lck
                TransactionFile    = db/virtuoso.trx
                xa_persistent_file = db/virtuoso.pxa
                ErrorLogLevel      = 7
                FileExtend         = 200
                MaxCheckpointRemap = 2000
                Striping           = 0
                TempStorage        = TempDatabase
                [TempDatabase]
                DatabaseFile       = db/virtuoso-temp.db
                TransactionFile    = db/virtuoso-temp.trx
                MaxCheckpointRemap = 2000
                Striping           = 0
                [Parameters]
                ServerPort         = 127.0.0.1:%d
                DisableUnixSocket  = 1
                MaxClientConnections = 10
                CheckpointInterval = 60
                CaseMode           = 2
                DirsAllowed        = .
                NumberOfBuffers    = 10000
                MaxDirtyBuffers    = 6000
                ThreadsPerQuery    = 2
                MaxSortedTopRows   = 1000000
                [HTTPServer]
                ServerPort         = 127.0.0.1:%d
                ServerRoot         = .
                MaxClientConnections = 10
                ServerThreads      = 10
                Charset            = UTF-8
                EnabledGzipContent = 0
                [SPARQL]
                ResultSetMaxRows           = 1000000
                MaxQueryExecutionTime      = 60
                MaxQueryCostEstimationTime = 400
                """.formatted(sqlPort, httpPort);
    }

    /** The SPARQL query endpoint, {@code http://127.0.0.1:PORT/sparql}. */
    public String sparqlUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** The Graph Store Protocol endpoint, {@code http://127.0.0.1:PORT/sparql-graph-crud}. */
    public String graphStoreUrl() {
        return "http://127.0.0.1:" + httpPort + "/sparql-graph-crud";
    }

    private void isql(int sqlPort, String statements) throws Exception {
        Process isql = new ProcessBuilder(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + statements)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("isql.out").toFile())
                .start();
        if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0
                || Files.readString(dir.resolve("isql.out")).contains("*** Error")) {
            isql.destroyForcibly();
            throw new IllegalStateException("isql " + statements + " failed: " + Files.readString(dir.resolve("isql.out")));
        }
    }

    @Override
    public void close() throws Exception {
        StandaloneProcess.stop(process, Duration.ofSeconds(20), dir);
    }

    private String log() throws IOException {
        Path log = dir.resolve("db").resolve("virtuoso.log");
        return Files.isRegularFile(log) ? Files.readString(log) : Files.readString(dir.resolve("virtuoso.out"));
    }
}
