package nl.actiegraaf.web;

import nl.actiegraaf.vocab.Iris;

import nl.actiegraaf.vocab.Prefixes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

/**
 * The HTML view of a resource (or of the ontology) for people: label, properties named by their
 * ontology labels, links to related resources (ours rewritten to paths on this server, external
 * ones as they are), and what links here. Every value from the data is escaped.
 */
final class ResourcePage {
    /** Our IRIs start with this; on this server they live at the path that follows. */
    static final String BASE = Iris.ROOT;

    private static final String ACTION = "https://w3id.org/actiegraaf/def#Actie";

    private ResourcePage() {
    }

    /**
     * An action's history over the editions, drawn by {@code /assets/geschiedenis.js} from the curated
     * {@code geschiedenis} query: a status strip and a word-level diff of its texts; a link to its feed.
     */
    private static String history(String action) {
        String path = localPath(action);
        return "<section id=\"geschiedenis\" data-actie=\"" + Html.escape(action) + "\" aria-live=\"polite\">"
                + "<h2>Geschiedenis per editie</h2><p class=\"muted\">Laden…</p>"
                + (path == null ? "" : "<p><a href=\"" + Html.escape(path) + "/feed.atom\" type=\"application/atom+xml\">"
                        + "Volg deze actie (Atom)</a></p>")
                + "</section>\n<script type=\"module\" src=\"/assets/geschiedenis.js\"></script>\n";
    }

    /** The page of one resource, from the description the store gave of it. */
    static String resource(Resource subject, Model description, Model ontology) {
        return resource(subject, description, ontology, "");
    }

    /** The same with a section of HTML of a caller's own after the properties (a motion's vote). */
    static String resource(Resource subject, Model description, Model ontology, String section) {
        Resource s = subject.inModel(description);
        String title = Labels.of(s, description).orElse(s.getURI());
        StringBuilder html = start(title);
        html.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<p><code>").append(Html.escape(s.getURI())).append("</code></p>\n");
        if (s.hasProperty(RDF.type, description.createResource(ACTION))) {
            html.append(history(s.getURI()));
        }
        html.append(propertyTable(s, description, ontology));
        html.append(section);

        List<Statement> incoming = description.listStatements(null, null, s).toList();
        if (!incoming.isEmpty()) {
            html.append("<section><h2>Verwijzingen hiernaar</h2>\n<table>\n");
            incoming.sort(Comparator.comparing((Statement st) -> label(st.getPredicate(), description, ontology))
                    .thenComparing(st -> label(st.getSubject(), description, ontology)));
            for (Statement st : incoming) {
                html.append("<tr><td>").append(link(st.getSubject(), description, ontology))
                        .append("</td><th>").append(link(st.getPredicate(), description, ontology))
                        .append("</th></tr>\n");
            }
            html.append("</table></section>\n");
        }
        return end(html);
    }

