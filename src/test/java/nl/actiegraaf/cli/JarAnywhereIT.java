package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.actiegraaf.testsupport.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "runs anywhere, speaks plainly": the built jar, started as a process from an empty folder
 * ({@code java -jar /path/actiegraaf.jar serve}), finds its Fuseki configuration, ontology, queries,
 * registers and seed inside itself, serves the 86 actions, prints a few lines a person reads and keeps
 * the libraries' INFO logs to itself; {@code --access-log} brings one line per request.
 */
class JarAnywhereIT {
    private static final Duration START = Duration.ofMinutes(4); // a loaded 2-core machine takes ~40 s
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void servesFromAnEmptyFolderWithTheJarsOwnFilesAndSaysLittle() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("anywhere"));
        Path data = tmp.resolve("data");
        try (ServeProcess serve = ServeProcess.start(empty, tmp.resolve("logs"), START, "--data", data.toString())) {
            assertEquals("86", sparqlCsv(serve, "PREFIX ag: <https://w3id.org/actiegraaf/def#> "
                    + "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a ag:Actie }").get(1), "the seed's 86 actions");
            assertEquals(200, get(serve, "api/queries").statusCode(), "curated queries from the jar");
            assertTrue(get(serve, "api/queries").body().contains("\"deadlines\""), "the jar's queries/deadlines.rq is served");
            assertEquals(200, get(serve, "def").statusCode(), "the jar's ontology at /def");
            assertEquals(0, dockerHealthCheck(serve), "docs/deploy/Dockerfile's HEALTHCHECK command finds it healthy");

            String out = serve.stdout();
            List<String> lines = out.lines().toList();
            assertTrue(lines.size() <= 8, "a few lines a person reads, got " + lines.size() + ":\n" + out);
            assertTrue(out.contains("Facade: " + serve.base()), "says where to browse:\n" + out);
            assertTrue(out.contains("from the jar"), "says where the files came from:\n" + out);
            assertTrue(out.contains("Ctrl+C"), "says how to stop:\n" + out);
            assertTrue(out.contains("4 graph(s) loaded"), "ontology, two registers and the seed:\n" + out);
            String err = serve.stderr();
            assertFalse(err.contains(" INFO "), "no library INFO logs by default:\n" + err);
            assertFalse(err.contains("\"GET /"), "no access log by default:\n" + err);
            serve.stop();
            assertFalse(serve.alive(), "stopped by SIGTERM");
        }
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "nothing written into the user's working folder");
        }

        // The same store again (kept with --data): now with one line per request.
        try (ServeProcess serve = ServeProcess.start(empty, tmp.resolve("logs"), START, "--data", data.toString(), "--access-log")) {
            assertTrue(serve.stdout().contains("0 graph(s) loaded, 4 unchanged"), serve.stdout());
            assertEquals(200, get(serve, "health?from=JarAnywhereIT").statusCode());
            String err = awaitInStderr(serve, "\"GET /health?from=JarAnywhereIT\" 200");
            assertTrue(err.lines().anyMatch(l -> l.contains("actiegraaf.access") && l.contains("\"GET /health?from=JarAnywhereIT\" 200")), err);
            assertFalse(err.contains("org.eclipse.jetty"), "--access-log alone leaves the libraries quiet:\n" + err);
        }
    }

    @Test
    @Timeout(300)
    void convertsAReportFromAFolderWithoutRegistersWithTheJarsRegisters() throws Exception {
        // The report and its metadata alone, as a user downloads them; the registers come from the jar.
        Path folder = Files.createDirectories(tmp.resolve("report"));
        for (String name : List.of("stand-van-zaken-pok-2021.txt", "stand-van-zaken-pok-2021.meta.properties")) {
            Files.copy(Path.of("seeds", name), folder.resolve(name));
        }
        Process convert = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", ServeProcess.JAR.toString(), "convert", "stand-van-zaken-pok-2021.txt",
                "-o", "graaf.nt").directory(folder.toFile()).redirectErrorStream(true).start();
        String said = new String(convert.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(convert.waitFor(240, java.util.concurrent.TimeUnit.SECONDS), said);
        assertEquals(0, convert.exitValue(), said);
        String triples = Files.readString(folder.resolve("graaf.nt"));
        assertTrue(triples.contains("<https://w3id.org/actiegraaf/id/organisatie/bzk>"),
                "the bodies of the jar's register are recognised (BZK)");
        assertTrue(triples.contains("<https://w3id.org/actiegraaf/id/actie/pok/86>"), "all 86 actions");
    }

    /** Runs the Dockerfile's HEALTHCHECK command (bash, no curl in the JRE image) against this process's port. */
    private static int dockerHealthCheck(ServeProcess serve) throws Exception {
        String healthcheck = DeployFilesTest.instructions().stream().filter(i -> i[0].equals("HEALTHCHECK"))
                .map(i -> i[1]).findFirst().orElseThrow();
        String[] command = DeployFilesTest.jsonArray(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));
        command[command.length - 1] = command[command.length - 1].replace("/7070 ", "/" + serve.base().getPort() + " ");
        Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(check.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the health check ends");
        return check.exitValue();
    }

    private static String awaitInStderr(ServeProcess serve, String text) throws Exception {
        // The request log is written after the answer has gone out; give it a moment, bounded.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!serve.stderr().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling another process's log, not timing anything
        }
        return serve.stderr();
    }

    private static HttpResponse<String> get(ServeProcess serve, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(serve.base().resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> sparqlCsv(ServeProcess serve, String query) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(serve.base().resolve(
                        "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().lines().map(String::strip).toList();
    }
}
