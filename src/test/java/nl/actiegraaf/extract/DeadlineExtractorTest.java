package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.DeadlineFact;
import nl.actiegraaf.extract.Fact.EventFact;

class DeadlineExtractorTest {
    private static final LocalDate REPORT = LocalDate.of(2021, 6, 25);
    private final DeadlineExtractor extractor = new DeadlineExtractor(REPORT);

    private DeadlineExtractor.Found read(String sentence, Column column) {
        return extractor.extract(new Sentence(sentence, column));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            De plannen zijn uiterlijk 1 juli klaar.                         | uiterlijk 1 juli           | 2021-07-01 | -
            Voor 1 maart een voorstel aan de Tweede Kamer zenden            | Voor 1 maart               | 2021-02-28 | -
            een Generiek actieplan dat op 1 april klaar is                  | op 1 april                 | 2021-04-01 | -
            De eerste activiteit volgt in Q3.                               | in Q3                      | 2021-09-30 | 2021-07-01
            de integrale beoordelingen tot minimaal Q1 2024 doorlopen.      | Q1 2024                    | 2024-03-31 | 2024-01-01
            De eerste Staat van de uitvoering wordt eind 2022 voorzien.     | eind 2022                  | 2022-12-31 | 2022-12-01
            Een eerste versie is naar verwachting eind dit jaar gereed.     | eind dit jaar              | 2021-12-31 | 2021-12-01
            De start is voorzien na de zomer.                               | na de zomer                | 2021-12-31 | 2021-09-01
            De publicatie is uiterlijk dit najaar voorzien.                 | dit najaar                 | 2021-11-30 | 2021-09-01
            Het streven is dat het onderzoek in september wordt afgerond.   | in september               | 2021-09-30 | 2021-09-01
            Streven is om medio oktober de omgeving gereed te hebben.       | medio oktober              | 2021-10-15 | -
            Streven is te starten met aanpassing wetgeving in begin 2022.   | begin 2022                 | 2022-03-31 | 2022-01-01
            Met het College vindt nog voor het zomerreces overleg plaats.   | voor het zomerreces        | 2021-07-01 | -
            Oplevering is gepland in juli 2021.                             | in juli 2021               | 2021-07-31 | 2021-07-01
            Op 1 maart 2022 wordt een voorstel gedaan.                      | Op 1 maart 2022            | 2022-03-01 | -
            In de herfst volgt hierover een kamerbrief.                     | In de herfst               | 2021-11-30 | 2021-09-01
            een voorstel binnen drie weken aan de Kamer voor te leggen      | binnen drie weken          | 2021-07-16 | -
            De uitvoeringsorganisaties starten in juni en juli met kwijtschelden. | in juni en juli      | 2021-07-31 | 2021-06-01
            De nieuwe lijn gaat vanaf 1 juli a.s. gelden.                   | vanaf 1 juli a.s.          | 2021-07-01 | -
            In aanloop naar Prinsjesdag zal de staatssecretaris informeren. | In aanloop naar Prinsjesdag | 2021-09-21 | -
            """)
    void dutchTimeExpressions(String sentence, String phrase, LocalDate date, LocalDate from) {
        Column column = sentence.startsWith("Voor 1 maart") || sentence.contains("binnen drie") || sentence.contains("1 april")
                || sentence.contains("uiterlijk 1 juli") ? Column.OMSCHRIJVING : Column.STAND_VAN_ZAKEN;
        List<DeadlineFact> deadlines = read(sentence, column).deadlines();
        assertEquals(1, deadlines.size(), () -> "deadlines in: " + sentence + " -> " + deadlines);
        DeadlineFact deadline = deadlines.get(0);
        assertEquals(phrase, deadline.evidence().text());
        assertEquals(date, deadline.date());
        assertEquals(from, deadline.from());
        assertEquals(sentence, deadline.sentence());
    }

    @Test
    void aDateOfSomethingDoneIsAnEventNotADeadline() {
        DeadlineExtractor.Found found = read("Op 30 april jl. heeft de minister van SZW de brief naar de Tweede Kamer gestuurd "
                + "inzake uitwerking afschaffing van de kinderopvangtoeslag (Kamerstuk 35510-26).", Column.STAND_VAN_ZAKEN);
        assertEquals(List.of(), found.deadlines());
        assertEquals(List.of(LocalDate.of(2021, 4, 30)), found.events().stream().map(EventFact::date).toList());
    }

    @Test
    void pastDaysWithoutJlAndLastYearsDays() {
        assertEquals(List.of(LocalDate.of(2020, 12, 14)), read("welke beiden op 14 december jl. met de Kamer zijn gedeeld.",
                Column.STAND_VAN_ZAKEN).events().stream().map(EventFact::date).toList());
        assertEquals(List.of(LocalDate.of(2020, 11, 26)), read("waarover uw kamer 26 november is geïnformeerd.",
                Column.STAND_VAN_ZAKEN).events().stream().map(EventFact::date).toList());
        DeadlineExtractor.Found sent = read("Op 4 juni is een Kamerbrief verstuurd.", Column.STAND_VAN_ZAKEN);
        assertEquals(List.of(), sent.deadlines());
        assertEquals(List.of(LocalDate.of(2021, 6, 4)), sent.events().stream().map(EventFact::date).toList());
        assertEquals(List.of(), read("Het meldpunt is in januari gestart.", Column.STAND_VAN_ZAKEN).deadlines());
        assertEquals(new DeadlineExtractor.Found(List.of(), List.of()), read("Dat zijn vrijwel alle ouders die zich voor "
                + "15 februari 2021 hebben aangemeld.", Column.STAND_VAN_ZAKEN));
        assertEquals(List.of(), read("Het Kindpanel is in de zomer van 2020 gestart.", Column.STAND_VAN_ZAKEN).deadlines());
    }

    @Test
    void deadlinesOfRealActions() {
        assertEquals(List.of("Voor 1 maart=2021-02-28"), deadlines(81, Column.OMSCHRIJVING));
        assertEquals(List.of("uiterlijk 1 juli=2021-07-01"), deadlines(73, Column.OMSCHRIJVING));
        assertEquals(List.of("op 1 april=2021-04-01"), deadlines(72, Column.OMSCHRIJVING));
        assertEquals(List.of(), deadlines(16, Column.STAND_VAN_ZAKEN));
        assertEquals(List.of(LocalDate.of(2021, 4, 30)),
                SeedFacts.of(16).all(EventFact.class).stream().map(EventFact::date).toList());
    }

    private static List<String> deadlines(int action, Column column) {
        return SeedFacts.of(action).all(DeadlineFact.class).stream().filter(d -> d.evidence().column() == column)
                .map(d -> d.evidence().text() + "=" + d.date()).toList();
    }
}
