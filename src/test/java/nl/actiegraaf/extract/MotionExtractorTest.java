package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.KamerstukFact;
import nl.actiegraaf.extract.Fact.MotionFact;

/** Motions on real actions of the seed, through the whole extractor. */
class MotionExtractorTest {
    private static final Person WILDERS = new Person("geert-wilders", "Geert Wilders");
    private static final Person JETTEN = new Person("rob-jetten", "Rob Jetten");
    private static final Person MARIJNISSEN = new Person("lilian-marijnissen", "Lilian Marijnissen");
    private static final Person KLAVER = new Person("jesse-klaver", "Jesse Klaver");
    private static final Person OMTZIGT = new Person("pieter-omtzigt", "Pieter Omtzigt");
    private static final Person VAN_DAM = new Person("chris-van-dam", "Chris van Dam");
    private static final Person SEGERS = new Person("gert-jan-segers", "Gert-Jan Segers");
    private static final Person PLOUMEN = new Person("lilianne-ploumen", "Lilianne Ploumen");

    static Motion pok(int number, Integer part, boolean cs, Person... submitters) {
        return new Motion(new Kamerstuk("35510", number), part, List.of(submitters), cs);
    }

    static List<String> carriedOut(int action) {
        return SeedFacts.of(action).all(MotionFact.class).stream().filter(MotionFact::carriedOut)
                .map(f -> f.motion().paper().key() + (f.motion().part() == null ? "" : " deel " + f.motion().part()))
                .toList();
    }

    @Test
    void numberedMotionWithItsSubmitter() {
        MotionFact fact = SeedFacts.of(3).all(MotionFact.class).get(0);
        assertEquals(pok(7, null, false, WILDERS), fact.motion());
        assertEquals("(NR. 7 Motie Wilders)", fact.evidence().text());
        assertEquals(Column.OMSCHRIJVING, fact.evidence().column());
        assertTrue(fact.carriedOut());
    }

    @Test
    void twoSubmittersWithoutCoSubmitters() {
        assertEquals(List.of(pok(23, null, false, PLOUMEN, SEGERS)),
                SeedFacts.of(4).all(MotionFact.class).stream().map(MotionFact::motion).toList());
    }

    @Test
    void motionPartsOnActionsTwelveAndEightyOne() {
        assertEquals(pok(21, 1, true, MARIJNISSEN), SeedFacts.of(12).all(MotionFact.class).get(0).motion());
        assertEquals(List.of("35510-21 deel 2", "35510-16 deel 1"), carriedOut(81));
        assertEquals(pok(16, 1, true, KLAVER), SeedFacts.of(81).all(MotionFact.class).get(1).motion());
    }

    @Test
    void misspelledSubmitterResolvesThroughTheRegister() {
        MotionFact fact = SeedFacts.of(36).all(MotionFact.class).get(0);
        assertEquals("(NR 15 Motie Jette cs)", fact.evidence().text());
        assertEquals(pok(15, null, true, JETTEN), fact.motion());
    }

    @Test
    void spellingsOfTheNumberedReference() {
        assertEquals(pok(12, null, false, OMTZIGT, VAN_DAM), SeedFacts.of(86).all(MotionFact.class).get(0).motion());
        assertEquals(List.of(new Person("corrie-van-brenk", "Corrie van Brenk")),
                SeedFacts.of(35).all(MotionFact.class).get(0).motion().submitters());
        assertEquals(List.of("35510-45"), carriedOut(11)); // "(NR. 45 Motie Van Kooten-Arissen/Azarkan,)"
        assertEquals(2, SeedFacts.of(11).all(MotionFact.class).get(0).motion().submitters().size());
        assertEquals(List.of("35510-33"), carriedOut(62)); // "(NR. 33 Motie Azarkan c.s)"
    }

    @Test
    void motionOnlyInTheStatusTextIsNamedNotCarriedOut() {
        MotionFact eleven = SeedFacts.of(86).all(MotionFact.class).get(1);
        assertEquals(pok(11, null, true, OMTZIGT), eleven.motion());
        assertEquals("motie Omtzigt cs NR. 11", eleven.evidence().text());
        assertEquals(false, eleven.carriedOut());
    }

    @Test
    void motionOfAnotherDossierWithItsPaper() {
        MotionFact dassen = SeedFacts.of(68).all(MotionFact.class).get(0);
        assertEquals(new Motion(new Kamerstuk("28362", 53), null,
                List.of(new Person("laurens-dassen", "Laurens Dassen")), true), dassen.motion());
        assertEquals(List.of(), SeedFacts.of(68).all(KamerstukFact.class), "the paper is the motion, not a second Kamerstuk");
    }

    @Test
    void unnumberedMotionsResolveToTheNumberedOnesOfTheReport() {
        // "motie Segers" (action 13) is "(NR. 26 Motie Segers)" of action 16.
        assertEquals(pok(26, null, false, SEGERS), SeedFacts.of(13).all(MotionFact.class).get(0).motion());
        // "motie Omtzigt" in action 44's status is the "(NR. 13 Motie Omtzigt cs)" the action carries out.
        assertTrue(SeedFacts.of(44).all(MotionFact.class).stream()
                .anyMatch(f -> !f.carriedOut() && f.evidence().text().equals("motie Omtzigt")
                        && f.motion().paper().key().equals("35510-13")));
        // "motie Ploumen/Jetten, zie actie 37" is 35510-24.
        assertTrue(SeedFacts.of(44).all(MotionFact.class).stream()
                .anyMatch(f -> f.motion().paper().key().equals("35510-24") && !f.carriedOut()));
    }

    @Test
    void motionWithoutNumberAnywhereKeepsItsSubmitters() {
        MotionFact lodders = SeedFacts.of(15).all(MotionFact.class).get(0);
        assertEquals("motie Lodders en Weyenberg", lodders.evidence().text());
        assertEquals(null, lodders.motion().paper());
        assertEquals(List.of("helma-lodders", "steven-van-weyenberg"),
                lodders.motion().submitters().stream().map(Person::slug).toList());
        // "motie Ploumen-Klaver": two members joined by a hyphen.
        assertEquals(List.of(PLOUMEN, KLAVER), SeedFacts.of(41).all(MotionFact.class).get(0).motion().submitters());
    }

    @Test
    void wordsThatFollowMotieAreNoSubmitters() {
        // Action 52: "beantwoording motie inzake diversiteit en inclusie" names no motion of a member.
        assertEquals(List.of("35510-29"), SeedFacts.of(52).all(MotionFact.class).stream()
                .map(f -> f.motion().paper().key()).toList());
    }

    @Test
    void everyNumberedMotionOfTheReport() {
        // 20 actions cite "(NR ...)" in their description; action 15 names "motie Lodders en Weyenberg".
        long actionsWithMotion = SeedFacts.all().stream()
                .filter(a -> a.all(MotionFact.class).stream().anyMatch(MotionFact::carriedOut)).count();
        assertEquals(21, actionsWithMotion);
        long numbered = SeedFacts.all().stream().filter(a -> a.all(MotionFact.class).stream()
                .anyMatch(f -> f.carriedOut() && f.motion().paper() != null)).count();
        assertEquals(20, numbered);
    }
}
