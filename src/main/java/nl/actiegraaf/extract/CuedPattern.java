package nl.actiegraaf.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex together with its cues: literal words of which every match contains at least one.
 * The extractors search each sentence with a dozen regexes that start with {@code \b} and an
 * optional cue word, so a search tries them at every position of every sentence; most sentences
 * contain none of a pattern's cues, and a few {@link String#contains} calls say so for a fraction
 * of the cost (JFR, bench/README.md: the date patterns alone were 40% of the conversion).
 *
 * <p>The cues are a necessary condition, never a sufficient one: the regex still decides. They are
 * given in lower case and looked up in the {@linkplain #fold folded} text for a case-insensitive
 * pattern, as they are for a case-sensitive one. With assertions on (the tests), every search
 * checks that a text without cues indeed had no match.
 */
final class CuedPattern {
    private final Pattern pattern;
    private final List<String> cues;
    private final boolean ignoreCase;

    private CuedPattern(Pattern pattern, List<String> cues) {
        this.pattern = pattern;
        this.cues = cues;
        this.ignoreCase = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
        if (ignoreCase && cues.stream().anyMatch(c -> !c.equals(fold(c)))) {
            throw new IllegalArgumentException("cues of a case-insensitive pattern are written folded (lower case): " + cues);
        }
    }

    static CuedPattern of(Pattern pattern, String... cues) {
        return new CuedPattern(pattern, List.of(cues));
    }

    /**
     * A matcher over {@code text}, or over the empty string when {@code text} lacks every cue: a
     * pattern that cannot match without a cue finds nothing there either. {@code folded} is
     * {@link #fold fold(text)}, computed once per sentence by the caller (only read when the
     * pattern ignores case).
     */
    Matcher matcher(String text, String folded) {
        boolean cued = hasCue(ignoreCase ? folded : text);
        assert cued || !pattern.matcher(text).find() : "cues " + cues + " missed a match of " + pattern + " in: " + text;
        return pattern.matcher(cued ? text : "");
    }

    /** For a case-sensitive pattern: {@code matcher(text, text)}. */
    Matcher matcher(String text) {
        if (ignoreCase) {
            return matcher(text, fold(text));
        }
        return matcher(text, text);
    }

    boolean find(String text, String folded) {
        return matcher(text, folded).find();
    }

    boolean find(String text) {
        return matcher(text).find();
    }

    private boolean hasCue(String text) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every char case-folded as {@code CASE_INSENSITIVE | UNICODE_CASE} compares it
     * ({@code toLowerCase(toUpperCase(c))}), char for char: "EIND" and "eınd" both contain "eind".
     * For a pattern with ASCII-only case folding this folds more than the pattern does, which keeps
     * the cues a necessary condition.
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }
}
