package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CuedPatternTest {
    private static final CuedPattern END = CuedPattern.of(
            Pattern.compile("\\beinde?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), "eind");

    @Test
    void aSentenceWithItsCueIsSearched() {
        String text = "Het plan is klaar EINDE 2021, zo is het streven.";
        var m = END.matcher(text, CuedPattern.fold(text));
        assertTrue(m.find());
        assertEquals("2021", m.group(1));
    }

    @Test
    void aSentenceWithoutItsCueFindsNothing() {
        assertFalse(END.find("In 2021 wordt de brief verstuurd."));
    }

    @Test
    void foldingComparesCharsAsUnicodeCaseInsensitiveMatchingDoes() {
        // the dotless and the dotted capital I both match "i" case-insensitively, and fold to it
        assertEquals("eind eind eind", CuedPattern.fold("EIND eınd EİND"));
        assertEquals("EIND eınd EİND".length(), CuedPattern.fold("EIND eınd EİND").length());
        assertTrue(END.find("EİND 2021"));
    }

    @Test
    void aCaseSensitivePatternLooksUpItsCuesAsWritten() {
        CuedPattern motion = CuedPattern.of(Pattern.compile("[Mm]otie (\\p{Lu}\\p{L}+)"), "otie");
        assertTrue(motion.find("de Motie Omtzigt"));
        assertFalse(motion.find("de MOTIE Omtzigt"));
    }

    @Test
    void cuesOfACaseInsensitivePatternAreWrittenFolded() {
        Pattern pattern = Pattern.compile("prinsjesdag", Pattern.CASE_INSENSITIVE);
        assertThrows(IllegalArgumentException.class, () -> CuedPattern.of(pattern, "Prinsjesdag"));
    }

    @Test
    void namesAreFoundAsBeforeWhereverTheirPairsAre() {
        NameMatcher.Text text = NameMatcher.in("Belastingdienst, Toeslagen en Douane, No, hoogste bestuursrechters; Nota van No.");
        assertEquals(List.of(new NameMatcher.Hit(38, 40, "No"), new NameMatcher.Hit(77, 79, "No")), text.find("No"));
        assertEquals(List.of(), text.find("LA"));
        assertEquals(List.of(new NameMatcher.Hit(0, 15, "Belastingdienst")), text.find("Belastingdienst"));
    }
}
