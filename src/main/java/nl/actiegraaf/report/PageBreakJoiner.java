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
 *
 * <p>The cell so far is appended to in place and only its end is looked at, never the whole of it: a
 * cell continued over a hundred thousand rows must take linear time, not quadratic (found by fuzzing).
 */
final class PageBreakJoiner {
    private static final Pattern LEADING_OPEN = Pattern.compile("^\\s*(?:<(?:p|div)(?:\\s[^<>]*)?>\\s*)+", Pattern.CASE_INSENSITIVE);
    /** Closing brackets and quotes that may follow the end of a sentence. */
    private static final String CLOSERS = ")\"'\u201D\u2019";
    private static final String SENTENCE_ENDS = ".!?:;";

    private PageBreakJoiner() {
    }

    static String join(String before, String after) {
        StringBuilder head = new StringBuilder(before.strip());
        join(head, after);
        return head.toString();
    }

    /** Appends {@code after} to the cell text in {@code head} (kept without white space at its ends). */
    static void join(StringBuilder head, String after) {
        String tail = after.strip();
        if (head.isEmpty()) {
            head.append(tail);
            return;
        }
        if (tail.isEmpty()) {
            return;
        }
        if (!endsSentence(head)) {
            head.setLength(trailingClosingTagsStart(head));
            tail = LEADING_OPEN.matcher(tail).replaceFirst("");
        }
        head.append(' ').append(tail);
        stripEnd(head);
    }

    /** Whether the text, trailing tags aside, ends a sentence: in . ! ? : or ; perhaps followed by a closing bracket or quote. */
    static boolean endsSentence(CharSequence raw) {
        int end = skipSpaceBack(raw, trailingTagsStart(raw));
        if (end == 0) {
            return true; // nothing but tags
        }
        while (end > 0 && CLOSERS.indexOf(raw.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_ENDS.indexOf(raw.charAt(end - 1)) >= 0;
    }

    /** Where the run of tags (and white space) at the end begins: {@code length()} when there is none. */
    private static int trailingTagsStart(CharSequence s) {
        int start = s.length();
        while (true) {
            int j = skipSpaceBack(s, start);
            if (j == 0 || s.charAt(j - 1) != '>') {
                return start;
            }
            int k = j - 2;
            while (k >= 0 && s.charAt(k) != '<' && s.charAt(k) != '>') {
                k--;
            }
            if (k < 0 || s.charAt(k) != '<') {
                return start;
            }
            start = k;
        }
    }

    /** Where the run of {@code </p>}, {@code </li>}, {@code </div>} (and white space) at the end begins. */
    private static int trailingClosingTagsStart(CharSequence s) {
        int start = s.length();
        boolean any = false;
        while (true) {
            int j = skipSpaceBack(s, start);
            if (j == 0 || s.charAt(j - 1) != '>') {
                break;
            }
            int nameEnd = skipSpaceBack(s, j - 1);
            int open = closingTagOpen(s, nameEnd);
            if (open < 0) {
                break;
            }
            start = skipSpaceBack(s, open);
            any = true;
        }
        return any ? start : s.length();
    }

    /** The index of "</" of a closing p, li or div tag whose name ends at {@code nameEnd}, or -1. */
    private static int closingTagOpen(CharSequence s, int nameEnd) {
        for (String name : new String[] {"p", "li", "div"}) {
            int open = nameEnd - name.length() - 2;
            if (open >= 0 && s.charAt(open) == '<' && s.charAt(open + 1) == '/'
                    && s.subSequence(open + 2, nameEnd).toString().equalsIgnoreCase(name)) {
                return open;
            }
        }
        return -1;
    }

    private static int skipSpaceBack(CharSequence s, int end) {
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static void stripEnd(StringBuilder s) {
        s.setLength(skipSpaceBack(s, s.length()));
    }
}
