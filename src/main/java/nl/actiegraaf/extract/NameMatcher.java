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
    private static final Map<String, Compiled> PATTERNS = new ConcurrentHashMap<>();

    private NameMatcher() {
    }

    record Hit(int start, int end, String text) {
    }

    /** {@code text} made ready to look up every name of a register in it. */
    static Text in(String text) {
        return new Text(text);
    }

    /**
     * A text and the pairs of adjacent chars it holds, as a 4,096-bit hash set. A name with a pair
     * the text lacks is not in it: a few bit tests instead of a search of the text, for each of the
     * ~120 names of the registers, of which a sentence holds one or two.
     */
    static final class Text {
        private final String text;
        private final long[] pairs = new long[64];

        private Text(String text) {
            this.text = text;
            for (int i = 1; i < text.length(); i++) {
                int bit = bit(text.charAt(i - 1), text.charAt(i));
                pairs[bit >>> 6] |= 1L << bit;
            }
        }

        private static int bit(char a, char b) {
            return (a * 31 + b) & 4095;
        }

        private boolean holds(char a, char b) {
            int bit = bit(a, b);
            return (pairs[bit >>> 6] & 1L << bit) != 0;
        }

        /** The hits of {@code name} as whole words, in order. */
        List<Hit> find(String name) {
            Compiled compiled = PATTERNS.get(name);
            if (compiled == null) {
                compiled = PATTERNS.computeIfAbsent(name, Compiled::of);
            }
            return compiled.mayBeIn(this) ? compiled.find(text) : List.of();
        }
    }

    /**
     * A name's pattern, its tail (all but the first letter, which must occur as it is) and the
     * chars its first letter may be: itself or its capital.
     */
    private record Compiled(String heads, String tail, Pattern pattern) {
        static Compiled of(String name) {
            String first = name.substring(0, 1);
            return new Compiled(first + first.toUpperCase(), name.substring(1), NameMatcher.pattern(name));
        }

        /** False when {@code text} lacks a pair of chars every hit would hold: head and tail, and the tail's first and last two. */
        boolean mayBeIn(Text text) {
            if (tail.isEmpty()) {
                return true;
            }
            boolean head = false;
            for (int i = 0; i < heads.length() && !head; i++) {
                head = text.holds(heads.charAt(i), tail.charAt(0));
            }
            int n = tail.length();
            return head && (n < 2 || text.holds(tail.charAt(0), tail.charAt(1)) && text.holds(tail.charAt(n - 2), tail.charAt(n - 1)));
        }

        /**
         * The hits {@code pattern.matcher(text).find()} would give, in order, but the pattern is tried
         * only where it can match: one char before an occurrence of the tail, when that char is a
         * head. Most names are in no given sentence, and the look-behind the pattern opens with
         * would otherwise be tried at every position of every sentence for every name ("No" at
         * every "o"). Transparent bounds let the look-behind see the text before the candidate.
         */
        List<Hit> find(String text) {
            List<Hit> hits = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            if (tail.isEmpty()) {
                while (m.find()) {
                    hits.add(new Hit(m.start(), m.end(), m.group()));
                }
                return hits;
            }
            m.useTransparentBounds(true);
            int at = text.indexOf(tail, 1);
            while (at >= 0) {
                if (heads.indexOf(text.charAt(at - 1)) >= 0) {
                    m.region(at - 1, text.length());
                    if (m.lookingAt()) {
                        hits.add(new Hit(m.start(), m.end(), m.group()));
                        at = text.indexOf(tail, m.end() + 1); // as find(): the next hit starts after this one
                        continue;
                    }
                }
                at = text.indexOf(tail, at + 1);
            }
            return hits;
        }
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
