package nl.actiegraaf.link.tk;

import nl.actiegraaf.rdf.AG;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The ontology terms of the Tweede Kamer linkset ({@code ontology/actiegraaf.ttl}, section "Stemmingen
 * en fracties"), as nodes. Kept beside the linkset until the shared vocabulary package takes them over.
 */
public final class TkTerms {
    // Classes
    public static final Node Fractie = term("Fractie");
    public static final Node Stemming = term("Stemming");
    public static final Node Fractiestem = term("Fractiestem");
    public static final Node Stem = term("Stem");
    public static final Node Uitslag = term("Uitslag");
    public static final Node Stemkeuze = term("Stemkeuze");

    // Individuals
    public static final Node Aangenomen = term("Aangenomen");
    public static final Node Verworpen = term("Verworpen");
    public static final Node Voor = term("Voor");
    public static final Node Tegen = term("Tegen");
    public static final Node NietDeelgenomen = term("NietDeelgenomen");

    // Properties of a motion
    public static final Node tkZaak = term("tkZaak");
    public static final Node zaaknummer = term("zaaknummer");
    public static final Node documentnummer = term("documentnummer");
    public static final Node kabinetsappreciatie = term("kabinetsappreciatie");
    public static final Node medeindiener = term("medeindiener");
    public static final Node indienendeFractie = term("indienendeFractie");
    public static final Node stemming = term("stemming");

    // Properties of a vote and its rows
    public static final Node motie = term("motie");
    public static final Node uitslag = term("uitslag");
    public static final Node besluittekst = term("besluittekst");
    public static final Node stemmingssoort = term("stemmingssoort");
    public static final Node stemmenVoor = term("stemmenVoor");
    public static final Node stemmenTegen = term("stemmenTegen");
    public static final Node fractiestem = term("fractiestem");
    public static final Node stem = term("stem");
    public static final Node fractie = term("fractie");
    public static final Node keuze = term("keuze");
    public static final Node zetels = term("zetels");
    public static final Node vergissing = term("vergissing");
    public static final Node stemmer = term("stemmer");

    // Of persons and parties
    public static final Node tkId = term("tkId");

    private TkTerms() {
    }

    private static Node term(String localName) {
        return NodeFactory.createURI(AG.NS + localName);
    }
}
