package nl.actiegraaf.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.report.ReportAction;
import nl.actiegraaf.report.ReportMetadata;

/**
 * The report's date: from its metadata, or else inferred from the text. A date marked "jl."
 * (last) lies before the report, one marked "a.s." (next) after it, so the report is dated at the
 * latest "jl." date that still lies before the earliest "a.s." date. Days without a year get the
 * year that the text's full dates name most often.
 */
public final class ReportDateInference {
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})\\s+" + DutchDates.MONTH + "(?:\\s+(\\d{4}))?\\s+(jl\\.|j\\.l\\.|a\\.s\\.)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FULL_DATE = Pattern.compile(
            "\\b\\d{1,2}\\s+" + DutchDates.MONTH + "\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

    private ReportDateInference() {
    }

    public static Optional<LocalDate> dateOf(ReportMetadata metadata, List<ReportAction> actions) {
        if (metadata != null && metadata.date() != null) {
            return Optional.of(metadata.date());
        }
        return infer(actions);
    }

    public static Optional<LocalDate> infer(List<ReportAction> actions) {
        return inferWithEvidence(actions).map(Inferred::date);
    }

    /** The inferred date and the phrase it was read from ("25 juni jl."). */
    public record Inferred(LocalDate date, String phrase) {
    }

    /** As {@link #infer}, with the phrase that gave the date. */
    public static Optional<Inferred> inferWithEvidence(List<ReportAction> actions) {
        StringBuilder all = new StringBuilder();
        for (ReportAction action : actions) {
            all.append(action.description().plain()).append('\n').append(action.status().plain()).append('\n');
        }
        String text = all.toString();
        Optional<Integer> year = commonYear(text);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        List<Inferred> last = new ArrayList<>();
        List<LocalDate> next = new ArrayList<>();
        for (MatchResult m : fromDigits(DAY_MONTH, text)) {
            int y = m.group(3) != null ? Integer.parseInt(m.group(3)) : year.get();
            LocalDate date = LocalDate.of(y, DutchDates.month(m.group(2)), Integer.parseInt(m.group(1)));
            if (m.group(4).startsWith("a")) {
                next.add(date);
            } else {
                last.add(new Inferred(date, m.group()));
            }
        }
        LocalDate limit = next.stream().min(Comparator.naturalOrder()).orElse(LocalDate.MAX);
        return last.stream().filter(d -> d.date().isBefore(limit)).max(Comparator.comparing(Inferred::date));
    }

    private static Optional<Integer> commonYear(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (MatchResult m : fromDigits(FULL_DATE, text)) {
            counts.merge(Integer.parseInt(m.group(2)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey);
    }

    /**
     * The matches {@code pattern.matcher(text).find()} gives, found by trying the pattern only at a
     * digit that follows no digit: both patterns open with {@code \b} and a day number, the text is
     * the whole report, and trying them at every position of it was ~8% of converting the seed
     * (JFR). Transparent bounds let {@code \b} see the char before the candidate.
     */
    private static List<MatchResult> fromDigits(Pattern pattern, String text) {
        List<MatchResult> matches = new ArrayList<>();
        Matcher m = pattern.matcher(text).useTransparentBounds(true);
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1)))) {
                m.region(i, text.length());
                if (m.lookingAt()) {
                    matches.add(m.toMatchResult());
                    i = m.end() - 1; // as find(): the next match starts after this one
                }
            }
        }
        return matches;
    }

    /** What {@code \d} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
