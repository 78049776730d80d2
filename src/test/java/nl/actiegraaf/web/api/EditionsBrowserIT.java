package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.actiegraaf.testsupport.Chromium;
import nl.actiegraaf.testsupport.SeedData;
import nl.actiegraaf.testsupport.TestFacade;

/**
 * A reader's tasks with editions, in a real browser (Debian's headless Chromium) against the whole
 * facade over the real store holding the real seed (June 2021), the made-up October 2021 edition of the
 * POK series and a made-up other series, converted and loaded as {@code load} does: walk the Changes view to action 12 (Lopend → Afgerond) and open its page,
 * read an action's history (status strip, word-level diff), switch the table to an earlier edition,
 * see a moved deadline on the timeline; and with one edition only, read that there is nothing to compare.
 */
class EditionsBrowserIT {
    static final String JUNE = "https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021";

    @TempDir
    static Path tmp;
    static TestFacade twoEditions;
    static TestFacade oneEdition;
    ChromeDriver browser;

    @BeforeAll
    static void startServers() {
        Chromium.assumeInstalled();
        twoEditions = Editions.three().start();
        oneEdition = SeedData.facade().start();
    }

    @AfterAll
    static void stopServers() {
        for (TestFacade server : new TestFacade[] {twoEditions, oneEdition}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Chromium.start(tmp);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement ready(TestFacade server, String path, String id) {
        browser.get(server.uri(path).toString());
        WebElement element = browser.findElement(By.id(id));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            String state = element.getDomAttribute("data-ready");
            assertTrue(!"error".equals(state), () -> id + ": " + element.getText());
            return "true".equals(state);
        });
        return element;
    }

    private void assertNoConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "browser console errors");
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theChangesViewLeadsFromAFinishedActionToItsHistory() throws IOException {
        WebElement view = ready(twoEditions, "/#wijzigingen", "wijzigingen");
        // By default the last two editions of the series.
        assertTrue(browser.findElement(By.cssSelector("#wijziging-van option:checked")).getText().contains("25 juni 2021"));
        assertTrue(browser.findElement(By.cssSelector("#wijziging-naar option:checked")).getText().contains("15 oktober 2021"));
        String moves = view.findElement(By.id("statusverloop")).getText();
        assertTrue(moves.contains("Lopend Afgerond 1"), moves);
        WebElement finished = view.findElement(By.cssSelector("[data-soort=afgerond] li[data-actie='/id/actie/pok/12']"));
        assertTrue(finished.getText().contains("Lopend → Afgerond"), finished.getText());
        assertEquals(List.of("Actie 87", "Actie 88"), texts(view, "[data-soort=nieuw] li a"));
        assertEquals(List.of("Actie 4", "Actie 9"), texts(view, "[data-soort=vervallen] li a"));
        assertTrue(texts(view, "[data-soort=verschoven] li").contains("Actie 24 — 30 september 2021 → 31 maart 2022"),
                texts(view, "[data-soort=verschoven] li").toString());
        screenshot("wijzigingen");
        assertNoConsoleErrors();

        finished.findElement(By.tagName("a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/id/actie/pok/12"));
        WebElement history = browser.findElement(By.id("geschiedenis"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(history.getDomAttribute("data-ready")));
        assertEquals(List.of("25 juni 2021 Lopend", "15 oktober 2021 Afgerond"), texts(history, "#statusstrook li"));
        String added = String.join(" ", texts(history, "[data-veld=standVanZaken] ins"));
        assertTrue(added.contains("Afgerond.") && added.contains("30 september 2021"), added);
        assertTrue(history.findElements(By.cssSelector("[data-veld=omschrijving]")).isEmpty(), "the description did not change");
        screenshot("geschiedenis");
        assertNoConsoleErrors();
    }

    private static List<String> texts(WebElement parent, String css) {
        return parent.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(s -> s.replace('\n', ' ')).toList();
    }

    @Test
    void anActionsTextDiffShowsTheWordsThatChanged() {
        WebElement history = ready(twoEditions, "/id/actie/pok/24", "geschiedenis");
        WebElement progress = history.findElement(By.cssSelector("[data-veld=standVanZaken] .diff"));
        assertEquals(List.of("Q3"), texts(progress, "del"));
        assertEquals(List.of("Q1 2022"), texts(progress, "ins"));
        // A dropped action: reported in June, not in October; a new one the other way round.
        assertEquals(List.of("25 juni 2021 Onbekend", "15 oktober 2021 niet gerapporteerd"),
                texts(ready(twoEditions, "/id/actie/pok/4", "geschiedenis"), "#statusstrook li"));
        assertEquals(List.of("25 juni 2021 niet gerapporteerd", "15 oktober 2021 Lopend"),
                texts(ready(twoEditions, "/id/actie/pok/87", "geschiedenis"), "#statusstrook li"));
        assertNoConsoleErrors();
    }

    @Test
    void theTableShowsTheStateAsOfAnEarlierEdition() {
        WebElement now = ready(twoEditions, "/#tabel", "tabel");
        assertEquals("Afgerond", now.findElement(By.cssSelector("tr[data-iri='/id/actie/pok/12'] .status")).getText());
        assertEquals(1, now.findElements(By.cssSelector("tr[data-iri='/id/actie/pok/87']")).size());
        WebElement june = ready(twoEditions, "/?editie=" + JUNE + "#tabel", "tabel");
        assertEquals("Lopend", june.findElement(By.cssSelector("tr[data-iri='/id/actie/pok/12'] .status")).getText());
        assertEquals(0, june.findElements(By.cssSelector("tr[data-iri='/id/actie/pok/87']")).size());
        assertEquals(JUNE, browser.findElement(By.cssSelector("#editie-kies option:checked")).getDomAttribute("value"));
        assertTrue(browser.findElement(By.id("editie-uitleg")).getText().contains("25 juni 2021"));
        // The overview as of June counts June's actions: 86 (October also has 87 and 88, and the other series 3).
        ready(twoEditions, "/?editie=" + JUNE + "#overzicht", "overzicht");
        assertEquals("86", browser.findElement(By.id("kpi-acties")).getText());
        assertNoConsoleErrors();
    }

    @Test
    void theTimelineShowsAMovedDeadlineAsOldToNew() {
        WebElement timeline = ready(twoEditions, "/#tijdlijn", "tijdlijn");
        String table = timeline.findElement(By.id("tabel-tijdlijn")).getDomProperty("textContent");
        assertTrue(table.contains("was 30 september 2021, nu 31 maart 2022"), table);
        assertNoConsoleErrors();
    }

    @Test
    void withOneEditionTheViewsSaySoPlainly() {
        ready(oneEdition, "/#wijzigingen", "wijzigingen");
        assertTrue(browser.findElement(By.id("wijzigingen-melding")).getText().contains("maar één editie"));
        assertEquals(0, browser.findElements(By.cssSelector("#wijzigingen-inhoud section")).size());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("editie-uitleg")).getText().isEmpty());
        assertTrue(browser.findElement(By.id("editie-uitleg")).getText().contains("één editie geladen"));
        assertTrue(!browser.findElement(By.id("editie-kies")).isEnabled());
        WebElement history = ready(oneEdition, "/id/actie/pok/12", "geschiedenis");
        assertTrue(history.findElement(By.id("geschiedenis-enkel")).getText().contains("één geladen editie"));
        assertNoConsoleErrors();
    }
}