    /** The ontology as one page, a section per term with an anchor, so {@code /def#Actie} lands on it. */
    static String ontology(Model ontology) {
        Resource root = ontology.getResource(Ontology.IRI);
        String title = Labels.of(root, ontology).orElse("Actiegraaf-ontologie");
        StringBuilder html = start(title);
        html.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<p><code>").append(Html.escape(Ontology.IRI)).append("</code></p>\n");
        html.append(propertyTable(root, ontology, ontology));
        List<Resource> terms = ontology.listSubjects().toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(Ontology.IRI + "#"))
                .sorted(Comparator.comparing(Resource::getURI))
                .toList();
        for (Resource term : terms) {
            String local = term.getURI().substring(Ontology.IRI.length() + 1);
            html.append("<section id=\"").append(Html.escape(local)).append("\"><h2>")
                    .append(Html.escape(Labels.of(term, ontology).orElse(local)))
                    .append(" <code>ag:").append(Html.escape(local)).append("</code></h2>\n")
                    .append(propertyTable(term, ontology, ontology)).append("</section>\n");
        }
        return end(html);
    }

    private static String propertyTable(Resource s, Model description, Model ontology) {
        Map<Property, List<RDFNode>> values = new LinkedHashMap<>();
        for (Statement st : s.listProperties().toList()) {
            values.computeIfAbsent(st.getPredicate(), p -> new ArrayList<>()).add(st.getObject());
        }
        List<Property> properties = new ArrayList<>(values.keySet());
        // rdf:type first, then by the label a reader sees
        properties.sort(Comparator.comparing((Property p) -> !p.equals(RDF.type))
                .thenComparing(p -> label(p, description, ontology)));
        StringBuilder html = new StringBuilder("<table>\n");
        for (Property p : properties) {
            List<RDFNode> objects = values.get(p);
            objects.sort(Comparator.comparing(o -> o.isLiteral() ? o.asLiteral().getLexicalForm()
                    : label(o.asResource(), description, ontology)));
            html.append("<tr><th>").append(link(p, description, ontology)).append("</th><td>");
            if (objects.size() == 1) {
                html.append(value(objects.get(0), description, ontology));
            } else {
                html.append("<ul>");
                objects.forEach(o -> html.append("<li>").append(value(o, description, ontology)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String value(RDFNode node, Model description, Model ontology) {
        if (!node.isLiteral()) {
            return link(node.asResource(), description, ontology);
        }
        Literal literal = node.asLiteral();
        StringBuilder html = new StringBuilder(Html.escape(literal.getLexicalForm()));
        if (!literal.getLanguage().isEmpty()) {
            html.append(" <span class=\"lang\">@").append(Html.escape(literal.getLanguage())).append("</span>");
        }
        return html.toString();
    }

    /** A link to a resource: ours to its local path, external http(s) as is, anything else as text. */
    private static String link(Resource r, Model description, Model ontology) {
        if (r.isAnon()) {
            return "<span>[]</span>";
        }
        String iri = r.getURI();
        String text = Html.escape(label(r, description, ontology));
        String href = localPath(iri);
        if (href == null && (iri.startsWith("http://") || iri.startsWith("https://"))) {
            href = iri;
        }
        if (href == null) {
            return "<span title=\"" + Html.escape(iri) + "\">" + text + "</span>";
        }
        return "<a href=\"" + Html.escape(href) + "\" title=\"" + Html.escape(iri) + "\">" + text + "</a>";
    }

    /** A page that lists resources to choose from (an answer 300 Multiple Choices). */
    static String choices(String title, String intro, List<String> iris) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(Html.escape(intro)).append("</p>\n<ul>\n");
        for (String iri : iris) {
            String path = localPath(iri);
            html.append("<li><a href=\"").append(Html.escape(path == null ? iri : path)).append("\">")
                    .append(Html.escape(iri)).append("</a></li>\n");
        }
        html.append("</ul>\n");
        StringBuilder page = start(title).append("<h1>").append(Html.escape(title)).append("</h1>\n").append(html);
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    /** {@code https://w3id.org/actiegraaf/id/actie/pok/12} -> {@code /id/actie/pok/12}; null when not ours. */
    static String localPath(String iri) {
        if (iri.startsWith(BASE + "/")) {
            return iri.substring(BASE.length());
        }
        return null;
    }

    private static String label(Resource r, Model description, Model ontology) {
        if (r.isAnon()) {
            return "";
        }
        return Labels.of(r, ontology, description).orElseGet(() -> shortName(r.getURI()));
    }

    /** Our IRIs by their path, well-known vocabularies by their usual prefix, others in full. */
    private static String shortName(String iri) {
        if (iri.startsWith(BASE + "/")) {
            return iri.substring(BASE.length() + 1);
        }
        for (var prefix : Prefixes.ALL.entrySet()) {
            if (iri.startsWith(prefix.getValue()) && iri.length() > prefix.getValue().length()) {
                return prefix.getKey() + ":" + iri.substring(prefix.getValue().length());
            }
        }
        return iri;
    }

    private static StringBuilder start(String title) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append(" · Actiegraaf</title>\n")
                // The look and navigation of the page at / (issue 5): one stylesheet, no inline style.
                .append(nl.actiegraaf.web.page.PageChrome.HEAD).append("</head>\n<body>\n")
                .append(nl.actiegraaf.web.page.PageChrome.header()).append("<main id=\"inhoud\">\n");
        return html;
    }

    private static String end(StringBuilder html) {
        html.append("<p class=\"formats\">Ook als <a href=\"?format=ttl\">Turtle</a> · ")
                .append("<a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"?format=rdf\">RDF/XML</a> · ")
                .append("<a href=\"?format=nt\">N-Triples</a></p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }
}
