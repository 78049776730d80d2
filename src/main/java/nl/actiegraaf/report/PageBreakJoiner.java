package nl.actiegraaf.report;

import java.util.regex.Pattern;

/**
 * Joins the piece of a cell that continues on the next page to the piece before it, in raw (not yet
 * cleaned) form.
 *
 * <p>The PDF export wraps each page's piece of a cell in its own paragraph, so a sentence that runs over
 * the page ends in "{@code De</p>}" and goes on as "{@code <p>herziening van het IAK ...}". When the piece
 * before the break does not end a sentence, those two tags are artefacts of the break and are dropped,
 * so the sentence is joined again. When it does end a sentence, the tags are kept: a new paragraph or
 * list item then starts a new block, as in the report.
 */
final class PageBreakJoiner {
    private static final Pattern TRAILING_TAGS = Pattern.compile("(?:\\s*<[^<>]*>)+\\s*$");
    private static final Pattern TRAILING_CLOSE = Pattern.compile("(?:\\s*</(?:p|li|div)\\s*>)+\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_OPEN = Pattern.compile("^\\s*(?:<(?:p|div)(?:\\s[^<>]*)?>\\s*)+", Pattern.CASE_INSENSITIVE);
    /** A sentence ends in . ! ? : or ; possibly followed by a closing bracket or quote. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][)\"'\u201D\u2019]*$");

    private PageBreakJoiner() {
    }

    static String join(String before, String after) {
        if (before.isBlank()) {
            return after.strip();
        }
        if (after.isBlank()) {
            return before.strip();
        }
        String head = before.strip();
        String tail = after.strip();
        if (!endsSentence(head)) {
            head = TRAILING_CLOSE.matcher(head).replaceFirst("");
            tail = LEADING_OPEN.matcher(tail).replaceFirst("");
        }
        return head + " " + tail;
    }

    static boolean endsSentence(String raw) {
        String text = TRAILING_TAGS.matcher(raw).replaceFirst("").strip();
        return text.isEmpty() || SENTENCE_END.matcher(text).find();
    }
}
