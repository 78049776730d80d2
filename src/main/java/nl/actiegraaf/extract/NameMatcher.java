package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a name as a whole word: never inside another word ("LA" in "LAndelijk", "No" in "Nota"),
 * never as the first part of a web address ("Belastingdienst.nl"), case-sensitive except that the
 * first letter may be a capital at the start of a sentence.
 */
final class NameMatcher {
    /**
     * One compiled pattern per name, kept: every sentence is matched against every name in the
     * register, and compiling the pattern anew each time was half the extraction's time (JFR, bench/README.md).
     */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private NameMatcher() {
    }

    record Hit(int start, int end, String text) {
    }

    static List<Hit> find(String text, String name) {
        List<Hit> hits = new ArrayList<>();
        // All but the first letter must occur as they are: most names are in no given sentence, and
        // this test is far cheaper than the search with its look-behind at every position.
        if (!text.contains(name.substring(1))) {
            return hits;
        }
        Matcher m = PATTERNS.computeIfAbsent(name, NameMatcher::pattern).matcher(text);
        while (m.find()) {
            hits.add(new Hit(m.start(), m.end(), m.group()));
        }
        return hits;
    }

    private static Pattern pattern(String name) {
        String first = name.substring(0, 1);
        String head = first.equals(first.toUpperCase()) ? Pattern.quote(first)
                : "[" + Pattern.quote(first) + Pattern.quote(first.toUpperCase()) + "]";
        return Pattern.compile("(?<![\\p{L}\\p{N}&])" + head + Pattern.quote(name.substring(1))
                + "(?![\\p{L}\\p{N}&])(?!\\.\\p{L})");
    }

    static boolean overlaps(List<Hit> taken, Hit hit) {
        return taken.stream().anyMatch(t -> hit.start() < t.end() && t.start() < hit.end());
    }
}
