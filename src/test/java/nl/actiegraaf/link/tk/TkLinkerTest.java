package nl.actiegraaf.link.tk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.actiegraaf.rdf.ReportConverter;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The join and the linkset graph on the made-up pages of {@code src/test/resources/tk/pages} (see the
 * README there) against Kamerstukken of the seed.
 */
class TkLinkerTest {
    static final Path PAGES = Path.of("src/test/resources/tk/pages");
    private static final String ID = "https://w3id.org/actiegraaf/id/kamerstuk/";

    private static List<Finding> findings;
    private static TkLinker.Outcome outcome;
    private static Model linkset;

    static List<KamerstukRef> seedPapers() {
        return List.of(new KamerstukRef(ID + "35510-7", "35510", 7, true),
                new KamerstukRef(ID + "35510-14", "35510", 14, true),
                new KamerstukRef(ID + "35510-21", "35510", 21, true),
                new KamerstukRef(ID + "35510-23", "35510", 23, true),
                new KamerstukRef(ID + "35510-45", "35510", 45, true),
                new KamerstukRef(ID + "35510-809", "35510", 809, false),
                new KamerstukRef(ID + "29362-290", "29362", 290, false));
    }

    static RegisterPersons register() {
        RegisterPersons register = new RegisterPersons();
        RDFDataMgr.loadModel("seeds/kamerleden.ttl").listStatements(null, org.apache.jena.vocabulary.RDFS.label, (String) null)
                .forEachRemaining(s -> register.add(s.getSubject().getURI(), s.getString()));
        return register;
    }

    @BeforeAll
    static void link() {
        findings = new ArrayList<>();
        List<TkPage> pages = PageFolder.read(PAGES, findings);
        assertEquals(4, pages.size(), findings::toString);
        outcome = TkLinker.link(seedPapers(), register(), pages, findings, TkApi.DEFAULT_BASE);
        linkset = ModelFactory.createModelForGraph(outcome.graph());
    }

    private static List<Map<String, String>> select(String where) {
        String query = """
                PREFIX ag: <https://w3id.org/actiegraaf/def#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX k: <https://w3id.org/actiegraaf/id/kamerstuk/>
                SELECT * WHERE { %s }""".formatted(where);
        List<Map<String, String>> rows = new ArrayList<>();
        try (var exec = QueryExecutionFactory.create(query, linkset)) {
            exec.execSelect().forEachRemaining((QuerySolution row) -> {
                Map<String, String> values = new TreeMap<>();
                row.varNames().forEachRemaining(v -> {
                    if (row.get(v) != null) {
                        values.put(v, row.get(v).isLiteral()
                        ? row.getLiteral(v).getLexicalForm() : row.get(v).toString());
                    }
                });
                rows.add(values);
            });
        }
        return rows;
    }

    private static String reasonFor(String key) {
        return findings.stream().filter(f -> f.subject().equals(key)).map(Finding::reason).collect(Collectors.joining(" | "));
    }

