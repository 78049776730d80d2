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

    /** The named graph a report's triples are stored in. */
    public static Node reportGraph(String reportId) {
        return NodeFactory.createURI(GRAPH_BASE + "rapport/" + reportId);
    }
}
