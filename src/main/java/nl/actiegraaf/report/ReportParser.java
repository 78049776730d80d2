package nl.actiegraaf.report;

import nl.actiegraaf.vocab.Slug;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the table of a report, line by line, as a state machine with named states (in the manner of
 * jsoup's tree builder): each state says what each kind of {@link TableLine} means at that point and
 * which state comes next.
 *
 * <p>The parser reads the table, not one file's bytes: page headers may be anywhere or nowhere, a row
 * may be continued (empty first column) after any page break, footnotes may stand at the bottom of any
 * page. Text is collected raw per column and cleaned only at the end, when all footnote markers are known.
 */
final class ReportParser {

    /** What the lines read so far make the parser expect. */
    enum State {
        /** Title and introduction; the table has not begun. */
        BEFORE_TABLE {
            @Override
            State process(TableLine line, ReportParser p) {
                switch (line.kind()) {
                    case PAGE_HEADER:
                        p.pendingHeading = null;
                        return AFTER_PAGE_HEADER;
                    case ACTION_ROW:
                        p.applyPendingHeading();
                        p.startAction(line);
                        return IN_TABLE;
                    case HEADING:
                        if (line.tabbed() || p.pendingHeading != null) {
                            // a heading row with columns, or a sub-theme under the bare heading above it
                            p.applyPendingHeading();
                            p.heading(line);
                            return IN_TABLE;
                        }
                        // an all-capitals line without columns: a heading if an action follows, else a title
                        p.preamble(line);
                        p.pendingHeading = line;
                        return BEFORE_TABLE;
                    case CONTINUATION_ROW:
                        throw p.error(line, "a continued row (empty first column) before the first action");
                    default:
                        p.preamble(line);
                        return BEFORE_TABLE;
                }
            }
        },
        /** Between rows of the table. */
        IN_TABLE {
            @Override
            State process(TableLine line, ReportParser p) {
                switch (line.kind()) {
                    case BLANK, PAGE_NUMBER:
                        return this;
                    case PAGE_HEADER:
                        return AFTER_PAGE_HEADER;
                    case ACTION_ROW:
                        p.startAction(line);
                        return IN_TABLE;
                    case CONTINUATION_ROW:
                        p.continueAction(line);
                        return IN_TABLE;
                    case HEADING:
                        if (!line.tabbed() && line.text().equals(p.firstLine)) {
                            return this; // the title repeated as a running page header or footer
                        }
                        p.heading(line);
                        return IN_TABLE;
                    case FOOTNOTE:
                        p.footnote(line);
                        return IN_FOOTNOTES;
                    case TEXT:
                        if (line.text().equals(p.firstLine)) {
                            return this; // the title repeated as a running page header or footer
                        }
                        if (looksLikeHeading(line.text())) {
                            p.heading(line); // a sub-theme whose empty cells were trimmed away
                            return IN_TABLE;
                        }
                        throw p.error(line, "text outside the table's columns (expected \"N.<TAB>omschrijving<TAB>stand van zaken\")");
                    default:
                        throw p.error(line, "a row that starts with neither an action number nor an empty column: \""
                                + abbreviate(line.text()) + "\"");
                }
            }
        },
        /** Just after a repeated page header: the row broken off by the page break may continue here. */
        AFTER_PAGE_HEADER {
            @Override
            State process(TableLine line, ReportParser p) {
                switch (line.kind()) {
                    case PAGE_HEADER, BLANK:
                        return this;
                    case CONTINUATION_ROW:
                        p.continueAction(line);
                        return IN_TABLE;
                    default:
                        return IN_TABLE.process(line, p);
                }
            }
        },
        /** Right below a footnote at the bottom of a page: more footnotes, or a line continuing the last one. */
        IN_FOOTNOTES {
            @Override
            State process(TableLine line, ReportParser p) {
                switch (line.kind()) {
                    case FOOTNOTE:
                        p.footnote(line);
                        return this;
                    case BLANK, PAGE_NUMBER:
                        return IN_TABLE; // a footnote goes on only on the line right below it
                    case TEXT:
                        if (line.text().equals(p.firstLine)) {
                            return IN_TABLE; // the title repeated as a running page footer
                        }
                        p.continueFootnote(line);
                        return this;
                    default:
                        return IN_TABLE.process(line, p);
                }
            }
        };

        abstract State process(TableLine line, ReportParser p);
    }

    /** What the parser found, before metadata is added. */
    record ParsedTable(String firstLine, String introduction, List<Theme> themes, List<ReportAction> actions) {
    }

    /** Longer than any theme name; a longer "heading" is a broken row, and would make an absurd IRI. */
    private static final int MAX_HEADING = 200;

    private final Path file;
    private String firstLine;
    /** The prose between the title and the table: it says what the report covers and since when. */
    private final StringBuilder introduction = new StringBuilder();
    private TableLine pendingHeading;
    private Theme topTheme;
    private Theme theme;
    private final Map<String, Theme> themes = new LinkedHashMap<>();
    private final List<RawAction> actions = new ArrayList<>();
    private final Map<Integer, RawAction> actionsByNumber = new HashMap<>();
    private RawAction current;
    private final List<RawFootnote> footnotes = new ArrayList<>();

    private ReportParser(Path file) {
        this.file = file;
    }

    static ParsedTable parse(Path file, ReportDecoder.DecodedText text) {
        return parse(file, text, ReportErrors.standard());
    }

    /** Reads the table; each line's error goes to {@code errors}, whose policy decides whether reading goes on. */
    static ParsedTable parse(Path file, ReportDecoder.DecodedText text, ReportErrors errors) {
        ReportParser parser = new ReportParser(file);
        State state = State.BEFORE_TABLE;
        List<String> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            boolean cutShort = i == lines.size() - 1 && !text.endsWithNewline();
            TableLine line = TableLine.read(i + 1, lines.get(i), cutShort);
            try {
                state = state.process(line, parser);
            } catch (ReportException e) {
                errors.report(i + 1, cutShort, e); // throws unless the policy lets the reading go on
            }
        }
        return parser.finish();
    }

    // ---- actions of the states -------------------------------------------------------------------

    private void preamble(TableLine line) {
        if (firstLine == null && (line.kind() == TableLine.Kind.TEXT || line.kind() == TableLine.Kind.HEADING)) {
            firstLine = line.text();
        } else if (line.kind() == TableLine.Kind.TEXT) {
            introduction.append(introduction.isEmpty() ? "" : " ").append(line.text().strip());
        }
    }

    private void applyPendingHeading() {
        if (pendingHeading != null) {
            if (pendingHeading.text().equals(firstLine)) {
                firstLine = null;
            }
            heading(pendingHeading);
            pendingHeading = null;
        }
    }

    private void startAction(TableLine line) {
        int number = line.actionNumber();
        RawAction earlier = actionsByNumber.get(number);
        if (earlier != null) {
            throw error(line, "action " + number + " appears twice, on line " + earlier.firstLine
                    + " and on line " + line.number());
        }
        current = new RawAction(number, theme, line.number());
        current.add(line.number(), line.column(1), line.column(2));
        actions.add(current);
        actionsByNumber.put(number, current);
    }

    private void continueAction(TableLine line) {
        if (current == null) {
            throw error(line, "a continued row (empty first column) before the first action");
        }
        current.add(line.number(), line.column(1), line.column(2));
    }

    private void heading(TableLine line) {
        String printed = line.headingText().replaceAll("\\s+", " ");
        boolean capitals = TableLine.isCapitalised(printed);
        Theme broader = capitals ? null : topTheme;
        String label = capitals ? sentenceCase(printed) : printed;
        if (label.length() > MAX_HEADING) {
            throw error(line, "a heading of " + label.length() + " characters (at most " + MAX_HEADING
                    + "): a row with only its first column filled? \"" + abbreviate(label) + "\"");
        }
        String slug = Slug.of(label);
        if (slug.isEmpty()) {
            // the theme's IRI is made from its name; without a-z or 0-9 it would be id/thema/ (found by fuzzing)
            throw error(line, "the heading \"" + abbreviate(label) + "\" has no letters a-z or digits to name its theme by");
        }
        String key = label.toLowerCase(Locale.ROOT) + "|" + (broader == null ? "" : broader.slug());
        Theme heading = themes.computeIfAbsent(key, k -> new Theme(label, slug, broader));
        if (capitals) {
            topTheme = heading;
        }
        theme = heading;
    }

    private void footnote(TableLine line) {
        footnotes.add(new RawFootnote(line.footnoteMarker(), new StringBuilder(line.footnoteText()),
                line.number(), line.number(), current));
    }

    private void continueFootnote(TableLine line) {
        RawFootnote last = footnotes.get(footnotes.size() - 1);
        last.text.append(' ').append(line.text());
        last.lastLine = line.number();
    }

    private ReportException error(TableLine line, String what) {
        return ReportException.at(file, line.number(), what);
    }

    // ---- the end: clean the cells, attach the footnotes ------------------------------------------

    private ParsedTable finish() {
        if (actions.isEmpty()) {
            throw ReportException.in(file, "no action table found: no row starts with an action number"
                    + " (expected rows like \"1.<TAB>omschrijving<TAB>stand van zaken\")");
        }
        Set<String> markers = new LinkedHashSet<>();
        footnotes.forEach(f -> markers.add(f.marker));
        CellCleaner cleaner = new CellCleaner(markers);
        Map<RawAction, List<Footnote>> attached = attachFootnotes(cleaner);
        List<ReportAction> result = new ArrayList<>();
        for (RawAction action : actions) {
            result.add(new ReportAction(action.number, action.theme,
                    cleaner.clean(action.description.toString()), cleaner.clean(action.status.toString()),
                    attached.getOrDefault(action, List.of()), new LineRange(action.firstLine, action.lastLine)));
        }
        return new ParsedTable(firstLine, introduction.toString(), List.copyOf(themes.values()), result);
    }

    /**
     * Each footnote goes to the action whose text carries its marker, the nearest one above the
     * footnote (numbering may restart on every page), else the nearest below; a footnote whose marker
     * is nowhere goes to the action it was printed under.
     */
    private Map<RawAction, List<Footnote>> attachFootnotes(CellCleaner cleaner) {
        List<MarkerUse> uses = new ArrayList<>();
        for (RawAction action : actions) {
            for (RawAction.Fragment fragment : action.fragments) {
                for (String marker : cleaner.markersIn(fragment.text())) {
                    uses.add(new MarkerUse(marker, fragment.line(), action));
                }
            }
        }
        Map<RawAction, List<Footnote>> attached = new HashMap<>();
        for (RawFootnote footnote : footnotes) {
            MarkerUse use = uses.stream()
                    .filter(u -> u.marker.equals(footnote.marker))
                    .min(Comparator.comparingInt((MarkerUse u) -> u.line <= footnote.firstLine ? 0 : 1)
                            .thenComparingInt(u -> Math.abs(footnote.firstLine - u.line)))
                    .orElse(null);
            RawAction owner = use != null ? use.action : footnote.printedUnder;
            if (use != null) {
                uses.remove(use);
            }
            if (owner != null) {
                attached.computeIfAbsent(owner, a -> new ArrayList<>()).add(new Footnote(footnote.marker,
                        cleaner.tidy(footnote.text.toString()), new LineRange(footnote.firstLine, footnote.lastLine)));
            }
        }
        return attached;
    }

    private record MarkerUse(String marker, int line, RawAction action) {
    }

    /** An action as read so far: its raw column texts, joined across page breaks. */
    private static final class RawAction {
        record Fragment(int line, String text) {
        }

        final int number;
        final Theme theme;
        final int firstLine;
        int lastLine;
        final StringBuilder description = new StringBuilder();
        final StringBuilder status = new StringBuilder();
        final List<Fragment> fragments = new ArrayList<>();

        RawAction(int number, Theme theme, int firstLine) {
            this.number = number;
            this.theme = theme;
            this.firstLine = firstLine;
            this.lastLine = firstLine;
        }

        void add(int line, String descriptionPart, String statusPart) {
            PageBreakJoiner.join(description, descriptionPart);
            PageBreakJoiner.join(status, statusPart);
            fragments.add(new Fragment(line, descriptionPart + "\t" + statusPart));
            lastLine = line;
        }
    }

    private static final class RawFootnote {
        final String marker;
        final StringBuilder text;
        final int firstLine;
        int lastLine;
        final RawAction printedUnder;

        RawFootnote(String marker, StringBuilder text, int firstLine, int lastLine, RawAction printedUnder) {
            this.marker = marker;
            this.text = text;
            this.firstLine = firstLine;
            this.lastLine = lastLine;
            this.printedUnder = printedUnder;
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------

    /** A bare line that reads as a heading: short, capitalised, not a sentence. */
    static boolean looksLikeHeading(String text) {
        return text.length() <= 100 && Character.isUpperCase(text.codePointAt(0))
                && !PageBreakJoiner.endsSentence(text) && !text.contains("<");
    }

    /** "INFORMATIEVOORZIENING EN POLITIEK" becomes "Informatievoorziening en politiek". */
    static String sentenceCase(String capitals) {
        String lower = capitals.toLowerCase(Locale.forLanguageTag("nl"));
        return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\t', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
