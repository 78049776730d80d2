package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.testsupport.TestFacade;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Content negotiation and error answers as the clients researchers use see them (issue 15): rdflib's
 * N3 and N-Triples requests, revalidation, one error format, browsers' error pages, the shapes, CORS.
 * Against the real server over the converted seed, with a real HTTP client.
 */
class ConnegIT {
    private static final Path ONTOLOGY = Path.of("ontology/actiegraaf.ttl");
    private static final String GRAPH = "https://w3id.org/actiegraaf/graph/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Chromium sends for a page. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    /** Debian's rdflib: a real N3 parser (it refuses SPARQL-style PREFIX lines, as N3 does). */
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @RegisterExtension
    static final TestFacade web = TestFacade.with(dataset -> {
        ReportConverter.standard().convert(Path.of("seeds/stand-van-zaken-pok-2021.txt"),
                StreamRDFLib.graph(dataset.getGraph(NodeFactory.createURI(GRAPH + "rapport/stand-van-zaken-pok-2021"))));
        RDFParser.source(ONTOLOGY).parse(dataset.getGraph(NodeFactory.createURI(Ontology.GRAPH)));
        RDFParser.source("seeds/organisaties.ttl").parse(dataset.getGraph(NodeFactory.createURI(GRAPH + "organisaties")));
        nl.actiegraaf.store.SeriesGraphs.deriveInto(dataset);
    }).queries(Path.of("queries")).ontology(ONTOLOGY);

    // --- N3 and text/plain -------------------------------------------------------------------

    @Test
    void n3IsAnsweredInAFormAnN3ParserReads() throws Exception {
        for (String path : List.of("/id/actie/pok/12", "/def", "/def/shapes", "/.well-known/void")) {
            HttpResponse<String> n3 = web.get(path, "Accept", "text/n3");
            assertEquals(200, n3.statusCode(), path + ": " + n3.body());
            assertEquals("text/n3", SparqlEndpoint.mediaType(n3.headers().firstValue("Content-Type").orElse("")), path);
            assertTrue(n3.body().contains("@prefix"), path);
            assertFalse(n3.body().lines().anyMatch(line -> line.startsWith("PREFIX")), path + ": SPARQL-style prefixes");
            assertTrue(n3Triples(n3.body()) > 10, path);
        }
        // /sparql (Fuseki's rules: text/n3 is answered as Turtle) writes @prefix too
        HttpResponse<String> construct = web.get("/sparql?query=" + URLEncoder.encode(
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> CONSTRUCT { ?a ag:nummer ?n } WHERE { ?a ag:nummer ?n }",
                StandardCharsets.UTF_8), "Accept", "text/n3");
        assertEquals(200, construct.statusCode(), construct.body());
        assertEquals(86, n3Triples(construct.body()));
    }

    @Test
    void theN3CheckRefusesSparqlStylePrefixes() throws Exception {
        // the parser used above is one that fails on what the issue reported, so the check can fail
        assertEquals(-1, n3Triples("PREFIX ex: <http://example.org/>\nex:a ex:b ex:c .\n"));
        assertEquals(1, n3Triples("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"));
    }

    @Test
    void textPlainIsNTriplesOnEveryRdfRoute() throws Exception {
        for (String path : List.of("/id/actie/pok/12", "/id/kamerstuk/35510-21", "/def", "/def/shapes", "/.well-known/void")) {
            HttpResponse<String> plain = web.get(path, "Accept", "text/plain");
            assertEquals(200, plain.statusCode(), path + ": " + plain.body());
            assertEquals("text/plain", SparqlEndpoint.mediaType(plain.headers().firstValue("Content-Type").orElse("")));
            Model model = Rio.parse(new StringReader(plain.body()), "", RDFFormat.NTRIPLES);
            assertFalse(model.isEmpty(), path);
        }
    }

