package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.KamerstukFact;

/**
 * Finds references to parliamentary papers: "Kamerstukken II 2020/21, 29 362, nr. 291",
 * "(Kamerstukken II, 2020-21, 35510, nr. 809)", "(TK 29362-290)", "Kamerstuk 35510-26",
 * "(28362, nr. 53)", "26 643 nr. 751". A dossier number has five digits, printed with or without
 * a space after the second.
 */
public final class KamerstukExtractor {
    private static final String DOSSIER = "(\\d{2}\\s?\\d{3})";
    /** Dossier and number with an optional "Kamerstukken II 2020/21," before it. */
    // Cues (CuedPattern): "nr" and "TK"/"Kamerstuk", without which the patterns cannot match; most
    // sentences cite no paper and are then not searched.
    private static final CuedPattern DOSSIER_NR = CuedPattern.of(Pattern.compile(
            "(?:Kamerstukken\\s+II,?\\s+\\d{4}[/-]\\d{2,4},?\\s+)?(?<![\\d-])" + DOSSIER + ",?\\s+nr\\.?\\s*(\\d+)"), "nr");
    /** "TK 29362-290", "Kamerstuk 35510-26". */
    private static final CuedPattern DASHED = CuedPattern.of(
            Pattern.compile("(?:TK|Kamerstuk|Kamerstukken)\\s+(\\d{5})-(\\d+)"), "TK", "Kamerstuk");

    /** Spans of the sentence the extractor read, so organisation matching can skip "TK" in "(TK 29362-290)". */
    public record Found(KamerstukFact fact, int start, int end) {
    }

    public List<Found> find(Sentence sentence) {
        String text = sentence.text();
        List<Found> found = new ArrayList<>();
        Matcher m = DOSSIER_NR.matcher(text);
        while (m.find()) {
            Kamerstuk paper = new Kamerstuk(m.group(1).replace(" ", ""), Integer.parseInt(m.group(2)));
            found.add(new Found(new KamerstukFact(paper, sentence.phrase(m.group())), m.start(), m.end()));
        }
        m = DASHED.matcher(text);
        while (m.find()) {
            Kamerstuk paper = new Kamerstuk(m.group(1), Integer.parseInt(m.group(2)));
            found.add(new Found(new KamerstukFact(paper, sentence.phrase(m.group())), m.start(), m.end()));
        }
        return found;
    }

    public List<KamerstukFact> extract(Sentence sentence) {
        return find(sentence).stream().map(Found::fact).toList();
    }
}
