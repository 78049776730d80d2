package nl.actiegraaf.vocab;


import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The standard classes each of our classes is aligned with in {@code ontology/actiegraaf.ttl}
 * (rdfs:subClassOf, followed through our own classes; what the standard vocabularies say of their
 * own classes is theirs), written beside ours at conversion: the store does no
 * inference, and a researcher who asks {@code ?x a foaf:Person} or {@code ?m a opengov:Motion}
 * must get an answer. StandardTypesTest keeps this table equal to the ontology.
 */
public final class StandardTypes {
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String PROV = Vocab.PROV_NS;
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String TIME = "http://www.w3.org/2006/time#";
    private static final String OPENGOV = "http://www.w3.org/ns/opengov#";

    /** Our class -> the standard classes it is a subclass of (transitively, through our own classes too). */
    public static final Map<Node, List<Node>> ALIGNED = Map.ofEntries(
            Map.entry(AG.Reeks, List.of(uri(PROV, "Collection"))),
            Map.entry(AG.Rapport, List.of(uri(FOAF, "Document"), uri(PROV, "Entity"))),
            Map.entry(AG.Thema, List.of(uri(SKOS, "Concept"))),
            Map.entry(AG.Actie, List.of(uri(PROV, "Plan"))),
            Map.entry(AG.Stand, List.of(uri(PROV, "Entity"))),
            Map.entry(AG.Wijziging, List.of(uri(PROV, "Entity"))),
            Map.entry(AG.Kamerstuk, List.of(uri(FOAF, "Document"), uri(PROV, "Entity"))),
            Map.entry(AG.Motie, List.of(uri(OPENGOV, "Motion"), uri(FOAF, "Document"), uri(PROV, "Entity"))),
            Map.entry(AG.Motiedeel, List.of(uri(PROV, "Entity"))),
            Map.entry(AG.Organisatie, List.of(uri(ORG, "Organization"), uri(PROV, "Agent"))),
            Map.entry(AG.Fractie, List.of(uri(ORG, "Organization"), uri(PROV, "Agent"))),
            Map.entry(AG.Stemming, List.of(uri(OPENGOV, "VoteEvent"), uri(PROV, "Entity"))),
            Map.entry(AG.Stem, List.of(uri(OPENGOV, "Vote"))),
            Map.entry(AG.Fractiestem, List.of(uri(OPENGOV, "Vote"))),
            Map.entry(AG.Persoon, List.of(uri(FOAF, "Person"), uri(PROV, "Person"))),
            Map.entry(AG.Ambt, List.of(uri(ORG, "Post"))),
            Map.entry(AG.Toezegging, List.of(uri(PROV, "Entity"))),
            Map.entry(AG.Deadline, List.of(uri(TIME, "Instant"), uri(PROV, "Entity"))),
            Map.entry(AG.Gebeurtenis, List.of(uri(TIME, "Instant"), uri(PROV, "Entity"))),
            Map.entry(AG.Vermelding, List.of(uri(PROV, "Entity"))),
            Map.entry(AG.Uitvoering, List.of(uri(PROV, "Entity"))),
            Map.entry(AG.Debat, List.of(uri(TIME, "Instant"), uri(PROV, "Entity"))),
            Map.entry(AG.Veldherkomst, List.of(uri(PROV, "Entity"))));

    private StandardTypes() {
    }

    /** The standard classes to write beside {@code ourClass}; none for a class without alignment. */
    public static List<Node> of(Node ourClass) {
        return ALIGNED.getOrDefault(ourClass, List.of());
    }

    private static Node uri(String ns, String local) {
        return NodeFactory.createURI(ns + local);
    }
}
