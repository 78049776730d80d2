package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.actiegraaf.testsupport.TestFacade;

/**
 * The Atom feeds over HTTP from the whole facade over the real seed, the made-up October edition and a
 * made-up second series (loaded as {@code load} does), parsed with the JDK's
 * namespace-aware XML parser and checked against RFC 4287's required elements: feed id, title, updated,
 * author; every entry id, title, updated and a link; dates as RFC 3339 date-times.
 */
class AtomFeedIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    @RegisterExtension
    static final TestFacade server = Editions.three();

    private static Document feed(String path) throws Exception {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        for (String required : List.of("id", "title", "updated", "author")) {
            assertFalse(children(root, required).isEmpty(), "feed/" + required);
        }
        OffsetDateTime.parse(text(root, "updated"));
        for (Element entry : children(root, "entry")) {
            for (String required : List.of("id", "title", "updated", "link")) {
                assertFalse(children(entry, required).isEmpty(), "entry/" + required);
            }
            OffsetDateTime.parse(text(entry, "updated"));
            assertFalse(children(entry, "link").get(0).getAttribute("href").isEmpty());
        }
        return document;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    @Test
    void everyEditionIsAnEntryListingItsChanges() throws Exception {
        Element feed = feed("/feed.atom").getDocumentElement();
        List<Element> entries = children(feed, "entry");
        assertEquals(List.of("https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021-10",
                        "https://w3id.org/actiegraaf/id/rapport/voortgang-herstelreeks-2021",
                        "https://w3id.org/actiegraaf/id/rapport/stand-van-zaken-pok-2021"),
                entries.stream().map(e -> text(e, "id")).toList());
        assertEquals(OffsetDateTime.parse("2021-10-15T00:00:00Z"), OffsetDateTime.parse(text(feed, "updated")));
        Element october = entries.get(0);
        List<String> items = new ArrayList<>();
        NodeList li = october.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "li");
        for (int i = 0; i < li.getLength(); i++) {
            items.add(li.item(i).getTextContent());
        }
        assertEquals(10, items.size(), items.toString());
        assertTrue(items.contains("Actie 12: Status gewijzigd: Lopend → Afgerond"), items.toString());
        assertTrue(items.contains("Actie 24: Deadline verschoven: 2021-09-30 → 2022-03-31"), items.toString());
        assertTrue(items.contains("Actie 87: Nieuwe actie: Lopend"), items.toString());
        assertTrue(items.contains("Actie 4: Niet meer gerapporteerd: Onbekend"), items.toString());
        for (int i = 0; i < li.getLength(); i++) {
            Element link = (Element) li.item(i).getFirstChild();
            assertTrue(link.getAttribute("href").matches("http://127\\.0\\.0\\.1:\\d+/id/actie/pok/\\d+"), link.getAttribute("href"));
        }
        // The first edition of a series has nothing to compare with, and says so.
        assertTrue(text(entries.get(2), "summary").startsWith("Eerste editie"));
    }

    @Test
    void oneActionsFeedListsOnlyItsChanges() throws Exception {
        Element feed = feed("/id/actie/pok/12/feed.atom").getDocumentElement();
        assertEquals("https://w3id.org/actiegraaf/id/actie/pok/12/feed.atom", text(feed, "id"));
        List<Element> entries = children(feed, "entry");
        assertEquals(1, entries.size());
        String changes = entries.get(0).getTextContent();
        assertTrue(changes.contains("Actie 12: Status gewijzigd: Lopend → Afgerond"), changes);
        assertTrue(!changes.contains("Actie 24"), changes);
        // An action without changes: a valid feed without entries; an unknown one: 404.
        assertEquals(0, children(feed("/id/actie/pok/3/feed.atom").getDocumentElement(), "entry").size());
        assertEquals(404, server.get("/id/actie/pok/999/feed.atom").statusCode());
        assertEquals(404, server.get("/id/actie/pok/12x/feed.atom").statusCode());
        // The resource page itself still answers.
        assertEquals(200, server.get("/id/actie/pok/12").statusCode());
    }
}
