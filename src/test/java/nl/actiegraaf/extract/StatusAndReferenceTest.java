package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void notStartedWhereWorkHasNotBegun() {
        assertEquals(Status.NIET_GESTART, status(47).status());
        assertEquals("Planning voor dit wetsvoorstel moet nog worden opgesteld.", status(47).evidence().text());
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
