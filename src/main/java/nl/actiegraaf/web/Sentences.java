package nl.actiegraaf.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of the report's text, for showing where a fact was read: the sentence around a mention's words,
 * HTML-escaped, those words in {@code <mark>}. Abbreviations the report uses ("nr. 21", "c.s.", "jl.")
 * do not end a sentence.
 */
public final class Sentences {
    private static final Pattern END = Pattern.compile(
            "(?<![Nn][Rr]\\.)(?<!c\\.s\\.)(?<!jl\\.)(?<!blz\\.)(?<!o\\.a\\.)(?<!bijv\\.)(?<!art\\.)(?<=[.!?;])\\s+(?=[\\p{Lu}\\p{N}\"“‘(])|\\n\\s*");
    /** Words longer than this are a sentence of their own (a commitment, an event), not a mention inside one. */
    private static final int SHORT = 80;

    private Sentences() {
    }

    /** A part of a text: [start, end). */
    public record Span(int start, int end) {
    }

    public static List<Span> of(String text) {
        List<Span> sentences = new ArrayList<>();
        Matcher end = END.matcher(text);
        int start = 0;
        while (end.find()) {
            if (end.start() > start) {
                sentences.add(new Span(start, end.start()));
            }
            start = end.end();
        }
        if (start < text.length()) {
            sentences.add(new Span(start, text.length()));
        }
        return sentences;
    }

    /**
     * The sentence of {@code text} that holds {@code words}, escaped, the words marked; {@code words} alone
     * (escaped) when they are long or not in the text.
     */
    public static String around(String text, String words) {
        if (words == null || words.isBlank()) {
            return "";
        }
        if (text == null || words.length() > SHORT) {
            return Html.escape(words);
        }
        int at = text.indexOf(words);
        if (at < 0) {
            at = text.toLowerCase(Locale.ROOT).indexOf(words.toLowerCase(Locale.ROOT));
        }
        if (at < 0) {
            return Html.escape(words);
        }
        for (Span s : of(text)) {
            if (s.start() <= at && at < s.end()) {
                int end = Math.min(s.end(), Math.max(at + words.length(), s.end()));
                return (Html.escape(text.substring(s.start(), at)) + "<mark>" + Html.escape(text.substring(at, at + words.length()))
                        + "</mark>" + Html.escape(text.substring(Math.min(at + words.length(), end), end))).strip();
            }
        }
        return Html.escape(words);
    }
}
