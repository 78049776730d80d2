package nl.actiegraaf.cli;

import nl.actiegraaf.vocab.AG;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.report.Seed;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code convert} command through the real entry point, {@link Main}. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code actiegraaf ARGS} in this JVM as {@link Main#main} does, minus the System.exit. */
    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(args);
        } finally {
            System.setOut(originalOut);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private static long actions(DatasetGraph dataset) {
        Node type = org.apache.jena.sparql.graph.NodeConst.nodeRDFType;
        Node actie = nl.actiegraaf.vocab.AG.Actie;
        return dataset.stream(Node.ANY, Node.ANY, type, actie).count();
    }

    @Test
    void turtleToStandardOutputByDefault() {
        Run run = run("convert", Seed.FILE.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFDataMgr.read(dataset, new ByteArrayInputStream(run.stdout().getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
        assertEquals(86, actions(dataset));
        assertFalse(run.stdout().contains("<p>"), "no tags in the output");
    }

    @ParameterizedTest
    @CsvSource({"graaf.ttl", "graaf.trig", "graaf.nt", "graaf.nq", "graaf.jsonld", "graaf.rdf"})
    void formatFollowsTheExtensionAndReadsBackInJenaAndRdf4j(String name) throws IOException {
        Path output = dir.resolve(name);
        Run run = run("convert", Seed.FILE.toString(), "-o", output.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        Lang lang = RDFLanguages.filenameToLang(name);
        boolean quads = lang.equals(Lang.TRIG) || lang.equals(Lang.NQUADS);
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFDataMgr.read(dataset, output.toString(), lang);
        assertEquals(86, actions(dataset), name);
        if (quads) {
            // Each report in its own graph, and beside it the current state of its series, as a store derives it.
            assertEquals(List.of("https://w3id.org/actiegraaf/graph/actueel/pok",
                            "https://w3id.org/actiegraaf/graph/rapport/stand-van-zaken-pok-2021"),
                    org.apache.jena.atlas.iterator.Iter.toList(dataset.listGraphNodes()).stream().map(Node::getURI).sorted().toList(),
                    "each report in its own graph");
        }
        // a second toolkit reads the same number of statements
        RDFFormat rio = Rio.getParserFormatForFileName(name).orElseThrow();
        try (var in = Files.newInputStream(output)) {
            Model model = Rio.parse(in, "", rio);
            long jenaCount = quads ? dataset.stream().count() : dataset.getDefaultGraph().size();
            assertEquals(jenaCount, model.size(), name);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(output), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void formatOptionOverridesTheExtension() throws IOException {
        Path output = dir.resolve("graaf.txt");
        Run run = run("convert", Seed.FILE.toString(), "-o", output.toString(), "--format", "nt");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(Files.readAllLines(output).get(0).startsWith("<https://w3id.org/actiegraaf/id/rapport/"));
    }

    @Test
    void severalReportsAtOnce() throws IOException {
        Path second = dir.resolve("tweede.txt");
        Files.writeString(second, "Tweede rapport\n\nActie\tOmschrijving\tStand van Zaken\nOVERIG\t\t\n1.\tEen actie\tLoopt\n");
        Path output = dir.resolve("beide.trig");
        Run run = run("convert", Seed.FILE.toString(), second.toString(), "-o", output.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        DatasetGraph dataset = RDFDataMgr.loadDatasetGraph(output.toString());
        // two reports of two series: two report graphs and two current-state graphs
        assertEquals(4, org.apache.jena.atlas.iterator.Iter.count(dataset.listGraphNodes()));
        assertTrue(dataset.stream().anyMatch(q -> q.getObject().isLiteral()
                && q.getObject().getLiteralLexicalForm().equals("Tweede rapport")), "title from the first line");
    }

    @Test
    void badInputIsOneLineOnStandardErrorAndExitCodeTwo() throws IOException {
        Path empty = Files.createFile(dir.resolve("leeg.txt"));
        Path binary = Files.write(dir.resolve("binair.txt"), new byte[] {'1', '.', 0, 1, 2});
        Path noTable = Files.writeString(dir.resolve("brief.txt"), "Geachte voorzitter,\nHierbij.\n");
        Path twice = Files.writeString(dir.resolve("dubbel.txt"), "1.\ta\tb\n2.\tc\td\n1.\te\tf\n");
        Path missing = dir.resolve("bestaat-niet.txt");
        List<String> expected = List.of(
                empty + ": the file is empty",
                binary + ":1: binary data (a NUL byte), not a text report",
                noTable + ": no action table found: no row starts with an action number (expected rows like \"1.<TAB>omschrijving<TAB>stand van zaken\")",
                twice + ":3: action 1 appears twice, on line 1 and on line 3",
                missing + ": no such file");
        List<String> actual = new ArrayList<>();
        for (Path bad : List.of(empty, binary, noTable, twice, missing)) {
            Run run = run("convert", bad.toString());
            assertEquals(2, run.exitCode(), bad.toString());
            assertEquals("", run.stdout(), "nothing written for " + bad);
            actual.add(run.stderr().stripTrailing());
        }
        assertEquals(expected, actual);
    }

    @Test
    void aFailedConversionLeavesAnExistingOutputUntouched() throws IOException {
        Path output = Files.writeString(dir.resolve("graaf.ttl"), "# the previous graph\n");
        Path empty = Files.createFile(dir.resolve("leeg.txt"));
        Run run = run("convert", Seed.FILE.toString(), empty.toString(), "-o", output.toString());
        assertEquals(2, run.exitCode());
        assertEquals("# the previous graph\n", Files.readString(output));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void unknownExtensionOrFormatIsAUsageError() {
        Run byExtension = run("convert", Seed.FILE.toString(), "-o", dir.resolve("graaf.docx").toString());
        assertEquals(2, byExtension.exitCode());
        assertTrue(byExtension.stderr().contains("graaf.docx: unknown extension"), byExtension.stderr());
        Run byOption = run("convert", Seed.FILE.toString(), "--format", "docx");
        assertEquals(2, byOption.exitCode());
        assertTrue(byOption.stderr().contains("--format"), byOption.stderr());
    }

    /** The shell sees what a user sees: java's own exit code, and no stack trace. */
    @Test
    void aSeparateProcessExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Path empty = Files.createFile(dir.resolve("leeg.txt"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "convert", empty.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals(empty + ": the file is empty\n", stderr.replace("\r\n", "\n"));
    }

    private static Process separate(ProcessBuilder.Redirect stdout, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout).start();
    }

    /** {@code convert > /dev/full}: System.out swallows the error; convert must not (it used to exit 0 with a cut file). */
    @Test
    @Timeout(120)
    void standardOutputOnAFullDiskExitsTwoWithOneLine() throws Exception {
        Process process = separate(ProcessBuilder.Redirect.to(new java.io.File("/dev/full")), "convert", Seed.FILE.toString());
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), stderr);
        assertEquals("cannot write: standard output: write failed (disk full, or the reader went away)\n", stderr);
    }

    /** A device as output is written as it is: never replaced by a file, never a temporary file in /dev. */
    @ParameterizedTest
    @CsvSource({"ttl", "jsonld", "rdf", "nq"})
    void outputToAFullDeviceIsOneLineAndTheDeviceStays(String format) throws IOException {
        Run run = run("convert", Seed.FILE.toString(), "--format", format, "-o", "/dev/full");
        assertEquals(2, run.exitCode());
        assertEquals("/dev/full: cannot write: No space left on device\n", run.stderr());
        assertFalse(Files.isRegularFile(Path.of("/dev/full")), "/dev/full is still a device");
        try (var files = Files.list(Path.of("/dev"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".full")), "no temporary file in /dev");
        }
    }

    /**
     * A disk that fills up while the output is written, simulated by a file size limit on the process
     * ({@code ulimit -f}; the JVM ignores SIGXFSZ, so the write fails as on a full disk): exit 2, one
     * line, the previous output untouched and no cut or temporary file left.
     */
    /** {@code convert -o} in a real process under a set umask: the file gets 0666 less the umask, as any new file. */
    @ParameterizedTest
    @CsvSource({"022, rw-r--r--", "027, rw-r-----", "077, rw-------", "002, rw-rw-r--"})
    @Timeout(120)
    void theWrittenFileFollowsTheUmask(String umask, String permissions) throws Exception {
        Path output = dir.resolve("graaf-" + umask + ".ttl");
        Process process = underUmask(umask, "convert", Seed.FILE.toString(), "-o", output.toString());
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), stderr);
        assertEquals(permissions, java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    /** Replacing a file keeps the permissions its owner set, whatever the umask. */
    @Test
    @Timeout(120)
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path output = Files.writeString(dir.resolve("graaf.ttl"), "# the previous graph\n");
        Files.setPosixFilePermissions(output, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Process process = underUmask("022", "convert", Seed.FILE.toString(), "-o", output.toString());
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), stderr);
        assertTrue(Files.readString(output).contains("ag:Actie"));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    }

    private static Process underUmask(String umask, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("bash", "-c", "umask " + umask + "; exec \"$@\"", "bash",
                java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    @Timeout(120)
    void aDiskThatFillsUpLeavesNoCutFile() throws Exception {
        Path output = Files.writeString(dir.resolve("graaf.ttl"), "# the previous graph\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("bash", "-c", "ulimit -f 8; exec \"$@\"", "bash",
                java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "convert", Seed.FILE.toString(), "-o", output.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), stderr);
        assertEquals(output + ": cannot write: File too large\n", stderr);
        assertEquals("# the previous graph\n", Files.readString(output));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    /**
     * Input that is not a regular file: a FIFO would block the reader forever, and /dev/zero and
     * /dev/urandom report size 0 but never end (they used to be read until OutOfMemoryError).
     * The timeout only turns a regression (a hang) into a failure.
     */
    @Test
    @Timeout(60)
    void aFifoOrADeviceIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("rapport.txt");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path zero = Files.createSymbolicLink(dir.resolve("nul.txt"), Path.of("/dev/zero"));
        for (String input : List.of(fifo.toString(), "/dev/zero", "/dev/urandom", zero.toString())) {
            Run run = run("convert", input);
            assertEquals(2, run.exitCode(), input);
            assertEquals(input + ": not a regular file (a device, pipe or socket); give a file\n", run.stderr());
            assertEquals("", run.stdout());
        }
    }
}
