package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * The answer format named in the request instead of the Accept header, as Fuseki and Virtuoso let a client
 * name it ({@code ?format=csv}): tools such as {@code pandas.read_csv} or a spreadsheet's "from web" send no
 * Accept header, and a parameter that is silently ignored gives them XML. Fuseki's rules (its
 * {@code Responses.paramOutput}): the first of {@code output}, {@code format}, {@code results} that is given
 * wins; its value is a short name (case-insensitive) or a media type; the short names are Fuseki's own, per
 * kind of answer (so {@code json} is SPARQL JSON for a SELECT and JSON-LD for a CONSTRUCT). Unlike Fuseki, a
 * value that names no format of the answer is a 400 naming the parameter, never a silent fallback.
 *
 * <p>A parameter may be given more than once when its values name one format: SPARQLWrapper sends its format
 * in the URL and in a form body, and pairs a name Fuseki does not know with its media type
 * ({@code output=rdf+xml&output=application/rdf+xml}). Values that name no format are then passed over;
 * values that name different formats leave the answer's format in doubt and are a 400.
 *
 * @param name the parameter the client used
 * @param values its values, as given (stripped, without repeats)
 */
record OutputParameter(String name, List<String> values) {
    /** In Fuseki's order of precedence. */
    static final List<String> NAMES = List.of("output", "format", "results");

    /** Fuseki's short names for SELECT and ASK answers. */
    static final Map<String, String> RESULTS = Map.of(
            "json", "application/sparql-results+json",
            "sparql", "application/sparql-results+xml",
            "xml", "application/sparql-results+xml",
            "text", "text/plain",
            "csv", "text/csv",
            "tsv", "text/tab-separated-values",
            "thrift", "application/sparql-results+thrift");

    /** Fuseki's short names for CONSTRUCT and DESCRIBE answers. */
    static final Map<String, String> GRAPHS = Map.ofEntries(
            Map.entry("json-ld", "application/ld+json"),
            Map.entry("json-rdf", "application/rdf+json"),
            Map.entry("json", "application/ld+json"),
            Map.entry("xml", "application/rdf+xml"),
            Map.entry("text", "text/turtle"),
            Map.entry("ttl", "text/turtle"),
            Map.entry("turtle", "text/turtle"),
            Map.entry("nt", "application/n-triples"),
            Map.entry("n-quads", "application/n-quads"),
            Map.entry("trig", "application/trig"));

    /** The format parameter of the request (the URL's, and a form body's when {@code form}), or null. */
    static OutputParameter of(Context ctx, boolean form) {
        for (String name : NAMES) {
            List<String> values = new ArrayList<>(ctx.queryParams(name));
            if (form) {
                values.addAll(ctx.formParams(name));
            }
            List<String> given = values.stream().map(String::strip)
                    .filter(v -> !v.isEmpty()) // as Fuseki: an empty value is no value
                    .distinct().toList();
            if (!given.isEmpty()) {
                return new OutputParameter(name, given);
            }
        }
        return null;
    }

    /**
     * The media type this parameter names among {@code offer}, by the short names of {@code shortNames}.
     *
     * @throws HttpResponseException 400 naming the parameter and the values it takes when it names none of them,
     *         or when its values name different ones
     */
    MediaType chosen(Map<String, String> shortNames, AcceptList offer, String kind) {
        Map<String, MediaType> named = new LinkedHashMap<>(); // by media type: MediaType has no equals of its own
        for (String value : values) {
            MediaType match = named(value, shortNames, offer);
            if (match != null) {
                named.put(match.getContentTypeStr(), match);
            }
        }
        if (named.size() > 1) {
            throw new HttpResponseException(400, "Parameter '" + name + "' given more than once, naming different formats: "
                    + String.join(", ", named.keySet()));
        }
        if (named.isEmpty()) {
            throw new HttpResponseException(400, "Parameter '" + name + "': '" + shown(values.get(0)) + "' is not a format of "
                    + kind + " answers; use one of " + String.join(", ", new TreeSet<>(shortNames.keySet()))
                    + " or a media type");
        }
        return named.values().iterator().next();
    }

    private static MediaType named(String value, Map<String, String> shortNames, AcceptList offer) {
        String type = shortNames.getOrDefault(value.toLowerCase(Locale.ROOT), value);
        try {
            if (type.contains("/")) {
                // A media type exactly as offered: no wildcard, so the parameter names one format.
                MediaType asked = MediaType.create(type);
                return asked.getType().equals("*") || asked.getSubType().equals("*") ? null
                        : AcceptList.match(new AcceptList(type), offer);
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return null;
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
