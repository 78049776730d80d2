package nl.actiegraaf.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.actiegraaf.report.Block;
import nl.actiegraaf.report.CellText;
import nl.actiegraaf.report.Footnote;
import nl.actiegraaf.report.LineRange;
import nl.actiegraaf.report.ReportAction;

/**
 * Test fixture: the real actions of the seed report as {@link ReportAction}s, read with a few
 * lines of code so the extraction tests can run on the real text independently of the parser
 * branch. It only knows this file's layout; the real parser lives in {@code nl.actiegraaf.report}.
 */
final class SeedActions {
    static final Path SEED = Path.of("seeds/stand-van-zaken-pok-2021.txt");
    private static final Pattern ROW = Pattern.compile("^(\\d+)\\.\\t([^\\t]*)\\t?(.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^\\t([^\\t]*)\\t?(.*)$");
    private static final Pattern FOOTNOTE = Pattern.compile("^([¹²³⁴⁵⁶⁷⁸⁹])\\s+(.+)$");
    private static List<ReportAction> cache;

    private SeedActions() {
    }

    static synchronized List<ReportAction> all() {
        if (cache == null) {
            cache = read(SEED);
        }
        return cache;
    }

    static ReportAction action(int number) {
        return all().stream().filter(a -> a.number() == number).findFirst().orElseThrow();
    }

    private static List<ReportAction> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, String[]> cells = new LinkedHashMap<>();
        Map<Integer, int[]> ranges = new LinkedHashMap<>();
        List<Footnote> footnotes = new ArrayList<>();
        Integer current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher row = ROW.matcher(line);
            Matcher cont = CONTINUATION.matcher(line);
            Matcher note = FOOTNOTE.matcher(line);
            if (row.matches()) {
                current = Integer.valueOf(row.group(1));
                cells.put(current, new String[] {row.group(2), row.group(3)});
                ranges.put(current, new int[] {i + 1, i + 1});
            } else if (cont.matches() && current != null && !line.startsWith("Actie")) {
                String[] c = cells.get(current);
                c[0] = join(c[0], cont.group(1));
                c[1] = join(c[1], cont.group(2));
                ranges.get(current)[1] = i + 1;
            } else if (note.matches()) {
                footnotes.add(new Footnote(note.group(1), note.group(2).trim(), new LineRange(i + 1, i + 1)));
            }
        }
        List<ReportAction> actions = new ArrayList<>();
        cells.forEach((n, c) -> {
            List<Footnote> own = footnotes.stream().filter(f -> (c[0] + c[1]).contains(f.marker())).toList();
            int[] r = ranges.get(n);
            actions.add(new ReportAction(n, null, cell(c[0]), cell(c[1]), own, new LineRange(r[0], r[1])));
        });
        return actions;
    }

    private static String join(String a, String b) {
        if (b.isBlank()) {
            return a;
        }
        if (a.isBlank()) {
            return b;
        }
        // A sentence cut by the page break continues in the next row, even after a stray "</p>".
        String open = a.replaceAll("</p>\\s*$", "");
        return open.matches("(?s).*[.:;!?]\\s*$") ? a + " " + b : open + " " + b.replaceFirst("^<p>", "");
    }

    /** Splits a cell into paragraphs at HTML tags and into list items at " - " bullets. */
    static CellText cell(String raw) {
        List<Block> blocks = new ArrayList<>();
        for (String part : raw.split("<[^>]+>")) {
            String[] items = part.trim().startsWith("- ") ? part.split("(?:^|\\s)-\\s(?=\\p{Lu}|\\p{Ll})")
                    : new String[] {part};
            for (int i = 0; i < items.length; i++) {
                String text = items[i].replace(" ^e", "e").replaceAll("\\s+", " ").trim();
                if (!text.isEmpty()) {
                    boolean listItem = i > 0 || part.trim().startsWith("- ");
                    blocks.add(new Block(listItem ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH, text));
                }
            }
        }
        return new CellText(blocks);
    }
}
