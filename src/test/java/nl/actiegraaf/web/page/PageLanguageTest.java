package nl.actiegraaf.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.BadRequestResponse;
import org.junit.jupiter.api.Test;

/** Which language the page is served in, and that every language has every text. */
class PageLanguageTest {

    @Test
    void dutchUnlessTheReaderAsksForEnglish() {
        assertEquals("nl", PageLanguage.choose(null, null));
        assertEquals("nl", PageLanguage.choose(null, ""));
        assertEquals("nl", PageLanguage.choose(null, "fr-FR,fr;q=0.9"), "no text in French: the data's language");
        assertEquals("en", PageLanguage.choose(null, "en-GB,en;q=0.9,nl;q=0.5"));
        assertEquals("nl", PageLanguage.choose(null, "nl-BE,en;q=0.5"));
        assertEquals("en", PageLanguage.choose(null, "de,en;q=0.7,nl;q=0.3"));
    }

    @Test
    void theLanguageSwitchWinsOverTheBrowser() {
        assertEquals("en", PageLanguage.choose("en", "nl"));
        assertEquals("nl", PageLanguage.choose("NL", "en"));
    }

    @Test
    void aBrokenAcceptLanguageHeaderGetsTheDefaultNotAnError() {
        assertEquals("nl", PageLanguage.choose(null, ";;q=abc,,"));
    }

    @Test
    void anUnknownLanguageIsA400NamingTheParameter() {
        BadRequestResponse e = assertThrows(BadRequestResponse.class, () -> PageLanguage.choose("fr\n<script>", null));
        assertTrue(e.getMessage().startsWith("parameter lang: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void everyLanguageFileHasExactlyTheDutchKeys() {
        var dutch = PageTexts.load("nl").texts().keySet();
        for (String lang : PageLanguage.SUPPORTED) {
            assertEquals(dutch, PageTexts.load(lang).texts().keySet(), lang + ".json");
        }
    }

    @Test
    void theEnglishPageIsEnglishAndLinksBackToDutch() {
        String html = PageTexts.load("en").fill(PageRoutes.template());
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains(">Network</a>"), "navigation in English");
        assertTrue(html.contains("href=\"/?lang=nl\" hreflang=\"nl\""), "switch back to Dutch");
        String dutch = PageTexts.load("nl").fill(PageRoutes.template());
        assertTrue(dutch.contains("href=\"/?lang=en\" hreflang=\"en\""), "switch to English");
    }
}
