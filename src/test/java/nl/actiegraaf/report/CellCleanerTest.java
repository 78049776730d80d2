package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import nl.actiegraaf.report.Block.Kind;
import org.junit.jupiter.api.Test;

/** Raw cells as the report has them, and the clean blocks they become. */
class CellCleanerTest {
    private final CellCleaner cleaner = new CellCleaner(Set.of("\u00B9"));

    private List<Block> clean(String raw) {
        return cleaner.clean(raw).blocks();
    }

    private static Block p(String text) {
        return new Block(Kind.PARAGRAPH, text);
    }

    private static Block li(String text) {
        return new Block(Kind.LIST_ITEM, text);
    }

    @Test
    void paragraphTagsMakeParagraphs() {
        assertEquals(List.of(p("Communicatiestrategie is gereed."), p("Verbeteringen op de site.")),
                clean("<p>Communicatiestrategie is gereed.</p> <p>Verbeteringen op de site.</p>"));
    }

    @Test
    void dashesAfterAnUnclosedListTagAreItemsUntilTheNextParagraph() {
        assertEquals(List.of(p("Medewerkers:"), li("Aanpassing intranet (april - okt 2021);"), li("Infographic + toelichting;"),
                        p("Burgers:")),
                clean("<p>Medewerkers:</p> <ul style=\"list-style-type: none\"> - Aanpassing intranet (april - okt 2021);"
                        + " - Infographic + toelichting; <p>Burgers:</p>"));
    }

    @Test
    void aCellThatStartsWithADashIsAList() {
        assertEquals(List.of(li("Belastingdienst: Er heeft een inventarisatie plaats gevonden.")),
                clean("- Belastingdienst: Er heeft een inventarisatie plaats gevonden."));
    }

    @Test
    void dashesInProseStayDashes() {
        assertEquals(List.of(p("met een groot aantal actoren - waaronder de Nationale ombudsman - te willen bezien")),
                clean("<p>met een groot aantal actoren - waaronder de Nationale ombudsman - te willen bezien</p>"));
    }

    @Test
    void listItemTagsToo() {
        assertEquals(List.of(li("een"), li("twee"), p("daarna")), clean("<ul><li>een</li><li>twee</li></ul>daarna"));
    }

    @Test
    void pdfArtefactsAndMarkersGo() {
        assertEquals(List.of(p("In de 7e Voortgangsrapportage, naar de Kamer gezonden. Het profiel.")),
                clean("In de 7 ^e Voortgangsrapportage, naar de Kamer gezonden \u00B9 . Het   profiel ."));
    }

    @Test
    void superscriptThatIsNoMarkerStays() {
        assertEquals(List.of(p("een ruimte van 20 m² groot")), clean("een ruimte van 20 m² groot"));
    }

    @Test
    void entitiesAreDecodedAfterTagsAreRead() {
        assertEquals(List.of(p("J&V en <p> als tekst, € 5 en café")),
                clean("J&amp;V en &lt;p&gt; als tekst,&nbsp;&euro; 5 en caf&#233;"));
    }

    @Test
    void aTagCutOffAtTheEndLeavesNoTrace() {
        assertEquals(List.of(p("tekst")), clean("tekst <ul sty"));
    }

    @Test
    void emptyCellIsEmpty() {
        assertEquals(List.of(), clean("  <p></p> "));
    }
}
