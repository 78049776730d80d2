package nl.actiegraaf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits Dutch prose into sentences. A period ends a sentence when whitespace and a capital,
 * digit or opening quote follow, unless it closes an abbreviation such as "nr." or "c.s.":
 * {@code ag:tekst} must quote a real sentence, not "Op 30 april jl." cut off mid-way.
 */
public final class DutchSentences {
    /** Abbreviations after which a sentence never ends (lower case, without the final period). */
    private static final Set<String> NEVER_FINAL = Set.of(
            "nr", "nrs", "c.s", "cs", "o.a", "d.d", "incl", "e.g", "bijv", "m.b.t", "o.b.v", "i.r.t", "i.p.v",
            "p", "pag", "art", "ca", "mr", "dr", "drs", "ir", "prof", "olv", "o.l.v", "z.s.m", "t.a.v", "vs",
            "resp", "j.l", "a.s", "jl");
    /** Abbreviations that end a sentence when a capital follows ("... op 25 juni jl. De ..."). */
    private static final Set<String> FINAL_BEFORE_CAPITAL = Set.of("jl", "j.l", "a.s", "enz", "etc");

    /** Compiled once: String.replaceAll compiles its pattern on every call, for every block. */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private DutchSentences() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        String normalized = WHITE_SPACE.matcher(text).replaceAll(" ").trim();
        int start = 0;
        // The last '(' so far and whether a digit followed it: kept as the loop goes, because looking
        // back for them at every ')' made a cell of many ')' and no '(' quadratic (found by fuzzing).
        int lastOpen = -1;
        boolean digitSinceOpen = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '(') {
                lastOpen = i;
                digitSinceOpen = false;
            } else if (Character.isDigit(c)) {
                digitSinceOpen = true;
            }
            if ((c == '.' || c == '!' || c == '?') && endsSentence(normalized, i)
                    || c == ')' && lastOpen >= 0 && digitSinceOpen && citationEndsSentence(normalized, lastOpen, i)) {
                add(sentences, normalized.substring(start, i + 1));
                start = i + 1;
            }
        }
        add(sentences, normalized.substring(start));
        return sentences;
    }

    private static boolean endsSentence(String text, int at) {
        int next = at + 1;
        // Closing quotes or brackets right after the period belong to this sentence: not handled
        // further, the report does not use them that way.
        if (next >= text.length() || text.charAt(next) != ' ') {
            return false;
        }
        int wordStart = next + 1;
        if (wordStart >= text.length()) {
            return false;
        }
        char following = text.charAt(wordStart);
        boolean capitalFollows = Character.isUpperCase(following) || following == '"' || following == '“'
                || following == '\'' || following == '‘';
        if (!capitalFollows && !Character.isDigit(following)) {
            return false;
        }
        if (text.charAt(at) != '.') {
            return true;
        }
        String word = wordBefore(text, at);
        if (word.isEmpty()) {
            return true; // "Rijksoverheid.nl . Eind": a stray period ends the sentence
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (FINAL_BEFORE_CAPITAL.contains(lower)) {
            return capitalFollows;
        }
        if (NEVER_FINAL.contains(lower)) {
            return false;
        }
        // "(NR 12. Motie Omtzigt/Van Dam)": a motion number, not the end of a sentence.
        if (word.chars().allMatch(Character::isDigit) && wordBefore(text, at - word.length() - 1).equalsIgnoreCase("nr")
                && text.regionMatches(true, at + 2, "motie", 0, 5)) {
            return false;
        }
        // A single letter is an initial or a list marker ("A. Een intensiveren ...").
        return word.length() != 1 || !Character.isLetter(word.charAt(0));
    }

    /**
     * "... gezonden (Kamerstukken II, 2020/21, 29 362, nr. 291) Hierin staat ...": the PDF lost the
     * period after a bracketed citation. A citation (brackets holding a number) followed by a
     * capitalised word of Dutch prose ends the sentence; "(CvdRM) overleggen", "(NR 12. Motie
     * Omtzigt/Van Dam)" at the end of a cell and a name after the brackets do not. The caller has
     * found the brackets ({@code open}, with a digit between it and {@code at}).
     */
    private static boolean citationEndsSentence(String text, int open, int at) {
        if (text.regionMatches(true, open + 1, "NR", 0, 2)) {
            return false;
        }
        int next = at + 1;
        if (next + 2 >= text.length() || text.charAt(next) != ' ') {
            return false;
        }
        // A capital followed by small letters only up to the next space: "Hierin", "De", "Het"; not "UWV".
        int end = text.indexOf(' ', next + 1);
        String word = text.substring(next + 1, end < 0 ? text.length() : end);
        return word.length() >= 2 && Character.isUpperCase(word.charAt(0))
                && word.substring(1).chars().allMatch(Character::isLowerCase)
                && SENTENCE_OPENERS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Words that open a Dutch sentence and are no name: the only safe sign of a lost period. */
    private static final Set<String> SENTENCE_OPENERS = Set.of("hierin", "daarin", "hiermee", "daarmee", "de", "het", "een",
            "dit", "deze", "dat", "er", "in", "op", "met", "voor", "na", "ook", "verder", "daarnaast", "tevens", "zo", "wel");

    /** The token ending just before {@code at}, with inner periods ("c.s", "o.a"). */
    private static String wordBefore(String text, int at) {
        if (at <= 0) {
            return "";
        }
        int begin = at;
        while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1)) && text.charAt(begin - 1) != '(') {
            begin--;
        }
        return text.substring(begin, at);
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.trim();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
