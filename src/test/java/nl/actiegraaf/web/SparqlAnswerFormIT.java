package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.actiegraaf.testsupport.TestFacade;

/**
 * What a client reads from {@code /sparql} (issue 15, silent wrong answers): the row-cap header only on an
 * answer the cap cut, for SELECT and CONSTRUCT, and the {@code format}/{@code output}/{@code results}
 * parameters that tools without an Accept header (pandas) use, each parsed with Jena's reader of that format.
 */
class SparqlAnswerFormIT {
    /** 40 triples: their cross product (1 600 solutions) is over the row cap, each alone under it. */
    private static final int TRIPLES = 40;
    /** A small cap, configured as {@code serve} would, so that a cut answer is quick to make on a busy machine. */
    private static final long CAP = 1000;

    @RegisterExtension
    static final TestFacade web = TestFacade.with(dataset -> {
        for (int i = 0; i < TRIPLES; i++) {
            dataset.add(Quad.create(NodeFactory.createURI("http://t.example/g"), NodeFactory.createURI("http://t.example/s" + i),
                    NodeFactory.createURI("http://t.example/p"), NodeFactory.createLiteralString("o" + i)));
        }
    }).tune(config -> config.withMaxRows(CAP));

    private static final String ALL = "SELECT ?s ?o { ?s <http://t.example/p> ?o }";
    private static final String CROSS = "SELECT ?a ?d { ?a <http://t.example/p> ?b . ?d <http://t.example/p> ?e }";
    private static final String CONSTRUCT_ALL = "CONSTRUCT { ?s <http://t.example/q> ?o } WHERE { ?s <http://t.example/p> ?o }";
    private static final String CONSTRUCT_CROSS = "CONSTRUCT { ?a <http://t.example/q> ?d } WHERE { ?a <http://t.example/p> ?b . ?d <http://t.example/p> ?e }";

    private static String q(String query) {
        return "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static Optional<String> maxRows(HttpResponse<?> response) {
        return response.headers().firstValue(RowCap.HEADER);
    }

    @Test
    void anAnswerTheCapDidNotCutCarriesNoCapHeader() throws Exception {
        for (String query : List.of(ALL, ALL + " LIMIT 7", CROSS + " LIMIT 10", "ASK { ?s ?p ?o }",
                "DESCRIBE <http://t.example/s1>", CONSTRUCT_ALL, CONSTRUCT_CROSS + " LIMIT 5")) {
            HttpResponse<String> response = web.accept(q(query), null);
            assertEquals(200, response.statusCode(), query + ": " + response.body());
            assertEquals(Optional.empty(), maxRows(response), query + " was not cut");
        }
        HttpResponse<String> all = web.accept(q(ALL), "text/csv");
        assertEquals(TRIPLES, rows(all.body()), "every row of an answer under the cap");
        Graph graph = graph(web.accept(q(CONSTRUCT_ALL), "application/n-triples"), Lang.NTRIPLES);
        assertEquals(TRIPLES, graph.size(), "the whole CONSTRUCT, built here from its solutions");
    }

    @Test
    void aSelectTheCapCutSaysSoAndHoldsExactlyTheCap() throws Exception {
        HttpResponse<String> cut = web.accept(q(CROSS), "text/csv");
        assertEquals(200, cut.statusCode(), cut.body().length() < 300 ? cut.body() : "");
        assertEquals(Optional.of(Long.toString(CAP)), maxRows(cut));
        assertEquals(CAP, rows(cut.body()));
        HttpResponse<String> askedMore = web.accept(q(CROSS + " LIMIT 1500"), "text/tab-separated-values");
        assertEquals(Optional.of(Long.toString(CAP)), maxRows(askedMore), "a LIMIT over the cap too");
        // Exactly the cap: the store gave no row past it, so nothing was cut.
        HttpResponse<String> exactly = web.accept(q(CROSS + " LIMIT " + CAP), "text/csv");
        assertEquals(Optional.empty(), maxRows(exactly));
        assertEquals(CAP, rows(exactly.body()));
    }

    @Test
    void aConstructTheCapCutSaysSoAndHoldsTheCapsSolutions() throws Exception {
        HttpResponse<String> cut = web.accept(q(CONSTRUCT_CROSS), "application/n-triples");
        assertEquals(200, cut.statusCode(), cut.body().length() < 300 ? cut.body() : "");
        assertEquals(Optional.of(Long.toString(CAP)), maxRows(cut));
        // Each solution (a pair of subjects) makes one distinct triple.
        assertEquals(CAP, graph(cut, Lang.NTRIPLES).size());
    }

    @Test
    void arqsJsonFormIsRefusedWithoutACapHeader() {
        HttpResponse<String> json = web.accept(q("JSON { \"s\": ?a } WHERE { ?a <http://t.example/p> ?b . ?d <http://t.example/p> ?e }"), null);
        assertEquals(422, json.statusCode(), json.body());
        assertFalse(maxRows(json).isPresent());
    }

