package nl.actiegraaf.link.tk;

import nl.actiegraaf.rdf.AG;
import nl.actiegraaf.report.Slug;
import nl.actiegraaf.store.Graphs;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Every IRI the linkset mints, in one place. Votes hang under their motion (global, like the
 * Kamerstuk: {@code id/kamerstuk/35510-21/stemming}); parties are organisations
 * ({@code id/organisatie/fractie-sp}); persons the register lacks get {@code id/persoon/{name}}.
 */
public final class TkIris {
    /** The linkset's named graph. */
    public static final String GRAPH = Graphs.BASE + "tk";
    /** The VoID description of the whole dataset (as {@code /.well-known/void} names it). */
    public static final String DATASET = "https://w3id.org/actiegraaf/.well-known/void#actiegraaf";
    public static final String LINKSET = "https://w3id.org/actiegraaf/.well-known/void#tk";
    public static final String TK_DATASET = "https://w3id.org/actiegraaf/.well-known/void#gegevensmagazijn-tweede-kamer";

    private TkIris() {
    }

    public static Node vote(String motion) {
        return NodeFactory.createURI(motion + "/stemming");
    }

    /** A party's row in a vote, per choice (a party may split): {@code .../stemming/fractie/sp/voor}. */
    public static Node partyVote(Node vote, String partySlug, String choiceSlug, boolean mistaken) {
        return NodeFactory.createURI(vote.getURI() + "/fractie/" + partySlug + "/" + choiceSlug + (mistaken ? "-vergissing" : ""));
    }

    /** A member's vote in a roll call: {@code .../stemming/lid/lilian-marijnissen}. */
    public static Node memberVote(Node vote, String personSlug, boolean mistaken) {
        return NodeFactory.createURI(vote.getURI() + "/lid/" + personSlug + (mistaken ? "-vergissing" : ""));
    }

    public static Node party(String slug) {
        return NodeFactory.createURI(AG.ID + "organisatie/fractie-" + slug);
    }

    public static Node person(String slug) {
        return NodeFactory.createURI(AG.ID + "persoon/" + slug);
    }

    public static String slug(String name) {
        String slug = Slug.of(name == null ? "" : name);
        return slug.isEmpty() ? "onbekend" : slug;
    }

    /** The motion's page on tweedekamer.nl. */
    public static Node motionPage(String zaakNummer, String documentNummer) {
        return NodeFactory.createURI("https://www.tweedekamer.nl/kamerstukken/moties/detail?id="
                + zaakNummer + "&did=" + documentNummer);
    }
}
