package nl.actiegraaf.extract;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a relative deadline counts from: the debate the motions came from. A description's "binnen
 * één week brief" was asked in that debate; the report's introduction names it ("de moties en
 * toezeggingen uit het debat daarover van 19 januari 2021"), so it is read from there, per report.
 *
 * @param date     the day of the debate
 * @param sentence the introduction's sentence that dates it
 */
public record Anchor(LocalDate date, String sentence) {
    private static final Pattern DEBATE = Pattern.compile(
            "\\bdebat\\b[^.]{0,60}?\\b(?:van|op)\\s+(\\d{1,2})\\s+" + DutchDates.MONTH + "\\s+(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The debate the introduction dates, if it dates one with day, month and year. */
    public static Optional<Anchor> debateIn(String introduction) {
        if (introduction == null || introduction.isBlank()) {
            return Optional.empty();
        }
        for (String sentence : DutchSentences.split(introduction)) {
            Matcher m = DEBATE.matcher(sentence);
            if (m.find()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), DutchDates.month(m.group(2)),
                        Integer.parseInt(m.group(1)));
                return Optional.of(new Anchor(date, sentence));
            }
        }
        return Optional.empty();
    }
}
