package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets one line naming the file (and line), never a crash or garbled text. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String error(Path file) {
        ReportException e = assertThrows(ReportException.class, () -> new ReportReader().read(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = file("empty.txt", new byte[0]);
        assertEquals(empty + ": the file is empty", error(empty));
        Path blank = file("blank.txt", " \n\t\n\r\n");
        assertEquals(blank + ": the file is empty (only white space)", error(blank));
    }

    @Test
    void binaryFile() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path image = file("plaatje.txt", png);
        assertEquals(image + ":3: binary data (a NUL byte), not a text report", error(image));
        Path control = file("control.txt", "1.\tOmschrijving\tStand\n2.\tEen \u0007bel\tStand\n");
        assertEquals(control + ":2: binary data (control character U+0007), not a text report", error(control));
    }

    @Test
    void textWithoutTheTable() throws IOException {
        Path letter = file("brief.txt", "Geachte voorzitter,\n\nHierbij ontvangt u de stand van zaken.\n");
        assertEquals(letter + ": no action table found: no row starts with an action number"
                + " (expected rows like \"1.<TAB>omschrijving<TAB>stand van zaken\")", error(letter));
        Path onlyHeader = file("kop.txt", "Actie\tOmschrijving\tStand van Zaken\n");
        assertTrue(error(onlyHeader).contains("no action table found"));
    }

    @Test
    void twoActionsWithTheSameNumberNameBothLines() throws IOException {
        String seed = Seed.text();
        String twelve = seed.lines().filter(l -> l.startsWith("12.\t")).findFirst().orElseThrow();
        Path twice = file("dubbel.txt", seed + "\n" + twelve + "\n"); // the seed has no newline at its end
        assertEquals(twice + ":180: action 12 appears twice, on line 25 and on line 180", error(twice));
    }

    @Test
    void aRowThatIsNotPartOfTheTable() throws IOException {
        Path odd = file("odd.txt", "Actie\tOmschrijving\tStand van Zaken\n1.\tEen\tTwee\nA.\tDrie\tVier\n2.\tVijf\tZes\n");
        assertEquals(odd + ":3: a row that starts with neither an action number nor an empty column: \"A. Drie Vier\"", error(odd));
    }

    @Test
    void windows1252ReadsAsWindows1252() throws IOException {
        byte[] text = "1.\tCoördinatie\tFinanciën – € 30.000 ¹\n\n¹ Kamerstuk\n".getBytes(Charset.forName("windows-1252"));
        Report report = new ReportReader().read(file("cp1252.txt", text));
        ReportAction one = report.actions().get(0);
        assertEquals("Coördinatie", one.description().plain());
        assertEquals("Financiën – € 30.000", one.status().plain());
        assertEquals("Kamerstuk", one.footnotes().get(0).text());
    }

    @Test
    void neitherUtf8NorWindows1252IsRefused() throws IOException {
        // 0x81 and 0x8D are unassigned in Windows-1252 and invalid on their own in UTF-8
        byte[] bytes = {'1', '.', '\t', 'a', (byte) 0x81, '\t', 'b', (byte) 0x8D, '\n'};
        Path unknown = file("onbekend.txt", bytes);
        assertEquals(unknown + ": neither UTF-8 nor Windows-1252 text; save the report as UTF-8", error(unknown));
    }

    @Test
    void aBrokenByteInAUtf8FileIsNamedNotReadAsWindows1252() throws IOException {
        byte[] good = "1.\tCoördinatie\tStand\n2.\tFinanciën\tStand\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(good, good.length);
        broken[broken.length - 5] = (byte) 0xFF; // in line 2
        Path file = file("kapot.txt", broken);
        assertEquals(file + ":2: invalid UTF-8 (the rest of the file is UTF-8); repair or re-export the file", error(file));
    }

    @Test
    void textConvertedToUtf8TwiceIsRefused() throws IOException {
        String garbled = new String("1.\tCoördinatie\tStand\n".getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        Path twice = file("twee-keer.txt", "Titel\n" + garbled);
        String message = error(twice);
        assertTrue(message.startsWith(twice + ":2: garbled characters (\"Ã¶\")"), message);
    }

    @Test
    void utf16IsRefused() throws IOException {
        Path utf16 = file("utf16.txt", "1.\ta\tb\n".getBytes(StandardCharsets.UTF_16));
        assertEquals(utf16 + ": UTF-16 text is not supported; save the report as UTF-8", error(utf16));
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("bestaat-niet.txt");
        assertEquals(missing + ": no such file", error(missing));
        assertEquals(dir + ": is a directory, not a report file", error(dir));
    }

    @Test
    void aFileCutShortConvertsWhatIsThere() throws IOException {
        byte[] seed = Seed.text().getBytes(StandardCharsets.UTF_8);
        // Cut at many places, including inside multi-byte characters, tags, page headers and footnotes.
        int[] cuts = IntStream.iterate(1300, i -> i < seed.length, i -> i + 1999).toArray();
        for (int cut : cuts) {
            Path shortened = file("kort.txt", Arrays.copyOf(seed, cut));
            Report report = new ReportReader().read(shortened);
            int last = report.actions().get(report.actions().size() - 1).number();
            assertEquals(IntStream.rangeClosed(1, last).boxed().toList(),
                    report.actions().stream().map(ReportAction::number).toList(), "cut at byte " + cut);
        }
    }

    @Test
    void aFileCutInsideACharacterLosesOnlyThatCharacter() throws IOException {
        String seed = Seed.text();
        int e = seed.indexOf("één week"); // action 3
        byte[] head = seed.substring(0, e).getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(head, head.length + 1); // the first byte of "é" only
        cut[head.length] = (byte) 0xC3;
        Report report = new ReportReader().read(file("mid-char.txt", cut));
        assertEquals(3, report.actions().size());
        assertTrue(Seed.action(report, 3).description().plain().endsWith("kunnen behouden, binnen"));
    }

    @Test
    void aFileCutInsideAPageHeaderOrTag() throws IOException {
        String seed = Seed.text();
        String inHeader = seed.substring(0, seed.indexOf("\nActie\tOmschrijving\tStand van Zaken\n\t\tKabinet") + 9);
        assertEquals(10, new ReportReader().read(file("kop.txt", inHeader)).actions().size());
        String inTag = seed.substring(0, seed.indexOf("22.\t<ul style") + 10);
        Report report = new ReportReader().read(file("tag.txt", inTag));
        assertEquals(22, report.actions().size());
        assertTrue(Seed.action(report, 22).description().isEmpty());
    }

    @Test
    void theErrorPolicyDecidesWhetherAnErrorStopsTheReadingAndEveryErrorKeepsItsLine() throws IOException {
        String seed = Seed.text();
        int at = seed.indexOf("\n5.\t") + 1;
        // Action 3's row again after action 4: an error on a known line, in the middle of the file.
        String twice = seed.substring(0, at) + "3.\tNog eens drie\tLopend\n" + seed.substring(at);
        int line = (int) seed.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        Path file = file("twice.txt", twice);

        ReportErrors strict = new ReportErrors(ReportErrors.Policy.STRICT);
        ReportException stopped = assertThrows(ReportException.class, () -> new ReportReader().read(file, strict));
        assertTrue(stopped.getMessage().startsWith(file + ":" + line + ": action 3 appears twice"), stopped.getMessage());
        assertEquals(List.of(line), strict.problems().stream().map(ReportErrors.Problem::line).toList());

        assertThrows(ReportException.class, () -> new ReportReader().read(file), "the standard policy stops at it too");

        ReportErrors lenient = new ReportErrors(ReportErrors.Policy.LENIENT);
        Report report = new ReportReader().read(file, lenient);
        assertEquals(86, report.actions().size(), "the line in error is skipped, the rest is read");
        assertEquals(1, lenient.problems().size());
        assertEquals(line, lenient.problems().get(0).line());
        assertFalse(lenient.problems().get(0).onCutEnd());
    }

    @Test
    void onlyTheToleratingPolicyReadsPastAnErrorOnTheUnfinishedLastLine() throws IOException {
        String seed = Seed.text();
        // After action 10, an unfinished last line that is no table row: the file was cut short there.
        String cut = seed.substring(0, seed.indexOf("\n11.\t") + 1) + "x\ty\tz\tw";
        Path file = file("cut.txt", cut);
        ReportErrors tolerant = ReportErrors.standard();
        Report report = new ReportReader().read(file, tolerant);
        assertEquals(10, report.actions().size());
        assertEquals(1, tolerant.problems().size());
        assertTrue(tolerant.problems().get(0).onCutEnd(), tolerant.problems().get(0).message());
        assertThrows(ReportException.class, () -> new ReportReader().read(file, new ReportErrors(ReportErrors.Policy.STRICT)));
        // The same line with its line break is an error under the standard policy: the file is whole.
        assertThrows(ReportException.class, () -> new ReportReader().read(file("whole.txt", cut + "\n")));
    }
}
