package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser reads the table, not the seed's bytes: each variant of the seed's layout made here must
 * give the same 86 actions with the same themes, words and footnotes.
 */
class LayoutVariantsTest {
    private static final String PAGE_HEADER = "Actie\tOmschrijving\tStand van Zaken";
    private static List<Seed.Essence> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSeed() {
        expected = Seed.essence(Seed.read());
        assertEquals(86, expected.size());
    }

    private void assertSameActions(String text) throws IOException {
        assertSameActions(text.getBytes(StandardCharsets.UTF_8));
    }

    private void assertSameActions(byte[] bytes) throws IOException {
        Path file = dir.resolve("variant.txt");
        Files.write(file, bytes);
        List<Seed.Essence> actual = Seed.essence(new ReportReader().read(file));
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i));
        }
    }

    // ---- the variants -----------------------------------------------------------------------------

    static String withoutPageHeaders(String text) {
        return text.replace(PAGE_HEADER + "\n", "");
    }

    static String withoutHtml(String text) {
        return text.replaceAll("<[^>\n]+>", " ");
    }

    static String withoutTrailingTabs(String text) {
        return text.replaceAll("[ \t]+\n", "\n");
    }

    static String withNonBreakingSpaces(String text) {
        StringBuilder out = new StringBuilder();
        int spaces = 0;
        for (char c : text.toCharArray()) {
            out.append(c == ' ' && spaces++ % 3 == 0 ? '\u00A0' : c);
        }
        return out.toString();
    }

    /**
     * Page breaks somewhere else: the seed's page headers go, and every fourth action row is broken in the
     * middle of both columns, with a new page header and a continuation row, as the PDF would have it.
     */
    static String withPageBreaksElsewhere(String text) {
        List<String> out = new ArrayList<>();
        int rows = 0;
        for (String line : withoutPageHeaders(text).split("\n", -1)) {
            String[] cells = line.split("\t", -1);
            if (cells.length == 3 && cells[0].matches("\\d+\\.") && rows++ % 4 == 0) {
                int d = breakPoint(cells[1]);
                int s = breakPoint(cells[2]);
                out.add(cells[0] + "\t" + cells[1].substring(0, d) + "\t" + cells[2].substring(0, s));
                out.add("");
                out.add(PAGE_HEADER);
                out.add("\t" + cells[1].substring(d) + "\t" + cells[2].substring(s));
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** A space near the middle that is not inside a tag. */
    private static int breakPoint(String cell) {
        for (int i = cell.length() / 2; i < cell.length(); i++) {
            if (cell.charAt(i) == ' ' && cell.lastIndexOf('<', i) <= cell.lastIndexOf('>', i)) {
                return i;
            }
        }
        return cell.length();
    }

    // ---- the tests --------------------------------------------------------------------------------

    @Test
    void pageHeadersMissing() throws IOException {
        assertSameActions(withoutPageHeaders(Seed.text()));
    }

    @Test
    void pageBreaksElsewhere() throws IOException {
        String variant = withPageBreaksElsewhere(Seed.text());
        assertEquals(22, Pattern.compile("^" + PAGE_HEADER + "$", Pattern.MULTILINE).matcher(variant).results().count());
        assertSameActions(variant);
    }

    @Test
    void titleRepeatedAsARunningPageHeaderAndPageNumbersInTheFooter() throws IOException {
        String title = "Stand van zaken vervolgacties Parlementaire Onderzoekscommissie Kinderopvangtoeslag";
        String[] pages = Seed.text().split("\n(?=" + PAGE_HEADER + ")");
        StringBuilder variant = new StringBuilder(pages[0]);
        for (int i = 1; i < pages.length; i++) {
            variant.append("\nPagina ").append(i).append(" van ").append(pages.length - 1).append("\n\n")
                    .append(title).append("\n").append(pages[i]);
        }
        assertSameActions(variant.toString());
    }

    @Test
    void htmlAlreadyStripped() throws IOException {
        assertSameActions(withoutHtml(Seed.text()));
    }

    @Test
    void trailingTabsTrimmedByAnEditor() throws IOException {
        assertSameActions(withoutTrailingTabs(Seed.text()));
    }

    @Test
    void windowsLineEnds() throws IOException {
        assertSameActions(Seed.text().replace("\n", "\r\n"));
    }

    @Test
    void oldMacLineEnds() throws IOException {
        assertSameActions(Seed.text().replace("\n", "\r"));
    }

    @Test
    void byteOrderMark() throws IOException {
        assertSameActions("\uFEFF" + Seed.text());
    }

    @Test
    void nonBreakingSpaces() throws IOException {
        assertSameActions(withNonBreakingSpaces(Seed.text()));
    }

    @Test
    void windows1252IsDecodedNotGarbled() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        String text = Seed.text();
        assertEquals(true, cp1252.newEncoder().canEncode(text), "the seed fits in Windows-1252");
        assertSameActions(text.getBytes(cp1252));
    }

    @Test
    void everythingAtOnce() throws IOException {
        UnaryOperator<String> all = t -> withNonBreakingSpaces(withoutTrailingTabs(withoutHtml(
                withPageBreaksElsewhere(t)))).replace("\n", "\r\n");
        assertSameActions(("\uFEFF" + all.apply(Seed.text())).getBytes(StandardCharsets.UTF_8));
        assertSameActions(all.apply(Seed.text()).getBytes(Charset.forName("windows-1252")));
    }
}
