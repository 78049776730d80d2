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
                .filter(f -> !f.mentionedOnly()).map(f -> f.organisation().code() + (f.responsible() ? "*" : "")).toList();
    }

    /** The bodies that are party to the action (not those only named). */
    private static Set<String> involved(int action) {
        return new TreeSet<>(SeedFacts.of(action).all(OrganisationFact.class).stream()
                .filter(f -> !f.mentionedOnly()).map(f -> f.organisation().code()).toList());
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
        // The inspectorate named after the three bodies it inspects is a body of its own.
        assertEquals(List.of("inspectie-belastingen-toeslagen-en-douane", "nationale-ombudsman"),
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
        assertEquals(List.of("landsadvocaat", "tweede-kamer"), codes("Adviezen LA aan de Kamer verstrekken"));
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

    /** Action 22 lists the new inspectorate, not the Belastingdienst, Toeslagen and Douane it inspects. */
    @Test
    void theInspectorateIsNotTheBodiesItInspects() {
        Set<String> involved = involved(22);
        assertTrue(involved.contains("inspectie-belastingen-toeslagen-en-douane"), involved::toString);
        assertTrue(involved.stream().noneMatch(Set.of("belastingdienst", "toeslagen", "douane")::contains), involved::toString);
    }

    /** A committee named after a body is not that body. */
    @Test
    void aCommitteeIsNotTheBodyItIsNamedAfter() {
        assertEquals(List.of(), codes("In diverse werkgroepen en de Ministeriële Commissie Toeslagen Herstel werken zij samen."));
        assertEquals(List.of("tweede-kamer"), codes("Bespreking is in de Tweede Kamer voorzien op 5 juli met de commissie BZK."));
        assertEquals(List.of("tweede-kamer"), codes("Er zijn vragen gesteld door de commissie van BZK van de Tweede Kamer."));
        // Action 5: Rijk and gemeenten work together in that committee; Dienst Toeslagen is not named.
        assertEquals(Set.of("gemeenten"), involved(5));
        // Action 64: BZK is still the responsible body ("heeft de Minister van Binnenlandse Zaken ... gezonden")
        // and named as "minister van BZK De Vries"; "de commissie van BZK" and "de commissie BZK" add nothing.
        assertEquals(List.of("Binnenlandse Zaken en Koninkrijksrelaties*", "BZK"), SeedFacts.of(64).all(OrganisationFact.class)
                .stream().filter(f -> f.organisation().code().equals("bzk"))
                .map(f -> f.evidence().text() + (f.responsible() ? "*" : "")).toList());
    }

    /** The ministers without portfolio belong to a ministry: "minister voor MZS" is VWS, "minister voor RB" JenV. */
    @Test
    void ministersForAPortfolioAreTheirMinistry() {
        assertTrue(involved(54).containsAll(Set.of("vws", "ocw", "jenv", "szw", "bzk")), () -> involved(54).toString());
        assertTrue(involved(80).contains("jenv"), () -> involved(80).toString());
        assertTrue(involved(82).contains("jenv"), () -> involved(82).toString());
        assertEquals(List.of("vws", "ocw"), codes("mede namens de minister voor MZS en de minister voor BVOM."));
    }

    /** "Aan de hand van concrete casussen houdt de Belastingdienst ...": the inverted subject is the actor. */
    @Test
    void anInvertedSubjectIsTheActor() {
        assertEquals(Set.of("belastingdienst"), responsible(17));
        assertEquals(Set.of("belastingdienst"), responsible(12)); // "Op dit moment bekijkt de Belastingdienst ..."
        assertEquals(Set.of("belastingdienst"), responsible(29)); // "Daarvoor investeert de Belastingdienst ..."
        assertEquals(Set.of("szw"), responsible(44)); // "de brief die de minister van SZW op 12 februari ... heeft gestuurd"
        assertEquals(Set.of("bzk"), responsible(61)); // "onderdeel van de grondrechtentoets door het ministerie van BZK"
        // Receiving is no acting: "... ontvangt de Tweede Kamer ... een eerste rapportage" (action 81).
        assertEquals(Set.of("bzk"), responsible(81));
        assertEquals(List.of("tweede-kamer"), codes("Daarna ontvangt de Tweede Kamer een rapportage."));
        assertEquals(List.of("belastingdienst"), codes("Het gesprek met de Belastingdienst volgt."));
    }

    @Test
    void parliamentIsInformedNotResponsible() {
        assertEquals(List.of("tweede-kamer"), codes("De Tweede Kamer wordt hierover eveneens in de voortgangsbrief geïnformeerd."));
        assertEquals(List.of("tweede-kamer"), codes("De Tweede Kamer is hierover geïnformeerd met de brief."));
    }

    /** An advice a body gave earlier is a document the text cites; the body takes no part in the action. */
    @Test
    void theAuthorOfACitedAdviceIsNoParty() {
        // 27 "... in de kabinetsreactie op het Raad van State-advies", 84 "... nader rapport RvS-advies ...",
        // 65 "... in het nader rapport bij het advies van de Raad van State over de ministeriële verantwoordelijkheid".
        for (int action : new int[] {27, 65, 84}) {
            assertTrue(!involved(action).contains("raad-van-state"), () -> action + ": " + involved(action));
        }
        assertEquals(List.of(), codes("Dit kwam aan de orde in de kabinetsreactie op het Raad van State-advies."));
        // Asking a body for its advice does involve it: 48 "... voor advies aangeboden aan de Raad van State".
        assertTrue(involved(48).contains("raad-van-state"));
        assertEquals(List.of("raad-voor-de-rechtspraak"), codes("Daarnaast is advies gevraagd aan de Raad voor de Rechtspraak."));
    }

    /** "marginale toetsing en rol Raad van State" (86, a quoted motion): the body's role is a topic. */
    @Test
    void aBodysRoleAsTopicIsNoParty() {
        assertTrue(!involved(86).contains("raad-van-state"), () -> involved(86).toString());
        assertEquals(List.of(), codes("Onderzoek naar de rol van de Raad van State in het bestuursrecht."));
    }

    /** "Samenwerking BD/T met opdrachtgevers" (17): bodies joined by a slash, "T" the Toeslagen. */
    @Test
    void bodiesJoinedByASlash() {
        assertTrue(involved(17).containsAll(Set.of("belastingdienst", "toeslagen")), () -> involved(17).toString());
        assertEquals(List.of("belastingdienst", "toeslagen"), codes("Samenwerking BD/T met opdrachtgevers verbeteren."));
        // "T" alone, or after a slash that follows no body, is no name.
        assertEquals(List.of(), codes("Zie bijlage T en de A/T-verhouding."));
        assertEquals(List.of(), codes("T. de Vries schreef het."));
    }

    @Test
    void deKamerIsTheTweedeKamerAndDeKamersAreBothChambers() {
        // A government report to the Tweede Kamer calls it "de Kamer" or "Uw Kamer" (action 24).
        assertEquals(List.of("tweede-kamer"), codes("In Q3 wordt de Kamer geïnformeerd over de voorgenomen herziening van de RPE."));
        assertEquals(List.of("tweede-kamer"), codes("Hierover is Uw Kamer op 12 mei geïnformeerd."));
        assertEquals(List.of("tweede-kamer", "eerste-kamer"), codes("De wet is aan beide Kamers voorgelegd."));
        assertEquals(List.of("tweede-kamer"), codes("De Tweede Kamer wordt geïnformeerd."), "no second hit inside the name");
        assertEquals(List.of(), codes("Een kamer in het gebouw."));
        for (int action : new int[] {7, 10, 14, 15, 24, 61, 63, 70}) {
            assertTrue(involved(action).contains("tweede-kamer"), "action " + action);
        }
        assertTrue(involved(65).contains("eerste-kamer"), "65: Samen met de Kamers");
    }

    @Test
    void aBodyOnlyNamedIsKeptAsAMentionNotAParty() {
        // The Raad van State as the author of a cited advice (27, 65, 84, 86) is named, no party.
        for (int action : new int[] {27, 65, 84, 86}) {
            List<OrganisationFact> raad = SeedFacts.of(action).all(OrganisationFact.class).stream()
                    .filter(f -> f.organisation().code().equals("raad-van-state")).toList();
            assertTrue(!raad.isEmpty() && raad.stream().allMatch(OrganisationFact::mentionedOnly), "action " + action + ": " + raad);
        }
    }
}
