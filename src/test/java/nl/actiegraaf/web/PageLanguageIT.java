package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page in the reader's language, over HTTP: Dutch by default, English when asked. */
class PageLanguageIT {
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofSeconds(10), config -> config);

    private static HttpResponse<String> page(String pathAndQuery, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(web.uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return web.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserThatPrefersEnglishGetsTheEnglishPage() throws Exception {
        HttpResponse<String> response = page("/", "en-GB,en;q=0.9");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<html lang=\"en\">"));
        assertTrue(response.body().contains(">Timeline</a>"));
        assertEquals("en", response.headers().firstValue("Content-Language").orElse(""));
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Language")),
                "caches must keep the languages apart");
    }

    @Test
    void withoutAPreferenceThePageIsDutchAndTheSwitchOverridesTheBrowser() throws Exception {
        assertTrue(page("/", null).body().contains("<html lang=\"nl\">"));
        assertTrue(page("/?lang=nl", "en").body().contains(">Tijdlijn</a>"));
        assertTrue(page("/?lang=en", "nl").body().contains(">Timeline</a>"));
    }

    @Test
    void anUnknownLanguageIsA400NamingTheParameter() throws Exception {
        HttpResponse<String> response = page("/?lang=fr", null);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("parameter lang"), response.body());
    }

    @Test
    void theScriptsFindTheEnglishTexts() throws Exception {
        HttpResponse<String> response = page("/i18n/en.json", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"Completed\""));
    }
}
