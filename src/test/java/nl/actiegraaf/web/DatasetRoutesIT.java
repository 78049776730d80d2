package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Health, the whole-dataset downloads and the VoID description, over HTTP. */
class DatasetRoutesIT {
    private static final String REPORT_GRAPH = "https://w3id.org/actiegraaf/graph/rapport/stand-van-zaken-pok-2021";
    private static final String VOID = "http://rdfs.org/ns/void#";
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofSeconds(10), config -> config);

    @Test
    void healthSaysOkWithTheTripleCount() throws Exception {
        HttpResponse<String> response = web.accept("/health", null);
        assertEquals(200, response.statusCode());
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertEquals("ok", json.get("status").asText());
        var dataset = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(FacadeFixture.SAMPLE.toString());
        dataset.addGraph(org.apache.jena.graph.NodeFactory.createURI(Ontology.GRAPH),
                org.apache.jena.riot.RDFDataMgr.loadGraph(FacadeFixture.ONTOLOGY.toString()));
        long expected = dataset.getUnionGraph().size();
        assertEquals(expected, json.get("triples").asLong());
    }

    @ParameterizedTest
    @CsvSource({
            "actiegraaf.trig, application/trig, true",
            "actiegraaf.nq, application/n-quads, true",
            "actiegraaf.ttl, text/turtle, false"})
    void downloadsAreAttachmentsThatRdf4jReads(String file, String mediaType, boolean quads) throws Exception {
        HttpResponse<String> response = web.accept("/download/" + file, null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(mediaType, SparqlEndpoint.mediaType(response.headers().firstValue("Content-Type").orElse("")));
        assertEquals("attachment; filename=\"" + file + "\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
        Model model = Rio4j.parse(response);
        var vf = SimpleValueFactory.getInstance();
        var actie = vf.createIRI("https://w3id.org/actiegraaf/id/actie/pok/12");
        if (quads) {
            assertTrue(model.contains(actie, null, null, vf.createIRI(REPORT_GRAPH)), "actie 12 in the report's graph");
            assertTrue(model.contexts().contains(vf.createIRI(Ontology.GRAPH)));
        } else {
            assertTrue(model.contains(actie, null, null));
        }
    }

    @ParameterizedTest
    @CsvSource({"text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"})
    void voidDescribesTheDataset(String accept) throws Exception {
        HttpResponse<String> response = web.accept("/.well-known/void", accept);
        assertEquals(200, response.statusCode(), response.body());
        Model model = Rio4j.parse(response);
        var vf = SimpleValueFactory.getInstance();
        var dataset = vf.createIRI(DatasetRoutes.DATASET_IRI);
        assertTrue(model.contains(dataset, vf.createIRI(VOID, "sparqlEndpoint"),
                vf.createIRI("http://127.0.0.1:" + web.port() + "/sparql")));
        assertTrue(model.contains(dataset, vf.createIRI(VOID, "dataDump"),
                vf.createIRI("http://127.0.0.1:" + web.port() + "/download/actiegraaf.trig")));
        assertTrue(model.contains(dataset, vf.createIRI("http://purl.org/dc/terms/license"),
                vf.createIRI(DatasetRoutes.LICENSE)));
        assertTrue(model.contains(dataset, vf.createIRI("http://purl.org/dc/terms/source"),
                vf.createIRI("https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021")));
        assertTrue(model.contains(dataset, vf.createIRI(VOID, "triples"), null));
        assertTrue(model.contains(null, vf.createIRI(VOID, "class"), vf.createIRI("https://w3id.org/actiegraaf/def#Actie")));
    }
}
