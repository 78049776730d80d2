package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.testsupport.ServeProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's client checks: {@code src/test/python/client_checks.py} (SPARQLWrapper, rdflib and pandas,
 * Debian's packages under Debian's {@code /usr/bin/python3}) against the real {@code serve} of the built
 * jar with the seed, as a researcher's scripts meet it. Every check prints one line; any FAIL fails this
 * test with those lines. Without the packages the test is skipped with a message, except under
 * {@code CI=true}, where {@code .ci/run} installs them and their absence is a failure.
 */
class ClientChecksIT {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("src", "test", "python", "client_checks.py");
    /** The script's exit code when a Debian package is missing. */
    static final int MISSING = 3;
    static final int AT_LEAST = 36;

    @TempDir
    Path tmp;

    @Test
    @Timeout(900)
    void researchersPythonToolsGetWhatTheyExpect() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            missing("Debian's /usr/bin/python3 is not installed");
        }
        // A longer query limit than the default: the row-cap check streams 100,000 rows, and this machine is shared.
        try (ServeProcess serve = ServeProcess.start(Path.of("").toAbsolutePath(), tmp, Duration.ofMinutes(4),
                "--query-timeout", "60")) {
            Process python = new ProcessBuilder(PYTHON.toString(), SCRIPT.toAbsolutePath().toString(), serve.base().toString())
                    .redirectErrorStream(true).start();
            String output;
            try {
                if (!python.waitFor(10, TimeUnit.MINUTES)) {
                    fail("the client checks did not end within 10 minutes: " + new String(python.getInputStream().readNBytes(100_000), StandardCharsets.UTF_8));
                }
                output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                python.destroyForcibly();
            }
            System.out.println(output);
            if (python.exitValue() == MISSING) {
                missing(output.strip());
            }
            List<String> checks = output.lines().filter(l -> l.startsWith("PASS ") || l.startsWith("FAIL ")).toList();
            assertTrue(checks.size() >= AT_LEAST, "at least " + AT_LEAST + " client checks, ran " + checks.size() + ":\n" + output);
            // The names only: each FAIL line with its detail is in the output printed above.
            List<String> failed = checks.stream().filter(l -> l.startsWith("FAIL ")).map(l -> l.substring(5, l.indexOf(':'))).toList();
            assertEquals(List.of(), failed, failed.size() + " of " + checks.size() + " client checks failed (details above)");
            assertEquals(0, python.exitValue(), output);
        }
    }

    private static void missing(String why) {
        String message = why + " (Debian: apt-get install python3 python3-rdflib python3-pandas python3-sparqlwrapper; .ci/run does)";
        if (System.getenv("CI") != null) {
            fail("CI needs the client checks' packages: " + message);
        }
        Assumptions.abort("client checks skipped: " + message);
    }
}
