package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.PersonFact;
import nl.actiegraaf.extract.NameMatcher.Hit;

/**
 * Finds persons of the register named in running text ("staatssecretaris Van Huffelen",
 * "olv Lea Bouwmeester", "het lid Segers", "de leden Ceder en Leijten"). A name of two or more
 * words counts anywhere; a bare surname only after a word that introduces a person, because
 * surnames such as "Klaver" are also common words.
 */
public final class PersonExtractor {
    private static final Pattern CUE_BEFORE = Pattern.compile(
            "(?:\\blid|\\bleden|\\bheer|\\bmevrouw|[Ss]taatssecretaris|[Mm]inister|\\bleden \\S+ en)\\s+$");

    private final PersonRegister register;

    public PersonExtractor(PersonRegister register) {
        this.register = register;
    }

    /** @param masked phrases already read as motion references: their submitters are not "named persons" */
    public List<PersonFact> extract(Sentence sentence, Collection<String> masked) {
        String text = Masking.mask(sentence.text(), masked);
        NameMatcher.Text names = NameMatcher.in(text);
        List<Hit> taken = new ArrayList<>();
        List<PersonFact> facts = new ArrayList<>();
        for (PersonRegister.Name name : register.names()) {
            boolean multiWord = name.text().trim().contains(" ");
            for (Hit hit : names.find(name.text())) {
                if (NameMatcher.overlaps(taken, hit)) {
                    continue;
                }
                if (!multiWord && !CUE_BEFORE.matcher(text.substring(0, hit.start())).find()) {
                    continue;
                }
                taken.add(hit);
                if (facts.stream().noneMatch(f -> f.person().equals(name.person()))) {
                    facts.add(new PersonFact(name.person(), sentence.phrase(hit.text())));
                }
            }
        }
        return facts;
    }
}
