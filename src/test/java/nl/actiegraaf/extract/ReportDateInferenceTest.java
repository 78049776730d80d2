package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.report.Block;
import nl.actiegraaf.report.CellText;
import nl.actiegraaf.report.LineRange;
import nl.actiegraaf.report.ReportAction;
import nl.actiegraaf.report.ReportMetadata;

class ReportDateInferenceTest {
    @Test
    void theSeedIsDatedAtItsLatestJlDateBeforeTheFirstAsDate() {
        // "25 juni jl." (action 15) is the latest past date; "1 juli a.s." (actions 64, 70) the first coming one.
        assertEquals(Optional.of(SeedActions.REPORT_DATE), ReportDateInference.infer(SeedActions.all()));
    }

    @Test
    void metadataWins() {
        ReportMetadata metadata = new ReportMetadata("x", "t", "p", URI.create("https://example.org/"), LocalDate.of(2021, 6, 28));
        assertEquals(Optional.of(LocalDate.of(2021, 6, 28)), ReportDateInference.dateOf(metadata, SeedActions.all()));
    }

    @Test
    void aLastDecemberJlDateDoesNotCountForThisYear() {
        ReportAction action = new ReportAction(1, null, new CellText(List.of(new Block(Block.Kind.PARAGRAPH,
                "Brief van 3 maart 2021. Gedeeld op 14 december jl. en op 2 juni jl.; start op 1 juli a.s."))),
                CellText.EMPTY, List.of(), new LineRange(1, 1));
        assertEquals(Optional.of(LocalDate.of(2021, 6, 2)), ReportDateInference.infer(List.of(action)));
    }

    @Test
    void noDatesNoInference() {
        ReportAction action = new ReportAction(1, null, new CellText(List.of(new Block(Block.Kind.PARAGRAPH, "Geen data."))),
                CellText.EMPTY, List.of(), new LineRange(1, 1));
        assertEquals(Optional.empty(), ReportDateInference.infer(List.of(action)));
    }
}
