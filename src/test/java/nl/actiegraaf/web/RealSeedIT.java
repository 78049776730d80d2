package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import nl.actiegraaf.rdf.ReportConverter;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.junit.jupiter.api.extension.RegisterExtension;
import nl.actiegraaf.testsupport.TestFacade;
import org.junit.jupiter.api.Test;

/** The facade over the real converted seed report and the real ontology. */
class RealSeedIT {
    private static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");
    private static final Path ONTOLOGY = Path.of("ontology/actiegraaf.ttl");
    private static final String REPORT_GRAPH = "https://w3id.org/actiegraaf/graph/rapport/stand-van-zaken-pok-2021";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestFacade facade = TestFacade.with(dataset -> {
        ReportConverter.standard().convert(SEED,
                StreamRDFLib.graph(dataset.getGraph(NodeFactory.createURI(REPORT_GRAPH))));
        RDFParser.source(ONTOLOGY).parse(dataset.getGraph(NodeFactory.createURI(Ontology.GRAPH)));
        nl.actiegraaf.store.SeriesGraphs.deriveInto(dataset); // the current state, as a load derives it
    }).queries(Path.of("queries")).ontology(ONTOLOGY);

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facade.port() + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void action12ShowsItsDescriptionInRdfAndHtml() throws Exception {
        HttpResponse<String> turtle = get("/id/actie/pok/12", "text/turtle");
        assertEquals(200, turtle.statusCode());
        Rio4j.assertHas(Rio4j.parse(turtle), "https://w3id.org/actiegraaf/id/actie/pok/12",
                "https://w3id.org/actiegraaf/def#omschrijving");
        String html = get("/id/actie/pok/12", "text/html").body();
        assertTrue(html.contains("<h1>Actie 12</h1>"), html);
        assertTrue(html.contains("Personen die op de zwarte lijst staan"), html);
        assertTrue(html.contains("href=\"/id/thema/pok/hersteloperatie\""), html);
        assertTrue(html.contains("href=\"/def#omschrijving\""), html);
    }

    @Test
    void theRealOntologyIsServedWithAnAnchorPerTerm() throws Exception {
        String html = get("/def", "text/html").body();
        assertTrue(html.contains("<section id=\"Actie\">"));
        assertTrue(html.contains("<section id=\"geeftUitvoeringAan\">"));
        Rio4j.assertHas(Rio4j.parse(get("/def", "application/ld+json")),
                "https://w3id.org/actiegraaf/def#Actie", "http://www.w3.org/2000/01/rdf-schema#label");
    }

    @Test
    void all86ActionsAreThere() throws Exception {
        String csv = get("/sparql?query=" + java.net.URLEncoder.encode(
                "PREFIX ag: <https://w3id.org/actiegraaf/def#> SELECT (COUNT(?a) AS ?n) { ?a a ag:Actie }",
                java.nio.charset.StandardCharsets.UTF_8), "text/csv").body();
        assertEquals("n\r\n86\r\n", csv);
    }
}
