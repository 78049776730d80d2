package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param name the parameter the client used
 * @param value its value, as given
 */
record OutputParameter(String name, String value) {
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

    /**
     * The format parameter of the request (the URL's, and a form body's when {@code form}), or null.
     *
     * @throws HttpResponseException 400 when a format parameter is given more than once with different values
     */
    static OutputParameter of(Context ctx, boolean form) {
        for (String name : NAMES) {
            List<String> values = new ArrayList<>(ctx.queryParams(name));
            if (form) {
                values.addAll(ctx.formParams(name));
            }
            values.removeIf(String::isBlank); // as Fuseki: an empty value is no value
            values.replaceAll(String::strip);
            // SPARQLWrapper 1.8 sends its format both in the URL and in the body: the same value twice names one
            // format; only values that disagree leave the answer's format in doubt.
            if (values.stream().distinct().count() > 1) {
                throw new HttpResponseException(400, "Parameter '" + name + "' given more than once, with different values");
            }
            if (!values.isEmpty()) {
                return new OutputParameter(name, values.get(0));
            }
        }
        return null;
    }

    /**
     * The media type this parameter names among {@code offer}, by the short names of {@code shortNames}.
     *
     * @throws HttpResponseException 400 naming the parameter and the values it takes when it names none of them
     */
    MediaType chosen(Map<String, String> shortNames, AcceptList offer, String kind) {
        String type = shortNames.getOrDefault(value.toLowerCase(Locale.ROOT), value);
        MediaType match = null;
        try {
            if (type.contains("/")) {
                // A media type exactly as offered: no wildcard, so the parameter names one format.
                MediaType asked = MediaType.create(type);
                match = asked.getType().equals("*") || asked.getSubType().equals("*") ? null
                        : AcceptList.match(new AcceptList(type), offer);
            }
        } catch (RuntimeException unreadable) {
            match = null;
        }
        if (match == null) {
            throw new HttpResponseException(400, "Parameter '" + name + "': '" + shown(value) + "' is not a format of "
                    + kind + " answers; use one of " + String.join(", ", new java.util.TreeSet<>(shortNames.keySet()))
                    + " or a media type");
        }
        return match;
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
