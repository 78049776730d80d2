package nl.actiegraaf.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Every IRI Actiegraaf mints, in one place: resources ({@code id/...}, Dutch URI strategy, type
 * first), named graphs ({@code graph/...}), the dataset and the ontology. Moving the base IRI is a
 * change to this class only. Resources of one series of editions carry the series or the edition:
 * an action is {@code id/actie/{series}/{n}}, its state in one edition {@code id/stand/{edition}/{n}};
 * Kamerstukken, organisations and persons are shared by every series.
 */
public final class Iris {
    /** Where everything of Actiegraaf lives; a path on this site is a path on the server ({@code /id/...}). */
    public static final String ROOT = "https://w3id.org/actiegraaf";
    public static final String BASE = ROOT + "/";
    /** Base of every resource the graph describes. */
    public static final String ID = BASE + "id/";
    /** The ontology; its terms are {@code def#Term} ({@link AG#NS}). */
    public static final String ONTOLOGY = BASE + "def";
    /** Base of the named graphs. */
    public static final String GRAPH = BASE + "graph/";
    /** The dataset as VoID/DCAT describe it. */
    public static final String DATASET = BASE + ".well-known/void#actiegraaf";
    /** Base IRI against which relative IRIs in a loaded RDF file are resolved. */
    public static final String FILE_BASE = BASE + "bestand/";

    // The named graphs that are not per edition or series
    public static final String ONTOLOGIE_GRAPH = GRAPH + "ontologie";
    public static final String ORGANISATIES_GRAPH = GRAPH + "organisaties";
    public static final String KAMERLEDEN_GRAPH = GRAPH + "kamerleden";
    /** What the store knows about its own loads: per graph a content digest and when it was loaded. */
    public static final String META_GRAPH = GRAPH + "meta";
    /** Statistics computed from all other graphs at load time (the VoID figures); not report data. */
    public static final String AFGELEID_GRAPH = GRAPH + "afgeleid";

    /** The linkset with the Tweede Kamer's open data (`link tk`): votes, submitters, parties. */
    public static final String TK_GRAPH = GRAPH + "tk";
    /** That linkset as VoID describes it, a subset of {@link #DATASET}. */
    public static final String TK_LINKSET = BASE + ".well-known/void#tk";
    /** The Tweede Kamer's gegevensmagazijn as the linkset's objects target. */
    public static final String TK_DATASET = BASE + ".well-known/void#gegevensmagazijn-tweede-kamer";

    private static final String REPORT_GRAPH = GRAPH + "rapport/";
    private static final String CURRENT_GRAPH = GRAPH + "actueel/";
    private static final String CHANGES_GRAPH = GRAPH + "wijzigingen/";

    private Iris() {
    }

    public static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }

    // ---- graphs

    /** One edition's own triples: {@code graph/rapport/{edition}}. */
    public static String reportGraph(String editionId) {
        return REPORT_GRAPH + editionId;
    }

    /** The edition id of a {@link #reportGraph}, or null when {@code graph} is no report graph. */
    public static String editionOfGraph(String graph) {
        return graph != null && graph.startsWith(REPORT_GRAPH) && graph.length() > REPORT_GRAPH.length()
                ? graph.substring(REPORT_GRAPH.length()) : null;
    }

    /** The current ("truthy") properties of a series' actions: {@code graph/actueel/{series}}. */
    public static String currentGraph(String series) {
        return CURRENT_GRAPH + series;
    }

    /** The changes between consecutive editions of a series: {@code graph/wijzigingen/{series}}. */
    public static String changesGraph(String series) {
        return CHANGES_GRAPH + series;
    }

    /** The graph for an RDF file loaded without an explicit graph: {@code graph/{slug of the name without extension}}. */
    public static String fileGraph(String fileName) {
        String slug = Slug.of(fileName.replaceFirst("\\.[^.]*$", ""));
        return GRAPH + (slug.isEmpty() ? "bestand" : slug);
    }

    // ---- series and editions

    public static Node series(String series) {
        return id("reeks/" + series);
    }

    /** The series slug of a {@link #series} IRI, or null. */
    public static String seriesSlug(Node series) {
        return suffix(series, ID + "reeks/");
    }

    public static Node report(String editionId) {
        return id("rapport/" + editionId);
    }

    /** The edition id of a {@link #report} IRI, or null. */
    public static String editionId(Node report) {
        return suffix(report, ID + "rapport/");
    }

    /** An action of a series, across all its editions: {@code id/actie/{series}/{n}}. */
    public static Node action(String series, int number) {
        return id("actie/" + series + "/" + number);
    }

    /** One action as one edition reports it: {@code id/stand/{edition}/{n}}. */
    public static Node state(String editionId, int number) {
        return id("stand/" + editionId + "/" + number);
    }

    /** A fact read from a state's text: {@code id/stand/{edition}/{n}/{kind}/{k}} (deadline, toezegging, gebeurtenis, vermelding). */
    public static Node stateFact(String editionId, int number, String kind, int k) {
        return id("stand/" + editionId + "/" + number + "/" + kind + "/" + k);
    }

    /** The themes of a series as a SKOS concept scheme: {@code id/thema/{series}}. */
    public static Node themeScheme(String series) {
        return id("thema/" + series);
    }

    public static Node theme(String series, String slug) {
        return id("thema/" + series + "/" + slug);
    }

    /** A change between two editions: {@code id/wijziging/{to-edition}/{n}/{kind}[/{k}]}. */
    public static Node change(String toEditionId, int number, String kindSlug, int k) {
        String base = "wijziging/" + toEditionId + "/" + number + "/" + kindSlug;
        return id(k > 0 ? base + "/" + k : base);
    }

    // ---- shared by every series

    /** A Kamerstuk or motion, {@code id/kamerstuk/35510-21}; {@code key} is dossier-number. */
    public static Node kamerstuk(String key) {
        return id("kamerstuk/" + key);
    }

    /** A part of a motion, {@code id/kamerstuk/35510-21-deel-1}. */
    public static Node kamerstukPart(String key, int part) {
        return id("kamerstuk/" + key + "-deel-" + part);
    }

    /** A motion the report names only by its submitters: {@code id/motie/lodders-van-weyenberg}. */
    public static Node motionBySubmitters(String submittersSlug) {
        return id("motie/" + submittersSlug);
    }

    public static String organisationBase() {
        return ID + "organisatie/";
    }

    public static Node organisation(String code) {
        return id("organisatie/" + code);
    }

    public static String personBase() {
        return ID + "persoon/";
    }

    public static Node person(String slug) {
        return id("persoon/" + slug);
    }

    /** A party (fractie), an organisation like any: {@code id/organisatie/fractie-sp}. */
    public static Node party(String slug) {
        return organisation("fractie-" + slug);
    }

    /** The Kamer's vote on a motion, under the motion: {@code id/kamerstuk/35510-21/stemming}. */
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

    private static Node id(String path) {
        return NodeFactory.createURI(ID + path);
    }

    private static String suffix(Node node, String prefix) {
        if (node == null || !node.isURI() || !node.getURI().startsWith(prefix) || node.getURI().length() == prefix.length()) {
            return null;
        }
        return node.getURI().substring(prefix.length());
    }
}
