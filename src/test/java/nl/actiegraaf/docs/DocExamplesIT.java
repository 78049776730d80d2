package nl.actiegraaf.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.actiegraaf.link.tk.Finding;
import nl.actiegraaf.link.tk.PageFolder;
import nl.actiegraaf.link.tk.StoreView;
import nl.actiegraaf.link.tk.TkApi;
import nl.actiegraaf.link.tk.TkLinker;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.testsupport.SeedData;
import nl.actiegraaf.testsupport.TestFacade;
import nl.actiegraaf.vocab.Iris;

/**
 * Every example in the docs, run against the real server over HTTP (issue 15): the README's examples
 * marked {@code <!-- example: DATA -->} (SPARQL queries sent to {@code /sparql} as CSV, shell sessions run
 * by bash with curl), their printed output compared with what the server answers; every curated query's
 * examples (the call in its {@code #+ example:} and each parameter's {@code example}) must return data;
 * {@code queries/README.md} lists every query and its example calls return data.
 *
 * <p>The data each example names: {@code seed} is what {@code serve} loads (ontology, registers, the real
 * seed); {@code editions} adds the made-up October edition and the linkset of the made-up TK pages
 * (src/test/resources), which the editions' and votes' examples need.
 */
class DocExamplesIT {
    private static final Path README = Path.of("README.md");
    private static final Path QUERIES = Path.of("queries");
    private static final Path QUERIES_README = QUERIES.resolve("README.md");
    private static final Path OCTOBER = Path.of("src/test/resources/nl/actiegraaf/editions/stand-van-zaken-pok-2021-10.txt");
    private static final Path TK_PAGES = Path.of("src/test/resources/tk/pages");
    /** The base URLs the docs print, replaced by the test server's. */
    private static final Pattern PRINTED_BASE = Pattern.compile("http://(localhost|127\\.0\\.0\\.1):\\d+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, TestFacade> SERVERS = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        SERVERS.put("seed", server(false));
        SERVERS.put("editions", server(true));
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(TestFacade::close);
    }

    private static TestFacade server(boolean editions) {
        List<GraphSource> sources = editions ? SeedData.sources(SeedData.REPORT, OCTOBER) : SeedData.sources(SeedData.REPORT);
        return TestFacade.loadedBy(store -> {
            store.load(sources);
            if (editions) {
                linkTk(store);
            }
        }).queries(QUERIES).ontology(Path.of("ontology/actiegraaf.ttl")).start();
    }

    /** What {@code link tk --pages src/test/resources/tk/pages} loads. */
    private static void linkTk(EmbeddedStore store) {
        List<Finding> findings = new ArrayList<>();
        TkLinker.Outcome outcome = TkLinker.link(StoreView.kamerstukken(store), StoreView.persons(store),
                PageFolder.read(TK_PAGES, findings), findings, TkApi.DEFAULT_BASE);
        store.load(List.of(GraphSource.of(Iris.TK_GRAPH, "TK records from " + TK_PAGES,
                sink -> outcome.graph().find().forEachRemaining(sink::triple))));
    }

    @TestFactory
    Stream<DynamicTest> readmeExamplesAnswerAsPrinted() throws IOException {
        List<DocExamples.Example> examples = DocExamples.read("README.md", Files.readString(README));
        assertTrue(examples.size() >= 10, "the README's marked examples: " + examples.size());
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)));
    }

    private static void check(DocExamples.Example example) throws Exception {
        TestFacade server = SERVERS.get(example.data());
        if (server == null) {
            fail(example.where() + ": no data named '" + example.data() + "' (known: " + SERVERS.keySet() + ")");
        }
        String actual = switch (example.kind()) {
            case SPARQL -> {
                HttpResponse<String> response = server.post("/sparql", "application/x-www-form-urlencoded",
                        "query=" + URLEncoder.encode(example.run(), StandardCharsets.UTF_8), "text/csv");
                assertEquals(200, response.statusCode(), example.where() + ": " + response.body());
                yield response.body();
            }
            case SHELL -> shell(example, server);
        };
        assertTrue(DocExamples.matches(example.printed(), actual),
                example.where() + ": the server's answer is not what the README prints.\nPrinted:\n" + example.printed()
                        + "\nAnswered:\n" + actual);
    }

    /** Runs the command as printed (bash, curl) with the test server's address in place of the printed one. */
    private static String shell(DocExamples.Example example, TestFacade server) throws Exception {
        String command = PRINTED_BASE.matcher(example.run()).replaceAll(Matcher.quoteReplacement(
                "http://127.0.0.1:" + server.port()));
        assertTrue(command.startsWith("curl "), example.where() + ": a served example is a curl command: " + command);
        Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), example.where() + ": still running after 60 s");
        assertEquals(0, process.exitValue(), example.where() + ": exit " + process.exitValue() + ": " + output);
        return output;
    }

    /** Each curated query's example call, and each parameter's example on its own, returns data. */
    @TestFactory
    Stream<DynamicTest> everyCuratedExampleReturnsData() throws IOException {
        TestFacade server = SERVERS.get("editions");
        JsonNode listing = JSON.readTree(server.get("/api/queries").body());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode query : listing) {
            String name = query.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name + ": " + query.path("example").asText(),
                    () -> assertReturnsData(server, query.path("example").asText())));
            StringBuilder required = new StringBuilder();
            for (JsonNode p : query.path("parameters")) {
                if (p.path("required").asBoolean()) {
                    required.append('&').append(p.path("name").asText()).append('=')
                            .append(URLEncoder.encode(p.path("example").asText(), StandardCharsets.UTF_8));
                }
            }
            for (JsonNode p : query.path("parameters")) {
                if (p.path("example").isNull() || p.path("required").asBoolean()) {
                    continue;
                }
                String call = "/api/queries/" + name + "?" + p.path("name").asText() + "="
                        + URLEncoder.encode(p.path("example").asText(), StandardCharsets.UTF_8) + required;
                tests.add(DynamicTest.dynamicTest(name + " parameter " + p.path("name").asText() + ": " + call,
                        () -> assertReturnsData(server, call)));
            }
        }
        return tests.stream();
    }

    private static void assertReturnsData(TestFacade server, String call) throws IOException {
        HttpResponse<String> response = server.get(call);
        assertEquals(200, response.statusCode(), call + ": " + response.body());
        JsonNode body = JSON.readTree(response.body());
        int size = body.isArray() ? body.size() : body.path("nodes").size();
        assertTrue(size > 0, call + " returns no data: an example must show what the query gives");
    }

    /** queries/README.md's table lists exactly the query files. */
    @Test
    void queriesReadmeListsEveryQuery() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(QUERIES)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).forEach(files::add);
        }
        TreeSet<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+\\.rq)` \\|").matcher(Files.readString(QUERIES_README));
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertEquals(files, listed, "queries/README.md's table of queries");
    }

    /** The calls the two READMEs write in backticks (`tellingen?per=organisatie`) are answered with data. */
    @TestFactory
    Stream<DynamicTest> callsNamedInTheTextReturnData() throws IOException {
        TestFacade server = SERVERS.get("editions");
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> list = Files.list(QUERIES)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 3)));
        }
        Pattern call = Pattern.compile("`(?:/api/queries/)?([a-z-]+)(?:\\.csv)?\\?([^`\\s]+)`");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : List.of(README, QUERIES_README)) {
            Matcher m = call.matcher(Files.readString(file));
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    continue;
                }
                String path = "/api/queries/" + m.group(1) + "?" + m.group(2);
                tests.add(DynamicTest.dynamicTest(file + ": " + path, () -> assertReturnsData(server, path)));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }
}
