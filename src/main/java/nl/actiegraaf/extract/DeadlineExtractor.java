package nl.actiegraaf.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.extract.Fact.DeadlineFact;
import nl.actiegraaf.extract.Fact.EventFact;

/**
 * Reads Dutch time expressions in one sentence. A future expression becomes an {@code ag:Deadline}
 * whose date is the last day by which ("voor 1 maart" -> 28 February, "uiterlijk 1 juli" -> 1 July,
 * "in Q3" -> 30 September from 1 July, "week 21" -> the ISO week); a year that is not written is
 * the report's year. A full date that lies in the past ("Op 30 april jl. heeft ...") is a dated
 * event instead; a past period is kept as a (passed) deadline unless its clause tells it as done.
 * In the description column every expression not marked "jl." is a deadline: those texts state
 * what was asked, however long ago; "binnen één week" there counts from the debate ({@link Anchor}).
 */
public final class DeadlineExtractor {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String M = DutchDates.MONTH;
    private static final String YEAR = "(\\d{4})";

    // Each date pattern carries its cues, the words it cannot match without (CuedPattern): most
    // sentences hold none of them, and the pattern is then not searched at all.
    private static final CuedPattern FULL_DATE = CuedPattern.of(Pattern.compile(
            "(?:\\b(voor|vóór|uiterlijk|per|vanaf|op|sinds|tot)\\s+)?\\b(\\d{1,2})\\s+" + M + "\\b(?:\\s+" + YEAR + ")?"
                    + "(?:\\s+(jl\\.|j\\.l\\.|a\\.s\\.))?", FLAGS), DutchDates.MONTH_CUES);
    private static final CuedPattern QUARTER = CuedPattern.of(Pattern.compile("(?:\\bin\\s+)?\\bQ([1-4])(?:\\s+" + YEAR + ")?\\b", FLAGS), "q");
    private static final CuedPattern END = CuedPattern.of(Pattern.compile(
            "\\b(?:(?:het|de)\\s+)?eind(?:e)?\\s+(?:van\\s+)?(?:(?:dit|het)\\s+jaar|" + YEAR + "|" + M + "(?:\\s+" + YEAR + ")?)\\b", FLAGS), "eind");
    private static final CuedPattern BEGIN = CuedPattern.of(Pattern.compile(
            "(?:\\b(sinds)\\s+)?\\bbegin\\s+(?:" + YEAR + "|" + M + "(?:\\s+" + YEAR + ")?)\\b", FLAGS), "begin");
    private static final CuedPattern MID = CuedPattern.of(Pattern.compile(
            "(?:\\b(?:voor|vóór)\\s+)?\\bmedio\\s+" + M + "(?:\\s+" + YEAR + ")?\\b", FLAGS), "medio");
    private static final CuedPattern RECESS = CuedPattern.of(Pattern.compile("\\b(?:voor|vóór)\\s+het\\s+(zomerreces|kerstreces)\\b", FLAGS), "reces");
    private static final CuedPattern PRINSJESDAG = CuedPattern.of(Pattern.compile("\\b(?:voor|vóór|in aanloop naar|op)\\s+Prinsjesdag\\b", FLAGS), "prinsjesdag");
    private static final CuedPattern AFTER_SUMMER = CuedPattern.of(Pattern.compile("\\bna\\s+de\\s+zomer\\b", FLAGS), "zomer");
    private static final CuedPattern SEASON = CuedPattern.of(Pattern.compile(
            "(?:\\b(?:uiterlijk|in|deze|dit|voor)\\s+)?(?:\\b(?:de|het)\\s+)?\\b(najaar|herfst|voorjaar|zomer|winter)\\b"
                    + "(?:\\s+(?:van\\s+)?" + YEAR + ")?", FLAGS), "najaar", "herfst", "voorjaar", "zomer", "winter");
    private static final CuedPattern MONTHS = CuedPattern.of(Pattern.compile(
            "(?:\\b(in|per|vanaf|voor|vóór|uiterlijk|tot)\\s+)?\\b" + M + "(?:\\s*(?:en|of|-|tot)\\s*" + M + ")?\\b"
                    + "(?:\\s+" + YEAR + ")?(?:\\s+(jl\\.))?", FLAGS), DutchDates.MONTH_CUES);
    /** "Vanaf week 21", "in week 23": an ISO week of the report's year (or the year written after it). */
    private static final CuedPattern WEEK = CuedPattern.of(Pattern.compile(
            "(?:\\b(vanaf|in|per|voor|vóór|uiterlijk)\\s+)?\\bweek\\s+(\\d{1,2})(?:\\s+" + YEAR + ")?\\b", FLAGS), "week");
    private static final CuedPattern WITHIN = CuedPattern.of(Pattern.compile(
            "\\bbinnen\\s+(één|een|twee|drie|vier|vijf|zes|\\d+)\\s+(dag|dagen|week|weken|maand|maanden)\\b", FLAGS), "binnen");
    /** "Na een half jaar wordt ... gezien wat de ervaringen zijn": a period after the date named before it. */
    private static final CuedPattern AFTER_PERIOD = CuedPattern.of(Pattern.compile(
            "\\bna\\s+(één|een|twee|drie|vier|vijf|zes|\\d+)\\s+(half\\s+jaar|jaar|jaren|maand|maanden|week|weken)\\b", FLAGS),
            "jaar", "jaren", "maand", "week", "weken");
    private static final Pattern PAST_TENSE = Pattern.compile(
            "\\b(?:is|zijn|heeft|hebben|werd|werden)\\b[^,;]*\\b\\p{L}*ge\\p{L}+[dt]\\b"
                    + "|\\b\\p{L}*ge\\p{L}+[dt]\\s+(?:is|zijn|heeft|hebben)\\b");
    private static final Pattern INFORMING = Pattern.compile("\\b(?:wordt|worden|zal|zullen)\\b[^.]*\\bge[iï]nformeerd\\b");
    private static final Pattern FUTURE = Pattern.compile("\\b(?:zal|zullen|wordt|worden|gaat)\\b");
    /** "de voortgangsbrief over discriminatie van 24 juni": a date that names a document or meeting. */
    private static final Pattern DOCUMENT_DATE = Pattern.compile("\\bvan\\s+$");
    /** "tot minimaal Q1 2024": the earliest end of a period, a lower bound and no deadline. */
    private static final Pattern LOWER_BOUND = Pattern.compile(
            "\\b(?:minimaal|minstens|ten\\s+minste|tenminste|op\\s+zijn\\s+vroegst|niet\\s+eerder\\s+dan)\\s+$", FLAGS);
    /** "Het streven om ... al op 1 juli te laten starten is te optimistisch": a target given up. */
    private static final CuedPattern GIVEN_UP = CuedPattern.of(Pattern.compile(
            "\\bte\\s+optimistisch\\b|\\bniet\\s+(?:meer\\s+)?haalbaar\\b|\\bniet\\s+(?:worden\\s+)?gehaald\\b", FLAGS), "optimistisch", "haalbaar", "gehaald");
    private static final Map<String, Integer> NUMBERS = Map.of(
            "één", 1, "een", 1, "twee", 2, "drie", 3, "vier", 4, "vijf", 5, "zes", 6);

