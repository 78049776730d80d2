package nl.actiegraaf.web.api;

import static nl.actiegraaf.web.api.RouteDescription.path;
import static nl.actiegraaf.web.api.RouteDescription.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facade's routes outside the query API (SPARQL endpoint, linked data, downloads, VoID, search, health),
 * described for the OpenAPI document. Their handlers live in {@code nl.actiegraaf.web}; this list is
 * the default the document uses, and the facade may pass its own list instead.
 */
public final class CoreRoutes {
    private static final List<String> RESULTS = List.of("application/sparql-results+json",
            "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/turtle",
            "application/n-triples", "application/ld+json", "application/rdf+xml");
    /** What a resource, the ontology and the shapes are offered as ({@code text/n3}: Turtle; {@code text/plain}: N-Triples). */
    private static final List<String> RDF = List.of("text/turtle", "application/ld+json", "application/rdf+xml",
            "application/n-triples", "text/html", "text/n3", "text/plain");
    private static final String SPARQL_INTRO = "SPARQL 1.1 Protocol query endpoint over the whole graph (the "
            + "default graph is the union of all graphs). Read-only: updates are refused. SELECT/ASK answer in "
            + "SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML, by the "
            + "Accept header.";
    private static final Map<Integer, String> SPARQL_ERRORS = Map.of(400, "malformed query, or a bad parameter (named)",
            403, "an update, or SERVICE: the endpoint is read-only", 406, "no acceptable result format",
            413, "query text too large", 415, "unsupported body type or charset", 429, "this client has too many queries running",
            503, "too busy, retry later (Retry-After)", 504, "query ran longer than the time limit");
    private static final Map<Integer, String> RESOURCE_ERRORS = Map.of(400, "bad 'format' parameter",
            404, "no such resource", 406, "none of the offered formats is acceptable");
    private static final RouteDescription.Parameter FORMAT = query("format",
            "ttl, jsonld, rdf, nt, n3 or html: the format, whatever the Accept header says");

    /** The kinds of resource under /id/, one path template each (a path parameter never holds a '/'). */
    private static final List<RouteDescription> RESOURCES = List.of(
            resource("/id/actie/{reeks}/{nummer}", "An action", path("reeks", "the series", "pok"),
                    path("nummer", "the action's number in the series", "12")),
            resource("/id/reeks/{reeks}", "A series of reports", path("reeks", "the series", "pok")),
            resource("/id/rapport/{editie}", "A report (an edition of a series)",
                    path("editie", "the edition", "stand-van-zaken-pok-2021")),
            resource("/id/rapport/{editie}/{onderdeel}", "Something a report names (its debate, say)",
                    path("editie", "the edition", "stand-van-zaken-pok-2021"), path("onderdeel", "the part", "debat")),
            resource("/id/stand/{editie}/{nummer}", "An action's state as one edition reports it",
                    path("editie", "the edition", "stand-van-zaken-pok-2021"), path("nummer", "the action's number", "12")),
            resource("/id/stand/{editie}/{nummer}/{soort}/{k}", "A fact of a state: a deadline, commitment, event or mention",
                    path("editie", "the edition", "stand-van-zaken-pok-2021"), path("nummer", "the action's number", "1"),
                    path("soort", "deadline, toezegging, gebeurtenis or vermelding", "vermelding"), path("k", "its number", "1")),
            resource("/id/wijziging/{editie}/{nummer}/{soort}", "A change between two editions",
                    path("editie", "the later of the two editions (none on a one-edition graph: then a 404)", "stand-van-zaken-pok-2021"), path("nummer", "the action's number", "12"),
                    path("soort", "the kind of change, for example status-gewijzigd", "status-gewijzigd")),
            resource("/id/thema/{reeks}", "The themes of a series (a concept scheme)", path("reeks", "the series", "pok")),
            resource("/id/thema/{reeks}/{thema}", "A theme", path("reeks", "the series", "pok"),
                    path("thema", "the theme", "hersteloperatie")),
            resource("/id/kamerstuk/{kamerstuk}", "A parliamentary paper (a motion, or a part of one)",
                    path("kamerstuk", "dossier-number, for example 35510-21 (a part: 35510-21-deel-2)", "35510-21")),
            resource("/id/motie/{motie}", "A motion the report cites without its number",
                    path("motie", "the submitters", "lodders-van-weyenberg")),
            resource("/id/organisatie/{organisatie}", "An organisation", path("organisatie", "the organisation", "szw")),
            resource("/id/fractie/{fractie}", "A parliamentary party", path("fractie", "the party", "sp")),
            resource("/id/persoon/{persoon}", "A person", path("persoon", "the person", "geert-wilders")),
            resource("/id/ambt/{ambt}", "An office (minister, state secretary)", path("ambt", "the office", "staatssecretaris")),
            resource("/id/lidmaatschap/{persoon}/{fractie}", "A person's membership of a party",
                    path("persoon", "the person", "geert-wilders"), path("fractie", "the party", "pvv")));

