package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.actiegraaf.report.Seed;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.vocab.Iris;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real {@code load} process ({@code java -jar target/actiegraaf.jar load}, a JVM of its own)
 * with {@code kill -9} at random moments of loads that alternate between two versions of the data,
 * at least {@value #KILLS} times. After every kill the store is opened again as {@code serve} opens it
 * and queried over HTTP: each graph holds entirely the old or entirely the new version (action count
 * and a hash of its content), never one graph of each; the Lucene text index agrees with TDB2.
 * Also: a killed {@code convert} never leaves a half output file under the output's name.
 *
 * <p>Bounded: the loop stops after {@value #KILLS} kills or {@link #TIME_BOUND}, whichever comes
 * first, and fails if the bound came first with fewer than {@value #KILLS} kills.
 */
class LoadCrashIT {
    private static final int KILLS = 20;
    private static final Duration TIME_BOUND = Duration.ofMinutes(6);
    private static final String REPORT_GRAPH = Iris.reportGraph("stand-van-zaken-pok-2021");
    private static final String EXTRA_GRAPH = Iris.GRAPH + "crashtest";
    /** Labels of the extra graph, enough to keep Lucene busy while the load commits. */
    private static final int LABELS = 4000;

    @TempDir
    Path dir;

    /** Replay a run with -Dcrash.seed=N (the seed is printed). */
    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @Test
    void killedLoadsLeaveEitherTheOldOrTheNewDataAndTheStoreStarts() throws Exception {
        Path data = dir.resolve("data");
        Version a = version("a", "alfamerk", Seed.text());
        Version b = version("b", "bravomerk", firstActions(43));

        // The two states, each from a load that ran to the end; also calibrates how long a load takes.
        long started = System.nanoTime();
        assertEquals(0, load(data, a).waitFor(), "a clean load of version a");
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        State stateA = inspect(data);
        assertEquals(86, stateA.actions());
        started = System.nanoTime();
        assertEquals(0, load(data, b).waitFor(), "a clean load of version b");
        loadMillis = Math.max(loadMillis, (System.nanoTime() - started) / 1_000_000);
        State stateB = inspect(data);
        assertEquals(43, stateB.actions());
        assertFalse(stateA.equals(stateB));

        State current = stateB;
        int kills = 0;
        int completed = 0;
        int landedOnOld = 0;
        int landedOnNew = 0;
        List<String> log = new ArrayList<>();
        long deadline = System.nanoTime() + TIME_BOUND.toNanos();
        while (kills < KILLS && System.nanoTime() < deadline) {
            Version next = current.equals(stateA) ? b : a;
            State expectedNew = next == a ? stateA : stateB;
            // Up to a bit past the longest clean load: most kills land inside the load, some loads finish.
            long delay = (long) (random.nextDouble() * loadMillis * 1.3);
            Process process = load(data, next);
            boolean finished = process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                process.waitFor();
                kills++;
            } else {
                assertEquals(0, process.exitValue(), "an unkilled load succeeds");
                completed++;
            }
            State after = inspect(data);
            if (after.equals(current)) {
                landedOnOld++;
            } else if (after.equals(expectedNew)) {
                landedOnNew++;
            } else {
                fail("after " + (finished ? "a finished load" : "a kill at " + delay + " ms")
                        + " the store holds neither version: " + after + "\nold: " + current + "\nnew: " + expectedNew);
            }
            log.add((finished ? "done " : "kill ") + delay + "ms -> " + (after.equals(current) ? "old" : "new"));
            current = after;
        }
        System.out.printf("LoadCrashIT (crash.seed=" + seed + "): a load takes %d ms; %d kills, %d loads finished before their kill;"
                        + " after a kill or finish: %d old, %d new, 0 mixed%n  %s%n",
                loadMillis, kills, completed, landedOnOld, landedOnNew, String.join(", ", log));
        assertTrue(kills >= KILLS, "only " + kills + " kills within " + TIME_BOUND);
        assertTrue(landedOnOld > 0 && landedOnNew > 0, "both outcomes were seen and checked: " + log);
    }

    @Test
    void aKilledConvertNeverLeavesAHalfOutputFile() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("out"));
        Path out = outDir.resolve("rapport.nt");
        Process first = cli("convert", Seed.FILE.toAbsolutePath().toString(), "-o", out.toString());
        assertEquals(0, first.waitFor());
        byte[] whole = Files.readAllBytes(out);
        assertTrue(whole.length > 10_000);
        long started = System.nanoTime();
        Files.delete(out);
        assertEquals(0, cli("convert", Seed.FILE.toAbsolutePath().toString(), "-o", out.toString()).waitFor());
        long convertMillis = (System.nanoTime() - started) / 1_000_000;
        int kills = 0;
        for (int round = 0; round < 10; round++) {
            if (round % 2 == 0) {
                Files.deleteIfExists(out); // half the rounds start without an output file
            }
            Process process = cli("convert", Seed.FILE.toAbsolutePath().toString(), "-o", out.toString());
            if (!process.waitFor((long) (random.nextDouble() * convertMillis), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                kills++;
            }
            if (Files.exists(out)) {
                assertArrayEquals(whole, Files.readAllBytes(out), "round " + round + ": the output is whole");
            }
        }
        try (Stream<Path> files = Files.list(outDir)) {
            // Left-overs of a kill may exist, but only under a temporary name, never the output's.
            files.filter(f -> !f.equals(out))
                    .forEach(f -> assertTrue(f.getFileName().toString().matches("\\.rapport\\.nt.*\\.part"), f.toString()));
        }
        assertTrue(kills > 0, "at least one convert was killed");
    }

    // ---- the two versions of the data -----------------------------------------------------------

    /** A report file (with its metadata) and an RDF file for the extra graph, in a directory of their own. */
    private record Version(String name, Path report, Path extra) {
    }

    private Version version(String name, String mark, String reportText) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path report = home.resolve(Seed.FILE.getFileName());
        Files.writeString(report, reportText, StandardCharsets.UTF_8);
        Files.copy(Seed.FILE.resolveSibling("stand-van-zaken-pok-2021.meta.properties"),
                home.resolve("stand-van-zaken-pok-2021.meta.properties"));
        StringBuilder ttl = new StringBuilder("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n");
        for (int i = 0; i < LABELS; i++) {
            ttl.append("<urn:crashtest:").append(i).append("> rdfs:label \"").append(mark).append(' ').append(i)
                    .append("\"@nl ; rdfs:comment \"").append(name).append(" ").append(i).append("\" .\n");
        }
        Path extra = home.resolve("extra.ttl");
        Files.writeString(extra, ttl, StandardCharsets.UTF_8);
        return new Version(name, report, extra);
    }

    /** The seed up to (not including) action {@code n + 1}: a shorter report with the same id. */
    private static String firstActions(int n) {
        StringBuilder out = new StringBuilder();
        for (String line : Seed.text().lines().toList()) {
            if (line.startsWith((n + 1) + ".\t")) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    // ---- what the store holds -------------------------------------------------------------------

    /** Per graph: action count and content hash; and the text index against TDB2 for both marks. */
    private record State(long actions, String reportHash, String extraHash, long alfa, long bravo) {
    }

    /** Opens the store as serve does (repairing the index if a commit was cut), starts its HTTP server, reads over HTTP. */
    private static State inspect(Path data) throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data).start()) {
            String endpoint = store.service().query().toString();
            long actions = count(endpoint, "SELECT (COUNT(*) AS ?n) { GRAPH <" + REPORT_GRAPH + "> { ?a a <https://w3id.org/actiegraaf/def#Actie> } }");
            long alfa = agreeingTextCount(endpoint, "alfamerk");
            long bravo = agreeingTextCount(endpoint, "bravomerk");
            assertTrue(alfa == 0 || bravo == 0, "one version of the extra graph at a time: " + alfa + " " + bravo);
            return new State(actions, hash(endpoint, REPORT_GRAPH), hash(endpoint, EXTRA_GRAPH), alfa, bravo);
        }
    }

    /** Hits of the Lucene index for a word, checked against the labels TDB2 holds with it. */
    private static long agreeingTextCount(String endpoint, String word) {
        long inIndex = count(endpoint, "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s text:query (rdfs:label \"" + word + "\" 100000) }");
        long inTdb = count(endpoint, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s rdfs:label ?l FILTER(CONTAINS(STR(?l), \"" + word + "\")) } }");
        assertEquals(inTdb, inIndex, "text index and TDB2 agree on \"" + word + "\"");
        assertTrue(inTdb == 0 || inTdb == LABELS, "all or none of the labels: " + inTdb);
        return inIndex;
    }

    private static long count(String endpoint, String query) {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
            QuerySolution row = qe.execSelect().next();
            assertNotNull(row.get("n"), query);
            return row.getLiteral("n").getLong();
        }
    }

    /** SHA-256 of the graph's triples as sorted N-Triples lines (no blank nodes in these graphs). */
    private static String hash(String endpoint, String graph) throws Exception {
        try (QueryExecution qe = QueryExecutionHTTP.service(endpoint)
                .query("CONSTRUCT { ?s ?p ?o } { GRAPH <" + graph + "> { ?s ?p ?o } }").build()) {
            ByteArrayOutputStream nt = new ByteArrayOutputStream();
            RDFDataMgr.write(nt, qe.execConstruct().getGraph(), RDFFormat.NTRIPLES);
            List<String> lines = new ArrayList<>(nt.toString(StandardCharsets.UTF_8).lines().toList());
            lines.sort(null);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return lines.size() + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
    }

    // ---- the real processes ---------------------------------------------------------------------

    private Process load(Path data, Version version) throws IOException {
        return cli("load", "--data", data.toString(), "--config", FusekiConfigFile.DEFAULT.toAbsolutePath().toString(),
                "--graph", EXTRA_GRAPH, version.report().toString(), version.extra().toString());
    }

    /** {@code java -jar target/actiegraaf.jar ARGS} in the project directory, output to a log file. */
    private Process cli(String... args) throws IOException {
        Path jar = Path.of("target", "actiegraaf.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before integration tests: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cli.log").toFile()))
                .start();
    }
}
