package nl.actiegraaf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bugs {@link ReportFuzzTest} found, each as an example that must keep working. */
class HostileInputRegressionTest {
    private static final String HEADER = "Titel\nActie\tOmschrijving\tStand van Zaken\n";
    /** Each of these took minutes (quadratic time) before the fix; linear, they take well under a second. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aCellContinuedOverAHundredThousandRowsIsJoinedInLinearTime() throws IOException {
        String rows = "\tdoorlopende tekst\t\n".repeat(100_000);
        Report report = assertTimeoutPreemptively(LIMIT, () -> read(HEADER + "1.\tBegin\tBegin\n" + rows));
        String description = report.actions().get(0).description().plain();
        assertTrue(description.startsWith("Begin doorlopende tekst doorlopende tekst"), description.substring(0, 60));
        assertEquals(100_001, description.split(" doorlopende").length);
    }

    @Test
    void pageBreakJoinStillDropsTheTagsOfASentenceBrokenOffAndKeepsThoseOfAFinishedOne() {
        assertEquals("De herziening", PageBreakJoiner.join("<p>De</p>", "<p>herziening").replace("<p>", ""));
        assertEquals("<p>Klaar.</p> <p>Nieuw", PageBreakJoiner.join("<p>Klaar.</p>", "<p>Nieuw"));
        assertEquals("(zie actie 18) verder", PageBreakJoiner.join("(zie actie 18)", "<p>verder"));
        assertEquals("(zie actie 18.) <p>verder", PageBreakJoiner.join("(zie actie 18.)", "<p>verder"));
        assertTrue(PageBreakJoiner.endsSentence("gedaan.\") </li> </ul>"));
        assertTrue(PageBreakJoiner.endsSentence("<p></p>"));
    }

    @Test
    void thousandsOfUnclosedCommentsStayTextAndTakeLinearTime() throws IOException {
        Report report = assertTimeoutPreemptively(LIMIT, () -> read(HEADER + "1.\tTekst " + "<!--".repeat(60_000) + "\tStand\n"));
        String description = report.actions().get(0).description().plain();
        assertTrue(description.startsWith("Tekst <!--<!--"), description.substring(0, 20));
        assertEquals(6 + 4 * 60_000, description.length());
    }

    @Test
    void aClosedCommentIsStillDropped() throws IOException {
        Report report = read(HEADER + "1.\tTekst <!-- weg --> blijft <!-- open\tStand\n");
        assertEquals("Tekst blijft <!-- open", report.actions().get(0).description().plain());
    }

    @Test
    void manyDashesInsideAnOpenBracketTakeLinearTime() throws IOException {
        String cell = "- eerste (" + " - x".repeat(100_000);
        Report report = assertTimeoutPreemptively(LIMIT, () -> read(HEADER + "1.\t" + cell + "\tStand\n"));
        assertEquals(1, report.actions().get(0).description().blocks().size(), "a dash inside brackets is no bullet");
    }

    @Test
    void aLongRunOfSpacesTakesLinearTime() throws IOException {
        Report report = assertTimeoutPreemptively(LIMIT,
                () -> read(HEADER + "1.\tTekst" + " ".repeat(500_000) + "einde .\tStand\n"));
        assertEquals("Tekst einde.", report.actions().get(0).description().plain());
    }

    @Test
    void aHeadingWithoutLettersForAnIriIsRefusedWithItsLine() throws IOException {
        ReportException e = assertThrows(ReportException.class,
                () -> read(HEADER + "ΑΒΓΔ\t\t\n1.\tTekst\tStand\n"));
        assertTrue(e.getMessage().matches(".*:3: the heading \"Αβγδ\" has no letters a-z or digits to name its theme by"),
                e.getMessage());
    }

    @Test
    void aHugeFirstColumnOnlyRowIsNotATheme() throws IOException {
        ReportException e = assertThrows(ReportException.class,
                () -> read(HEADER + "1.\tTekst\tStand\n" + "A".repeat(100_000) + "\t\t\n"));
        assertTrue(e.getMessage().contains(":4: a heading of 100000 characters (at most 200)"), e.getMessage());
    }

    private Report read(String text) throws IOException {
        Path file = dir.resolve("rapport.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new ReportReader().read(file);
    }
}
