package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import nl.actiegraaf.report.Block.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed report, read as a researcher would read it: the hard cases, with the report's own text. */
class SeedReportTest {
    private static Report report;

    @BeforeAll
    static void read() {
        report = Seed.read();
    }

    private static ReportAction action(int number) {
        return Seed.action(report, number);
    }

    private static String status(int number) {
        return action(number).status().plain();
    }

    private static String description(int number) {
        return action(number).description().plain();
    }

    @Test
    void holdsEightySixActionsNumberedOneToEightySix() {
        assertEquals(IntStream.rangeClosed(1, 86).boxed().toList(),
                report.actions().stream().map(ReportAction::number).toList());
    }

    @Test
    void noCellKeepsTagsEntitiesPageHeadersOrArtefacts() {
        for (ReportAction a : report.actions()) {
            for (String text : List.of(a.description().plain(), a.status().plain())) {
                assertFalse(text.matches("(?s).*(<|>|&[a-z]+;|\\^|\u00B9|Stand van Zaken|\t|  ).*"),
                        "action " + a.number() + ": " + text);
            }
        }
    }

    @Test
    void statusContinuedOnTheNextPageJoinsTheBrokenSentence() {
        // line 20 ends "... vragen om goede afwegingen die het", line 23 goes on "Kabinet graag ..."
        assertTrue(status(10).contains("vragen om goede afwegingen die het Kabinet graag gezamenlijk met de Kamer maakt. "
                + "Na besluitvorming hierover"), status(10));
        assertEquals(1, action(10).status().blocks().size());
        assertEquals(new LineRange(20, 23), action(10).lines());
    }

    @Test
    void descriptionContinuedOnTheNextPageJoinsTheLastListItem() {
        // line 43 ends "... en de Raad voor de ", line 46 goes on "rechtspraak om te bezien ..."
        List<Block> blocks = action(22).description().blocks();
        assertEquals(3, blocks.size());
        assertEquals(new Block(Kind.LIST_ITEM, "In gesprek met rijksinspecties, waaronder ook de nieuwe inspectie "
                + "Belastingdienst, Toeslagen en Douane, No, hoogste bestuursrechters, advocatuur, cliëntenraden en "
                + "de Raad voor de rechtspraak om te bezien hoe we aanvullend signalen kunnen krijgen over wet- en "
                + "regelgeving en uitvoeringspraktijk, waardoor mensen in de knel komen."), blocks.get(2));
        assertEquals(new LineRange(43, 46), action(22).lines());
    }

    @Test
    void bothColumnsContinuedAfterAFootnoteAtTheBottomOfThePage() {
        // line 118, footnote at 120, page header at 122, both columns go on at 123
        assertEquals("Discriminatietoets op alle wetsvoorstellen, maatregelen van bestuur, beleidsprotocollen en "
                + "werkwijzen aan de voorkant (NR. 30 Motie Azarkan/Van Kooten-Arissen)", description(61));
        assertTrue(status(61).contains("Er zijn daarnaast specifieke toetsingsinstrumenten waarvan ook onderdeel is"),
                status(61));
        assertEquals(new LineRange(118, 123), action(61).lines());
        assertTrue(action(61).footnotes().isEmpty(), "the footnote belongs to action 58, not to the action it interrupts");
    }

    @Test
    void footnoteGoesToTheActionWhoseTextCarriesItsMarker() {
        ReportAction a = action(58);
        assertEquals(List.of(new Footnote("\u00B9", "Kamerstukken II 2020/21, 30 950, nr. 218", new LineRange(120, 120))),
                a.footnotes());
        assertTrue(status(58).startsWith("Op 10 maart 2021 is de verkenning naar een Nationaal Coördinator tegen "
                + "Discriminatie en Racisme naar de Tweede Kamer gezonden. Het profiel"), "marker removed: " + status(58));
    }

    @Test
    void pageBrokenParagraphTagsDoNotBreakTheSentence() {
        // line 69 ends "het toekennen van", line 72 starts "<p>beslissingsruimte": one sentence
        assertTrue(status(36).contains("in welke gevallen het toekennen van beslissingsruimte of de introductie van een "
                + "hardheidsclausule noodzakelijk is"), status(36));
        // line 74 ends "De</p>", line 77 starts "herziening van het IAK"
        assertTrue(status(38).contains("door departementen. De herziening van het IAK richt zich"), status(38));
    }

