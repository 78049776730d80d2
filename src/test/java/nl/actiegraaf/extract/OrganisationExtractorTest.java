package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.OrganisationFact;

class OrganisationExtractorTest {
    private final OrganisationExtractor extractor = new OrganisationExtractor(SeedFacts.organisations());

    private List<String> codes(String text) {
        return extractor.extract(new Sentence(text, Column.STAND_VAN_ZAKEN), List.of()).stream()
                .map(f -> f.organisation().code() + (f.responsible() ? "*" : "")).toList();
    }

    private static Set<String> involved(int action) {
        return new TreeSet<>(SeedFacts.of(action).all(OrganisationFact.class).stream()
                .map(f -> f.organisation().code()).toList());
    }

    private static Set<String> responsible(int action) {
        return new TreeSet<>(SeedFacts.of(action).all(OrganisationFact.class).stream()
                .filter(OrganisationFact::responsible).map(f -> f.organisation().code()).toList());
    }

    @Test
    void organisationsInAListOnActionTwo() {
        assertEquals(Set.of("cak", "cjib", "duo", "lbio", "uwv", "svb", "gemeenten", "waterschappen", "uht"), involved(2));
        OrganisationFact first = SeedFacts.of(2).all(OrganisationFact.class).get(0);
        assertEquals("CAK", first.evidence().text());
    }

    @Test
    void noIsTheNationaleOmbudsmanOnlyInAListOfBodies() {
        assertEquals(List.of("belastingdienst", "toeslagen", "douane", "nationale-ombudsman"),
                codes("waaronder ook de nieuwe inspectie Belastingdienst, Toeslagen en Douane, No, hoogste bestuursrechters"));
        assertEquals(List.of("nationale-ombudsman"),
                codes("het actief inventariseren bij uitvoering, belangenorganisaties en No welke mogelijke hardheden"));
        assertEquals(List.of(), codes("No, dat is niet de bedoeling."));
        assertEquals(List.of(), codes("In een Nota van Wijziging en in november is No sprake van."));
        assertTrue(involved(22).contains("nationale-ombudsman"));
        assertTrue(involved(37).contains("nationale-ombudsman"));
    }

    @Test
    void laOnlyAsTheLandsadvocaat() {
        assertEquals(List.of("landsadvocaat"), codes("Adviezen LA aan de Kamer verstrekken"));
        assertEquals(List.of(), codes("De LAndelijke aanpak en een PLAn van aanpak."));
        assertEquals(Set.of("landsadvocaat"), involved(70).stream().filter(c -> c.startsWith("l")).collect(
                java.util.stream.Collectors.toSet()));
        long landsadvocaatActions = SeedFacts.all().stream().filter(a -> a.all(OrganisationFact.class).stream()
                .anyMatch(f -> f.organisation().code().equals("landsadvocaat"))).count();
        assertEquals(1, landsadvocaatActions);
    }

    @Test
    void aNameInsideAWordOrAWebAddressIsNoMatch() {
        assertEquals(List.of(), codes("De gemeentelijke hulp en het gemeentefonds op Belastingdienst.nl."));
        // A hyphenated compound names the body: "UWV-wetten" are the laws UWV carries out.
        assertEquals(List.of("uwv"), codes("de in de motie genoemde wetten (Participatiewet, UWV-wetten, pgb)."));
        assertEquals(List.of(), codes("De SVBuitvoering en BKRegistratie zijn geen namen."));
        assertEquals(List.of(), codes("Uitwerking van regelingen voor gedupeerden van andere toeslagen."));
    }

    @Test
    void variantsAndAbbreviationsResolveToOneBody() {
        assertEquals(List.of("jenv"), codes("Het deelprogramma van de stelselvernieuwing rechtsbijstand (J&V) onderzoekt."));
        assertEquals(List.of("bzk*", "financien*"), codes("Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties en "
                + "het ministerie van Financiën faciliteren vanuit hun kaderstellende rol."));
        assertTrue(involved(32).containsAll(Set.of("szw", "bzk", "jenv", "vws", "ocw", "financien", "svb", "uwv")));
        assertEquals(Set.of("belastingdienst", "toeslagen"), involved(19).stream()
                .filter(c -> !c.startsWith("m")).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theResponsibleBodyIsTheOneTheTextMakesTheActor() {
        assertEquals(Set.of("szw"), responsible(16)); // "Op 30 april jl. heeft de minister van SZW de brief ... gestuurd"
        assertEquals(Set.of("bzk"), responsible(81)); // "onder coördinatie van de staatssecretaris van BZK"
        assertEquals(Set.of("bzk"), responsible(85)); // "Het ministerie van BZK heeft hierin een coördinerende rol"
        assertEquals(Set.of("belastingdienst"), responsible(46)); // "De Belastingdienst werkt dit jaar aan ..."
        assertEquals(Set.of("szw"), responsible(60)); // "Het ministerie van SZW is bezig met een inventarisatie"
        assertEquals(Set.of("bzk"), responsible(28)); // "In opdracht van het ministerie van BZK"
        assertEquals(Set.of("jenv", "bzk"), responsible(35)); // "Het ministerie van Justitie en Veiligheid en het ministerie van BZK bezien"
    }

    @Test
    void aQuotedMotionTextHasNoActor() {
        assertEquals(List.of("venetie-commissie"), codes("Venetië-Commissie verzoeken om advies uit te brengen over de volgende zaken:"));
        assertEquals(Set.of("jenv", "bzk"), responsible(86)); // "De ministers van JenV en van BZK bereiden ..."
    }

    @Test
    void parliamentIsInformedNotResponsible() {
        assertEquals(List.of("tweede-kamer"), codes("De Tweede Kamer wordt hierover eveneens in de voortgangsbrief geïnformeerd."));
        assertEquals(List.of("tweede-kamer"), codes("De Tweede Kamer is hierover geïnformeerd met de brief."));
    }
}
