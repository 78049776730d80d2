package nl.actiegraaf.rdf;

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
}
