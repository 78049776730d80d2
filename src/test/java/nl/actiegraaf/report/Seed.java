package nl.actiegraaf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The seed report and what the tests compare of a parsed report. */
public final class Seed {
    public static final Path FILE = Path.of("seeds/stand-van-zaken-pok-2021.txt");

    private Seed() {
    }

    public static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report read() {
        return new ReportReader().read(FILE);
    }

    public static ReportAction action(Report report, int number) {
        return report.actions().stream().filter(a -> a.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + number));
    }

    /**
     * What must not change with the layout: number, theme, the words of both columns (bullet dashes
     * aside: without HTML a list can read as prose) and the footnotes.
     */
    public record Essence(int number, String theme, String description, String status, List<String> footnotes) {
    }

    public static List<Essence> essence(Report report) {
        List<Essence> all = new ArrayList<>();
        for (ReportAction a : report.actions()) {
            all.add(new Essence(a.number(), a.theme() == null ? null : a.theme().slug(),
                    words(a.description()), words(a.status()),
                    a.footnotes().stream().map(Footnote::text).toList()));
        }
        return all;
    }

    static String words(CellText cell) {
        return Arrays.stream(cell.plain().split("\\s+"))
                .filter(w -> !w.isEmpty() && !w.equals("-"))
                .collect(Collectors.joining(" "));
    }
}
