package nl.actiegraaf.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Every {@code ag:} term ({@code ontology/actiegraaf.ttl}) as a Jena node. These names are a public
 * contract: researchers write SPARQL against them, so terms are added, never renamed.
 */
public final class AG {
    public static final String NS = Iris.ONTOLOGY + "#";

    // Classes
    public static final Node Reeks = term("Reeks");
    public static final Node Rapport = term("Rapport");
    public static final Node Thema = term("Thema");
    public static final Node Actie = term("Actie");
    public static final Node Stand = term("Stand");
    public static final Node Kamerstuk = term("Kamerstuk");
    public static final Node Motie = term("Motie");
    public static final Node Organisatie = term("Organisatie");
    public static final Node Persoon = term("Persoon");
    public static final Node Toezegging = term("Toezegging");
    public static final Node Deadline = term("Deadline");
    public static final Node Gebeurtenis = term("Gebeurtenis");
    public static final Node Status = term("Status");
    /** A part of a motion ("deel 2"): its own class, so counting ag:Motie counts motions. */
    public static final Node Motiedeel = term("Motiedeel");
    /** A government office (subclass of org:Post): "minister van BZK". */
    public static final Node Ambt = term("Ambt");
    /** How far one action carried out one motion or part, where the text says it. */
    public static final Node Uitvoering = term("Uitvoering");
    /** The debate a report's introduction dates (what relative deadlines count from). */
    public static final Node Debat = term("Debat");
    /** How a report's field was obtained (given in metadata, or inferred from a sentence). */
    public static final Node Veldherkomst = term("Veldherkomst");
    public static final Node UitMetadata = term("UitMetadata");
    public static final Node AfgeleidUitTekst = term("AfgeleidUitTekst");
    public static final Node Vermelding = term("Vermelding");
    public static final Node Wijziging = term("Wijziging");
    public static final Node Wijzigingssoort = term("Wijzigingssoort");

    // Status values
    public static final Node Afgerond = term("Afgerond");
    public static final Node Lopend = term("Lopend");
    public static final Node NietGestart = term("NietGestart");
    public static final Node Onbekend = term("Onbekend");

    // Kinds of change between two editions (individuals of ag:Wijzigingssoort)
    public static final Node StatusGewijzigd = term("StatusGewijzigd");
    public static final Node NieuweActie = term("NieuweActie");
    public static final Node NietMeerGerapporteerd = term("NietMeerGerapporteerd");
    public static final Node DeadlineToegevoegd = term("DeadlineToegevoegd");
    public static final Node DeadlineVerschoven = term("DeadlineVerschoven");
    public static final Node DeadlineVervallen = term("DeadlineVervallen");
    public static final Node OmschrijvingGewijzigd = term("OmschrijvingGewijzigd");

    // Series, editions, states
    /** The series a report or an action belongs to. */
    public static final Node reeks = term("reeks");
    /** From an action to each of its states (one per edition that reports it). */
    public static final Node stand = term("stand");
    /** From a state or a change to its action. */
    public static final Node actie = term("actie");

    // Properties of an action (and of a state)
    public static final Node nummer = term("nummer");
    public static final Node omschrijving = term("omschrijving");
    public static final Node standVanZaken = term("standVanZaken");
    public static final Node thema = term("thema");
    public static final Node status = term("status");
    public static final Node rapport = term("rapport");
    public static final Node geeftUitvoeringAan = term("geeftUitvoeringAan");
    public static final Node noemt = term("noemt");
    public static final Node verantwoordelijke = term("verantwoordelijke");
    public static final Node betrokkene = term("betrokkene");
    public static final Node toezegging = term("toezegging");
    public static final Node deadline = term("deadline");
    public static final Node verwijstNaar = term("verwijstNaar");
    public static final Node gebeurtenis = term("gebeurtenis");
    /** The first source line an action was read from (xsd:integer). */
    public static final Node eersteRegel = term("eersteRegel");
    /** The last source line an action was read from, continuations included (xsd:integer). */
    public static final Node laatsteRegel = term("laatsteRegel");
    /** The text of a footnote whose marker the action's text carries (rdf:langString @nl). */
    public static final Node voetnoot = term("voetnoot");

    // Provenance of a fact
    public static final Node vermelding = term("vermelding");
    public static final Node vermeldt = term("vermeldt");
    public static final Node relatie = term("relatie");
    public static final Node kolom = term("kolom");

    // Properties of a Kamerstuk or motion
    public static final Node dossiernummer = term("dossiernummer");
    public static final Node ondernummer = term("ondernummer");
    public static final Node indiener = term("indiener");
    public static final Node deelVan = term("deelVan");

    // Properties of a commitment, deadline or event
    public static final Node tekst = term("tekst");
    public static final Node datum = term("datum");
    public static final Node vanaf = term("vanaf");
    public static final Node toegezegdDoor = term("toegezegdDoor");
    /** A relative deadline counts from this event (the debate the report's introduction dates). */
    public static final Node gerekendVanaf = term("gerekendVanaf");
    /** The text itself doubts the date ("te optimistisch"), xsd:boolean. */
    public static final Node betwijfeld = term("betwijfeld");
    /** The dated event by which the text says a deadline was met. */
    public static final Node gehaaldDoor = term("gehaaldDoor");
    /** The day a deadline was met (the date of ag:gehaaldDoor), xsd:date. */
    public static final Node gehaaldOp = term("gehaaldOp");

    // Per motion carried out
    public static final Node uitvoering = term("uitvoering");
    /** The motion or part an ag:Uitvoering is about (ag:motie is the motion an ag:Stemming is about). */
    public static final Node uitgevoerdeMotie = term("uitgevoerdeMotie");

    // Provenance of a report's fields
    public static final Node herkomst = term("herkomst");
    public static final Node veld = term("veld");
    public static final Node wijze = term("wijze");

    // Properties of a change
    public static final Node van = term("van");
    public static final Node naar = term("naar");
    public static final Node soort = term("soort");
    public static final Node oudeWaarde = term("oudeWaarde");
    public static final Node nieuweWaarde = term("nieuweWaarde");
    public static final Node oudeDeadline = term("oudeDeadline");
    public static final Node nieuweDeadline = term("nieuweDeadline");

    // Votes and parties: the linkset with the Tweede Kamer's open data (graph/tk, `link tk`)
    public static final Node Fractie = term("Fractie");
    public static final Node Stemming = term("Stemming");
    public static final Node Fractiestem = term("Fractiestem");
    public static final Node Stem = term("Stem");
    public static final Node Uitslag = term("Uitslag");
    public static final Node Stemkeuze = term("Stemkeuze");
    public static final Node Aangenomen = term("Aangenomen");
    public static final Node Verworpen = term("Verworpen");
    public static final Node Voor = term("Voor");
    public static final Node Tegen = term("Tegen");
    public static final Node NietDeelgenomen = term("NietDeelgenomen");
    public static final Node tkZaak = term("tkZaak");
    public static final Node zaaknummer = term("zaaknummer");
    public static final Node documentnummer = term("documentnummer");
    public static final Node kabinetsappreciatie = term("kabinetsappreciatie");
    public static final Node medeindiener = term("medeindiener");
    public static final Node indienendeFractie = term("indienendeFractie");
    public static final Node stemming = term("stemming");
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
    public static final Node tkId = term("tkId");

    private AG() {
    }

    private static Node term(String localName) {
        return NodeFactory.createURI(NS + localName);
    }
}
