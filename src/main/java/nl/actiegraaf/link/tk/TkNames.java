package nl.actiegraaf.link.tk;

import nl.actiegraaf.vocab.Slug;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Names from the TK records as the linkset uses them: slugs for IRIs, the motion's page on tweedekamer.nl. */
final class TkNames {
    private TkNames() {
    }

    /** The slug of a name for an IRI ({@code vocab.Slug}); never empty. */
    static String slug(String name) {
        String slug = Slug.of(name == null ? "" : name);
        return slug.isEmpty() ? "onbekend" : slug;
    }

    /** The motion's page on tweedekamer.nl (Zaak and Document number, checked by the caller). */
    static Node motionPage(String zaakNummer, String documentNummer) {
        return NodeFactory.createURI("https://www.tweedekamer.nl/kamerstukken/moties/detail?id="
                + zaakNummer + "&did=" + documentNummer);
    }
}
