package nl.actiegraaf.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole seed through the real pipeline (parser, extraction, RDF), checked with SHACL and SPARQL. */
class ConvertedSeedTest {
    static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");
    static Model graph;

    @BeforeAll
    static void convert() {
        Model report = ModelFactory.createDefaultModel();
        ReportConverter.standard().convert(SEED, StreamRDFLib.graph(report.getGraph()));
        graph = ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(AsLoaded.of(report.getGraph())))
                .add(RDFDataMgr.loadModel("seeds/organisaties.ttl"))
                .add(RDFDataMgr.loadModel("seeds/kamerleden.ttl"));
    }

    @Test
    void convertedSeedWithRegistersConformsToTheShapes() {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("ontology/shapes.ttl"));
        ValidationReport report = ShaclValidator.get().validate(shapes, graph.getGraph());
        if (!report.conforms()) {
            ShLib.printReport(report);
        }
        assertTrue(report.conforms(), () -> report.getEntries().size() + " violations, first: "
                + report.getEntries().iterator().next());
    }

    @Test
    void reportDateIsInferredInTheLastWeekOfJune2021() {
        assertEquals(List.of("2021-06-25"), select("""
                SELECT ?d WHERE { ?r a ag:Rapport ; dcterms:date ?d }"""));
    }

    @Test
    void actionTwelveAndEightyOneCarryOutThePartsOfMotion21() {
        assertEquals(List.of("https://w3id.org/actiegraaf/id/kamerstuk/35510-21-deel-1"),
                select("SELECT ?m WHERE { <https://w3id.org/actiegraaf/id/actie/pok/12> ag:geeftUitvoeringAan ?m }"));
        assertEquals(List.of("https://w3id.org/actiegraaf/id/kamerstuk/35510-16-deel-1",
                        "https://w3id.org/actiegraaf/id/kamerstuk/35510-21-deel-2"),
                select("SELECT ?m WHERE { <https://w3id.org/actiegraaf/id/actie/pok/81> ag:geeftUitvoeringAan ?m } ORDER BY ?m"));
        assertEquals(List.of("https://w3id.org/actiegraaf/id/kamerstuk/35510-21"), select("""
                SELECT ?w WHERE { <https://w3id.org/actiegraaf/id/kamerstuk/35510-21-deel-2> ag:deelVan ?w }"""));
    }

    @Test
    void everyFactOnAnActionHasAMentionQuotingTheReport() {
        assertEquals(List.of("0"), select("""
                SELECT (COUNT(*) AS ?n) WHERE {
                  ?a a ag:Actie ; ?p ?o .
                  VALUES ?p { ag:geeftUitvoeringAan ag:betrokkene ag:verantwoordelijke ag:deadline ag:toezegging ag:verwijstNaar }
                  # the mention of a responsible body also supports its ag:betrokkene
                  FILTER NOT EXISTS { ?a ag:vermelding ?v . ?v ag:relatie ?r ; ag:vermeldt ?o ; ag:tekst ?t
                                      FILTER (?r = ?p || ?p = ag:betrokkene && ?r = ag:verantwoordelijke) }
                }"""));
    }

    static List<String> select(String query) {
        String prefixed = """
                PREFIX ag: <https://w3id.org/actiegraaf/def#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                """ + query;
        try (QueryExecution qe = QueryExecution.model(graph).query(prefixed).build()) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows.stream().map(r -> {
                var node = r.get(r.varNames().next());
                return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
            }).collect(Collectors.toList());
        }
    }
}
