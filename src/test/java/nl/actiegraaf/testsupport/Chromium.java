package nl.actiegraaf.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser of the browser tests: Debian's headless Chromium driven by its chromedriver, as a Dutch
 * reader's browser (the page follows Accept-Language), 1400 px wide, with the console log kept so a test
 * can require it free of errors. Without Chromium installed the tests are skipped, except under
 * {@code CI=true}, where that is a failure.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test class when Chromium is not installed (fails it under CI). */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
    }

    /** A new browser with its profile in a fresh folder under {@code tmp}; {@code extraArguments} added to Chromium's. */
    public static ChromeDriver start(Path tmp, String... extraArguments) throws IOException {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=nl",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
        options.addArguments(List.of(extraArguments));
        // A Dutch reader's browser: headless Chromium sends en-US whatever --lang says unless the preference is set.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