    @Test
    void joinsByExternalIdentifierAndByDossierAndNumber() {
        Map<String, String> linked = outcome.matches().stream().collect(Collectors.toMap(m -> m.paper().key(),
                m -> m.document().documentNummer(), (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("35510-7", "2021D02007", "35510-14", "2021D02014", "35510-21", "2021D02021",
                "35510-23", "2021D02023", "35510-45", "2021D02045"), linked);
    }

    @Test
    void aDossierWithAToevoegingIsNotTheDossierWithout() {
        assertTrue(outcome.matches().stream().noneMatch(m -> m.paper().key().equals("29362-290")));
        assertTrue(reasonFor("29362-290").contains("dossier 29362-IX"), reasonFor("29362-290"));
        assertTrue(reasonFor("35510-809").startsWith("no TK Document with ExterneIdentifier kst-35510-809"), reasonFor("35510-809"));
    }

    @Test
    void showOfHandsCountsSeatsPerPartyAndLeavesTheMistakeOut() {
        assertEquals(List.of(Map.of("uitslag", "https://w3id.org/actiegraaf/def#Aangenomen", "datum", "2021-01-19",
                        "voor", "100", "tegen", "32", "soort", "Met handopsteken")),
                select("k:35510-21 ag:stemming [ ag:uitslag ?uitslag ; dcterms:date ?datum ; ag:stemmenVoor ?voor ;"
                        + " ag:stemmenTegen ?tegen ; ag:stemmingssoort ?soort ]"));
        List<Map<String, String>> vvd = select("k:35510-21 ag:stemming/ag:fractiestem ?f . ?f ag:fractie ?p ; ag:keuze ?k ;"
                + " ag:zetels ?z ; ag:vergissing ?v . ?p skos:altLabel \"VVD\"@nl");
        assertEquals(2, vvd.size(), vvd::toString);
        assertTrue(vvd.contains(Map.of("f", ID + "35510-21/stemming/fractie/vvd/tegen", "p", "https://w3id.org/actiegraaf/id/organisatie/fractie-vvd",
                "k", "https://w3id.org/actiegraaf/def#Tegen", "z", "32", "v", "false")), vvd::toString);
        assertTrue(vvd.stream().anyMatch(r -> r.get("v").equals("true") && r.get("k").endsWith("#Voor")), vvd::toString);
    }

    @Test
    void rollCallRecordsEveryMemberAndCountsThemPerParty() {
        List<Map<String, String>> members = select("k:35510-14 ag:stemming/ag:stem ?s . ?s ag:stemmer ?p ; ag:keuze ?k");
        assertEquals(6, members.size(), members::toString);
        assertEquals(List.of(Map.of("voor", "3", "tegen", "3", "uitslag", "https://w3id.org/actiegraaf/def#Verworpen", "soort", "Hoofdelijk")),
                select("k:35510-14 ag:stemming [ ag:stemmenVoor ?voor ; ag:stemmenTegen ?tegen ; ag:uitslag ?uitslag ; ag:stemmingssoort ?soort ]"));
        assertEquals(List.of(Map.of("f", ID + "35510-14/stemming/fractie/cu/voor", "z", "1")), select("k:35510-14 ag:stemming/ag:fractiestem ?f . ?f ag:fractie/skos:altLabel \"CU\"@nl ; ag:zetels ?z"));
    }

    @Test
    void theVoteIsTheVotingBesluitNotTheProceduralOne() {
        assertEquals(List.of(Map.of("datum", "2021-01-26", "tekst", "Aangenomen.")),
                select("k:35510-23 ag:stemming [ dcterms:date ?datum ; ag:besluittekst ?tekst ]"));
    }

    @Test
    void aMotionWithoutPublishedVoteIsLinkedWithoutVoteAndSaysSo() {
        assertTrue(select("k:35510-45 ag:stemming ?s").isEmpty());
        assertEquals(List.of(Map.of("z", "2021Z00945")), select("k:35510-45 ag:zaaknummer ?z"));
        assertTrue(reasonFor("35510-45").contains("no vote published yet"), reasonFor("35510-45"));
    }

    @Test
    void allSubmittersAreLinkedToTheRegisterOrMadeWithTheirTkId() {
        List<Map<String, String>> submitters = select("k:35510-21 ag:indiener ?p . OPTIONAL { ?p ag:medeindiener ?x }"
                + " ?p ag:tkId ?id . OPTIONAL { ?p rdfs:label ?naam }");
        assertEquals(3, submitters.size(), submitters::toString);
        String persons = submitters.stream().map(r -> r.get("p")).sorted().collect(Collectors.joining(" "));
        assertEquals("https://w3id.org/actiegraaf/id/persoon/attje-kuiken https://w3id.org/actiegraaf/id/persoon/jesse-klaver "
                + "https://w3id.org/actiegraaf/id/persoon/lilian-marijnissen", persons);
        // Register persons get no second label here; the new one does.
        assertTrue(submitters.stream().filter(r -> r.containsKey("naam")).map(r -> r.get("naam")).toList().equals(List.of("Attje Kuiken")),
                submitters::toString);
        assertEquals(2, select("k:35510-21 ag:medeindiener ?p").size());
        assertEquals(List.of(Map.of("a", "Oordeel Kamer")), select("k:35510-21 ag:kabinetsappreciatie ?a"));
        assertEquals(3, select("k:35510-21 ag:indienendeFractie ?f").size());
    }

    @Test
    void motionLinksToItsTkRecordsAndPage() {
        assertEquals(List.of(Map.of("doc", "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document(d0c00000-0000-4000-8000-000000000065)",
                        "page", "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2021Z00921&did=2021D02021",
                        "datum", "2021-01-19")),
                select("k:35510-21 skos:exactMatch ?doc ; rdfs:seeAlso ?page ; dcterms:date ?datum"));
        assertEquals(1, select("k:35510-21 ag:tkZaak ?z").size());
    }

    @Test
    void wrongValuesAreLeftOutAndNamed() {
        // 35510-7: Datum "19-01-2021" is no date (GestartOp is used), "Onthouden" is no vote option.
        assertEquals(List.of(Map.of("d", "2021-01-19")), select("k:35510-7 dcterms:date ?d"));
        assertTrue(reasonFor("35510-7").contains("Document date \"19-01-2021\" is no date"), reasonFor("35510-7"));
        assertTrue(reasonFor("35510-7").contains("\"Onthouden\""), reasonFor("35510-7"));
        assertEquals(List.of(Map.of("voor", "20")), select("k:35510-7 ag:stemming/ag:stemmenVoor ?voor"));
    }

    @Test
    void theLinksetIsDescribedInVoid() {
        List<Map<String, String>> rows = select("?ls a <http://rdfs.org/ns/void#Linkset> ; <http://rdfs.org/ns/void#triples> ?n");
        assertEquals(1, rows.size());
        long links = outcome.graph().find(null, org.apache.jena.vocabulary.SKOS.exactMatch.asNode(), null).toList().size();
        assertEquals(String.valueOf(links), rows.get(0).get("n"));
    }

    @Test
    void aPageThatIsNoJsonIsRefusedWithItsPlace() {
        TkPageException e = assertThrows(TkPageException.class,
                () -> TkPageReader.read("{\"value\": [ {\"Id\": }".getBytes(StandardCharsets.UTF_8), "kapot.json"));
        assertTrue(e.getMessage().startsWith("kapot.json:1:"), e.getMessage());
        TkPageException other = assertThrows(TkPageException.class, () -> TkPageReader.read(
                "{\"@odata.context\":\"https://x/OData/v4/2.0/$metadata#Zaak\",\"value\":[]}".getBytes(StandardCharsets.UTF_8), "zaak.json"));
        assertEquals("zaak.json: a page of Zaak, not of Document", other.getMessage());
    }

    @Test
    void theLinksetWithTheSeedAndRegistersConformsToTheShapes() {
        Model data = ModelFactory.createDefaultModel();
        Graph report = data.getGraph();
        ReportConverter.standard().convert(Path.of("seeds/stand-van-zaken-pok-2021.txt"), StreamRDFLib.graph(report));
        // As a store holds it: with the series' current state the load derives from the edition.
        nl.actiegraaf.store.SeriesHistory.derived(Map.of(nl.actiegraaf.vocab.Iris.reportGraph("stand-van-zaken-pok-2021"), report))
                .values().forEach(triples -> triples.forEach(report::add));
        data.add(RDFDataMgr.loadModel("seeds/organisaties.ttl"));
        data.add(RDFDataMgr.loadModel("seeds/kamerleden.ttl"));
        data.add(linkset);
        ValidationReport result = ShaclValidator.get().validate(Shapes.parse(RDFDataMgr.loadGraph("ontology/shapes.ttl")), data.getGraph());
        assertTrue(result.conforms(), () -> result.getEntries().stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertFalse(linkset.isEmpty());
    }
}
