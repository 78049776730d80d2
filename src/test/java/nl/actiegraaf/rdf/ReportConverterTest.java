package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.actiegraaf.report.Seed;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converted seed, queried with SPARQL as a researcher would, and checked against the shapes. */
class ReportConverterTest {
    private static final String PREFIXES = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    private static Graph seed;

    @TempDir
    Path dir;

    @BeforeAll
    static void convertSeed() {
        seed = convert(Seed.FILE);
    }

    private static Graph convert(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        ReportConverter.standard().convert(file, StreamRDFLib.graph(graph));
        graph = AsLoaded.of(graph);
        return graph;
    }

    private static List<QuerySolution> select(Graph graph, String query) {
        try (QueryExecution qe = QueryExecution.create(PREFIXES + query, ModelFactory.createModelForGraph(graph))) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    @Test
    void eightySixActionsNumberedOneToEightySix() {
        List<Integer> numbers = select(seed, "SELECT ?n { ?a a ag:Actie ; ag:nummer ?n } ORDER BY ?n").stream()
                .map(r -> r.getLiteral("n").getInt()).toList();
        assertEquals(IntStream.rangeClosed(1, 86).boxed().toList(), numbers);
    }

    @Test
    void anActionAsAResearcherQueriesIt() {
        QuerySolution row = select(seed, """
                SELECT * {
                  <https://w3id.org/actiegraaf/id/actie/pok/58> rdfs:label ?label ; ag:nummer ?n ; ag:omschrijving ?o ;
                     ag:standVanZaken ?s ; ag:thema/skos:prefLabel ?thema ; ag:thema/skos:broader/skos:prefLabel ?boven ;
                     ag:rapport ?r ; prov:wasDerivedFrom ?r ; ag:eersteRegel ?eerste ; ag:laatsteRegel ?laatste ;
                     ag:voetnoot ?voetnoot .
                  ?r dcterms:title ?titel
                }""").get(0);
        assertEquals("Actie 58", row.getLiteral("label").getString());
        assertEquals("http://www.w3.org/2001/XMLSchema#integer", row.getLiteral("n").getDatatypeURI());
        assertEquals("Verkenning Nationaal coördinator tegen discriminatie en racisme", row.getLiteral("o").getString());
        assertEquals("nl", row.getLiteral("o").getLanguage());
        assertTrue(row.getLiteral("s").getString().startsWith("Op 10 maart 2021 is de verkenning"));
        assertEquals("Discriminatie en het gebruik van nationaliteit", row.getLiteral("thema").getString());
        assertEquals("Responsieve overheid en antidiscriminatie", row.getLiteral("boven").getString());
        assertEquals("https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021", row.getResource("r").getURI());
        assertEquals(115, row.getLiteral("eerste").getInt());
        assertEquals(115, row.getLiteral("laatste").getInt());
        assertEquals("Kamerstukken II 2020/21, 30 950, nr. 218", row.getLiteral("voetnoot").getString());
        assertEquals("Stand van zaken vervolgacties Parlementaire Onderzoekscommissie Kinderopvangtoeslag",
                row.getLiteral("titel").getString());
    }

    @Test
    void anEmptyStatusIsLeftOutRatherThanWrittenEmpty() {
        assertEquals(List.of("4"), select(seed, """
                SELECT ?n { ?a a ag:Actie ; ag:nummer ?n FILTER NOT EXISTS { ?a ag:standVanZaken ?s } }""")
                .stream().map(r -> r.getLiteral("n").getLexicalForm()).toList());
        assertTrue(select(seed, "SELECT * { ?a ?p \"\"@nl }").isEmpty());
    }

    @Test
    void listItemsStayListItemsInTheLiteral() {
        String omschrijving = select(seed, "SELECT ?o { <https://w3id.org/actiegraaf/id/actie/pok/33> ag:omschrijving ?o }")
                .get(0).getLiteral("o").getString();
        assertEquals("- Alle uitvoerders sluiten aan op Landelijk Maatwerkloket multiproblematiek. Dit loket stellen "
                + "we ook open voor gemeenten\n- In verbinding met gemeenten, landelijke uitvoeringsorganisaties en het "
                + "Landelijk maatwerkloket multiproblematiek ingang bij ministeries creëren voor vragen over sociaal domein",
                omschrijving);
    }

    @Test
    void themesFormOneSkosScheme() {
        List<String> topThemes = select(seed, """
                SELECT ?label { ?t a ag:Thema, skos:Concept ; skos:inScheme <https://w3id.org/actiegraaf/id/thema/pok> ;
                  skos:topConceptOf <https://w3id.org/actiegraaf/id/thema/pok> ; skos:prefLabel ?label } ORDER BY ?label""")
                .stream().map(r -> r.getLiteral("label").getString()).toList();
        assertEquals(List.of("Ambtelijk vakmanschap", "Hersteloperatie", "Informatievoorziening en politiek ambtelijke verhoudingen",
                "Overig", "Responsieve dienstverlening", "Responsieve overheid en antidiscriminatie", "Toekomst toeslagen"), topThemes);
        assertEquals(List.of("https://w3id.org/actiegraaf/id/thema/pok/responsieve-dienstverlening"),
                select(seed, "SELECT ?b { <https://w3id.org/actiegraaf/id/thema/pok/signalen> skos:broader ?b }").stream()
                        .map(r -> r.getResource("b").getURI()).toList());
    }

    @Test
    void anotherStagePlugsInAfterTheTable() {
        Node marked = NodeFactory.createURI("urn:test:seen");
        ReportConverter withStage = ReportConverter.standard().with((report, out) -> report.actions().forEach(a ->
                out.triple(Triple.create(Iris.action("pok", a.number()), marked, NodeFactory.createLiteralString("ja")))));
        Graph graph = GraphFactory.createDefaultGraph();
        withStage.convert(Seed.FILE, StreamRDFLib.graph(graph));
        graph = AsLoaded.of(graph);
        assertEquals(86, graph.find(Node.ANY, marked, Node.ANY).toList().size());
        assertEquals(seed.size() + 86, graph.size());
    }

    // ---- SHACL -------------------------------------------------------------------------------------

    private static ValidationReport validate(Graph data) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("ontology/shapes.ttl"));
        return ShaclValidator.get().validate(shapes, data);
    }

    private static String describe(ValidationReport report) {
        return report.getEntries().stream().limit(10)
                .map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message()).collect(Collectors.joining("\n"));
    }

    /** The table stage alone: what this part of the pipeline answers for, whatever stages follow it. */
    private static Graph convertTableOnly(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        new ReportConverter(List.of(new ReportWriter())).convert(file, StreamRDFLib.graph(graph));
        return AsLoaded.of(graph);
    }

    @Test
    void theSeedWithItsDateConformsToTheShapes() throws IOException {
        // The report's date is left to the extraction stage, which reads it from the text; a date in the
        // metadata file is the other way to give it, and with it the table stage alone must conform.
        Path copy = Files.copy(Seed.FILE, dir.resolve("stand-van-zaken-pok-2021.txt"));
        Files.writeString(dir.resolve("stand-van-zaken-pok-2021.meta.properties"), Files.readString(
                Path.of("seeds/stand-van-zaken-pok-2021.meta.properties")) + "\ndate = 2021-07-01\n"); // a test value
        ValidationReport report = validate(convertTableOnly(copy));
        assertTrue(report.conforms(), describe(report));
    }

    @Test
    void withoutADateTheReportsDateIsTheOnlyThingTheTableStageLeavesOpen() {
        ValidationReport report = validate(convertTableOnly(Seed.FILE));
        List<ReportEntry> entries = List.copyOf(report.getEntries());
        assertEquals(1, entries.size(), describe(report));
        assertEquals("https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021", entries.get(0).focusNode().getURI());
        assertEquals("<http://purl.org/dc/terms/date>", entries.get(0).resultPath().toString());
        assertFalse(report.conforms());
    }
}
