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
}
