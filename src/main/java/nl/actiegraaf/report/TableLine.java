package nl.actiegraaf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the report, recognised for what it is in the table's layout: a page header, an action row,
 * a continuation row, a heading, a footnote, a page number, or loose text. Recognising is local to the
 * line; what a line means in its context is {@link ReportParser}'s business.
 *
 * @param number 1-based line number in the file
 * @param cells  the tab-separated cells, trimmed (for rows)
 * @param text   the whole line, trimmed
 * @param tabbed whether the line had a tab, so columns (a heading row "HERSTELOPERATIE<TAB><TAB>" has)
 */
record TableLine(int number, Kind kind, List<String> cells, String text, boolean tabbed) {

    enum Kind { BLANK, PAGE_HEADER, ACTION_ROW, CONTINUATION_ROW, HEADING, FOOTNOTE, PAGE_NUMBER, TEXT, OTHER_ROW }

    static final List<String> HEADER = List.of("actie", "omschrijving", "stand van zaken");
    private static final String HEADER_LINE = String.join("\t", HEADER);
    private static final Pattern ACTION_NUMBER = Pattern.compile("(\\d{1,5})\\.?");
    private static final Pattern FOOTNOTE = Pattern.compile("([\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+)\\s*(\\S.*)");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)(?:(?:pagina|page|blz\\.?|p\\.)\\s*)?\\d{1,4}(?:\\s*(?:van|of|/)\\s*\\d{1,4})?");

    static TableLine read(int number, String raw, boolean cutShort) {
        String text = raw.strip();
        boolean tabbed = raw.indexOf('\t') >= 0;
        if (text.isEmpty()) {
            return new TableLine(number, Kind.BLANK, List.of(), text, tabbed);
        }
        List<String> cells = cells(raw);
        if (isPageHeader(cells) || cutShort && isStartOfPageHeader(raw)) {
            return new TableLine(number, Kind.PAGE_HEADER, cells, text, tabbed);
        }
        String first = cells.get(0);
        if (!tabbed) {
            return new TableLine(number, lineKind(text), cells, text, false);
        }
        if (ACTION_NUMBER.matcher(first).matches()) {
            return new TableLine(number, Kind.ACTION_ROW, cells, text, true);
        }
        if (first.isEmpty()) {
            return new TableLine(number, Kind.CONTINUATION_ROW, cells, text, true);
        }
        if (cells.size() == 1) {
            // only the first column filled: a heading row, or a footnote or page number set in the table
            Kind kind = lineKind(first);
            return new TableLine(number, kind == Kind.TEXT ? Kind.HEADING : kind, cells, text, true);
        }
        return new TableLine(number, Kind.OTHER_ROW, cells, text, true);
    }

    /** A line without columns: a footnote, a page number, a bare heading, or prose. */
    private static Kind lineKind(String text) {
        if (FOOTNOTE.matcher(text).matches()) {
            return Kind.FOOTNOTE;
        }
        if (PAGE_NUMBER.matcher(text).matches()) {
            return Kind.PAGE_NUMBER;
        }
        if (isCapitalised(text) && text.length() <= 120) {
            return Kind.HEADING;
        }
        return Kind.TEXT;
    }

    /** The action number of an action row. */
    int actionNumber() {
        Matcher m = ACTION_NUMBER.matcher(cells.get(0));
        if (kind != Kind.ACTION_ROW || !m.matches()) {
            throw new IllegalStateException("not an action row: line " + number);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Column {@code index} (0 = Actie, 1 = Omschrijving, 2 = Stand van Zaken); extra cells belong to the last. */
    String column(int index) {
        if (index < 2) {
            return index < cells.size() ? cells.get(index) : "";
        }
        return cells.size() > 2 ? String.join(" ", cells.subList(2, cells.size())) : "";
    }

    String footnoteMarker() {
        Matcher m = FOOTNOTE.matcher(text);
        return m.matches() ? m.group(1) : "";
    }

    String footnoteText() {
        Matcher m = FOOTNOTE.matcher(text);
        return m.matches() ? m.group(2).strip() : text;
    }

    /** The heading's text, whether it came with empty cells or as a bare line. */
    String headingText() {
        return cells.isEmpty() ? text : cells.get(0);
    }

    /** All capitals (ignoring digits and punctuation): a theme rather than a sub-theme. */
    static boolean isCapitalised(String text) {
        boolean letters = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters;
    }

    private static List<String> cells(String raw) {
        List<String> cells = new ArrayList<>();
        for (String cell : raw.split("\t", -1)) {
            cells.add(cell.strip());
        }
        // Trailing empty cells say nothing ("HERSTELOPERATIE\t\t" and "HERSTELOPERATIE" are one heading),
        // but keep at least one cell, and keep the empty first cell of a continuation row.
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    private static boolean isPageHeader(List<String> cells) {
        if (cells.size() != HEADER.size()) {
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).equals(HEADER.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The last line of a file cut short may hold only the start of a page header. */
    private static boolean isStartOfPageHeader(String raw) {
        String line = raw.strip().toLowerCase(Locale.ROOT);
        return !line.isEmpty() && HEADER_LINE.startsWith(line);
    }
}
