package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * Chooses how to answer a request for RDF: one of the RDF syntaxes, or HTML for a browser. The
 * Accept header decides (Jena's {@link AcceptList} does the matching); {@code ?format=ttl|jsonld|
 * rdf|nt|n3|html} overrides it, for links a person can click.
 */
final class RdfNegotiation {

    /** What the server offers, in order of preference when the client does not mind. */
    enum Choice {
        TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY, Lang.TURTLE),
        JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY, Lang.JSONLD11),
        RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PLAIN, Lang.RDFXML),
        NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES_UTF8, Lang.NTRIPLES),
        HTML("text/html", "html", null, null),
        // Aliases, after the rest so a wildcard never picks them: N3 readers get Turtle (N3 is a superset,
        // and our Turtle declares prefixes the N3 way, @prefix); text/plain is what rdflib asks for N-Triples.
        N3("text/n3", "n3", RDFFormat.TURTLE_PRETTY, Lang.TURTLE),
        NTRIPLES_PLAIN("text/plain", null, RDFFormat.NTRIPLES_UTF8, Lang.NTRIPLES);

        final String mediaType;
        final String format;
        final RDFFormat rdfFormat;
        final Lang lang;

        Choice(String mediaType, String format, RDFFormat rdfFormat, Lang lang) {
            this.mediaType = mediaType;
            this.format = format;
            this.rdfFormat = rdfFormat;
            this.lang = lang;
        }
    }

    private static final Map<String, Choice> BY_MEDIA_TYPE = new LinkedHashMap<>();
    static {
        for (Choice choice : Choice.values()) {
            BY_MEDIA_TYPE.put(choice.mediaType, choice);
        }
    }
    private static final AcceptList OFFERS = AcceptList.create(BY_MEDIA_TYPE.keySet().toArray(String[]::new));

    private RdfNegotiation() {
    }

    /** The representation to send; 406 when nothing offered is acceptable. Sets {@code Vary}. */
    static Choice choose(Context ctx) {
        ctx.header("Vary", "Accept");
        String format = ctx.queryParam("format");
        if (format != null) {
            for (Choice choice : Choice.values()) {
                if (format.equals(choice.format)) {
                    return choice;
                }
            }
            throw new BadParameter("format", "Parameter 'format' must be one of ttl, jsonld, rdf, nt, n3, html");
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return Choice.TURTLE;
        }
        MediaType match;
        try {
            match = AcceptList.match(new AcceptList(accept), OFFERS);
        } catch (RuntimeException e) {
            throw new HttpResponseException(400, "Malformed Accept header");
        }
        if (match == null) {
            throw new HttpResponseException(406, "Not acceptable: this resource is offered as "
                    + String.join(", ", BY_MEDIA_TYPE.keySet()));
        }
        return BY_MEDIA_TYPE.get(match.getContentTypeStr());
    }
}
