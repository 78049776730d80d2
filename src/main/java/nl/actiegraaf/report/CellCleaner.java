package nl.actiegraaf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw text of one cell (HTML fragments, bullets, PDF artefacts) into clean paragraphs and list
 * items.
 *
 * <p>The cells carry the remains of the HTML the report was written in: {@code <p>}, {@code </p>} and
 * {@code <ul style=...>} without a closing tag, whose items are written as " - item" instead of
 * {@code <li>}. A list lasts until the next paragraph tag. A cell (or paragraph) that starts with "- " is
 * a list too, as in "- Belastingdienst: ...". Inside a list, a dash between brackets ("(april - okt
 * 2021)") is a dash, not a bullet.
 */
public final class CellCleaner {
    /** Superscript digits: footnote markers in the PDF text. */
    static final String SUPERSCRIPTS = "\u00B9\u00B2\u00B3\u2070\u2074\u2075\u2076\u2077\u2078\u2079";
    static final Pattern MARKER = Pattern.compile("[" + SUPERSCRIPTS + "]+");

    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\\s[^<>]*)?/?>|<[a-zA-Z/][^<>]*$", Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("(?:^|(?<=\\s))[-\u2022\u25AA]\\s+(?=\\S)");
    private static final Pattern ORDINAL_ARTEFACT = Pattern.compile("(\\d)\\s*\\^\\s*(?=[a-zA-Z]{1,3}\\b)");
    private static final Pattern CARET = Pattern.compile("\\s*\\^\\s*(?=[a-z]{1,3}\\b)");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("(?<=\\S)\\s+([.,;:!?])(?=\\s|$)");
    private static final Pattern SPACE_INSIDE_BRACKETS = Pattern.compile("\\(\\s+|\\s+\\)");
    private static final Pattern OPENS_WITH_BULLET = Pattern.compile("(?s)[-\u2022\u25AA]\\s+\\S.*");

    private final Set<String> footnoteMarkers;

    /** @param footnoteMarkers the markers of the footnotes found in the report, such as "¹" */
    public CellCleaner(Set<String> footnoteMarkers) {
        this.footnoteMarkers = Set.copyOf(footnoteMarkers);
    }

    public CellText clean(String cell) {
        String raw = withoutUnclosedComments(cell);
        Blocks blocks = new Blocks();
        Matcher tag = TOKEN.matcher(raw);
        int at = 0;
        // Every token starts with '<'; most cells have none, and the search is not free.
        while (raw.indexOf('<') >= 0 && tag.find()) {
            blocks.text(raw.substring(at, tag.start()));
            String name = tag.group(2) == null ? "" : tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = "/".equals(tag.group(1));
            switch (name) {
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th" -> blocks.paragraph();
                case "ul", "ol" -> {
                    if (closing) {
                        blocks.paragraph();
                    } else {
                        blocks.list();
                    }
                }
                case "li" -> {
                    if (!closing) {
                        blocks.item();
                    }
                }
                case "br" -> blocks.text(" ");
                default -> {
                    // inline markup (b, i, span, a ...), comments and a tag cut off at the end carry no text
                }
            }
            at = tag.end();
        }
        blocks.text(raw.substring(at));
        blocks.flush();
        return new CellText(blocks.done);
    }

    /**
     * "{@code <!--}" with no "{@code -->}" after it stays text, as before, but is broken up here with a
     * zero-width space (which {@link #tidy} removes again): otherwise the tokenizer would look for the end
     * of the comment from every one of them, in quadratic time (found by fuzzing).
     */
    private static String withoutUnclosedComments(String raw) {
        int lastClose = raw.lastIndexOf("-->");
        int from = lastClose < 0 ? 0 : lastClose + 3;
        if (raw.indexOf("<!--", from) < 0) {
            return raw;
        }
        return raw.substring(0, from) + raw.substring(from).replace("<!--", "<!-\u200B-");
    }

    /** Accumulates text into the current block and decides where blocks begin. */
    private final class Blocks {
        final List<Block> done = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        /** The bracket depth at the end of {@code current}, kept as text is added rather than recounted. */
        int depth;
        /** Whether {@code current} holds only white space so far. */
        boolean blank = true;
        Block.Kind kind = Block.Kind.PARAGRAPH;
        boolean inList;

        void paragraph() {
            flush();
            inList = false;
            kind = Block.Kind.PARAGRAPH;
        }

        void list() {
            flush();
            inList = true;
            kind = Block.Kind.LIST_ITEM;
        }

        void item() {
            flush();
            kind = Block.Kind.LIST_ITEM;
        }

        void text(String text) {
            if (blank && OPENS_WITH_BULLET.matcher(text.stripLeading()).matches()) {
                inList = true; // a cell or paragraph that opens with a bullet is a list
            }
            if (!inList) {
                append(text);
                return;
            }
            Matcher bullet = BULLET.matcher(text);
            int at = 0;
            int scanned = 0;
            int depthBefore = depth;
            while (bullet.find()) {
                depthBefore = bracketDepth(depthBefore, text, scanned, bullet.start());
                scanned = bullet.start();
                if (depthBefore > 0) {
                    continue; // "(april - okt 2021)": a dash inside brackets
                }
                append(text.substring(at, bullet.start()));
                item();
                at = bullet.end();
                scanned = at;
                depthBefore = depth;
            }
            append(text.substring(at));
        }

        private void append(String text) {
            current.append(text);
            depth = bracketDepth(depth, text, 0, text.length());
            blank = blank && text.isBlank();
        }

        void flush() {
            String text = tidy(current.toString());
            current.setLength(0);
            depth = 0;
            blank = true;
            if (!text.isEmpty()) {
                done.add(new Block(kind, text));
            }
        }
    }

    /** The bracket depth after {@code text[from, to)}, starting at {@code depth}; a stray ")" is ignored. */
    private static int bracketDepth(int depth, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    /** Clean prose of one block: entities decoded, artefacts and markers removed, white space collapsed. */
    String tidy(String text) {
        String out = HtmlEntities.decode(text);
        out = ReportDecoder.normaliseSpaces(out);
        // Collapsed first: the artefact patterns below start with \s*, which is quadratic on a long
        // run of spaces. Each runs only when the character it needs is there: tidying was most of the
        // conversion's time (see bench/README.md), and most blocks need none of them.
        out = collapseWhiteSpace(out);
        if (out.indexOf('^') >= 0) {
            out = ORDINAL_ARTEFACT.matcher(out).replaceAll("$1");
            out = CARET.matcher(out).replaceAll("");
        }
        out = removeMarkers(out);
        out = collapseWhiteSpace(out).strip();
        if (hasSpaceBeforePunctuation(out)) {
            out = SPACE_BEFORE_PUNCTUATION.matcher(out).replaceAll("$1");
        }
        if (out.contains("( ") || out.contains(" )")) {
            out = SPACE_INSIDE_BRACKETS.matcher(out).replaceAll(m -> m.group().strip());
        }
        return out;
    }

    /** What {@code replaceAll("\\s+", " ")} does, in one pass: every run of regex white space becomes one space. */
    private static String collapseWhiteSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    /** Whether text, its white space collapsed, has " ." or the like, which {@link #SPACE_BEFORE_PUNCTUATION} is for. */
    private static boolean hasSpaceBeforePunctuation(String text) {
        for (int i = text.indexOf(' '); i >= 0 && i + 1 < text.length(); i = text.indexOf(' ', i + 1)) {
            if (".,;:!?".indexOf(text.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A run of superscript digits is a footnote marker when the report has a footnote with that marker,
     * or when it stands apart from the word before it (the PDF's " ¹ "). Otherwise, as in "m²", it is
     * part of the text and stays.
     */
    private String removeMarkers(String text) {
        if (!hasSuperscript(text)) {
            return text;
        }
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            if (isMarker(text, m.start(), m.group())) {
                out.append(text, at, m.start());
                at = m.end();
            }
        }
        return out.append(text.substring(at)).toString();
    }

    private static boolean hasSuperscript(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (SUPERSCRIPTS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    boolean isMarker(String text, int start, String marker) {
        return footnoteMarkers.contains(marker) || start == 0 || Character.isWhitespace(text.charAt(start - 1));
    }

    /** The footnote markers in a piece of raw cell text, in order. */
    List<String> markersIn(String raw) {
        List<String> found = new ArrayList<>();
        if (!hasSuperscript(raw)) {
            return found;
        }
        Matcher m = MARKER.matcher(raw);
        while (m.find()) {
            if (isMarker(raw, m.start(), m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }
}
