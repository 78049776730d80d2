package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.actiegraaf.store.EmbeddedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandIT {
    @TempDir
    Path tmp;

    @Test
    void loadsThenTellsWhereTheFacadeIsAndItsSparqlEndpointAnswers() throws Exception {
        Path file = Files.writeString(tmp.resolve("testorganisaties.ttl"),
                "<https://w3id.org/actiegraaf/id/organisatie/test-bzk> <http://www.w3.org/2000/01/rdf-schema#label> \"Ministerie van BZK\"@nl .");
        StringWriter printed = new StringWriter();
        ServeCommand serve = parse("serve", "--data", tmp.resolve("data").toString(), "--port", "0", file.toString());

        try (ServeCommand.Running running = serve.start(new PrintWriter(printed))) {
            Matcher endpoint = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/").matcher(printed.toString());
            assertTrue(endpoint.find(), printed.toString());
            int expected = 1 + Sources.standardGraphs().size(); // the file, plus ontology and registers present in this checkout
            assertTrue(printed.toString().contains(expected + " graph(s) loaded"), printed.toString());
            assertTrue(printed.toString().contains("Store: embedded, data in "), printed.toString());

            String query = "SELECT ?l { <https://w3id.org/actiegraaf/id/organisatie/test-bzk> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint.group(1) + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("l\r\nMinisterie van BZK\r\n", response.body());
        }
    }

    @Test
    void withoutDataTheTemporaryStoreIsGoneAfterStop() throws Exception {
        Path file = Files.writeString(tmp.resolve("x.ttl"), "<https://e.org/a> <https://e.org/p> 1 .");
        ServeCommand serve = parse("serve", "--port", "0", file.toString());
        ServeCommand.Running running = serve.start(new PrintWriter(new StringWriter()));
        Path dir = ((EmbeddedStore) running.store()).dataDir();
        assertTrue(Files.isDirectory(dir.resolve("tdb2")));
        running.close();
        assertFalse(Files.exists(dir));
    }

    @Test
    void aBadReportStopsServeWithOneLineAndExitTwo() throws Exception {
        Path broken = Files.writeString(tmp.resolve("kapot.ttl"), "<https://e.org/a> <https://e.org/p> .");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("serve", "--port", "0", broken.toString());
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("actiegraaf serve: " + broken + ":1:"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void aQueryTimeoutUnderOneSecondIsRefusedBeforeAnythingLoads() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("serve", "--port", "0", "--query-timeout", "0");
        assertEquals(2, code);
        assertEquals("actiegraaf serve: --query-timeout must be at least 1 second", err.toString().strip());
    }

    private static ServeCommand parse(String... args) {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (ServeCommand) parsed.subcommand().commandSpec().userObject();
    }
}
