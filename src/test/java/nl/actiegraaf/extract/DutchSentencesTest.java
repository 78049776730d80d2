package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DutchSentencesTest {
    @Test
    void abbreviationsDoNotEndASentence() {
        assertEquals(List.of(
                        "Op 30 april jl. heeft de minister van SZW de brief gestuurd.",
                        "Ervaring is opgehaald bij o.a. UWV, SVB, SZW, OCW en JenV.",
                        "Met de brief d.d. 19 april 2021 (Kamerstukken II, 2020-21, 35510, nr. 809) is dat gedaan."),
                DutchSentences.split("Op 30 april jl. heeft de minister van SZW de brief gestuurd. Ervaring is opgehaald bij "
                        + "o.a. UWV, SVB, SZW, OCW en JenV. Met de brief d.d. 19 april 2021 (Kamerstukken II, 2020-21, "
                        + "35510, nr. 809) is dat gedaan."));
    }

    @Test
    void motionNumbersAndCoSubmittersStayInTheirSentence() {
        assertEquals(List.of("Staatscommissie instellen en de Kamer daarover te informeren (NR 12. Motie Omtzigt/Van Dam)"),
                DutchSentences.split("Staatscommissie instellen en de Kamer daarover te informeren (NR 12. Motie Omtzigt/Van Dam)"));
        assertEquals(List.of("Met het uitvoeren van dit plan wordt tevens gevolg gegeven aan deel 1 van motie Klaver c.s. nr 16.",
                        "In het kort behelst het plan van aanpak 3 stappen."),
                DutchSentences.split("Met het uitvoeren van dit plan wordt tevens gevolg gegeven aan deel 1 van motie Klaver "
                        + "c.s. nr 16. In het kort behelst het plan van aanpak 3 stappen."));
    }

    /** Action 72: the PDF lost the period after the citation; "(CvdRM) overleggen" goes on. */
    @Test
    void aCitationFollowedByANewSentenceEndsTheSentence() {
        String status = SeedActions.action(72).status().plain();
        List<String> sentences = DutchSentences.split(status);
        assertEquals("Op 6 april 2021 is het generieke actieplan informatiehuishouding 'Open op Orde' naar de Tweede Kamer "
                + "gezonden (Kamerstukken II, 2020/21, 29 362, nr. 291)", sentences.get(0));
        assertEquals("Hierin staat hoe de benodigde verbetering met nieuwe én versnelling van lopende initiatieven de komende "
                + "jaren wordt uitgevoerd.", sentences.get(1));
        assertEquals(List.of("Met College voor de Rechten van de Mens (CvdRM) overleggen hoe cliënten worden doorverwezen."),
                DutchSentences.split("Met College voor de Rechten van de Mens (CvdRM) overleggen hoe cliënten worden doorverwezen."));
        assertEquals(List.of("In de brief (TK 29362-290) Belastingdienst en Toeslagen samen."),
                DutchSentences.split("In de brief (TK 29362-290) Belastingdienst en Toeslagen samen."));
    }

    @Test
    void jlEndsASentenceOnlyBeforeACapital() {
        assertEquals(List.of("De uitkomsten zijn verstuurd op 25 juni jl.", "De Kamer reageert."),
                DutchSentences.split("De uitkomsten zijn verstuurd op 25 juni jl. De Kamer reageert."));
        assertEquals(List.of("De nieuwe lijn gaat vanaf 1 juli a.s. gelden voor nieuwe adviezen."),
                DutchSentences.split("De nieuwe lijn gaat vanaf 1 juli a.s. gelden voor nieuwe adviezen."));
    }

    @Test
    void listLettersAndStrayPeriods() {
        assertEquals(List.of("langs vijf lijnen: A. Een intensiveren van de samenwerking; Kamerbrief Kamerstuk Rijksoverheid.nl .",
                        "Eind van het jaar volgt meer."),
                DutchSentences.split("langs vijf lijnen: A. Een intensiveren van de samenwerking; "
                        + "Kamerbrief Kamerstuk Rijksoverheid.nl . Eind van het jaar volgt meer."));
    }

    @Test
    void aCellOfManyClosingBracketsIsSplitAsOneSentence() {
        // Fuzzing found it: every ')' looked back through the whole text for its '('. A megabyte of
        // "x) - " took ~15 s to convert; it now takes a fraction of a second. No clock here (unit tests
        // assert no times on a shared machine): the time is the conversion bench's and ReportFuzzTest's.
        String text = "Zie (Kamerstuk 35 510, nr. 7) Hierin staat het. " + "x) - ".repeat(200_000);
        List<String> sentences = DutchSentences.split(text);
        assertEquals("Zie (Kamerstuk 35 510, nr. 7)", sentences.get(0));
        assertEquals(2, sentences.size(), "the rest is one sentence: no period, no citation before a capital");
    }
}
