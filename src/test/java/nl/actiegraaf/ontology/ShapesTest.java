package nl.actiegraaf.ontology;

import static nl.actiegraaf.ontology.Fixtures.ag;
import static nl.actiegraaf.ontology.Fixtures.id;
import static nl.actiegraaf.ontology.Fixtures.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes are what the converter's output must pass: a correct example conforms, and each kind of
 * mistake is reported on the right resource and property with a message a researcher understands.
 */
class ShapesTest {
    private static final String PREFIXES = """
            PREFIX ag: <https://w3id.org/actiegraaf/def#>
            BASE <https://w3id.org/actiegraaf/id/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;

    private static Shapes shapes;

    @BeforeAll
    static void load() {
        shapes = Fixtures.shapes();
    }

    @Test
    void loadAsJenaShapesWithAMessageOnEveryConstraint() {
        assertTrue(shapes.numRootShapes() >= 12, "expected a shape per class, found " + shapes.numRootShapes());
        Graph g = Fixtures.shapesGraph();
        List<String> silent = new ArrayList<>();
        g.find(Node.ANY, sh("path"), Node.ANY).forEachRemaining(t -> {
            if (!g.contains(t.getSubject(), sh("message"), Node.ANY)) {
                silent.add(t.getSubject() + " (path " + t.getObject() + ")");
            }
        });
        g.find(Node.ANY, iri(RDF.type.getURI()), sh("SPARQLConstraint")).forEachRemaining(t -> {
            if (!g.contains(t.getSubject(), sh("message"), Node.ANY)) {
                silent.add(t.getSubject() + " (SPARQL constraint)");
            }
        });
        assertTrue(silent.isEmpty(), "constraints without sh:message:\n" + String.join("\n", silent));
    }

    /** Each class the ontology declares is the target of a shape, so no kind of resource goes unchecked. */
    @Test
    void everyClassOfTheOntologyIsTargeted() {
        Graph g = Fixtures.shapesGraph();
        Model ontology = Fixtures.ontology();
        Set<String> untargeted = new TreeSet<>();
        ontology.listSubjectsWithProperty(RDF.type, OWL.Class).filterKeep(Resource::isURIResource)
                .forEachRemaining(c -> {
                    if (!g.contains(Node.ANY, sh("targetClass"), c.asNode())) {
                        untargeted.add(c.getLocalName());
                    }
                });
        assertTrue(untargeted.isEmpty(), "classes without a shape: " + untargeted);
    }

    /** Each property the ontology declares is checked by some shape. */
    @Test
    void everyPropertyOfTheOntologyIsConstrained() {
        Graph g = Fixtures.shapesGraph();
        Model ontology = Fixtures.ontology();
        Set<String> unchecked = new TreeSet<>();
        for (Resource type : List.of(OWL.ObjectProperty, OWL.DatatypeProperty)) {
            ontology.listSubjectsWithProperty(RDF.type, type).forEachRemaining(p -> {
                if (!g.contains(Node.ANY, sh("path"), p.asNode())) {
                    unchecked.add(p.getLocalName());
                }
            });
        }
        assertTrue(unchecked.isEmpty(), "properties no shape checks: " + unchecked);
    }

    @Test
    void theExampleWithItsRegistersConforms() {
        ValidationReport report = validate(Fixtures.exampleUnion());
        assertTrue(report.conforms(), () -> describe(report));
    }

    /** The store's default graph is the union of report, registers and ontology: that must pass too. */
    @Test
    void theExampleStillConformsWithTheOntologyInTheSameGraph() {
        Model all = Fixtures.exampleUnion().add(Fixtures.ontology());
        ValidationReport report = validate(all);
        assertTrue(report.conforms(), () -> describe(report));
    }

    @Test
    void aMentionInAFootnoteConforms() {
        Model data = broken("""
                DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/1> ag:kolom ?k } ;
                INSERT DATA { <stand/stand-van-zaken-pok-2021/12/vermelding/1> ag:kolom "voetnoot" }
                """);
        ValidationReport report = validate(data);
        assertTrue(report.conforms(), () -> describe(report));
    }

    @Test
    void parseInASecondToolkit() throws Exception {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(Fixtures.SHAPES)) {
            org.eclipse.rdf4j.model.Model parsed = org.eclipse.rdf4j.rio.Rio.parse(in, Fixtures.AG,
                    org.eclipse.rdf4j.rio.RDFFormat.TURTLE);
            assertEquals(Fixtures.shapesGraph().size(), parsed.size());
        }
    }

    /** Organisations and persons live in the registers: a report graph alone cannot resolve them. */
    @Test
    void theReportGraphAloneFailsOnlyOnLinksIntoTheRegisters() {
        ValidationReport report = validate(Fixtures.exampleReport());
        assertFalse(report.conforms());
        Set<Node> registerLinks = Set.of(ag("verantwoordelijke"), ag("betrokkene"), ag("indiener"), ag("noemt"),
                ag("toegezegdDoor"));
        for (ReportEntry e : report.getEntries()) {
            assertTrue(e.resultPath() instanceof P_Link link && registerLinks.contains(link.getNode()),
                    "unexpected violation without registers: " + e);
        }
        assertTrue(report.getEntries().stream().anyMatch(e -> e.message().contains("organisaties.ttl")),
                () -> describe(report));
    }

    /** What the converter writes before entities are extracted: no status, no mentions. */
    @Test
    void anActionWithoutStatusConforms() {
        Model data = broken("""
                DELETE WHERE { <actie/pok/12> ag:status ?s } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12> ag:status ?s2 } ;
                DELETE WHERE { ?holder ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/5> } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/5> ?p ?o }
                """);
        ValidationReport report = validate(data);
        assertTrue(report.conforms(), () -> describe(report));
    }

    /** An empty Stand van Zaken: no ag:standVanZaken, status ag:Onbekend, and no sentence to cite. */
    @Test
    void anActionWithEmptyStandVanZakenIsUnknownWithoutMention() {
        Model data = broken("""
                DELETE WHERE { <actie/pok/12> ag:standVanZaken ?t } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12> ag:standVanZaken ?t2 } ;
                DELETE WHERE { <actie/pok/12> ag:status ?s } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12> ag:status ?s2 } ;
                INSERT DATA { <actie/pok/12> ag:status ag:Onbekend } ;
                DELETE WHERE { ?holder ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/5> } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/5> ?p ?o }
                """);
        ValidationReport report = validate(data);
        assertTrue(report.conforms(), () -> describe(report));
    }

    /** "motie Lodders/Van Weyenberg" is cited nowhere with a number: a motion identified by its submitters. */
    @Test
    void aMotionKnownOnlyByItsSubmittersConforms() {
        Model data = broken("""
                INSERT DATA {
                  <motie/marijnissen-segers> a ag:Motie ; rdfs:label "Motie Marijnissen/Segers"@nl ;
                      ag:indiener <persoon/lilian-marijnissen> , <persoon/gert-jan-segers> .
                  <actie/pok/12> ag:noemt <motie/marijnissen-segers> ; ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/99> .
                  <stand/stand-van-zaken-pok-2021/12/vermelding/99> a ag:Vermelding ; rdfs:label "Vermelding 99 van actie 12"@nl ;
                      prov:wasDerivedFrom <stand/stand-van-zaken-pok-2021/12> ; ag:tekst "motie Marijnissen/Segers"@nl ;
                      ag:vermeldt <motie/marijnissen-segers> ; ag:relatie ag:noemt ; ag:kolom "standVanZaken" .
                }
                """);
        ValidationReport report = validate(data);
        assertTrue(report.conforms(), () -> describe(report));
    }

    @Test
    void twoActionsWithTheSameNumberAreBothReported() {
        Model data = broken("""
                DELETE WHERE { <actie/pok/16> ag:nummer ?n } ;
                INSERT DATA { <actie/pok/16> ag:nummer 12 }
                """);
        ValidationReport report = validate(data);
        assertFalse(report.conforms());
        Set<Node> focus = report.getEntries().stream()
                .filter(e -> e.message().contains("must be unique within a report"))
                .map(ReportEntry::focusNode).collect(Collectors.toSet());
        assertEquals(Set.of(id("actie/pok/12"), id("actie/pok/16")), focus, () -> describe(report));
    }

    /** A broken variant of the example: the update that breaks it and the violation it must cause. */
    record Breakage(String name, String update, Node focus, Path path, String component, String message,
                    Set<Node> alsoReportedAt) {
        Breakage(String name, String update, Node focus, Path path, String component, String message) {
            this(name, update, focus, path, component, message, Set.of());
        }

        /** The same mistake also breaks the provenance on another resource, which must say so too. */
        Breakage alsoAt(Node other) {
            return new Breakage(name, update, focus, path, component, message, Set.of(other));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> breakages() {
        Node actie12 = id("actie/pok/12");
        Node deadline = id("stand/stand-van-zaken-pok-2021/12/deadline/1");
        Node vermelding = id("stand/stand-van-zaken-pok-2021/12/vermelding/1");
        return Stream.of(
                new Breakage("missing nummer",
                        "DELETE WHERE { <actie/pok/12> ag:nummer ?n }",
                        actie12, link(ag("nummer")), "MinCount", "exactly one ag:nummer"),
                new Breakage("nummer as a string",
                        "DELETE WHERE { <actie/pok/12> ag:nummer ?n } ; INSERT DATA { <actie/pok/12> ag:nummer \"12\" }",
                        actie12, link(ag("nummer")), "Datatype", "(12, not \"12\")"),
                new Breakage("two numbers",
                        "INSERT DATA { <actie/pok/12> ag:nummer 13 }",
                        actie12, link(ag("nummer")), "MaxCount", "exactly one ag:nummer"),
                new Breakage("number zero",
                        "DELETE WHERE { <actie/pok/12> ag:nummer ?n } ; INSERT DATA { <actie/pok/12> ag:nummer 0 }",
                        actie12, link(ag("nummer")), "MinInclusive", "from 1 up"),
                new Breakage("unknown status",
                        "DELETE WHERE { <actie/pok/12> ag:status ?s } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12> ag:status ?s2 } ; INSERT DATA { <actie/pok/12> ag:status ag:Gestopt . <stand/stand-van-zaken-pok-2021/12> ag:status ag:Gestopt } ;"
                                + " DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/5> ag:vermeldt ?s } ;"
                                + " INSERT DATA { <stand/stand-van-zaken-pok-2021/12/vermelding/5> ag:vermeldt ag:Gestopt }",
                        actie12, link(ag("status")), "In", "ag:Afgerond, ag:Lopend, ag:NietGestart or ag:Onbekend")
                        .alsoAt(id("stand/stand-van-zaken-pok-2021/12")),
                new Breakage("two statuses",
                        "INSERT DATA { <actie/pok/12> ag:status ag:Afgerond }",
                        actie12, link(ag("status")), "MaxCount", "at most one ag:status"),
                new Breakage("omschrijving without language tag",
                        "DELETE WHERE { <actie/pok/12> ag:omschrijving ?o } ; INSERT DATA { <actie/pok/12> ag:omschrijving \"Personen informeren\" }",
                        actie12, link(ag("omschrijving")), "Datatype", "tagged as Dutch"),
                new Breakage("omschrijving in English",
                        "DELETE WHERE { <actie/pok/12> ag:omschrijving ?o } ; INSERT DATA { <actie/pok/12> ag:omschrijving \"Inform people\"@en }",
                        actie12, link(ag("omschrijving")), "LanguageIn", "tagged as Dutch"),
                new Breakage("missing omschrijving",
                        "DELETE WHERE { <actie/pok/12> ag:omschrijving ?o }",
                        actie12, link(ag("omschrijving")), "MinCount", "exactly one ag:omschrijving"),
                new Breakage("standVanZaken in English",
                        "DELETE WHERE { <actie/pok/12> ag:standVanZaken ?o } ; INSERT DATA { <actie/pok/12> ag:standVanZaken \"Ongoing\"@en }",
                        actie12, link(ag("standVanZaken")), "LanguageIn", "at most one ag:standVanZaken"),
                new Breakage("action that refers to itself",
                        "INSERT DATA { <actie/pok/12> ag:verwijstNaar <actie/pok/12> }",
                        actie12, null, "SPARQL", "refers to itself"),
                new Breakage("fact without the sentence it came from",
                        "DELETE WHERE { ?holder ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/3> } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/3> ?p ?o }",
                        actie12, null, "SPARQL", "has no ag:Vermelding that says which sentence it came from"),
                new Breakage("status Onbekend despite a Stand van Zaken, without a mention",
                        "DELETE WHERE { <actie/pok/12> ag:status ?s } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12> ag:status ?s2 } ; INSERT DATA { <actie/pok/12> ag:status ag:Onbekend . <stand/stand-van-zaken-pok-2021/12> ag:status ag:Onbekend } ;"
                                + " DELETE WHERE { ?holder ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/5> } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/5> ?p ?o }",
                        actie12, null, "SPARQL", "has no ag:Vermelding").alsoAt(id("stand/stand-van-zaken-pok-2021/12")),
                new Breakage("responsible body not stated as involved",
                        "DELETE DATA { <actie/pok/16> ag:betrokkene <organisatie/szw> }",
                        id("actie/pok/16"), null, "SPARQL", "also involved, state both"),
                new Breakage("missing theme",
                        "DELETE WHERE { <actie/pok/12> ag:thema ?t }",
                        actie12, link(ag("thema")), "MinCount", "exactly one ag:thema"),
                new Breakage("theme that is not an ag:Thema",
                        "DELETE WHERE { <actie/pok/12> ag:thema ?t } ; INSERT DATA { <actie/pok/12> ag:thema <organisatie/bzk> }",
                        actie12, link(ag("thema")), "Class", "must be an ag:Thema"),
                new Breakage("missing label",
                        "DELETE WHERE { <actie/pok/12> rdfs:label ?l }",
                        actie12, link(iri("http://www.w3.org/2000/01/rdf-schema#label")), "MinCount", "rdfs:label"),
                new Breakage("first line after last line",
                        "DELETE WHERE { <actie/pok/12> ag:eersteRegel ?r } ; INSERT DATA { <actie/pok/12> ag:eersteRegel 44 }",
                        actie12, link(ag("eersteRegel")), "LessThanOrEquals", "not after its ag:laatsteRegel"),
                new Breakage("responsible body that is no organisation",
                        "INSERT DATA { <actie/pok/12> ag:verantwoordelijke <persoon/gert-jan-segers> }",
                        actie12, link(ag("verantwoordelijke")), "Class", "organisaties.ttl"),
                new Breakage("motion carried out that is no motion",
                        "INSERT DATA { <actie/pok/12> ag:geeftUitvoeringAan <kamerstuk/35510-26-brief> }",
                        actie12, link(ag("geeftUitvoeringAan")), "Or", "must point to a motion"),
                new Breakage("deadline datum not a date",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:datum ?d } ; INSERT DATA { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:datum \"31 december 2021\" }",
                        deadline, link(ag("datum")), "Datatype", "as an xsd:date"),
                new Breakage("deadline datum a dateTime",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:datum ?d } ; INSERT DATA { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:datum \"2021-12-31T00:00:00\"^^xsd:dateTime }",
                        deadline, link(ag("datum")), "Datatype", "as an xsd:date"),
                new Breakage("deadline without datum",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:datum ?d }",
                        deadline, link(ag("datum")), "MinCount", "exactly one ag:datum"),
                new Breakage("period that starts after it ends",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:vanaf ?d } ; INSERT DATA { <stand/stand-van-zaken-pok-2021/12/deadline/1> ag:vanaf \"2022-01-01\"^^xsd:date }",
                        deadline, link(ag("vanaf")), "LessThanOrEquals", "not after its ag:datum"),
                new Breakage("commitment without its sentence",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/toezegging/1> ag:tekst ?t }",
                        id("stand/stand-van-zaken-pok-2021/12/toezegging/1"), link(ag("tekst")), "MinCount", "exactly one ag:tekst"),
                new Breakage("commitment not linked from its action",
                        "DELETE WHERE { ?holder ag:toezegging ?t }",
                        id("stand/stand-van-zaken-pok-2021/12/toezegging/1"), new P_Inverse(link(ag("toezegging"))), "MinCount",
                        "linked from its action with ag:toezegging"),
                new Breakage("deadline linked from nothing",
                        "DELETE WHERE { ?x ag:deadline <stand/stand-van-zaken-pok-2021/12/deadline/1> } ;"
                                + " DELETE WHERE { ?holder ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/2> } ; DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/2> ?p ?o }",
                        deadline, new P_Inverse(link(ag("deadline"))), "MinCount", "must be linked with ag:deadline"),
                new Breakage("event not linked from its action",
                        "DELETE WHERE { ?holder ag:gebeurtenis ?g }",
                        id("stand/stand-van-zaken-pok-2021/16/gebeurtenis/1"), new P_Inverse(link(ag("gebeurtenis"))), "MinCount",
                        "linked from its action with ag:gebeurtenis"),
                new Breakage("dossiernummer with a space",
                        "DELETE WHERE { <kamerstuk/35510-21> ag:dossiernummer ?d } ; INSERT DATA { <kamerstuk/35510-21> ag:dossiernummer \"35 510\" }",
                        id("kamerstuk/35510-21"), link(ag("dossiernummer")), "Pattern", "digits only"),
                new Breakage("dossiernummer as a number",
                        "DELETE WHERE { <kamerstuk/35510-21> ag:dossiernummer ?d } ; INSERT DATA { <kamerstuk/35510-21> ag:dossiernummer 35510 }",
                        id("kamerstuk/35510-21"), link(ag("dossiernummer")), "Datatype", "digits only"),
                new Breakage("ondernummer as a string",
                        "DELETE WHERE { <kamerstuk/35510-21> ag:ondernummer ?d } ; INSERT DATA { <kamerstuk/35510-21> ag:ondernummer \"21\" }",
                        id("kamerstuk/35510-21"), link(ag("ondernummer")), "Datatype", "as an xsd:integer"),
                new Breakage("motion part without numbers",
                        "DELETE WHERE { <kamerstuk/35510-21-deel-1> ag:ondernummer ?d }",
                        id("kamerstuk/35510-21-deel-1"), link(ag("ondernummer")), "MinCount", "exactly one ag:ondernummer"),
                new Breakage("Kamerstuk without dossiernummer",
                        "DELETE WHERE { <kamerstuk/35510-21> ag:dossiernummer ?d }",
                        id("kamerstuk/35510-21"), link(ag("dossiernummer")), "MinCount", "exactly one ag:dossiernummer"),
                new Breakage("motion known only by its submitters but without any",
                        "INSERT DATA { <motie/lodders-van-weyenberg> a ag:Motie ; rdfs:label \"Motie Lodders/Van Weyenberg\"@nl }",
                        id("motie/lodders-van-weyenberg"), null, "SPARQL", "its submitters are what identify it"),
                new Breakage("motion with a number but no dossier",
                        "INSERT DATA { <motie/segers> a ag:Motie ; rdfs:label \"Motie Segers\"@nl ;"
                                + " ag:indiener <persoon/gert-jan-segers> ; ag:ondernummer 26 }",
                        id("motie/segers"), link(ag("dossiernummer")), "MinCount", "exactly one ag:dossiernummer"),
                new Breakage("submitter who is not a person",
                        "INSERT DATA { <kamerstuk/35510-21> ag:indiener <organisatie/szw> }",
                        id("kamerstuk/35510-21"), link(ag("indiener")), "Class", "kamerleden.ttl"),
                new Breakage("theme that is no skos:Concept",
                        "DELETE DATA { <thema/pok/herstel> a skos:Concept }",
                        id("thema/pok/herstel"), link(iri(RDF.type.getURI())), "HasValue", "skos:Concept"),
                new Breakage("theme outside the theme scheme",
                        "DELETE WHERE { <thema/pok/herstel> skos:inScheme ?s }",
                        id("thema/pok/herstel"), link(iri("http://www.w3.org/2004/02/skos/core#inScheme")), "MinCount",
                        "skos:inScheme the theme scheme of its series"),
                new Breakage("organisation without skos:prefLabel",
                        "DELETE WHERE { <organisatie/szw> skos:prefLabel ?l }",
                        id("organisatie/szw"), link(iri("http://www.w3.org/2004/02/skos/core#prefLabel")), "MinCount",
                        "skos:prefLabel"),
                new Breakage("report date as text",
                        "DELETE WHERE { ?r dcterms:date ?d } ; INSERT DATA { <rapport/stand-van-zaken-pok-2021> dcterms:date \"juni 2021\" }",
                        id("rapport/stand-van-zaken-pok-2021"), link(iri("http://purl.org/dc/terms/date")), "Datatype",
                        "dcterms:date"),
                new Breakage("report without publisher",
                        "DELETE WHERE { ?r dcterms:publisher ?p }",
                        id("rapport/stand-van-zaken-pok-2021"), link(iri("http://purl.org/dc/terms/publisher")), "MinCount",
                        "publisher"),
                new Breakage("mention in an unknown column",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/1> ag:kolom ?k } ; INSERT DATA { <stand/stand-van-zaken-pok-2021/12/vermelding/1> ag:kolom \"beschrijving\" }",
                        vermelding, link(ag("kolom")), "In", "\"omschrijving\", \"standVanZaken\" or \"voetnoot\""),
                new Breakage("mention whose text is untagged",
                        "DELETE WHERE { <stand/stand-van-zaken-pok-2021/12/vermelding/1> ag:tekst ?k } ; INSERT DATA { <stand/stand-van-zaken-pok-2021/12/vermelding/1> ag:tekst \"NR 21\" }",
                        vermelding, link(ag("tekst")), "Datatype", "tagged as Dutch"),
                new Breakage("mention of a fact that is not in the graph",
                        "DELETE WHERE { <actie/pok/12> ag:geeftUitvoeringAan ?m }",
                        vermelding, null, "SPARQL", "but no such triple is in the graph"),
                new Breakage("mention not linked from its action",
                        "DELETE WHERE { ?holder ag:vermelding <stand/stand-van-zaken-pok-2021/12/vermelding/1> }",
                        vermelding, new P_Inverse(link(ag("vermelding"))), "MinCount", "with ag:vermelding")
                        .alsoAt(actie12)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachMistakeIsReportedWhereItIsWithItsMessage(Breakage b) {
        ValidationReport report = validate(broken(b.update()));
        assertFalse(report.conforms(), b.name() + " should not conform");
        Collection<ReportEntry> entries = report.getEntries();
        boolean found = entries.stream().anyMatch(e ->
                e.severity() == Severity.Violation
                        && e.focusNode().equals(b.focus())
                        && (b.path() == null ? e.resultPath() == null : b.path().equals(e.resultPath()))
                        && e.sourceConstraintComponent().getURI().equals(sh(b.component() + "ConstraintComponent").getURI())
                        && e.message().contains(b.message()));
        assertTrue(found, () -> "expected a " + b.component() + " violation on " + b.focus() + " " + b.path()
                + " saying \"" + b.message() + "\"; got:\n" + describe(report));
        // The mistake is reported where it is, not as noise across the graph.
        Set<Node> focusNodes = entries.stream().map(ReportEntry::focusNode).collect(Collectors.toSet());
        Set<Node> expected = new java.util.HashSet<>(b.alsoReportedAt());
        expected.add(b.focus());
        assertEquals(expected, focusNodes, () -> describe(report));
    }

    private static Model broken(String update) {
        Model data = Fixtures.exampleUnion();
        UpdateAction.parseExecute(PREFIXES + update, data);
        return data;
    }

    private static ValidationReport validate(Model data) {
        return ShaclValidator.get().validate(shapes, data.getGraph());
    }

    private static Path link(Node property) {
        return new P_Link(property);
    }

    private static Node iri(String uri) {
        return org.apache.jena.graph.NodeFactory.createURI(uri);
    }

    private static String describe(ValidationReport report) {
        if (report.conforms()) {
            return "(conforms)";
        }
        return report.getEntries().stream()
                .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.sourceConstraintComponent().getLocalName()
                        + ": " + e.message())
                .collect(Collectors.joining("\n"));
    }
}
