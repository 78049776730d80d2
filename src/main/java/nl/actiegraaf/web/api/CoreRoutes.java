package nl.actiegraaf.web.api;

import static nl.actiegraaf.web.api.RouteDescription.path;
import static nl.actiegraaf.web.api.RouteDescription.query;

import java.util.List;
import java.util.Map;

/**
 * The facade's routes outside the query API (SPARQL endpoint, linked data, downloads, VoID, health),
 * described for the OpenAPI document. Their handlers live in {@code nl.actiegraaf.web}; this list is
 * the default the document uses, and the facade may pass its own list instead.
 */
public final class CoreRoutes {
    private static final List<String> RESULTS = List.of("application/sparql-results+json",
            "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/turtle",
            "application/n-triples", "application/ld+json", "application/rdf+xml");
    private static final List<String> RDF = List.of("text/turtle", "application/ld+json", "application/rdf+xml",
            "application/n-triples", "text/html");
    private static final String SPARQL_INTRO = "SPARQL 1.1 Protocol query endpoint over the whole graph (the "
            + "default graph is the union of all graphs). Read-only: updates are refused. SELECT/ASK answer in "
            + "SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML, by the "
            + "Accept header.";

    public static final List<RouteDescription> ALL = List.of(
            new RouteDescription("GET", "/sparql", "Run a SPARQL query", SPARQL_INTRO, "sparql",
                    List.of(new RouteDescription.Parameter("query", "query", "the SPARQL query", true, "string"),
                            query("default-graph-uri", "a graph to use as the default graph"),
                            query("named-graph-uri", "a graph to use as a named graph")),
                    RESULTS, Map.of(400, "malformed query or an update", 503, "too busy, retry later",
                            504, "query ran longer than the time limit")),
            new RouteDescription("POST", "/sparql", "Run a SPARQL query sent in the body",
                    SPARQL_INTRO + " The body is either application/x-www-form-urlencoded (query=...) or "
                            + "application/sparql-query.", "sparql", List.of(), RESULTS,
                    Map.of(400, "malformed query or an update", 413, "query text too large",
                            415, "unsupported body type")),
            new RouteDescription("GET", "/id/{path}", "A resource of the graph",
                    "Every https://w3id.org/actiegraaf/id/... resource at the same path (for example "
                            + "/id/actie/12), as RDF or as an HTML page, by content negotiation.", "linked data",
                    List.of(path("path", "the resource's path below /id/, for example actie/12")), RDF,
                    Map.of(404, "no such resource")),
            new RouteDescription("GET", "/feed.atom", "Atom feed of the changes between editions",
                    "One entry per edition (newest first, at most 50), listing what changed since the edition before it"
                            + " (statuses, new and dropped actions, deadlines, descriptions), each change linking to its action.",
                    "editions", List.of(), List.of("application/atom+xml"), Map.of()),
            new RouteDescription("GET", "/id/actie/{series}/{number}/feed.atom", "Atom feed of one action's changes",
                    "One entry per edition that changed the action, listing its changes.", "editions",
                    List.of(path("series", "the series, for example pok"), path("number", "the action's number, for example 12")),
                    List.of("application/atom+xml"), Map.of(404, "no such action")),
            new RouteDescription("GET", "/def", "The ontology",
                    "The Actiegraaf vocabulary (https://w3id.org/actiegraaf/def#) by content negotiation.",
                    "linked data", List.of(), RDF, Map.of()),
            new RouteDescription("GET", "/download/{file}", "The whole dataset as one file",
                    "actiegraaf.trig and actiegraaf.nq keep the named graphs; actiegraaf.ttl is their union.",
                    "downloads", List.of(path("file", "actiegraaf.trig, actiegraaf.nq or actiegraaf.ttl")),
                    List.of("application/trig", "application/n-quads", "text/turtle"), Map.of(404, "no such file")),
            new RouteDescription("GET", "/.well-known/void", "Description of the dataset",
                    "VoID and DCAT description: title, licence, SPARQL endpoint, downloads, sizes.", "downloads",
                    List.of(), List.of("text/turtle", "application/ld+json", "application/rdf+xml",
                            "application/n-triples"), Map.of()),
            new RouteDescription("GET", "/health", "Is the data loaded",
                    "200 with a small JSON object once the data is loaded.", "service", List.of(),
                    List.of("application/json"), Map.of(503, "still loading")));

    private CoreRoutes() {
    }
}
