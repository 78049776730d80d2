package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.actiegraaf.testsupport.SeedData;
import nl.actiegraaf.testsupport.TestFacade;
import nl.actiegraaf.vocab.Iris;

/**
 * The dataset description of {@code /.well-known/void} over a store loaded as {@code serve} loads it (ontology,
 * registers, the seed; the load's statistics in graph/afgeleid): valid against {@code ontology/void-shapes.ttl}
 * (VoID, DCAT and what DCAT-AP asks), and ONE triple count: VoID's {@code void:triples}, {@code /health}'s
 * {@code triples} and the triples of {@code /download/actiegraaf.ttl} are the same number (issue 15).
 */
class VoidDescriptionIT {
    private static final String VOID = "http://rdfs.org/ns/void#";

    @RegisterExtension
    static final TestFacade web = SeedData.facade();

    private static Graph description() {
        HttpResponse<String> response = web.accept("/.well-known/void", "text/turtle");
        assertEquals(200, response.statusCode(), response.body());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), Lang.TURTLE).parse(graph);
        return graph;
    }

    private static long number(Graph graph, String subject, String property) {
        List<Node> values = graph.find(NodeFactory.createURI(subject), NodeFactory.createURI(property), Node.ANY)
                .mapWith(t -> t.getObject()).toList();
        assertEquals(1, values.size(), subject + " " + property + ": " + values);
        return ((Number) values.get(0).getLiteralValue()).longValue();
    }

    @Test
    void theDescriptionConformsToItsShapes() {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("ontology/void-shapes.ttl"));
        Graph description = description();
        ValidationReport report = ShaclValidator.get().validate(shapes, description);
        StringBuilder why = new StringBuilder();
        report.getEntries().forEach(e -> why.append(e).append('\n'));
        assertTrue(report.conforms(), why.toString());
        // The shapes can fail: the same description without its publisher does not conform.
        Graph without = GraphFactory.createDefaultGraph();
        description.find().filterDrop(t -> t.getPredicate().getURI().equals("http://purl.org/dc/terms/publisher")).forEach(without::add);
        assertFalse(ShaclValidator.get().validate(shapes, without).conforms(), "a description without a publisher fails");
        ShLib.printReport(report);
    }

    @Test
    void oneTripleCountInAllThreePlaces() throws Exception {
        long voidTriples = number(description(), Iris.DATASET, VOID + "triples");
        long health = new ObjectMapper().readTree(web.get("/health").body()).get("triples").asLong();
        HttpResponse<String> download = web.accept("/download/actiegraaf.ttl", null);
        assertEquals(200, download.statusCode());
        Graph downloaded = GraphFactory.createDefaultGraph();
        RDFParser.fromString(download.body(), Lang.TURTLE).parse(downloaded);
        assertEquals(voidTriples, health, "/health's triples are VoID's");
        assertEquals(voidTriples, downloaded.size(), "/download/actiegraaf.ttl holds VoID's triples");
        // The quads: the same triples in their graphs (graph/afgeleid's statistics left out).
        HttpResponse<String> quads = web.accept("/download/actiegraaf.nq", null);
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFParser.fromString(quads.body(), Lang.NQUADS).parse(dataset);
        assertFalse(dataset.containsGraph(NodeFactory.createURI(Iris.AFGELEID_GRAPH)));
        assertEquals(voidTriples, dataset.getUnionGraph().size(), "the quads' union is the same triples");
    }

    @Test
    void linksetsCountTheirLinks() throws Exception {
        Graph description = description();
        String tooiCount = select("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT (COUNT(*) AS ?n) "
                + "{ ?s skos:exactMatch ?o FILTER(STRSTARTS(STR(?o), \"https://identifier.overheid.nl/tooi/\")) }");
        String publications = select("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(*) AS ?n) "
                + "{ ?s rdfs:seeAlso ?o FILTER(STRSTARTS(STR(?o), \"https://zoek.officielebekendmakingen.nl/\")) }");
        long tooi = number(description, "https://w3id.org/actiegraaf/.well-known/void#tooi", VOID + "triples");
        long ob = number(description, "https://w3id.org/actiegraaf/.well-known/void#officielebekendmakingen", VOID + "triples");
        assertEquals(Long.parseLong(tooiCount), tooi);
        assertEquals(Long.parseLong(publications), ob);
        assertTrue(tooi >= 10 && ob >= 20, tooi + " TOOI links, " + ob + " publication links");
        assertTrue(description.contains(NodeFactory.createURI(Iris.DATASET), NodeFactory.createURI(VOID + "subset"),
                NodeFactory.createURI("https://w3id.org/actiegraaf/.well-known/void#tooi")));
    }

    private static String select(String query) {
        HttpResponse<String> response = web.post("/sparql", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().skip(1).findFirst().orElseThrow().strip();
    }
}
