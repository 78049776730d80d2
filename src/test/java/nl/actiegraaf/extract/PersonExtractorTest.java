package nl.actiegraaf.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.actiegraaf.extract.Fact.PersonFact;

class PersonExtractorTest {
    private final PersonExtractor extractor = new PersonExtractor(SeedFacts.persons());

    private List<String> slugs(String text) {
        return extractor.extract(new Sentence(text, Column.STAND_VAN_ZAKEN), List.of()).stream()
                .map(f -> f.person().slug() + " <- " + f.evidence().text()).toList();
    }

    @Test
    void personsNamedInTheText() {
        assertEquals(List.of("alexandra-van-huffelen <- staatssecretaris Van Huffelen"),
                slugs("Zij geven advies aan staatssecretaris Van Huffelen en de Belastingdienst."));
        assertEquals(List.of("lea-bouwmeester <- Lea Bouwmeester"),
                slugs("viermaal bijeengekomen onder leiding van Lea Bouwmeester."));
        assertEquals(List.of("gert-jan-segers <- Segers"), slugs("Naar aanleiding van een vraag van het lid Segers is"));
        assertEquals(List.of("renske-leijten <- Leijten", "don-ceder <- Ceder"),
                slugs("de beantwoording van de vragen van de leden Ceder en Leijten over het bericht"));
    }

    @Test
    void aBareSurnameThatIsAlsoAWordIsNoPerson() {
        assertEquals(List.of(), slugs("De klaver en de Klaver-motie, Segers' boek."));
    }

    @Test
    void personsOnRealActions() {
        assertEquals(List.of("alexandra-van-huffelen"), slugs(19));
        assertEquals(List.of("lea-bouwmeester"), slugs(6));
        assertEquals(List.of("klaas-de-vries"), slugs(64));
    }

    @Test
    void submittersOfAMotionAreNotPersonsNamedInTheText() {
        assertEquals(List.of(), slugs(86)); // "(NR 12. Motie Omtzigt/Van Dam)"
    }

    private static List<String> slugs(int action) {
        return SeedFacts.of(action).all(PersonFact.class).stream().map(f -> f.person().slug()).distinct().toList();
    }
}