    @Test
    void htmlParagraphsAndListsBecomeBlocks() {
        // line 40: a continued status of paragraphs with a list item in between
        List<Block> blocks = action(19).status().blocks();
        assertEquals(List.of(Kind.LIST_ITEM, Kind.PARAGRAPH, Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.PARAGRAPH),
                blocks.stream().map(Block::kind).toList());
        assertTrue(blocks.get(0).text().startsWith("Belastingdienst: Er heeft een inventarisatie plaats gevonden"));
        assertEquals("De voortgang op deze motie wordt in de voortgangsrapportage van de Belastingdienst meegenomen.",
                blocks.get(2).text());
        assertTrue(blocks.get(3).text().startsWith("Toeslagen: Binnen de hersteloperatie is er een speciale groep"));
    }

    @Test
    void bulletDescriptionsBecomeListItems() {
        assertEquals(List.of(
                new Block(Kind.LIST_ITEM, "Alle uitvoerders sluiten aan op Landelijk Maatwerkloket multiproblematiek. "
                        + "Dit loket stellen we ook open voor gemeenten"),
                new Block(Kind.LIST_ITEM, "In verbinding met gemeenten, landelijke uitvoeringsorganisaties en het "
                        + "Landelijk maatwerkloket multiproblematiek ingang bij ministeries creëren voor vragen over sociaal domein")),
                action(33).description().blocks());
        assertEquals("- Casusoverleg vast onderdeel maken van beleidsmakers, bestuurders en bewindspersonen\n"
                + "- Casussen periodiek bespreken in og – on overleg\n- In gesprek met rijksinspecties",
                description(22).substring(0, description(22).indexOf(", waaronder")));
    }

    @Test
    void aDashBetweenBracketsInAListItemIsNoBullet() {
        assertTrue(action(42).status().blocks().contains(new Block(Kind.LIST_ITEM,
                "Gefaseerde aanpassing van de website Belastingdienst.nl (april - okt 2021) waardoor informatie over "
                        + "(voorkomen van en ondersteuning bij) schulden beter vindbaar is. De informatie sluit beter aan "
                        + "op wat de bezoeker verwacht te vinden (inzichten komen uit Klantreis schulden) en op wat de "
                        + "Belastingdienst voor hem kan en wil betekenen.")), status(42));
    }

    @Test
    void ordinalArtefactIsRepaired() {
        assertTrue(status(1).contains("In de 7e Voortgangsrapportage is aangepaste planning opgenomen."), status(1));
    }

    @Test
    void actionFourHasAnEmptyStatus() {
        assertEquals("Wegnemen probleem met private schuldeisers (NR. 23 Motie Ploumen/Segers)", description(4));
        assertTrue(action(4).status().isEmpty());
        assertEquals(new LineRange(12, 12), action(4).lines());
    }

    @Test
    void capitalHeadingsAreThemesAndMixedCaseHeadingsTheirSubThemes() {
        assertEquals(13, report.themes().size());
        Theme signalen = action(17).theme();
        assertEquals(new Theme("Signalen", "signalen",
                new Theme("Responsieve dienstverlening", "responsieve-dienstverlening", null)), signalen);
        assertEquals("informatievoorziening-aan-parlement-en-samenleving", action(63).theme().slug());
        assertEquals("informatiehuishouding-basis-op-orde", action(72).theme().slug());
        assertEquals("hersteloperatie", action(1).theme().slug());
        assertNull(action(1).theme().broader());
        assertEquals("toekomst-toeslagen", action(13).theme().slug());
    }

    @Test
    void aHeadingJustBeforeAPageBreakHeadsTheActionsAfterIt() {
        // line 172 "OVERIG", page header at 174, action 85 at 175
        assertEquals(new Theme("Overig", "overig", null), action(85).theme());
        assertEquals("ambtelijk-vakmanschap", action(84).theme().slug());
    }

    @Test
    void theLastRowContinuedAfterTheLastPageHeaderIsKept() {
        assertTrue(status(86).endsWith("inclusief de Staten-Generaal en de rechterlijke macht."), status(86));
        assertEquals(new LineRange(176, 179), action(86).lines());
    }

    @Test
    void metadataComesFromTheFileBesideTheReport() {
        assertEquals("stand-van-zaken-pok-2021", report.metadata().id());
        assertEquals("Stand van zaken vervolgacties Parlementaire Onderzoekscommissie Kinderopvangtoeslag",
                report.metadata().title());
        assertNull(report.metadata().date(), "the date is inferred from the text by the extraction stage");
    }
}
