package nl.actiegraaf.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        StringBuilder all = new StringBuilder();
        for (ReportAction action : actions) {
            all.append(action.description().plain()).append('\n').append(action.status().plain()).append('\n');
        }
        String text = all.toString();
        Optional<Integer> year = commonYear(text);
        if (year.isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> last = new ArrayList<>();
        List<LocalDate> next = new ArrayList<>();
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            int y = m.group(3) != null ? Integer.parseInt(m.group(3)) : year.get();
            LocalDate date = LocalDate.of(y, DutchDates.month(m.group(2)), Integer.parseInt(m.group(1)));
            (m.group(4).startsWith("a") ? next : last).add(date);
        }
        LocalDate limit = next.stream().min(Comparator.naturalOrder()).orElse(LocalDate.MAX);
        return last.stream().filter(d -> d.isBefore(limit)).max(Comparator.naturalOrder());
    }

    private static Optional<Integer> commonYear(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher m = FULL_DATE.matcher(text);
        while (m.find()) {
            counts.merge(Integer.parseInt(m.group(2)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey);
    }
}
