package nl.actiegraaf.ontology;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import nl.actiegraaf.vocab.AG;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ontology is the public contract researchers write SPARQL against: check it says what it must. */
class OntologyTest {
    private static final String VANN = "http://purl.org/vocab/vann/";
    private static final Set<Resource> DECLARATION_TYPES = Set.of(
            OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL2.NamedIndividual, SKOS.ConceptScheme,
            // a property whose values are IRIs or literals (ag:oudeWaarde: a status or a date)
            RDF.Property);

    private static Model ontology;

    @BeforeAll
    static void load() {
        ontology = Fixtures.ontology();
    }

    @Test
    void parsesInJenaAsOneOntologyWithItsMetadata() {
        List<Resource> headers = ontology.listSubjectsWithProperty(RDF.type, OWL.Ontology).toList();
        assertEquals(1, headers.size(), "exactly one owl:Ontology");
        Resource header = headers.get(0);
        assertEquals("https://w3id.org/actiegraaf/def", header.getURI());
        assertHasLangs(header, DCTerms.title);
        assertHasLangs(header, DCTerms.description);
        assertTrue(header.hasProperty(DCTerms.creator), "dcterms:creator");
        assertTrue(header.hasProperty(DCTerms.license,
                ontology.createResource("https://creativecommons.org/licenses/by/4.0/")), "CC BY 4.0");
        assertTrue(header.hasProperty(OWL.versionInfo), "owl:versionInfo");
        assertEquals("ag", header.getProperty(ontology.createProperty(VANN, "preferredNamespacePrefix")).getString());
        assertEquals(AG.NS, header.getProperty(ontology.createProperty(VANN, "preferredNamespaceUri")).getString());
    }