    @Test
    void formatParametersChooseTheResultsFormatAsFusekiDoes() throws Exception {
        Map<String, ResultsCheck> select = Map.of(
                "json", new ResultsCheck("application/sparql-results+json", ResultSetLang.RS_JSON),
                "xml", new ResultsCheck("application/sparql-results+xml", ResultSetLang.RS_XML),
                "sparql", new ResultsCheck("application/sparql-results+xml", ResultSetLang.RS_XML),
                "csv", new ResultsCheck("text/csv", ResultSetLang.RS_CSV),
                "tsv", new ResultsCheck("text/tab-separated-values", ResultSetLang.RS_TSV),
                "text", new ResultsCheck("text/plain", null),
                "CSV", new ResultsCheck("text/csv", ResultSetLang.RS_CSV),
                "application/sparql-results+json", new ResultsCheck("application/sparql-results+json", ResultSetLang.RS_JSON));
        for (String parameter : List.of("format", "output", "results")) {
            for (Map.Entry<String, ResultsCheck> entry : select.entrySet()) {
                String path = q(ALL + " LIMIT 3") + "&" + parameter + "=" + URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8);
                // No Accept header, as pandas sends; and one that asks for something else: the parameter wins.
                for (String accept : new String[] {null, "application/sparql-results+xml"}) {
                    HttpResponse<String> response = web.accept(path, accept);
                    assertEquals(200, response.statusCode(), path + ": " + response.body());
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    assertTrue(type.startsWith(entry.getValue().type()), path + " -> " + type);
                    if (entry.getValue().lang() != null) {
                        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                                entry.getValue().lang());
                        int n = 0;
                        while (rs.hasNext()) {
                            rs.next();
                            n++;
                        }
                        assertEquals(3, n, path);
                    } else {
                        assertTrue(response.body().contains("t.example/s"), path + " -> " + response.body());
                    }
                }
            }
        }
        // ASK: a boolean in the named format
        HttpResponse<String> ask = web.accept(q("ASK { ?s <http://t.example/p> ?o }") + "&format=json", null);
        assertTrue(ask.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(ResultsReader.create().lang(ResultSetLang.RS_JSON).build()
                .readAny(new ByteArrayInputStream(ask.body().getBytes(StandardCharsets.UTF_8))).getBooleanResult());
        // A form POST carries the parameter in its body.
        HttpResponse<String> form = web.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(ALL, StandardCharsets.UTF_8) + "&format=csv", null);
        assertEquals(TRIPLES, rows(form.body()));
    }

    @Test
    void theSameFormatGivenTwiceIsOneFormat() throws Exception {
        // SPARQLWrapper 1.8 puts its format both in the URL and in the form body.
        HttpResponse<String> form = web.post("/sparql?output=csv", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(ALL, StandardCharsets.UTF_8) + "&output=csv", null);
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(TRIPLES, rows(form.body()));
        HttpResponse<String> url = web.accept(q(ALL) + "&format=csv&format=csv", null);
        assertEquals(200, url.statusCode(), url.body());
        assertTrue(url.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        // ... and pairs a name Fuseki does not know with the media type it means.
        HttpResponse<String> rdfXml = web.accept(q(CONSTRUCT_ALL) + "&output=rdf%2Bxml&output=application%2Frdf%2Bxml", null);
        assertEquals(200, rdfXml.statusCode(), rdfXml.body());
        assertTrue(rdfXml.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf+xml"));
        assertEquals(TRIPLES, graph(rdfXml, Lang.RDFXML).size());
        // Values that name two formats leave the format in doubt.
        HttpResponse<String> doubt = web.accept(q(ALL) + "&format=csv&format=json", null);
        assertEquals(400, doubt.statusCode(), doubt.body());
        assertTrue(doubt.body().contains("different formats"), doubt.body());
    }

    record ResultsCheck(String type, Lang lang) {
    }

    @Test
    void formatParametersChooseTheGraphSyntax() {
        Map<String, String> graphs = Map.of("ttl", "text/turtle", "turtle", "text/turtle", "text", "text/turtle",
                "nt", "application/n-triples", "json-ld", "application/ld+json", "json", "application/ld+json",
                "xml", "application/rdf+xml", "json-rdf", "application/rdf+json", "application/rdf+xml", "application/rdf+xml");
        for (String query : List.of(CONSTRUCT_ALL, "DESCRIBE <http://t.example/s1>")) {
            for (Map.Entry<String, String> entry : graphs.entrySet()) {
                String path = q(query) + "&output=" + URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8);
                HttpResponse<String> response = web.accept(path, null);
                assertEquals(200, response.statusCode(), path + ": " + response.body());
                String type = response.headers().firstValue("Content-Type").orElse("");
                assertTrue(type.startsWith(entry.getValue()), path + " -> " + type);
                Graph graph = graph(response, RDFLanguages.contentTypeToLang(entry.getValue()));
                assertEquals(query.startsWith("DESCRIBE") ? 1 : TRIPLES, graph.size(), path);
            }
        }
    }

    @Test
    void anUnknownFormatIsA400NamingTheParameter() {
        for (String path : List.of(q(ALL) + "&format=excel", q(ALL) + "&output=ttl", q(CONSTRUCT_ALL) + "&format=csv",
                q(ALL) + "&results=text/*", q(ALL) + "&format=csv&format=json")) {
            HttpResponse<String> response = web.accept(path, "text/csv");
            assertEquals(400, response.statusCode(), path + ": " + response.body());
            String name = path.contains("&format=") ? "format" : path.contains("&output=") ? "output" : "results";
            assertTrue(response.body().contains("'" + name + "'"), path + " -> " + response.body());
        }
        assertTrue(web.accept(q(ALL) + "&format=excel", null).body().contains("csv"), "the refusal lists the values");
    }

    private static long rows(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.stream().count();
        }
    }

    private static Graph graph(HttpResponse<String> response, Lang lang) {
        assertEquals(200, response.statusCode(), response.body());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), lang).parse(graph);
        return graph;
    }
}
