package nl.actiegraaf.rdf;

import nl.actiegraaf.vocab.AG;

import nl.actiegraaf.vocab.Iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.PersonRegister;

/** The registers are data; these tests guard what the issue fixes about them. */
class RegistersTest {
    private static final String TOOI = "https://identifier.overheid.nl/tooi/id/";

    @Test
    void tooiIdentifiersAreExactlyTheOnesTheIssueGives() {
        Model model = RDFDataMgr.loadModel("seeds/organisaties.ttl");
        Map<String, String> links = new TreeMap<>();
        model.listStatements(null, SKOS.exactMatch, (org.apache.jena.rdf.model.RDFNode) null).forEachRemaining(s ->
                links.put(s.getSubject().getURI().replace(Iris.ID + "organisatie/", ""),
                        s.getObject().asResource().getURI().replace(TOOI, "")));
        assertEquals(Map.ofEntries(
                Map.entry("az", "ministerie/mnre1010"), Map.entry("bz", "ministerie/mnre1013"),
                Map.entry("defensie", "ministerie/mnre1018"), Map.entry("vws", "ministerie/mnre1025"),
                Map.entry("bzk", "ministerie/mnre1034"), Map.entry("ezk", "ministerie/mnre1045"),
                Map.entry("jenv", "ministerie/mnre1058"), Map.entry("szw", "ministerie/mnre1073"),
                Map.entry("financien", "ministerie/mnre1090"), Map.entry("ocw", "ministerie/mnre1109"),
                Map.entry("ienw", "ministerie/mnre1130"), Map.entry("lnv", "ministerie/mnre1153"),
                Map.entry("belastingdienst", "oorg/oorg12368"), Map.entry("tweede-kamer", "oorg/oorg10002"),
                Map.entry("svb", "zbo/zb000143")), links);
    }

    @Test
    void everyBodyOfTheIssueIsRegistered() {
        Model model = RDFDataMgr.loadModel("seeds/organisaties.ttl");
        for (String code : new String[] {"bzk", "szw", "jenv", "financien", "ocw", "vws", "ezk", "belastingdienst",
                "toeslagen", "uht", "uwv", "svb", "duo", "cak", "cjib", "lbio", "bkr", "vng", "gemeenten", "cvdrm",
                "nationale-ombudsman", "autoriteit-persoonsgegevens", "raad-van-state", "algemene-rekenkamer",
                "landsadvocaat", "raad-voor-de-rechtspraak", "inspectie-overheidsinformatie-en-erfgoed",
                "tweede-kamer", "eerste-kamer"}) {
            assertTrue(model.containsResource(model.createResource(Iris.ID + "organisatie/" + code)), code);
        }
    }

    @Test
    void misspellingsResolveToTheMember() {
        PersonRegister persons = PersonRegister.load(java.nio.file.Path.of("seeds/kamerleden.ttl"));
        assertEquals("rob-jetten", persons.resolve("Jette").orElseThrow().slug());
        assertEquals("corrie-van-brenk", persons.resolve("van Brenk").orElseThrow().slug());
        assertEquals("steven-van-weyenberg", persons.resolve("Weyenberg").orElseThrow().slug());
        assertEquals("femke-merel-van-kooten-arissen", persons.resolve("Van Kooten-Arissen").orElseThrow().slug());
    }

    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String TIME = "http://www.w3.org/2006/time#";

    /** Party membership is dated only as far as a source dates it; Dassen and Ceder entered on 31 March 2021. */
    @Test
    void partyMembershipsAreDatedOnlyFromSources() {
        Model model = RDFDataMgr.loadModel("seeds/kamerleden.ttl");
        String q = """
                PREFIX org: <%s> PREFIX time: <%s> PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?person ?begin ?inside ?source WHERE {
                  ?m a org:Membership ; org:member ?p ; dcterms:source ?source .
                  BIND(STRAFTER(STR(?p), "/persoon/") AS ?person)
                  OPTIONAL { ?m org:memberDuring/time:hasBeginning/time:inXSDDate ?begin }
                  OPTIONAL { ?m org:memberDuring/time:inside/time:inXSDDate ?inside }
                }""".formatted(ORG, TIME);
        Map<String, String> dated = new TreeMap<>();
        try (var exec = org.apache.jena.query.QueryExecutionFactory.create(q, model)) {
            exec.execSelect().forEachRemaining(r -> dated.put(r.getLiteral("person").getString(),
                    (r.contains("begin") ? "from " + r.getLiteral("begin").getLexicalForm() : "")
                            + (r.contains("inside") ? "on " + r.getLiteral("inside").getLexicalForm() : "")));
        }
        assertEquals("from 2021-03-31", dated.get("laurens-dassen"));
        assertEquals("from 2021-03-31", dated.get("don-ceder"));
        assertEquals("on 2021-01-19", dated.get("geert-wilders")); // filed motion 35510-7 in that debate
        assertEquals("", dated.get("helma-lodders"), "no source dates it: no period rather than a guessed one");
        assertEquals(16, dated.size(), "every member of the register has one membership with a source");
        // The old claim is gone: nobody is said to have been in a party "in januari 2021" without a source.
        assertTrue(model.listStatements().toList().stream().noneMatch(st -> st.getObject().isLiteral()
                && st.getObject().asLiteral().getString().contains("Fractie in januari 2021")));
    }

    @Test
    void everyPersonSaysWhereItWasChecked() {
        Model model = RDFDataMgr.loadModel("seeds/kamerleden.ttl");
        model.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, model.createResource(AG.Persoon.getURI()))
                .forEachRemaining(p -> assertTrue(p.hasProperty(org.apache.jena.vocabulary.DCTerms.source), p.getURI()));
    }
}
