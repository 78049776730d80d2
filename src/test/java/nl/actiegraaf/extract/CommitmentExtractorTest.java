package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.CommitmentFact;

class CommitmentExtractorTest {
    private static List<CommitmentFact> of(int action) {
        return SeedFacts.of(action).all(CommitmentFact.class);
    }

    private static CommitmentFact starting(int action, String start) {
        return of(action).stream().filter(c -> c.evidence().text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no commitment starting '" + start + "' in " + of(action)));
    }

    @Test
    void theStateSecretaryPromisedASecondLetterAfterTheSummer() {
        CommitmentFact promise = starting(12, "In reactie op de motie Marijnissen II heeft de staatssecretaris toegezegd");
        assertEquals("In reactie op de motie Marijnissen II heeft de staatssecretaris toegezegd dat de mensen in FSV – behalve "
                + "de uitzonderingsgroepen - na de zomer een tweede brief krijgen.", promise.evidence().text());
        assertEquals("na de zomer", promise.deadline().evidence().text());
        assertEquals(LocalDate.of(2021, 12, 31), promise.deadline().date());
        CommitmentFact streven = starting(12, "Het streven is dat de uitkomst van dit onderzoek");
        assertEquals(LocalDate.of(2021, 9, 30), streven.deadline().date());
    }

    @Test
    void promisedReportsToParliamentWithTheirDeadline() {
        CommitmentFact toegezegd = starting(84, "Toegezegd is voor het eind van het jaar aan de Tweede Kamer te rapporteren");
        assertEquals(LocalDate.of(2021, 12, 31), toegezegd.deadline().date());
        CommitmentFact herfst = starting(41, "In de herfst volgt hierover een kamerbrief.");
        assertEquals(LocalDate.of(2021, 11, 30), herfst.deadline().date());
        assertEquals(LocalDate.of(2021, 9, 1), herfst.deadline().from());
    }

    @Test
    void whoCommittedWhereTheSentenceSaysSo() {
        CommitmentFact bzk = starting(73, "In aanloop naar Prinsjesdag zal de Staatssecretaris van BZK");
        assertEquals("bzk", bzk.byOrganisation().code());
        assertEquals(LocalDate.of(2021, 9, 21), bzk.deadline().date());
        CommitmentFact ministerBzk = starting(84, "De Tweede Kamer wordt eind 2021");
        assertEquals("bzk", ministerBzk.byOrganisation().code());
        // The members who asked the questions did not commit to anything.
        assertTrue(of(81).stream().allMatch(c -> c.byPerson() == null));
    }

    @Test
    void aReportAlreadyMadeIsNoCommitment() {
        assertEquals(List.of(), of(52)); // "De Tweede Kamer is hierover geïnformeerd met de brief ..."
        assertEquals(List.of(), of(16));
        assertTrue(of(70).stream().noneMatch(c -> c.evidence().text().startsWith("Ik verwacht")));
    }

    @Test
    void plannedDeliveriesAreCommitments() {
        assertEquals(LocalDate.of(2021, 8, 31), starting(48, "Dit wetsvoorstel wordt zomer 2021 voor advies aangeboden")
                .deadline().date());
        assertEquals(LocalDate.of(2021, 11, 30), starting(37, "De planning is erop gericht").deadline().date());
        assertEquals(LocalDate.of(2022, 3, 1), starting(71, "Op 1 maart 2022").deadline().date());
    }
}
