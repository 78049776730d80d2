package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.KamerstukFact;

class KamerstukExtractorTest {
    private final KamerstukExtractor extractor = new KamerstukExtractor();

    private List<String> papers(String text) {
        return extractor.extract(new Sentence(text, Column.STAND_VAN_ZAKEN)).stream()
                .map(f -> f.paper().key() + " <- " + f.evidence().text()).toList();
    }

    @Test
    void everySpellingTheReportUses() {
        assertEquals(List.of("29362-291 <- Kamerstukken II, 2020/21, 29 362, nr. 291"),
                papers("naar de Tweede Kamer gezonden (Kamerstukken II, 2020/21, 29 362, nr. 291) Hierin staat"));
        assertEquals(List.of("29362-290 <- TK 29362-290"), papers("naar de Tweede Kamer gestuurd (TK 29362-290)."));
        assertEquals(List.of("35510-26 <- Kamerstuk 35510-26"), papers("afschaffing van de kinderopvangtoeslag (Kamerstuk 35510-26)."));
        assertEquals(List.of("28362-53 <- 28362, nr. 53"), papers("de motie-Dassen c.s. (28362, nr. 53) aangenomen."));
        assertEquals(List.of("26643-751 <- Kamerstukken II 2020/21, 26 643 nr. 751"),
                papers("(brief van 8 april 2021 Kamerstukken II 2020/21, 26 643 nr. 751)."));
        assertEquals(List.of("35510-809 <- Kamerstukken II, 2020-21, 35510, nr. 809"),
                papers("d.d. 19 april 2021 (Kamerstukken II, 2020-21, 35510, nr. 809)"));
    }

    @Test
    void aMotionPartNumberIsNoKamerstuk() {
        assertEquals(List.of(), papers("waarmee deel 2 van motie Marijnissen, nr. 21, is afgedaan."));
    }

    @Test
    void realActionsIncludingTheFootnote() {
        assertEquals(List.of("35510-26"), keys(16));
        assertEquals(List.of("29362-291"), keys(72));
        assertEquals(List.of("26643-751"), keys(81));
        KamerstukFact footnote = SeedFacts.of(58).all(KamerstukFact.class).get(0);
        assertEquals(new Kamerstuk("30950", 218), footnote.paper());
        assertEquals(Column.VOETNOOT, footnote.evidence().column());
        assertEquals(List.of("28362-56", "28362-2"), keys(64));
    }

    private static List<String> keys(int action) {
        return SeedFacts.of(action).all(KamerstukFact.class).stream().map(f -> f.paper().key()).toList();
    }
}