    @Test
    void theSparqlEndpointReadsAnAcceptHeaderAsAList() throws Exception {
        String select = "/sparql?query=" + URLEncoder.encode("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        String construct = "/sparql?query=" + URLEncoder.encode("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        // SPARQLWrapper's JSON request; a list ranked by q; the first offer refused with q=0.
        List<String[]> cases = List.of(
                new String[] {select, "application/sparql-results+json,application/json,text/javascript,application/javascript",
                        "application/sparql-results+json"},
                new String[] {select, "text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"},
                new String[] {select, "application/sparql-results+xml;q=0, text/csv, */*;q=0.1", "text/csv"},
                new String[] {construct, "application/rdf+xml;q=0.9, application/n-triples", "application/n-triples"},
                new String[] {construct, "application/ld+json, text/turtle;q=0.5", "application/ld+json"});
        for (String[] c : cases) {
            HttpResponse<String> answer = web.get(c[0], "Accept", c[1]);
            assertEquals(200, answer.statusCode(), c[1] + ": " + answer.body());
            assertEquals(c[2], SparqlEndpoint.mediaType(answer.headers().firstValue("Content-Type").orElse("")), c[1]);
        }
    }

    // --- 304 ---------------------------------------------------------------------------------

    @Test
    void notModifiedCarriesNoContentTypeOfItsOwn() throws Exception {
        for (String path : List.of("/api/queries/moties?motie=35510-21", "/openapi.json", "/api/queries")) {
            HttpResponse<String> first = web.get(path);
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = web.get(path, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertTrue(again.headers().firstValue("Content-Type").isEmpty(),
                    path + ": 304 with Content-Type " + again.headers().firstValue("Content-Type"));
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        }
    }

    // --- one error format --------------------------------------------------------------------

    @Test
    void everyApiErrorIsAProblemDocument() throws Exception {
        assertProblem(web.get("/api/queries/moties?motie=35510%2021"), 400, "motie");
        assertProblem(web.get("/api/queries/moties?onbekend=1"), 400, "onbekend");
        assertProblem(web.get("/api/queries/deadlines?limit=nul"), 400, "limit");
        assertProblem(web.get("/sparql"), 400, "query");
        assertProblem(web.get("/sparql?query=SELEC"), 400, "query");
        assertProblem(web.get("/sparql?query=ASK%7B%7D&timeout=-1"), 400, "timeout");
        assertProblem(web.get("/id/actie/pok/12?format=docx"), 400, "format");

        assertProblem(web.get("/id/actie/pok/999"), 404, null);
        assertProblem(web.get("/api/queries/bestaat-niet"), 404, null);
        assertProblem(web.get("/nergens"), 404, null);
        assertProblem(web.get("/download/alles.zip"), 404, null);

        HttpResponse<String> delete = send(HttpRequest.newBuilder(web.uri("/sparql"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(delete, 405, null);
        assertEquals("GET, HEAD, POST, OPTIONS", delete.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> put = send(HttpRequest.newBuilder(web.uri("/id/actie/pok/12"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build());
        assertProblem(put, 405, null);
        assertEquals("GET, HEAD, OPTIONS", put.headers().firstValue("Allow").orElse(""));

        assertProblem(web.get("/id/actie/pok/12", "Accept", "image/png"), 406, null);
        assertProblem(web.get("/def", "Accept", "application/pdf"), 406, null);
        // (/sparql keeps Fuseki's rule, which the W3C protocol tests expect: an unmatched Accept gets the default format)

        // Refused by Jetty before any route: the same format
        HttpResponse<String> badUri = web.get("/id/%00");
        assertTrue(badUri.statusCode() == 400 || badUri.statusCode() == 404, badUri.body());
        assertProblem(badUri, badUri.statusCode(), null);
    }

    @Test
    void aBrowserGetsAnHtmlErrorPageWithTheSitesNavigation() throws Exception {
        for (String path : List.of("/id/actie/pok/999", "/nergens", "/api/queries/bestaat-niet")) {
            HttpResponse<String> page = web.get(path, "Accept", BROWSER);
            assertEquals(404, page.statusCode(), path);
            assertEquals("text/html", SparqlEndpoint.mediaType(page.headers().firstValue("Content-Type").orElse("")));
            String html = page.body();
            assertTrue(html.startsWith("<!DOCTYPE html>"), html);
            assertTrue(html.contains("<title>404 Not Found"), html);
            assertTrue(html.contains("<nav"), "the site's navigation: " + html);
            assertTrue(html.contains("href=\"/\""), "a way back to the site: " + html);
            assertTrue(html.contains("/assets/actiegraaf.css"), "the site's look");
        }
        HttpResponse<String> bad = web.get("/api/queries/moties?motie=35510%2021", "Accept", BROWSER);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("<h1>400 Bad Request</h1>"), bad.body());
        assertTrue(bad.body().contains("parameter &#39;motie&#39;"), "the detail, escaped: " + bad.body());
        // a script asking for anything gets the document, not the page
        assertProblem(web.get("/nergens", "Accept", "*/*"), 404, null);
    }

    // --- /def/shapes -------------------------------------------------------------------------

    @Test
    void theShapesTheOntologyLinksToAreServed() throws Exception {
        HttpResponse<String> ontology = web.get("/def", "Accept", "text/turtle");
        assertTrue(ontology.body().contains("<https://w3id.org/actiegraaf/def/shapes>"), "the ontology links them");
        HttpResponse<String> turtle = web.get("/def/shapes", "Accept", "text/turtle");
        assertEquals(200, turtle.statusCode());
        Model shapes = Rio4j.parse(turtle);
        var vf = org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance();
        long nodeShapes = shapes.filter(null, org.eclipse.rdf4j.model.vocabulary.RDF.TYPE,
                vf.createIRI("http://www.w3.org/ns/shacl#NodeShape")).size();
        long inFile = Files.readAllLines(Path.of("ontology/shapes.ttl")).stream().filter(l -> l.contains("sh:NodeShape")).count();
        assertEquals(inFile, nodeShapes);
        Rio4j.parse(web.get("/def/shapes", "Accept", "application/ld+json"));
        Rio4j.parse(web.get("/def/shapes?format=rdf"));
        String html = web.get("/def/shapes", "Accept", BROWSER).body();
        assertTrue(html.contains("ActieShape"), html);
        assertTrue(html.contains("href=\"/def#Actie\""), html);
    }

    // --- CORS --------------------------------------------------------------------------------

    @Test
    void aPreflightIsToldOnlyThePathsMethodsAndHowLongToKeepThat() throws Exception {
        HttpResponse<String> sparql = preflight("/sparql", "POST");
        assertEquals(204, sparql.statusCode());
        assertEquals("*", sparql.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("GET, HEAD, POST, OPTIONS", sparql.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
        assertEquals("86400", sparql.headers().firstValue("Access-Control-Max-Age").orElse(""));
        assertTrue(sparql.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
        assertTrue(sparql.headers().firstValue("Content-Type").isEmpty());

        HttpResponse<String> resource = preflight("/id/actie/pok/12", "PUT");
        assertEquals("GET, HEAD, OPTIONS", resource.headers().firstValue("Access-Control-Allow-Methods").orElse(""),
                "PUT is asked for, never echoed");
        assertEquals("GET, HEAD, OPTIONS", preflight("/api/queries/moties", "DELETE").headers()
                .firstValue("Access-Control-Allow-Methods").orElse(""));
        assertProblem(preflight("/nergens", "GET"), 404, null);

        HttpResponse<String> answer = web.get("/api/queries/moties?motie=35510-21", "Origin", "https://elders.example");
        assertEquals("*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(answer.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Link"));
    }

    private static HttpResponse<String> preflight(String path, String method) throws Exception {
        return send(HttpRequest.newBuilder(web.uri(path)).timeout(Duration.ofSeconds(20))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elders.example")
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type").build());
    }

    // --- helpers -----------------------------------------------------------------------------

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return web.client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An RFC 9457 problem with this status, naming {@code parameter} (or none). */
    static void assertProblem(HttpResponse<String> response, int status, String parameter) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json",
                SparqlEndpoint.mediaType(response.headers().firstValue("Content-Type").orElse("")), response.body());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("about:blank", problem.path("type").asText(), response.body());
        assertEquals(status, problem.path("status").asInt(), response.body());
        assertFalse(problem.path("title").asText().isBlank(), response.body());
        String detail = problem.path("detail").asText();
        assertFalse(detail.isBlank(), response.body());
        assertEquals(1, detail.lines().count(), response.body());
        assertFalse(detail.contains("Exception"), "no internals: " + response.body());
        if (parameter == null) {
            assertTrue(problem.path("parameter").isMissingNode(), response.body());
        } else {
            assertEquals(parameter, problem.path("parameter").asText(), response.body());
        }
    }

    /**
     * Triples rdflib's N3 parser reads from {@code text}; -1 when it refuses it. Skipped where Debian's
     * python3-rdflib is not installed, except under CI=true (as the browser tests).
     */
    static int n3Triples(String text) throws Exception {
        boolean available = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import rdflib")
                .redirectErrorStream(true).start().waitFor() == 0;
        if (!available) {
            assertFalse("true".equals(System.getenv("CI")), "CI=true: Debian's python3-rdflib must be installed");
            Assumptions.abort("Debian's python3-rdflib is not installed: no N3 parser to check with");
        }
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", String.join("\n",
                "import sys, rdflib",
                "g = rdflib.Graph()",
                "try:",
                "    g.parse(data=sys.stdin.read(), format='n3')",
                "except Exception as e:",
                "    print(-1); sys.stderr.write(str(e)); sys.exit(0)",
                "print(len(g))")).start();
        try (var in = python.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        assertNotNull(out);
        return Integer.parseInt(out);
    }
}