    @Test
    void parsesInASecondToolkit() throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.ONTOLOGY)) {
            org.eclipse.rdf4j.model.Model parsed = Rio.parse(in, AG.NS, RDFFormat.TURTLE);
            assertEquals(ontology.size(), parsed.size(), "Jena and RDF4J read the same number of triples");
        }
    }

    /** Every name the Java code uses ({@link AG}) exists in the ontology with both labels. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("termsOfAG")
    void everyTermOfTheJavaVocabularyIsDeclared(String localName) {
        Resource term = ontology.createResource(AG.NS + localName);
        assertDeclared(term);
        assertHasLangs(term, RDFS.label);
        assertHasLangs(term, SKOS.definition);
    }

    /** The names agreed between the branches beyond issue 2's list. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eersteRegel", "laatsteRegel", "voetnoot", "Vermelding", "vermelding", "vermeldt",
            "relatie", "kolom", "Gebeurtenis", "gebeurtenis", "toegezegdDoor", "tekst", "datum", "vanaf"})
    void everyAgreedExtraTermIsDeclared(String localName) {
        Resource term = ontology.createResource(AG.NS + localName);
        assertDeclared(term);
        assertHasLangs(term, RDFS.label);
        assertHasLangs(term, SKOS.definition);
    }

    @Test
    void everyDeclaredTermHasDutchAndEnglishLabelsAndDefinitions() {
        List<String> problems = new ArrayList<>();
        for (Resource term : declaredTerms()) {
            for (Property p : List.of(RDFS.label, SKOS.definition)) {
                for (String lang : List.of("nl", "en")) {
                    if (literalsIn(term, p, lang).isEmpty()) {
                        problems.add(term.getLocalName() + " lacks " + p.getLocalName() + "@" + lang);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(declaredTerms().size() >= 45, "expected the full vocabulary, found " + declaredTerms().size());
    }

    /** Lets a browser of /def (or any ontology tool) go from a term to the ontology that defines it. */
    @Test
    void everyDeclaredTermIsDefinedByTheOntology() {
        Resource header = ontology.createResource("https://w3id.org/actiegraaf/def");
        for (Resource term : declaredTerms()) {
            assertTrue(term.hasProperty(RDFS.isDefinedBy, header), term.getLocalName() + " lacks rdfs:isDefinedBy");
        }
    }

    @Test
    void declaresOnlyTermsInItsOwnNamespace() {
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            ontology.listSubjectsWithProperty(RDF.type, type)
                    .filterKeep(Resource::isURIResource)
                    .forEachRemaining(r -> assertTrue(r.getURI().startsWith(AG.NS),
                            r + " is declared as " + type.getLocalName() + " but lies outside " + AG.NS));
        }
    }

    @Test
    void propertiesSayWhatTheyHoldAndClassesWhatTheySpecialise() {
        for (Resource p : ontology.listSubjectsWithProperty(RDF.type, OWL.DatatypeProperty).toList()) {
            assertTrue(p.hasProperty(RDFS.range), p.getLocalName() + " needs an rdfs:range");
        }
        for (Resource c : ontology.listSubjectsWithProperty(RDF.type, OWL.Class).filterKeep(Resource::isURIResource).toList()) {
            assertTrue(c.hasProperty(RDFS.subClassOf), c.getLocalName() + " should be aligned by rdfs:subClassOf");
        }
    }

    static Stream<Arguments> alignments() {
        String skos = SKOS.getURI();
        String prov = "http://www.w3.org/ns/prov#";
        String time = "http://www.w3.org/2006/time#";
        String foaf = "http://xmlns.com/foaf/0.1/";
        String org = "http://www.w3.org/ns/org#";
        String dct = DCTerms.getURI();
        return Stream.of(
                Arguments.of("Thema", RDFS.subClassOf, skos + "Concept"),
                Arguments.of("Actie", RDFS.subClassOf, prov + "Plan"),
                Arguments.of("Motie", RDFS.subClassOf, AG.NS + "Kamerstuk"),
                Arguments.of("Motie", RDFS.subClassOf, "http://www.w3.org/ns/opengov#Motion"),
                Arguments.of("Kamerstuk", RDFS.subClassOf, foaf + "Document"),
                Arguments.of("Rapport", RDFS.subClassOf, prov + "Entity"),
                Arguments.of("Organisatie", RDFS.subClassOf, org + "Organization"),
                Arguments.of("Persoon", RDFS.subClassOf, foaf + "Person"),
                Arguments.of("Deadline", RDFS.subClassOf, time + "Instant"),
                Arguments.of("Toezegging", RDFS.subClassOf, prov + "Entity"),
                Arguments.of("Vermelding", RDFS.subClassOf, prov + "Entity"),
                Arguments.of("Status", RDFS.subClassOf, skos + "Concept"),
                Arguments.of("datum", RDFS.subPropertyOf, time + "inXSDDate"),
                Arguments.of("indiener", RDFS.subPropertyOf, dct + "creator"),
                Arguments.of("thema", RDFS.subPropertyOf, dct + "subject"),
                Arguments.of("verantwoordelijke", RDFS.subPropertyOf, AG.NS + "betrokkene"),
                Arguments.of("deelVan", RDFS.subPropertyOf, dct + "isPartOf"),
                Arguments.of("toegezegdDoor", RDFS.subPropertyOf, prov + "wasAttributedTo"),
                Arguments.of("nummer", RDFS.range, XSD.integer.getURI()),
                Arguments.of("ondernummer", RDFS.range, XSD.integer.getURI()),
                Arguments.of("dossiernummer", RDFS.range, XSD.xstring.getURI()),
                Arguments.of("datum", RDFS.range, XSD.date.getURI()),
                Arguments.of("vanaf", RDFS.range, XSD.date.getURI()),
                Arguments.of("omschrijving", RDFS.range, RDF.langString.getURI()),
                Arguments.of("geeftUitvoeringAan", RDFS.range, AG.NS + "Motie"),
                Arguments.of("indiener", RDFS.range, AG.NS + "Persoon"),
                Arguments.of("betrokkene", RDFS.range, AG.NS + "Organisatie"));
    }

    @ParameterizedTest(name = "ag:{0} {1} <{2}>")
    @MethodSource("alignments")
    void alignsWithStandardVocabularies(String localName, Property p, String object) {
        Resource term = ontology.createResource(AG.NS + localName);
        assertTrue(term.hasProperty(p, ontology.createResource(object)),
                "ag:" + localName + " " + p.getLocalName() + " " + object);
    }

    @Test
    void alignsBySpecialisationNotEquivalence() {
        // owl:equivalentClass is used only for the closed enumeration of status values (a blank node).
        ontology.listStatements(null, OWL.equivalentClass, (RDFNode) null).forEachRemaining(
                s -> assertTrue(s.getObject().isAnon(), "unexpected equivalence " + s));
        assertFalse(ontology.contains(null, OWL.equivalentProperty, (RDFNode) null), "no owl:equivalentProperty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Afgerond", "Lopend", "NietGestart", "Onbekend"})
    void statusValuesAreNamedIndividualsInTheirScheme(String localName) {
        Resource value = ontology.createResource(AG.NS + localName);
        assertTrue(value.hasProperty(RDF.type, OWL2.NamedIndividual));
        assertTrue(value.hasProperty(RDF.type, ontology.createResource(AG.NS + "Status")));
        assertTrue(value.hasProperty(RDF.type, SKOS.Concept));
        assertTrue(value.hasProperty(SKOS.inScheme, ontology.createResource(AG.NS + "Statuswaarden")));
        assertHasLangs(value, SKOS.prefLabel);
    }

    /** The example data read with the ontology under Jena's OWL rules: no clash of types or ranges. */
    @Test
    void exampleDataIsConsistentWithTheOntology() {
        ValidityReport report = validity(Fixtures.exampleUnion());
        assertTrue(report.isValid(), () -> describe(report));
    }

    @Test
    void aNumberThatIsNotAnIntegerClashesWithTheRangeOfNummer() {
        Model data = Fixtures.exampleUnion();
        Resource action = data.createResource(Iris.ID + "actie/12");
        Property nummer = data.createProperty(AG.NS + "nummer");
        data.removeAll(action, nummer, null);
        data.add(action, nummer, "twaalf");
        assertFalse(validity(data).isValid(), "a string ag:nummer must clash with its range xsd:integer");
    }

    private static ValidityReport validity(Model data) {
        Model both = ModelFactory.createDefaultModel().add(ontology).add(data);
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), both);
        return inf.validate();
    }

    private static String describe(ValidityReport report) {
        StringBuilder text = new StringBuilder();
        report.getReports().forEachRemaining(r -> text.append(r).append('\n'));
        return text.toString();
    }

    static Stream<String> termsOfAG() {
        List<String> names = new ArrayList<>();
        for (Field f : AG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
                try {
                    Node node = (Node) f.get(null);
                    names.add(node.getURI().substring(AG.NS.length()));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertFalse(names.isEmpty(), "no terms found in AG");
        return names.stream();
    }

    private static Set<Resource> declaredTerms() {
        Set<Resource> terms = new HashSet<>();
        for (Resource type : DECLARATION_TYPES) {
            ontology.listSubjectsWithProperty(RDF.type, type)
                    .filterKeep(r -> r.isURIResource() && r.getURI().startsWith(AG.NS))
                    .forEachRemaining(terms::add);
        }
        return terms;
    }

    private static void assertDeclared(Resource term) {
        List<Resource> types = ontology.listObjectsOfProperty(term, RDF.type)
                .filterKeep(RDFNode::isResource).mapWith(RDFNode::asResource).toList();
        assertTrue(types.stream().anyMatch(DECLARATION_TYPES::contains),
                term.getURI() + " is not declared as a class, property or individual (types: " + types + ")");
    }

    private static void assertHasLangs(Resource term, Property p) {
        for (String lang : List.of("nl", "en")) {
            assertFalse(literalsIn(term, p, lang).isEmpty(),
                    term.getURI() + " lacks " + p.getLocalName() + "@" + lang);
        }
    }

    private static Set<String> literalsIn(Resource term, Property p, String lang) {
        Set<String> found = new TreeSet<>();
        for (Statement s : term.listProperties(p).toList()) {
            if (s.getObject().isLiteral() && lang.equals(s.getLanguage()) && !s.getString().isBlank()) {
                found.add(s.getString());
            }
        }
        return found;
    }

}
