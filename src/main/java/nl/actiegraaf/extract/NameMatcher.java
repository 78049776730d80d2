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
     * A text and the pairs of adjacent chars it holds, as a 4,096-bit hash set. A name whose tail
     * starts or ends with a pair the text lacks is not in it: two bit tests instead of a search
     * of the text, for each of the ~120 names of the registers, of which a sentence holds one or two.
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

        private boolean holdsPair(String s, int at) {
            int bit = bit(s.charAt(at), s.charAt(at + 1));
            return (pairs[bit >>> 6] & 1L << bit) != 0;
        }

        /** The hits of {@code name} as whole words, in order. */
        List<Hit> find(String name) {
            Compiled compiled = PATTERNS.get(name);
            if (compiled == null) {
                compiled = PATTERNS.computeIfAbsent(name, Compiled::of);
            }
            String tail = compiled.tail();
            if (tail.length() >= 2 && !(holdsPair(tail, 0) && holdsPair(tail, tail.length() - 2))) {
                return List.of();
            }
            return compiled.find(text);
        }
    }

    /** A name's pattern and its tail: all but the first letter, which must occur as it is. */
    private record Compiled(String tail, Pattern pattern) {
        static Compiled of(String name) {
            return new Compiled(name.substring(1), NameMatcher.pattern(name));
        }

        /**
         * The hits {@code pattern.matcher(text).find()} would give, in order, but the pattern is tried
         * only where it can match: one char before an occurrence of the tail. Most names are in no
         * given sentence, and the look-behind the pattern opens with would otherwise be tried at
         * every position of every sentence for every name. Transparent bounds let the look-behind
         * see the text before the candidate.
         */
        List<Hit> find(String text) {
            int at = tail.isEmpty() ? -1 : text.indexOf(tail, 1);
            if (at < 0 && !tail.isEmpty()) {
                return List.of();
            }
            List<Hit> hits = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            if (tail.isEmpty()) {
                while (m.find()) {
                    hits.add(new Hit(m.start(), m.end(), m.group()));
                }
                return hits;
            }
            m.useTransparentBounds(true);
            while (at >= 0) {
                m.region(at - 1, text.length());
                if (m.lookingAt()) {
                    hits.add(new Hit(m.start(), m.end(), m.group()));
                    at = text.indexOf(tail, m.end() + 1); // as find(): the next hit starts after this one
                } else {
                    at = text.indexOf(tail, at + 1);
                }
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
