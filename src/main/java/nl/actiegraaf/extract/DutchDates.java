package nl.actiegraaf.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/** Dutch calendar words: month names and the dates of recurring parliamentary moments. */
public final class DutchDates {
    /** Month names and the abbreviations the report uses ("april - okt 2021"). */
    public static final String MONTH = "(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
            + "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)";
    /** Every name {@link #MONTH} matches contains one of these: the cues of a pattern that needs a month (CuedPattern). */
    static final String[] MONTH_CUES = {"jan", "feb", "maart", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("januari", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("februari", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("maart", Month.MARCH), Map.entry("mrt", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("mei", Month.MAY),
            Map.entry("juni", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("juli", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("augustus", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("oktober", Month.OCTOBER), Map.entry("okt", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    /**
     * First day of the Tweede Kamer's summer recess, where known; "voor het zomerreces" means the
     * day before. The 2021 recess ran from Friday 2 July to 30 August.
     */
    private static final Map<Integer, LocalDate> SUMMER_RECESS = Map.of(2021, LocalDate.of(2021, 7, 2));

    private DutchDates() {
    }

    public static Month month(String name) {
        Month month = MONTHS.get(name.toLowerCase(Locale.ROOT));
        if (month == null) {
            throw new IllegalArgumentException("not a Dutch month: " + name);
        }
        return month;
    }

    /** Start of the summer recess of {@code year}; 3 July when the year is not in the table. */
    public static LocalDate summerRecess(int year) {
        return SUMMER_RECESS.getOrDefault(year, LocalDate.of(year, 7, 3));
    }

    /** Prinsjesdag: the third Tuesday of September. */
    public static LocalDate prinsjesdag(int year) {
        return LocalDate.of(year, 9, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.TUESDAY));
    }
}
