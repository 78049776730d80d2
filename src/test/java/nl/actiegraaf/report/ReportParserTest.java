package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small tables that show one rule of reading each. */
class ReportParserTest {
    @TempDir
    Path dir;

    private Report read(String... lines) throws IOException {
        Path file = dir.resolve("rapport.txt");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return new ReportReader().read(file);
    }

    @Test
    void footnoteNumberingThatRestartsOnEveryPage() throws IOException {
        Report report = read(
                "Actie\tOmschrijving\tStand van Zaken",
                "1.\tEen\tGezonden ¹ .",
                "",
                "¹ Kamerstukken II 2020/21, 35510, nr. 1",
                "",
                "Actie\tOmschrijving\tStand van Zaken",
                "2.\tTwee\tOok gezonden ¹ .",
                "",
                "¹ Kamerstukken II 2020/21, 35510, nr. 2 en",
                "nr. 3",
                "Actie\tOmschrijving\tStand van Zaken");
        assertEquals(List.of(new Footnote("¹", "Kamerstukken II 2020/21, 35510, nr. 1", new LineRange(4, 4))),
                report.actions().get(0).footnotes());
        assertEquals(List.of(new Footnote("¹", "Kamerstukken II 2020/21, 35510, nr. 2 en nr. 3", new LineRange(9, 10))),
                report.actions().get(1).footnotes());
        assertEquals("Ook gezonden.", report.actions().get(1).status().plain());
    }

    @Test
    void aFootnoteWhoseMarkerIsLostStaysWithTheActionAboveIt() throws IOException {
        Report report = read("1.\tEen\tZonder teken", "² Een voetnoot", "2.\tTwee\tDrie");
        assertEquals("Een voetnoot", report.actions().get(0).footnotes().get(0).text());
        assertTrue(report.actions().get(1).footnotes().isEmpty());
    }

    @Test
    void bareHeadingsWithoutColumns() throws IOException {
        Report report = read("Titel van het rapport", "", "HERSTELOPERATIE", "1.\tEen\tTwee",
                "Signalen", "2.\tDrie\tVier");
        assertEquals("Titel van het rapport", report.metadata().title());
        assertEquals(new Theme("Hersteloperatie", "hersteloperatie", null), report.actions().get(0).theme());
        assertEquals(new Theme("Signalen", "signalen", new Theme("Hersteloperatie", "hersteloperatie", null)),
                report.actions().get(1).theme());
    }

    @Test
    void aHeadingThatComesBackIsTheSameTheme() throws IOException {
        Report report = read("OVERIG\t\t", "1.\tEen\tTwee", "OVERIG\t\t", "2.\tDrie\tVier");
        assertEquals(1, report.themes().size());
        assertEquals(report.actions().get(0).theme(), report.actions().get(1).theme());
    }

    @Test
    void proseBetweenRowsIsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("proza.txt");
        Files.writeString(file, "1.\tEen\tTwee\nDit is een zin die niet in de tabel past.\n2.\tDrie\tVier\n");
        ReportException e = org.junit.jupiter.api.Assertions.assertThrows(ReportException.class,
                () -> new ReportReader().read(file));
        assertEquals(file + ":2: text outside the table's columns (expected \"N.<TAB>omschrijving<TAB>stand van zaken\")",
                e.getMessage());
    }

    @Test
    void metadataDefaultsWithoutAFileBesideTheReport() throws IOException {
        Report report = read("1.\tEen\tTwee");
        assertEquals(new ReportMetadata("rapport", "rapport", null, null, null, "rapport", java.util.Set.of()), report.metadata(),
                "nothing given: id from the file name, title from the first line");
    }

    @Test
    void badMetadataIsNamed() throws IOException {
        Files.writeString(dir.resolve("rapport.meta.properties"), "id = rapport\ndate = 28 juni 2021\n");
        ReportException e = org.junit.jupiter.api.Assertions.assertThrows(ReportException.class, () -> read("1.\ta\tb"));
        assertEquals(dir.resolve("rapport.meta.properties") + ": date is not yyyy-mm-dd: 28 juni 2021", e.getMessage());
    }
}
