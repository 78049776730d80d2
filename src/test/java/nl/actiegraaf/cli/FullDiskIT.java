package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.report.Seed;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load} and {@code serve} when the disk fills up, as real processes ({@code java -jar}). A full
 * disk is simulated with a file size limit on the process ({@code ulimit -f}: the JVM ignores SIGXFSZ,
 * so a write past the limit fails with EFBIG just as one on a full disk fails with ENOSPC); a small
 * tmpfs would need a mount, which a test cannot rely on. TDB2 grows its files in 8 MiB steps, so a
 * limit of 8 MiB lets a store open and fails the load that needs the next step.
 */
class FullDiskIT {
    private static final String LIMIT_8_MIB = "8192";

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void aLoadThatFillsTheDiskIsOneLineExitTwoAndTheStoreKeepsItsData() throws Exception {
        Path data = dir.resolve("data");
        CliRun first = CliRun.of("load", "--data", data.toString(), Seed.FILE.toString());
        assertEquals(0, first.code(), first.err());
        List<String> before = content(data);

        // ~10 MB of literals: more node table than the 8 MiB the store's files may have.
        Path big = dir.resolve("groot.nt");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 32_000; i++) {
                out.write("<https://example.org/s" + i + "> <https://example.org/p> \"" + ("tekst " + i + " ").repeat(30) + "\" .\n");
            }
        }
        Process load = limited(LIMIT_8_MIB, "load", "--data", data.toString(), big.toString());
        String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(load.waitFor(300, TimeUnit.SECONDS));
        assertEquals(2, load.exitValue(), output);
        // One line of error; a load that runs over 10 s (a loaded machine) also says every 10 s that it is alive.
        List<String> said = output.strip().lines().filter(l -> !l.startsWith("Loading: ")).toList();
        assertEquals(1, said.size(), output);
        assertTrue(said.get(0).startsWith("actiegraaf load: store: load failed, nothing changed"), output);
        assertTrue(output.strip().endsWith("(File too large)"), "the disk's own reason: " + output);

        assertEquals(before, content(data), "the store holds what it held before the failed load");
    }

    @Test
    @Timeout(300)
    void serveOnAFullDiskIsOneLineExitTwo() throws Exception {
        Process serve = limited("200", "serve", "--data", dir.resolve("data").toString(), "--port", "0");
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(serve.waitFor(240, TimeUnit.SECONDS));
        assertEquals(2, serve.exitValue(), output);
        assertEquals("actiegraaf serve: " + dir.resolve("data") + ": cannot open the store: File too large", output.strip());
    }

    /** The graphs and their sizes, read as serve reads the store. */
    private static List<String> content(Path data) {
        try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, data)) {
            return Txn.calculateRead(store.dataset(), () -> {
                List<String> graphs = new ArrayList<>();
                store.dataset().listGraphNodes().forEachRemaining((Node g) ->
                        graphs.add(g.getURI() + " " + store.dataset().getGraph(g).size()));
                graphs.sort(null);
                return graphs;
            });
        }
    }

    /** {@code java -jar target/actiegraaf.jar ARGS} with a file size limit of {@code kib} KiB, stderr into stdout. */
    private static Process limited(String kib, String... args) throws IOException {
        Path jar = Path.of("target", "actiegraaf.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before integration tests: " + jar);
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + kib + "; exec \"$@\"", "bash",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
