package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.ReferenceFact;

/** Finds references to other actions: "zie actie 18", "Zie ook actie 33", "(zie ook 33)". */
public final class ReferenceExtractor {
    private static final Pattern SEE = Pattern.compile("[Zz]ie\\s+(?:ook\\s+)?(?:actie\\s+)?(\\d{1,3})\\b");

    /** References from action {@code self} to other actions of the report. */
    public List<ReferenceFact> extract(Sentence sentence, int self) {
        List<ReferenceFact> facts = new ArrayList<>();
        Matcher m = SEE.matcher(sentence.text());
        while (m.find()) {
            int target = Integer.parseInt(m.group(1));
            if (target != self && target > 0) {
                facts.add(new ReferenceFact(target, sentence.phrase(m.group())));
            }
        }
        return facts;
    }
}
