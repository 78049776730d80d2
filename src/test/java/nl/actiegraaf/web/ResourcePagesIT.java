package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.actiegraaf.testsupport.SeedData;
import nl.actiegraaf.testsupport.TestFacade;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resource pages a researcher reads, over HTTP against the real seed, parsed as a browser parses them:
 * the answers in the page (which actions carry out a motion, an action's deadlines with their dates and
 * sentences), the language kept from page to page, the 404 page, the ontology's contents.
 */
class ResourcePagesIT {
    @RegisterExtension
    static final TestFacade web = SeedData.facade();

    private static Document page(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = "text/html";
        System.arraycopy(headers, 0, all, 2, headers.length);
        HttpResponse<String> response = web.get(path, all);
        assertEquals(200, response.statusCode(), () -> path + " -> " + response.body());
        return Jsoup.parse(response.body(), web.uri(path).toString());
    }

    private static List<Integer> actionNumbers(List<Element> links) {
        List<Integer> numbers = new ArrayList<>();
        for (Element a : links) {
            String href = a.attr("href").replaceAll("\\?.*", "");
            if (href.matches("/id/actie/pok/\\d+")) {
                numbers.add(Integer.parseInt(href.substring(href.lastIndexOf('/') + 1)));
            }
        }
        return numbers;
    }

    @Test
    void aMotionsPageListsTheActionsCarryingOutItsParts() {
        Document motion = page("/id/kamerstuk/35510-21");
        Element carriedOut = motion.getElementById("uitvoering");
        assertNotNull(carriedOut, "a section of the actions carrying it out");
        assertEquals(List.of(12, 81), actionNumbers(carriedOut.select("tbody tr td:first-child a")));
        // each with its status, a short description and the part it carries out
        Element row81 = carriedOut.select("tbody tr").get(1);
        assertEquals("Lopend", row81.selectFirst(".status").text());
        assertTrue(row81.text().contains("vervuilde data"), row81.text());
        assertTrue(row81.select("a[href=/id/kamerstuk/35510-21-deel-2]").size() == 1, row81.html());
        assertEquals(2, motion.select("#onderdelen li").size());
        assertEquals("Lilian Marijnissen (SP)", motion.selectFirst("#indieners li").text());
        assertEquals("https://zoek.officielebekendmakingen.nl/kst-35510-21.html",
                motion.selectFirst(".publicatie a").attr("href"));
    }

    @Test
    void anActionsDeadlinesShowTheirDatesAndTheSentenceOfEach() {
        Document action = page("/id/actie/pok/81");
        assertEquals("Actie 81", action.selectFirst("h1").text());
        // description and status first
        assertEquals("Lopend", action.selectFirst("p.kop .status").text());
        assertTrue(action.selectFirst("p.kop .themapad").text().contains("Informatiehuishouding: basis op orde"));
        Element deadlines = action.selectFirst("table.deadlines");
        assertNotNull(deadlines);
        List<Element> rows = deadlines.select("tbody tr");
        assertEquals(2, rows.size());
        Element march = rows.get(0);
        assertEquals("Voor 1 maart", march.selectFirst("td").text());
        assertEquals("2021-02-28", march.selectFirst("time").attr("datetime"));
        assertTrue(march.text().contains("gehaald op 2021-04-08"), march.text());
        assertTrue(march.selectFirst("details blockquote").text()
                .startsWith("Voor 1 maart een voorstel hoe binnen overheidsinstellingen vervuilde data"), march.html());
        Element year = rows.get(1);
        assertEquals("2021-12-31", year.selectFirst("time").attr("datetime"));
        assertTrue(year.selectFirst("details blockquote").text().startsWith("Eind van het jaar wordt de Tweede Kamer geïnformeerd"));
        // the motions carried out, each with its sentence inline, and the paragraphs of the report kept
        Element facts = action.getElementById("feiten");
        assertTrue(facts.select("a[href=/id/kamerstuk/35510-21-deel-2] ~ details blockquote").text()
                .contains("deel 2 van motie Marijnissen, nr. 21"), facts.html());
        assertTrue(action.select("#standVanZaken .tekst p").size() >= 4, "paragraphs kept");
        assertEquals(1, action.select("#standVanZaken .tekst ul li").size(), "the report's list kept");
        // a commitment with its date
        assertTrue(facts.text().contains("uiterlijk 2021-12-31"), facts.text());
        // the opaque mentions are folded away, not a list of links
        assertTrue(action.getElementById("vermeldingen").tagName().equals("details"));
    }

    @Test
    void theEnglishPageMarksDutchDataAndKeepsTheLanguageOnItsLinks() {
        HttpResponse<String> response = web.get("/id/actie/pok/81?lang=en", "Accept", "text/html");
        assertEquals("en", response.headers().firstValue("Content-Language").orElse(""));
        assertTrue(response.headers().firstValue("Set-Cookie").orElse("").startsWith("lang=en"), "the choice is kept");
        Document action = Jsoup.parse(response.body());
        assertEquals("en", action.selectFirst("html").attr("lang"));
        assertEquals("Facts", action.selectFirst("#feiten h2").text());
        assertEquals("In progress", action.selectFirst("p.kop .status").text());
        assertEquals("nl", action.selectFirst("#omschrijving .tekst").attr("lang"), "the report's Dutch text is marked");
        assertEquals("nl", action.selectFirst("h1").attr("lang"));
        for (Element blockquote : action.select("blockquote")) {
            assertEquals("nl", blockquote.attr("lang"));
        }
        List<Element> pageLinks = action.select("a[href^=/id/], a[href^=/def]").stream()
                .filter(a -> !a.attr("href").endsWith("feed.atom") && !a.attr("href").contains("lang=nl")).toList();
        assertFalse(pageLinks.isEmpty());
        for (Element a : pageLinks) {
            assertTrue(a.attr("href").contains("lang=en"), a.outerHtml());
        }
        assertTrue(action.select("header a[href=/?lang=en#tabel]").size() == 1, "the navigation keeps it too");
        // the choice in a cookie: the next page without ?lang= is English as well
        Document next = page("/id/kamerstuk/35510-21", "Cookie", "lang=en");
        assertEquals("en", next.selectFirst("html").attr("lang"));
        assertEquals("Carried out by", next.selectFirst("#uitvoering h2").text());
    }