    /** What an expression yields: a deadline, an event, or nothing (a past period). */
    public record Found(List<DeadlineFact> deadlines, List<EventFact> events) {
    }

    private final LocalDate reportDate;
    private final Anchor anchor;

    /** @param reportDate the report's date: the default year and the line between past and future */
    public DeadlineExtractor(LocalDate reportDate) {
        this(reportDate, null);
    }

    /**
     * @param reportDate the report's date: the default year and the line between past and future
     * @param anchor     what the description's relative deadlines ("binnen één week") count from,
     *                   the debate the report's introduction dates; null leaves them unread
     */
    public DeadlineExtractor(LocalDate reportDate, Anchor anchor) {
        this.reportDate = reportDate;
        this.anchor = anchor;
    }

    public Found extract(Sentence sentence) {
        return extract(sentence, null);
    }

    /**
     * @param countFrom the date the same column named last before this sentence: what "na een half
     *                  jaar" counts from ("per 1 juli a.s. ... Na een half jaar wordt ... gezien"); null
     *                  leaves such periods unread
     */
    public Found extract(Sentence sentence, LocalDate countFrom) {
        String text = sentence.text();
        List<DeadlineFact> deadlines = new ArrayList<>();
        List<EventFact> events = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        boolean description = sentence.column() == Column.OMSCHRIJVING;
        int year = reportDate.getYear();
        // Most sentences name no date at all: each pattern below first looks for its cue words
        // (CuedPattern) in this case-folded copy, and searches the sentence only when one is there.
        String folded = CuedPattern.fold(text);

        Matcher m = FULL_DATE.matcher(text, folded);
        while (m.find()) {
            String cue = lower(m.group(1));
            String marker = lower(m.group(5));
            LocalDate date = LocalDate.of(m.group(4) != null ? Integer.parseInt(m.group(4)) : year,
                    DutchDates.month(m.group(3)), Integer.parseInt(m.group(2)));
            if (m.group(4) == null && marker.startsWith("j") && date.isAfter(reportDate)) {
                date = date.minusYears(1); // "14 december jl." in a June report: last December
            }
            if (m.group(4) == null && marker.isEmpty() && !description && date.isAfter(reportDate)
                    && PAST_TENSE.matcher(text).find() && !FUTURE.matcher(text).find()) {
                date = date.minusYears(1); // "waarover uw kamer 26 november is geïnformeerd"
                marker = "jl.";
            }
            if (m.group(4) == null && marker.equals("a.s.") && date.isBefore(reportDate)) {
                date = date.plusYears(1);
            }
            take(taken, m);
            boolean looksBack = marker.startsWith("j") || cue.equals("sinds");
            boolean bounded = cue.equals("voor") || cue.equals("vóór") || cue.equals("uiterlijk") || cue.equals("per")
                    || cue.equals("tot") || cue.equals("vanaf");
            // "De Kamer wordt ... in de voortgangsbrief over discriminatie in juli geïnformeerd": a promise
            // dated around the report, so a deadline even when the day is just behind it. But "de
            // voortgangsbrief ... van 24 juni" names a letter by its date: before the report's date
            // that letter was already out, an event and not a deadline to be met.
            boolean namesADocument = DOCUMENT_DATE.matcher(text.substring(0, m.start())).find();
            boolean promised = m.group(4) == null && INFORMING.matcher(text).find() && !PAST_TENSE.matcher(text).find()
                    && !namesADocument;
            if (!description && bounded && date.isBefore(reportDate) && PAST_TENSE.matcher(text).find()) {
                continue; // "ouders die zich voor 15 februari 2021 hebben aangemeld": a past cut-off
            }
            if (namesADocument && insideParentheses(text, m.start()) && FUTURE.matcher(text).find()) {
                continue; // "Eind van het jaar wordt de Kamer geïnformeerd ... (brief van 8 april 2021 ...)": a source cited
            }
            if (looksBack || !description && !bounded && !promised && date.isBefore(reportDate)) {
                events.add(new EventFact(date, sentence.evidence()));
                continue;
            }
            if (LOWER_BOUND.matcher(text.substring(0, m.start())).find()) {
                continue;
            }
            LocalDate last = cue.equals("voor") || cue.equals("vóór") || cue.equals("tot") ? date.minusDays(1) : date;
            deadlines.add(deadline(last, null, sentence, m.group()));
        }
        m = WEEK.matcher(text, folded);
        while (m.find()) {
            int week = Integer.parseInt(m.group(2));
            int y = m.group(3) != null ? Integer.parseInt(m.group(3)) : year;
            if (!free(taken, m) || week < 1 || week > 53) {
                continue;
            }
            // ISO 8601: week 1 holds 4 January; a week runs Monday to Sunday.
            LocalDate monday = LocalDate.of(y, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(DayOfWeek.MONDAY);
            String cue = lower(m.group(1));
            if (cue.equals("voor") || cue.equals("vóór")) {
                addPeriod(deadlines, taken, m, null, monday.minusDays(1), sentence, description);
            } else {
                addPeriod(deadlines, taken, m, monday, monday.plusDays(6), sentence, description);
            }
        }
        m = QUARTER.matcher(text, folded);
        while (m.find()) {
            if (free(taken, m)) {
                int y = m.group(2) != null ? Integer.parseInt(m.group(2)) : year;
                int q = Integer.parseInt(m.group(1));
                LocalDate from = LocalDate.of(y, 3 * q - 2, 1);
                addPeriod(deadlines, taken, m, from, from.plusMonths(3).minusDays(1), sentence, description);
            }
        }
        m = END.matcher(text, folded);
        while (m.find()) {
            if (!free(taken, m)) {
                continue;
            }
            if (m.group(2) != null) {
                YearMonth month = YearMonth.of(m.group(3) != null ? Integer.parseInt(m.group(3)) : year,
                        DutchDates.month(m.group(2)));
                addPeriod(deadlines, taken, m, month.atDay(21), month.atEndOfMonth(), sentence, description);
            } else {
                int y = m.group(1) != null ? Integer.parseInt(m.group(1)) : year;
                addPeriod(deadlines, taken, m, LocalDate.of(y, 12, 1), LocalDate.of(y, 12, 31), sentence, description);
            }
        }
        m = BEGIN.matcher(text, folded);
        while (m.find()) {
            if (!free(taken, m) || m.group(1) != null) {
                take(taken, m); // "sinds begin 2021" looks back
                continue;
            }
            if (m.group(3) != null) {
                YearMonth month = YearMonth.of(m.group(4) != null ? Integer.parseInt(m.group(4)) : year,
                        DutchDates.month(m.group(3)));
                addPeriod(deadlines, taken, m, month.atDay(1), month.atDay(10), sentence, description);
            } else {
                int y = Integer.parseInt(m.group(2));
                addPeriod(deadlines, taken, m, LocalDate.of(y, 1, 1), LocalDate.of(y, 3, 31), sentence, description);
            }
        }
        m = MID.matcher(text, folded);
        while (m.find()) {
            if (free(taken, m)) {
                YearMonth month = YearMonth.of(m.group(2) != null ? Integer.parseInt(m.group(2)) : year,
                        DutchDates.month(m.group(1)));
                addPeriod(deadlines, taken, m, null, month.atDay(15), sentence, description);
            }
        }
        m = RECESS.matcher(text, folded);
        while (m.find()) {
            if (free(taken, m)) {
                LocalDate start = m.group(1).equalsIgnoreCase("zomerreces") ? DutchDates.summerRecess(year)
                        : LocalDate.of(year, 12, 18);
                addPeriod(deadlines, taken, m, null, start.minusDays(1), sentence, description);
            }
        }
        m = PRINSJESDAG.matcher(text, folded);
        while (m.find()) {
            if (free(taken, m)) {
                addPeriod(deadlines, taken, m, null, DutchDates.prinsjesdag(year), sentence, description);
            }
        }
        m = AFTER_SUMMER.matcher(text, folded);
        while (m.find()) {
            if (free(taken, m)) {
                addPeriod(deadlines, taken, m, LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31), sentence, description);
            }
        }
        m = SEASON.matcher(text, folded);
        while (m.find()) {
            if (!free(taken, m)) {
                continue;
            }
            int y = m.group(2) != null ? Integer.parseInt(m.group(2)) : year;
            LocalDate from;
            LocalDate to;
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "najaar", "herfst" -> { from = LocalDate.of(y, 9, 1); to = LocalDate.of(y, 11, 30); }
                case "voorjaar" -> { from = LocalDate.of(y, 3, 1); to = LocalDate.of(y, 5, 31); }
                case "zomer" -> { from = LocalDate.of(y, 6, 1); to = LocalDate.of(y, 8, 31); }
                default -> { from = LocalDate.of(y, 12, 1); to = LocalDate.of(y + 1, 2, 28); }
            }
            addPeriod(deadlines, taken, m, from, to, sentence, description);
        }
        m = MONTHS.matcher(text, folded);
        while (m.find()) {
            if (!free(taken, m) || m.group(5) != null) {
                take(taken, m);
                continue;
            }
            String cue = lower(m.group(1));
            if (cue.isEmpty() && m.group(4) == null) {
                continue; // a bare month name is too weak a signal
            }
            int y = m.group(4) != null ? Integer.parseInt(m.group(4)) : year;
            YearMonth first = YearMonth.of(y, DutchDates.month(m.group(2)));
            YearMonth last = m.group(3) != null ? YearMonth.of(y, DutchDates.month(m.group(3))) : first;
            if (cue.equals("voor") || cue.equals("vóór") || cue.equals("tot")) {
                addPeriod(deadlines, taken, m, null, first.atDay(1).minusDays(1), sentence, description);
            } else if (cue.equals("per") || cue.equals("vanaf")) {
                addPeriod(deadlines, taken, m, null, first.atDay(1), sentence, description);
            } else {
                addPeriod(deadlines, taken, m, first.atDay(1), last.atEndOfMonth(), sentence, description);
            }
        }
        m = WITHIN.matcher(text, folded);
        while (m.find()) {
            if (!free(taken, m)) {
                continue;
            }
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int count = NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            if (description) {
                // "binnen drie weken ... aan de Kamer voor te leggen" counts from when it was asked:
                // the debate the motions came from, which the report's introduction dates. Without
                // that date there is nothing to count from.
                take(taken, m);
                if (anchor != null) {
                    LocalDate by = after(anchor.date(), count, unit);
                    deadlines.add(new DeadlineFact(by, anchor.date(), text, sentence.phrase(m.group().trim()), anchor, false));
                }
                continue;
            }
            addPeriod(deadlines, taken, m, null, after(reportDate, count, unit), sentence, description);
        }
        m = AFTER_PERIOD.matcher(text, folded);
        while (m.find()) {
            if (!free(taken, m) || countFrom == null) {
                continue;
            }
            take(taken, m);
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int count = NUMBERS.containsKey(n) ? NUMBERS.get(n) : Integer.parseInt(n);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            LocalDate by = unit.startsWith("half") ? countFrom.plusMonths(6L * count)
                    : unit.startsWith("ja") ? countFrom.plusYears(count) : after(countFrom, count, unit);
            deadlines.add(deadline(by, countFrom, sentence, m.group()));
        }
        if (GIVEN_UP.matcher(text, folded).find()) {
            // "Het streven ... op 1 juli ... is te optimistisch": the date was set and is doubted by
            // the text itself; a researcher looking for missed dates needs it, flagged.
            deadlines.replaceAll(d -> new DeadlineFact(d.date(), d.from(), d.sentence(), d.evidence(), d.anchor(), true));
        }
        deadlines.sort((a, b) -> Integer.compare(text.indexOf(a.evidence().text()), text.indexOf(b.evidence().text())));
        return new Found(deadlines, events);
    }

    private void addPeriod(List<DeadlineFact> out, List<int[]> taken, Matcher m, LocalDate from, LocalDate to,
                           Sentence sentence, boolean description) {
        take(taken, m);
        if (!description && to.isBefore(reportDate) && toldAsDone(sentence.text(), m.start(), m.end())) {
            return; // "in januari gestart": something that happened then, no deadline
        }
        // "eerste opzet is eind mei klaar", "Begin juni wordt verder opgeschaald": a date already
        // behind the report that the text still states as a plan is a deadline, and an overdue one.
        if (LOWER_BOUND.matcher(sentence.text().substring(0, m.start())).find()) {
            return;
        }
        out.add(deadline(to, from, sentence, m.group()));
    }

    private static LocalDate after(LocalDate start, int count, String unit) {
        if (unit.startsWith("dag")) {
            return start.plusDays(count);
        }
        return unit.startsWith("we") ? start.plusDays(7L * count) : start.plusMonths(count);
    }

    /**
     * Whether the clause around a time expression (between ; or : marks) tells it as done: a
     * perfect tense and no future or passive present ("zijn in januari gestart", but not
     * "is eind mei klaar en wordt in juni getest").
     */
    private static boolean toldAsDone(String text, int start, int end) {
        int from = Math.max(text.lastIndexOf(';', start), text.lastIndexOf(':', start)) + 1;
        int semi = text.indexOf(';', end);
        int to = semi < 0 ? text.length() : semi;
        String clause = text.substring(from, to);
        return PAST_TENSE.matcher(clause).find() && !FUTURE.matcher(clause).find();
    }

    private static DeadlineFact deadline(LocalDate date, LocalDate from, Sentence sentence, String phrase) {
        return new DeadlineFact(date, from, sentence.text(), sentence.phrase(phrase.trim()));
    }

    /**
     * Whether this position lies inside an open parenthesis: the report cites its sources there
     * ("(brief van 8 april 2021 Kamerstukken II 2020/21, 26 643 nr. 751)"), and the date of a cited
     * letter dates the letter, not what the sentence around it says will happen.
     */
    private static boolean insideParentheses(String text, int position) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static void take(List<int[]> taken, Matcher m) {
        taken.add(new int[] {m.start(), m.end()});
    }

    private static boolean free(List<int[]> taken, Matcher m) {
        return taken.stream().noneMatch(t -> m.start() < t[1] && t[0] < m.end());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
