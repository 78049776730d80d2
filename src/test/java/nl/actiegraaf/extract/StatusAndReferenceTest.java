package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.ReferenceFact;
import nl.actiegraaf.extract.Fact.Status;
import nl.actiegraaf.extract.Fact.StatusFact;

class StatusAndReferenceTest {
    private static StatusFact status(int action) {
        return SeedFacts.of(action).all(StatusFact.class).get(0);
    }

    @Test
    void anEmptyStatusIsUnknown() {
        assertEquals(Status.ONBEKEND, status(4).status());
        assertNull(status(4).evidence());
    }

    @Test
    void doneWhereTheTextSaysItWasDoneWithTheDecidingSentence() {
        assertEquals(Status.AFGEROND, status(16).status());
        assertEquals("Op 30 april jl. heeft de minister van SZW de brief naar de Tweede Kamer gestuurd inzake uitwerking "
                + "afschaffing van de kinderopvangtoeslag (Kamerstuk 35510-26).", status(16).evidence().text());
        assertEquals(Status.AFGEROND, status(26).status()); // "Afgerond op 5 maart jl. ..."
        assertEquals(Status.AFGEROND, status(69).status()); // "... worden sinds de ministerraad van 16 april openbaar gemaakt."
        assertEquals(Status.AFGEROND, status(52).status()); // "De Tweede Kamer is hierover geïnformeerd met de brief ..."
        assertEquals("De uitkomsten zijn 25 juni jl. naar de Kamer gestuurd.", status(15).evidence().text());
    }

    /**
     * When the first status sentence says the very thing the action asks for was sent, the action is
     * done, whatever follow-up later sentences announce with "zal".
     */
    @Test
    void doneWhenTheDeliverableTheActionAsksForWasSent() {
        // 72 "Opstellen van een Generiek actieplan informatiehuishouding ...":
        assertEquals(Status.AFGEROND, status(72).status());
        assertTrue(status(72).evidence().text().startsWith(
                "Op 6 april 2021 is het generieke actieplan informatiehuishouding 'Open op Orde' naar de Tweede Kamer gezonden"));
        // 58 "Verkenning Nationaal coördinator ...", although "De minister van BZK zal ... starten met de wervingsprocedure":
        assertEquals(Status.AFGEROND, status(58).status());
        assertEquals("Op 10 maart 2021 is de verkenning naar een Nationaal Coördinator tegen Discriminatie en Racisme naar "
                + "de Tweede Kamer gezonden.", status(58).evidence().text());
        // A letter about something else than what was asked leaves the action open (44: research; 64: a draft policy).
        assertEquals(Status.LOPEND, status(64).status());
        StatusClassifier classifier = new StatusClassifier();
        List<Sentence> asked = List.of(new Sentence("Verkenning Nationaal coördinator tegen discriminatie", Column.OMSCHRIJVING));
        assertEquals(Status.LOPEND, classifier.classify(asked, List.of(
                new Sentence("Op 4 juni is een Kamerbrief naar de Tweede Kamer gezonden.", Column.STAND_VAN_ZAKEN),
                new Sentence("De verkenning zal volgen.", Column.STAND_VAN_ZAKEN))).status());
    }

    @Test
    void notStartedWhereWorkHasNotBegun() {
        assertEquals(Status.NIET_GESTART, status(47).status());
        assertEquals("Planning voor dit wetsvoorstel moet nog worden opgesteld.", status(47).evidence().text());
    }

    /** A status that only announces what will happen, or leaves the next step to others, reports no work yet. */
    @Test
    void notStartedWhereTheStatusOnlyAnnouncesOrWaitsForOthers() {
        assertEquals(Status.NIET_GESTART, status(62).status());
        assertEquals("Deze brede doorlichting zal bij de Staatscommissie Discriminatie en Racisme worden betrokken.",
                status(62).evidence().text());
        assertEquals(Status.NIET_GESTART, status(25).status());
        assertEquals("Het is aan formerende partijen om het verzoek tot een uitvoeringstoets op het regeerakkoord te doen.",
                status(25).evidence().text());
        // An announcement beside a report of work done or going on is work under way.
        StatusClassifier classifier = new StatusClassifier();
        assertEquals(Status.LOPEND, classifier.classify(List.of(
                new Sentence("Een plan van aanpak is opgesteld.", Column.STAND_VAN_ZAKEN),
                new Sentence("Het plan zal in juni worden besproken.", Column.STAND_VAN_ZAKEN))).status());
        // 67: a draft policy already holds the explanation the action asks for: under way, not done.
        assertEquals(Status.LOPEND, status(67).status());
    }

    @Test
    void ongoingOtherwiseEvenWhenALetterWasSentOnTheWay() {
        assertEquals(Status.LOPEND, status(44).status()); // a letter went out on 4 June, the research runs on
        assertEquals(Status.LOPEND, status(81).status());
        assertEquals(Status.LOPEND, status(18).status());
        assertEquals(Status.LOPEND, status(12).status());
    }

    @Test
    void referencesToOtherActions() {
        assertEquals(List.of("18 <- zie actie 18"), refs(17));
        assertEquals(List.of("33 <- Zie ook actie 33"), refs(48));
        assertEquals(List.of("33 <- zie ook 33"), refs(32));
        assertEquals(List.of("37 <- zie actie 37"), refs(44));
        assertEquals(List.of(), new ReferenceExtractor().extract(new Sentence("zie actie 17", Column.STAND_VAN_ZAKEN), 17));
    }

    private static List<String> refs(int action) {
        return SeedFacts.of(action).all(ReferenceFact.class).stream()
                .map(r -> r.action() + " <- " + r.evidence().text()).toList();
    }
}