    @Test
    void aPersonsPageListsTheirMotionsAndTheActionsCarryingThemOut() {
        Document person = page("/id/persoon/lilian-marijnissen");
        Element motions = person.getElementById("moties");
        assertEquals(2, motions.select("> ul > li").size(), motions.html());
        Element motion21 = motions.select("> ul > li").stream()
                .filter(li -> li.selectFirst("a").text().contains("35510-21")).findFirst().orElseThrow();
        assertEquals(List.of(12, 81), actionNumbers(motion21.select("tbody a")));
    }

    @Test
    void whatLinksHereIsGroupedByPropertyInReadingOrderWithNumbersSortedAsNumbers() {
        Document bzk = page("/id/organisatie/bzk");
        Element links = bzk.getElementById("verwijzingen");
        Element responsible = links.select("h3").stream().filter(h -> h.text().startsWith("Verantwoordelijk voor")).findFirst().orElseThrow();
        List<Element> items = responsible.nextElementSibling().select("> li");
        List<Integer> numbers = actionNumbers(items.stream().map(li -> li.selectFirst("a")).toList());
        assertTrue(numbers.size() > 5);
        List<Integer> sorted = new ArrayList<>(numbers);
        sorted.sort(null);
        assertEquals(sorted, numbers, "Actie 9 before Actie 10");
        for (Element item : items) {
            assertFalse(item.select(".omschrijving").text().isBlank(), "a short description beside each action");
        }
        // mentions read as the sentence and its action, not as "Vermelding N"
        assertFalse(links.text().contains("Vermelding 1 van"), links.text());
    }

    @Test
    void headingsGoInOrderAndThePageHasItsLandmarks() {
        for (String path : List.of("/id/actie/pok/81", "/id/kamerstuk/35510-21", "/id/persoon/lilian-marijnissen", "/def")) {
            Document doc = page(path);
            assertEquals(1, doc.select("h1").size(), path);
            int level = 1;
            for (Element h : doc.select("main h1, main h2, main h3, main h4")) {
                int next = Integer.parseInt(h.tagName().substring(1));
                assertTrue(next <= level + 1, path + ": " + h.outerHtml() + " after h" + level);
                level = next;
            }
            assertEquals(1, doc.select("main#inhoud").size());
            assertEquals(1, doc.select("header nav").size());
            assertEquals(1, doc.select("footer").size());
            assertTrue(doc.select("footer a[href=/#query]").size() == 1, "the SPARQL link leads to the query view");
        }
    }

    @Test
    void anUnknownResourceIsARealPageWithASearchBox() {
        HttpResponse<String> response = web.get("/id/actie/pok/999", "Accept", "text/html");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Document doc = Jsoup.parse(response.body());
        Element form = doc.selectFirst("main form[action=/zoek]");
        assertNotNull(form, response.body());
        Element input = form.selectFirst("input[name=q]");
        assertEquals(input.id(), form.selectFirst("label").attr("for"), "the search box is labelled");
        assertTrue(doc.selectFirst("main").text().contains("/id/actie/pok/999"));
        assertTrue(doc.select("header nav a[href=/#tabel]").size() == 1, "with the navigation");
        // and the search it leads to answers
        Document results = page("/zoek?q=35510-21");
        assertEquals(List.of(12, 81), actionNumbers(results.select("ol.zoekresultaten > li > a")));
        // a machine still gets the short error, not the page
        HttpResponse<String> machine = web.get("/id/actie/pok/999", "Accept", "text/turtle");
        assertEquals(404, machine.statusCode());
        assertFalse(machine.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void theOntologyHasContentsAndGroupsItsTerms() {
        Document def = page("/def");
        Element toc = def.selectFirst("nav.toc");
        assertNotNull(toc);
        List<String> groups = toc.select("> ul > li > a").eachAttr("href");
        assertEquals(List.of("#klassen", "#eigenschappen", "#individuen"), groups.subList(0, 3));
        for (String href : toc.select("a").eachAttr("href")) {
            assertNotNull(def.getElementById(href.substring(1)), "every entry lands on its section: " + href);
        }
        assertNotNull(def.selectFirst("section#klassen section#Actie"));
        assertNotNull(def.selectFirst("section#eigenschappen section#geeftUitvoeringAan"));
        assertNotNull(def.selectFirst("section#individuen section#Lopend"));
        Document english = page("/def?lang=en");
        assertEquals("Classes", english.selectFirst("section#klassen h2").text());
        assertEquals("Action", english.selectFirst("section#Actie h3 span").text());
    }
}
