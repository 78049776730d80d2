package nl.actiegraaf.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The IRIs of the resources the converter describes; one place, so every stage mints them alike. */
public final class Ids {
    /** The concept scheme that holds all themes. */
    public static final Node THEME_SCHEME = NodeFactory.createURI(AG.ID + "thema");
    public static final String GRAPH_BASE = "https://w3id.org/actiegraaf/graph/";

    private Ids() {
    }

    public static Node report(String reportId) {
        return NodeFactory.createURI(AG.ID + "rapport/" + reportId);
    }

    public static Node theme(String slug) {
        return NodeFactory.createURI(AG.ID + "thema/" + slug);
    }

    public static Node action(int number) {
        return NodeFactory.createURI(AG.ID + "actie/" + number);
    }

    /**
     * A fact read from an action's text: {@code id/actie/{n}/{kind}/{k}} (kind: deadline, toezegging,
     * gebeurtenis, vermelding, uitvoering). Under the editions model this moves under the action's
     * state in one edition; minting it here keeps that move in one place.
     */
    public static Node actionFact(int number, String kind, int k) {
        return NodeFactory.createURI(AG.ID + "actie/" + number + "/" + kind + "/" + k);
    }

    /** A government office (org:Post): {@code id/ambt/minister-bzk}, {@code id/ambt/staatssecretaris}. */
    public static Node office(String slug) {
        return NodeFactory.createURI(AG.ID + "ambt/" + slug);
    }

    /** The debate a report's introduction dates, which relative deadlines count from. */
    public static Node debate(String reportId) {
        return NodeFactory.createURI(AG.ID + "rapport/" + reportId + "/debat");
    }

    /** How one field of a report was obtained: {@code id/rapport/{id}/herkomst/{field}}. */
    public static Node fieldSource(String reportId, String field) {
        return NodeFactory.createURI(AG.ID + "rapport/" + reportId + "/herkomst/" + field);
    }

    public static Node organisation(String code) {
        return NodeFactory.createURI(AG.ID + "organisatie/" + code);
    }

    public static Node person(String slug) {
        return NodeFactory.createURI(AG.ID + "persoon/" + slug);
    }

    /** The named graph a report's triples are stored in. */
    public static Node reportGraph(String reportId) {
        return NodeFactory.createURI(GRAPH_BASE + "rapport/" + reportId);
    }
}
