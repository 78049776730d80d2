package nl.actiegraaf.web.feed;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 feed (RFC 4287) of editions and their changes with the JDK's StAX writer, so every
 * text is escaped by the writer, never pasted into markup. One entry per edition; its content is an
 * XHTML list of what changed, each change linking to its action.
 */
public final class AtomFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /**
     * @param id the feed's permanent IRI
     * @param self where the feed is served
     * @param page the page a reader opens for the feed as a whole
     */
    public record Feed(String id, String title, String self, String page, List<Entry> entries) {
    }

    /** One edition: {@code id} is the edition's IRI, {@code link} where a reader sees its changes. */
    public record Entry(String id, String title, LocalDate date, String link, List<Change> changes, String summary) {
    }

    /** One change, in words ({@code text}), and the action it is about ({@code actionLink}). */
    public record Change(String actionLabel, String actionLink, String text) {
    }

    private AtomFeed() {
    }

    public static byte[] write(Feed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", feed.id());
            element(xml, "title", feed.title());
            element(xml, "updated", timestamp(feed.entries().stream().map(Entry::date).max(LocalDate::compareTo)
                    .orElse(LocalDate.of(1970, 1, 1))));
            link(xml, "self", feed.self(), "application/atom+xml");
            link(xml, "alternate", feed.page(), "text/html");
            xml.writeStartElement(ATOM, "author");
            element(xml, "name", "Actiegraaf");
            xml.writeEndElement();
            element(xml, "generator", "Actiegraaf");
            for (Entry entry : feed.entries()) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement(ATOM, "entry");
        element(xml, "id", entry.id());
        element(xml, "title", entry.title());
        element(xml, "updated", timestamp(entry.date()));
        link(xml, "alternate", entry.link(), "text/html");
        element(xml, "summary", entry.summary());
        xml.writeStartElement(ATOM, "content");
        xml.writeAttribute("type", "xhtml");
        xml.setDefaultNamespace(XHTML);
        xml.writeStartElement(XHTML, "div");
        xml.writeDefaultNamespace(XHTML);
        if (!entry.changes().isEmpty()) {
            xml.writeStartElement(XHTML, "ul");
            for (Change change : entry.changes()) {
                xml.writeStartElement(XHTML, "li");
                xml.writeStartElement(XHTML, "a");
                xml.writeAttribute("href", change.actionLink());
                xml.writeCharacters(change.actionLabel());
                xml.writeEndElement();
                xml.writeCharacters(": " + change.text());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else {
            xml.writeStartElement(XHTML, "p");
            xml.writeCharacters(entry.summary());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.setDefaultNamespace(ATOM);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** Atom wants an RFC 3339 date-time; an edition speaks for a day: its start, UTC. */
    static String timestamp(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .replace("+00:00", "Z");
    }
}
