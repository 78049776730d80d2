package nl.actiegraaf.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's HTML as the server fills it, and what the SPARQL editor is given. */
class PageTemplateTest {
    private static final PageTexts NL = PageTexts.load("nl");

    @Test
    void everyTextOfThePageComesFromTheLanguageFile() {
        String html = NL.fill(PageRoutes.template());
        assertFalse(html.contains("{{"), "no placeholder left");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assertTrue(html.contains(">Netwerk</a>"));
    }

    @Test
    void anUnknownTextIsAnErrorNamingTheKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NL.fill("<p>{{geen.tekst}}</p>"));
        assertTrue(e.getMessage().contains("geen.tekst"), e.getMessage());
    }

    @Test
    void textsAreEscapedIntoTheHtml() {
        PageTexts texts = new PageTexts("nl", java.util.Map.of("x", "<b>\"A&B\"</b>"));
        assertEquals("<p title=\"&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;\"></p>", texts.fill("<p title=\"{{x}}\"></p>"));
    }

    @Test
    void thePagesHaveNoInlineScriptOrStyleSoAStrictPolicyPasses() {
        Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
        assertFalse(inline.matcher(PageRoutes.resource("web/index.html")).find(), "index.html");
        assertFalse(inline.matcher(PageChrome.HEAD + PageChrome.header()).find(), "PageChrome");
    }

    @Test
    void theEditorGetsEveryCuratedQueryAndTheOntologysPrefixes() throws Exception {
        JsonNode editor = new ObjectMapper().readTree(
                PageRoutes.editorJson(Path.of("queries"), Path.of("ontology/actiegraaf.ttl")));
        assertEquals("https://w3id.org/actiegraaf/def#", editor.get("prefixes").get("ag").asText());
        assertEquals("http://www.w3.org/2004/02/skos/core#", editor.get("prefixes").get("skos").asText());
        assertTrue(editor.get("queries").get("netwerk").asText().contains("ag:geeftUitvoeringAan"));
        assertTrue(editor.get("queries").has("rapporten"));
    }

    @Test
    void theWebJarsAreFoundByTheirMavenMetadata() {
        assertTrue(PageRoutes.webjar("echarts").matches("/META-INF/resources/webjars/echarts/\\d+\\.\\d+\\.\\d+"));
        assertTrue(PageRoutes.webjar("zazuko__yasgui").startsWith("/META-INF/resources/webjars/zazuko__yasgui/"));
    }
}
