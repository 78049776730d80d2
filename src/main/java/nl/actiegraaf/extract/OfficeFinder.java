package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.OrganisationFact;

/**
 * Finds the government offices a sentence names: "de minister van BZK", "Staatssecretaris van
 * BZK" (the ministry is the body the organisation extractor found right after "van"), or a bare
 * "de staatssecretaris" whose ministry the sentence does not say.
 */
public final class OfficeFinder {
    private static final Pattern OFFICE = Pattern.compile(
            "\\b(minister|staatssecretaris)\\b(\\s+van\\s+)?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "de minister", "De staatssecretaris": the office, ministry left open (not "een minister", "ministers"). */
    private static final Pattern BARE_BEFORE = Pattern.compile("\\b[Dd]e\\s+$");

    /** The offices in order of appearance; a bare office has a null department. */
    public List<Office> find(Sentence sentence, List<OrganisationFact> organisations) {
        String text = sentence.text();
        List<Office> out = new ArrayList<>();
        if (!text.toLowerCase(Locale.ROOT).contains("minister") && !text.toLowerCase(Locale.ROOT).contains("staatssecretaris")) {
            return out;
        }
        Matcher m = OFFICE.matcher(text);
        while (m.find()) {
            String title = m.group(1);
            if (m.group(2) != null) {
                String rest = text.substring(m.end());
                // the ministry's name is the phrase the organisation extractor read right after "van"
                organisations.stream().filter(o -> rest.startsWith(o.evidence().text()))
                        .findFirst().ifPresent(o -> add(out, new Office(title, o.organisation())));
            } else if (BARE_BEFORE.matcher(text.substring(0, m.start())).find()) {
                add(out, new Office(title, null));
            }
        }
        return out;
    }

    private static void add(List<Office> out, Office office) {
        if (!out.contains(office)) {
            out.add(office);
        }
    }
}