    private static final List<RouteDescription> OTHERS = List.of(
            new RouteDescription("GET", "/sparql", "Run a SPARQL query", SPARQL_INTRO, "sparql",
                    List.of(new RouteDescription.Parameter("query", "query", "the SPARQL query", true, "string",
                                    "SELECT * WHERE { ?s ?p ?o } LIMIT 3"),
                            query("default-graph-uri", "a graph to use as the default graph"),
                            query("named-graph-uri", "a graph to use as a named graph"),
                            new RouteDescription.Parameter("timeout", "query", "a shorter time limit, in seconds "
                                    + "(for example 2.5); more than the server's limit (10 s by default) counts as "
                                    + "the server's limit", false, "number", null)),
                    RESULTS, SPARQL_ERRORS),
            new RouteDescription("POST", "/sparql", "Run a SPARQL query sent in the body",
                    SPARQL_INTRO + " The body is either application/x-www-form-urlencoded (query=..., and timeout=..., "
                            + "default-graph-uri=..., named-graph-uri=...) or application/sparql-query.", "sparql",
                    List.of(), RESULTS, SPARQL_ERRORS),
            new RouteDescription("GET", "/feed.atom", "Atom feed of the changes between editions",
                    "One entry per edition (newest first, at most 50), listing what changed since the edition before it"
                            + " (statuses, new and dropped actions, deadlines, descriptions), each change linking to its action.",
                    "editions", List.of(), List.of("application/atom+xml"), Map.of()),
            new RouteDescription("GET", "/id/actie/{reeks}/{nummer}/feed.atom", "Atom feed of one action's changes",
                    "One entry per edition that changed the action, listing its changes.", "editions",
                    List.of(path("reeks", "the series", "pok"), path("nummer", "the action's number", "12")),
                    List.of("application/atom+xml"), Map.of(404, "no such action")),
            new RouteDescription("GET", "/def", "The ontology",
                    "The Actiegraaf vocabulary (https://w3id.org/actiegraaf/def#) by content negotiation.",
                    "linked data", List.of(FORMAT), RDF, RESOURCE_ERRORS),
            new RouteDescription("GET", "/def/shapes", "The SHACL shapes",
                    "The shapes the data conforms to (https://w3id.org/actiegraaf/def/shapes), by content negotiation.",
                    "linked data", List.of(FORMAT), RDF, RESOURCE_ERRORS),
            new RouteDescription("GET", "/download/{file}", "The whole dataset as one file",
                    "actiegraaf.trig and actiegraaf.nq keep the named graphs; actiegraaf.ttl is their union.",
                    "downloads", List.of(path("file", "actiegraaf.trig, actiegraaf.nq or actiegraaf.ttl", "actiegraaf.ttl")),
                    List.of("application/trig", "application/n-quads", "text/turtle"),
                    Map.of(404, "no such file", 503, "too busy, retry later")),
            new RouteDescription("GET", "/.well-known/void", "Description of the dataset",
                    "VoID and DCAT description: title, licence, SPARQL endpoint, downloads, sizes.", "downloads",
                    List.of(FORMAT), RDF, RESOURCE_ERRORS),
            new RouteDescription("GET", ApiPaths.SEARCH, "Search the actions, entities first",
                    "The page's search box. The text is read before it is searched: an action number (12, actie 12), "
                            + "a motion (35510-21, 35510 nr. 21, motie 35510-21, nr. 21, motie 21: its actions are those "
                            + "carrying out the motion or any of its parts), an organisation (name, abbreviation such as "
                            + "BZK, or spelling variant), a person or a theme by name. The actions those lead to come first "
                            + "(score 1 for a direct link, 0.9-0.95 for involved, mentioned or theme), then the full-text "
                            + "index's hits (Lucene syntax, Dutch stemming), ranked by its score scaled to at most 0.8, each "
                            + "with the sentence that matched (HTML-escaped, the matching words in <mark>). Text the index "
                            + "cannot read, or that finds nothing, is a 200 answer with 'melding' and 'suggestie', not an error.",
                    "search",
                    List.of(new RouteDescription.Parameter("q", "query", "the text to search for (at most 500 characters)",
                                    true, "string", "35510-21"),
                            query("lang", "nl or en: the language of the status labels and messages (default: the "
                                    + "page's lang cookie, else the Accept-Language header, else nl)"),
                            new RouteDescription.Parameter("limit", "query", "at most this many actions, 1 to 200 (default 50)",
                                    false, "integer", null)),
                    List.of("application/json"),
                    Map.of(400, "a bad parameter (named in 'parameter'): q too long or with control characters, an "
                                    + "unknown lang, limit out of range, an unknown or repeated parameter",
                            429, "this client has too many queries running", 502, "the store failed",
                            503, "the search ran longer than the time limit")),
            new RouteDescription("GET", "/health", "Is the data loaded",
                    "200 with a small JSON object once the data is loaded.", "service", List.of(),
                    List.of("application/json"), Map.of(503, "still loading")));

    public static final List<RouteDescription> ALL = all();

    private CoreRoutes() {
    }

    private static List<RouteDescription> all() {
        List<RouteDescription> routes = new ArrayList<>();
        routes.add(OTHERS.get(0));
        routes.add(OTHERS.get(1));
        routes.addAll(RESOURCES);
        routes.addAll(OTHERS.subList(2, OTHERS.size()));
        return List.copyOf(routes);
    }

    private static RouteDescription resource(String template, String summary, RouteDescription.Parameter... parameters) {
        List<RouteDescription.Parameter> all = new ArrayList<>(List.of(parameters));
        all.add(FORMAT);
        return new RouteDescription("GET", template, summary,
                "https://w3id.org/actiegraaf" + template + " as RDF or as an HTML page, by content negotiation "
                        + "(or the format parameter).", "linked data", all, RDF, RESOURCE_ERRORS);
    }
}
