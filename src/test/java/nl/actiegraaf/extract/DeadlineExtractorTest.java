package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            de integrale beoordelingen zijn in Q1 2024 afgerond.            | in Q1 2024                 | 2024-03-31 | 2024-01-01
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
            De Kamer ontvangt binnen drie weken een voorstel.               | binnen drie weken          | 2021-07-16 | -
            De uitvoeringsorganisaties starten in juni en juli met kwijtschelden. | in juni en juli      | 2021-07-31 | 2021-06-01
            De nieuwe lijn gaat vanaf 1 juli a.s. gelden.                   | vanaf 1 juli a.s.          | 2021-07-01 | -
            In aanloop naar Prinsjesdag zal de staatssecretaris informeren. | In aanloop naar Prinsjesdag | 2021-09-21 | -
            """)
    void dutchTimeExpressions(String sentence, String phrase, LocalDate date, LocalDate from) {
        Column column = sentence.startsWith("Voor 1 maart") || sentence.contains("1 april")
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

    /**
     * "binnen drie weken" in a description counts from when the Kamer asked (January 2021), which
     * the description does not say: counted from the report's date it would be a month too late.
     */
    @Test
    void aRelativePeriodInTheDescriptionCountsFromTheDebateTheIntroductionDates() {
        // "het debat daarover van 19 januari 2021" (the introduction): 44 "binnen drie weken", 3 "binnen één week".
        assertEquals(java.time.LocalDate.of(2021, 1, 19), SeedActions.anchor().date());
        assertEquals(List.of("binnen drie weken=2021-02-09", "voor 1 juli=2021-06-30"), deadlines(44, Column.OMSCHRIJVING));
        assertEquals(List.of("binnen één week=2021-01-26"), deadlines(3, Column.OMSCHRIJVING));
        DeadlineFact week = SeedFacts.of(3).all(DeadlineFact.class).get(0);
        assertEquals(SeedActions.anchor(), week.anchor());
        assertEquals(java.time.LocalDate.of(2021, 1, 19), week.from());
        // Without a dated debate there is nothing to count from: no deadline.
        assertEquals(List.of(), read("een voorstel binnen drie weken aan de Kamer voor te leggen", Column.OMSCHRIJVING)
                .deadlines());
    }

    @Test
    void theAnchorIsReadFromTheIntroductionNotAConstant() {
        assertEquals(java.util.Optional.of(java.time.LocalDate.of(2022, 3, 2)),
                Anchor.debateIn("Dit betreft de moties uit het debat van 2 maart 2022.").map(Anchor::date));
        assertEquals(java.util.Optional.empty(), Anchor.debateIn("In onderstaande tabel staat de stand van zaken."));
    }

    /** A date already behind the report that the text still states as a plan is a (passed) deadline. */
    @Test
    void aPassedDateStatedAsAPlanIsKept() {
        assertTrue(deadlines(43, Column.STAND_VAN_ZAKEN).contains("eind mei=2021-05-31")); // "eerste opzet ... is eind mei klaar"
        assertTrue(deadlines(11, Column.STAND_VAN_ZAKEN).contains("Begin juni=2021-06-10")); // "Begin juni wordt verder opgeschaald"
        // Told as done, it is no deadline: "We zijn in januari gestart."
        assertEquals(List.of(), read("We zijn in januari gestart met de pilot.", Column.STAND_VAN_ZAKEN).deadlines());
    }

    /** "Vanaf week 21 zal dit ~110 FTE zijn" (action 11): ISO week 21 of 2021, Monday 24 to Sunday 30 May. */
    @Test
    void anIsoWeekIsADateRange() {
        DeadlineFact week = SeedFacts.of(11).all(DeadlineFact.class).stream()
                .filter(d -> d.evidence().text().contains("week")).findFirst().orElseThrow();
        assertEquals("Vanaf week 21", week.evidence().text());
        assertEquals(java.time.LocalDate.of(2021, 5, 24), week.from());
        assertEquals(java.time.LocalDate.of(2021, 5, 30), week.date());
        assertEquals(java.time.LocalDate.of(2021, 1, 4),
                read("In week 1 volgt de brief.", Column.STAND_VAN_ZAKEN).deadlines().get(0).from());
    }

    /** Action 1: "... is de verwachting dat de integrale beoordelingen tot minimaal Q1 2024 doorlopen". */
    @Test
    void aLowerBoundIsNoDeadline() {
        assertEquals(List.of("in Q2 2021=2021-06-30"), deadlines(1, Column.STAND_VAN_ZAKEN));
        assertEquals(List.of(), read("de integrale beoordelingen tot minimaal Q1 2024 doorlopen.", Column.STAND_VAN_ZAKEN)
                .deadlines());
        assertEquals(List.of(), read("De regeling loopt ten minste tot 1 januari 2023.", Column.STAND_VAN_ZAKEN).deadlines());
    }

    /**
     * Actions 54, 55, 56, 59: "De Tweede Kamer wordt ... in de voortgangsbrief over discriminatie van
     * 24 juni geïnformeerd". The letter of 24 June was out before the report (25 June): an event, no
     * deadline that could be overdue; a day still ahead stays a deadline.
     */
    @Test
    void aLetterNamedByItsPastDateIsAnEvent() {
        for (int action : new int[] {54, 55, 56, 59}) {
            assertEquals(List.of(), deadlines(action, Column.STAND_VAN_ZAKEN).stream().filter(d -> d.startsWith("24 juni"))
                    .toList(), "action " + action);
            assertTrue(SeedFacts.of(action).all(EventFact.class).stream().anyMatch(e -> e.date().equals(LocalDate.of(2021, 6, 24))),
                    "action " + action);
        }
        assertEquals(List.of(LocalDate.of(2021, 7, 2)), read("De Kamer wordt in de brief van 2 juli geïnformeerd.",
                Column.STAND_VAN_ZAKEN).deadlines().stream().map(DeadlineFact::date).toList());
    }

    /** Action 78: the status text gives up the description's target of 1 July. */
    @Test
    void aTargetTheTextDoubtsIsKeptAndFlagged() {
        // "Het streven om de regeringscommissaris al op 1 juli te laten starten is te optimistisch" (78)
        assertEquals(List.of("op 1 juli=2021-07-01"), deadlines(78, Column.OMSCHRIJVING));
        assertEquals(List.of("op 1 juli=2021-07-01"), deadlines(78, Column.STAND_VAN_ZAKEN));
        // The status doubts the day the description set: both are flagged, neither dropped.
        assertTrue(SeedFacts.of(78).all(DeadlineFact.class).stream().allMatch(DeadlineFact::doubted));
        assertTrue(SeedFacts.of(73).all(DeadlineFact.class).stream().noneMatch(DeadlineFact::doubted));
    }

    private static List<String> deadlines(int action, Column column) {
        return SeedFacts.of(action).all(DeadlineFact.class).stream().filter(d -> d.evidence().column() == column)
                .map(d -> d.evidence().text() + "=" + d.date()).toList();
    }

    @Test
    void theDateOfALetterCitedInParenthesesDoesNotDateWhatIsStillToCome() {
        // Action 81: the sentence promises a letter at the end of the year and cites its source.
        DeadlineExtractor.Found found = read("Eind van het jaar wordt de Tweede Kamer geïnformeerd over de plannen van aanpak "
                + "van de departementen en hun planningen (brief van 8 april 2021 Kamerstukken II 2020/21, 26 643 nr. 751).",
                Column.STAND_VAN_ZAKEN);
        assertEquals(List.of(), found.events());
        assertEquals(List.of(LocalDate.of(2021, 12, 31)), found.deadlines().stream().map(DeadlineFact::date).toList());
        assertTrue(SeedFacts.of(81).all(EventFact.class).stream().noneMatch(e -> e.evidence().text().startsWith("Eind van het jaar")),
                "81's promise for the end of the year is no event of 8 April");
        // A date named after "van" in the sentence itself still dates the letter (actions 54-56, 59).
        assertEquals(List.of(LocalDate.of(2021, 6, 24)), read("De Tweede Kamer wordt in de voortgangsbrief over discriminatie "
                + "van 24 juni geïnformeerd.", Column.STAND_VAN_ZAKEN).events().stream().map(EventFact::date).toList());
    }

    @Test
    void aDoneActionsDatedDeliveryMeetsItsDescriptionsDeadline() {
        // Action 72 (Afgerond): "... dat op 1 april klaar is" and "Op 6 april 2021 is het generieke actieplan
        // informatiehuishouding 'Open op Orde' naar de Tweede Kamer gezonden": met five days late.
        List<Fact.FulfilmentFact> met = SeedFacts.of(72).all(Fact.FulfilmentFact.class);
        assertEquals(1, met.size(), met::toString);
        assertEquals(LocalDate.of(2021, 4, 1), met.get(0).deadline().date());
        assertEquals(LocalDate.of(2021, 4, 6), met.get(0).event().date());
        assertTrue(met.get(0).evidence().text().startsWith("Op 6 april 2021 is het generieke actieplan"), met.get(0).evidence().text());
        // An ongoing action's dated letters are steps, not the thing asked: 44 (Lopend) keeps its deadlines open.
        assertEquals(List.of(), SeedFacts.of(44).all(Fact.FulfilmentFact.class));
        // 81's deadline stays met by the letter that says the motion part is done, not by this rule.
        assertEquals(1, SeedFacts.of(81).all(Fact.FulfilmentFact.class).size());
    }

    @Test
    void aPeriodAfterCountsFromTheDateTheColumnNamedBeforeIt() {
        assertEquals(List.of("Na een half jaar=2022-01-01"), read("Na een half jaar wordt gezien wat de ervaringen zijn.",
                LocalDate.of(2021, 7, 1)));
        assertEquals(List.of(), deadlines("Na een half jaar wordt gezien wat de ervaringen zijn.", null),
                "without a date before it there is nothing to count from");
        // Action 71: "voor 1 juli een uitvoeringstoets ... Na een half jaar wordt ... gezien wat de ervaringen zijn".
        assertTrue(deadlines(71, Column.STAND_VAN_ZAKEN).contains("Na een half jaar=2021-12-30"), deadlines(71, Column.STAND_VAN_ZAKEN)::toString);
        // Action 64: the last date before it is the notaoverleg "op 5 juli" (the text means the start on 1 July).
        assertTrue(deadlines(64, Column.STAND_VAN_ZAKEN).contains("Na een half jaar=2022-01-05"), deadlines(64, Column.STAND_VAN_ZAKEN)::toString);
    }

    private List<String> read(String sentence, LocalDate countFrom) {
        return deadlines(sentence, countFrom);
    }

    private List<String> deadlines(String sentence, LocalDate countFrom) {
        return extractor.extract(new Sentence(sentence, Column.STAND_VAN_ZAKEN), countFrom).deadlines().stream()
                .map(d -> d.evidence().text() + "=" + d.date()).toList();
    }
}
