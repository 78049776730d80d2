package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.TestFacade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dereferencing {@code /id/...} and {@code /def}: every format read back with RDF4J, HTML for people. */
class LinkedDataIT {
    private static final String AG = "https://w3id.org/actiegraaf/def#";
    private static final String ID = "https://w3id.org/actiegraaf/id/";
    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofSeconds(10), config -> config);

    @ParameterizedTest
    @CsvSource({"text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"})
    void aResourceInEachRdfFormatWithItsLinksBothWays(String accept) throws Exception {
        HttpResponse<String> response = web.accept("/id/actie/pok/12", accept);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Vary").orElse("").contains("Accept"));
        var model = Rio4j.parse(response);
        Rio4j.assertHas(model, ID + "actie/pok/12", AG + "omschrijving");
        Rio4j.assertHas(model, ID + "actie/pok/12", AG + "thema");
        Rio4j.assertHas(model, ID + "thema/pok/signalen", "http://www.w3.org/2000/01/rdf-schema#label"); // label of a neighbour
        Rio4j.assertHas(model, ID + "actie/pok/13", AG + "verwijstNaar"); // incoming
    }

    @Test
    void withoutAcceptTurtleAndFormatParameterOverrides() throws Exception {
        assertTrue(web.accept("/id/actie/pok/12", null).headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(web.accept("/id/actie/pok/12?format=jsonld", "text/html").headers().firstValue("Content-Type")
                .orElse("").startsWith("application/ld+json"));
        assertEquals(406, web.accept("/id/actie/pok/12", "image/png").statusCode());
    }

    @Test
    void aBrowserGetsAReadablePage() throws Exception {
        HttpResponse<String> response = web.accept("/id/actie/pok/12",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = response.body();
        assertTrue(html.contains("<h1>Actie 12</h1>"), html);
        assertTrue(html.contains("Het kabinet brengt de signalen van burgers beter in beeld."));
        assertTrue(html.contains(">omschrijving</a>"), "property named by its ontology label");
        assertTrue(html.contains("href=\"/def#omschrijving\""), "property links to the ontology on this server");
        assertTrue(html.contains("href=\"/id/thema/pok/signalen\""), "our IRIs become local paths");
        assertTrue(html.contains(">Signalen</a>"), "related resource by its label");
        assertTrue(html.contains("href=\"/id/actie/pok/13\""), "incoming link");
        assertTrue(html.contains(">Motie 35510-7 (Wilders)</a>"));
    }

    @Test
    void externalLinksStayExternal() throws Exception {
        String html = web.accept("/id/organisatie/bzk", "text/html").body();
        assertTrue(html.contains("href=\"https://identifier.overheid.nl/tooi/id/ministerie/mnre1034\""), html);
        assertTrue(html.contains("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"));
    }

    @Test
    void valuesFromTheDataAreEscaped() throws Exception {
        String html = web.accept("/id/actie/pok/13", "text/html").body();
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    void unknownResourcesAre404WithAMessage() throws Exception {
        HttpResponse<String> response = web.accept("/id/actie/pok/999", "text/turtle");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Unknown resource"), response.body());
        assertEquals(404, web.accept("/id/actie/%3Cscript%3E", "text/html").statusCode());
    }

    @ParameterizedTest
    @CsvSource({"text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"})
    void theOntologyInEachRdfFormat(String accept) throws Exception {
        HttpResponse<String> response = web.accept("/def", accept);
        assertEquals(200, response.statusCode());
        Rio4j.assertHas(Rio4j.parse(response), AG + "Actie", "http://www.w3.org/2000/01/rdf-schema#label");
    }

    @Test
    void theOntologyPageHasAnAnchorPerTerm() throws Exception {
        String html = web.accept("/def", "text/html").body();
        assertTrue(html.contains("<section id=\"Actie\">"), html);
        assertTrue(html.contains("<section id=\"geeftUitvoeringAan\">"));
        assertTrue(html.contains("Een vervolgactie op de POK."));
    }
}
