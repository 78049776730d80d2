package nl.actiegraaf.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * On a motion's resource page: the Tweede Kamer's vote on it (result, date, seats for and against, a
 * row per party, the members in a roll call) and all its submitters, from the linkset graph/tk. Its
 * own query ({@code link/tk-motie.rq}), so the general page stays as it is.
 */
final class MotionVoteSection {
    static final String AG = nl.actiegraaf.vocab.AG.NS;
    private static final Query QUERY = SparqlFiles.readPath("link/tk-motie.rq");

    private MotionVoteSection() {
    }

    /** Whether the description is of a motion, the only kind of resource this section is for. */
    static boolean applies(Model description, Node iri) {
        return description.contains(description.createResource(iri.getURI()), RDF.type, description.createResource(AG + "Motie"));
    }

    /** The query for one motion, its IRI placed into the syntax tree. */
    static Query query(Node iri) {
        return SparqlFiles.bind(QUERY, Map.of("this", iri));
    }

    /** The HTML of the section; empty when the linkset says nothing about the motion. */
    static String html(Model data, Node iri) {
        Resource motion = data.createResource(iri.getURI());
        StringBuilder html = new StringBuilder();
        List<Statement> submitters = data.listStatements(motion, p("indiener"), (RDFNode) null).toList();
        Statement advice = motion.getProperty(p("kabinetsappreciatie"));
        Statement vote = motion.getProperty(p("stemming"));
        if (submitters.isEmpty() && advice == null && vote == null) {
            return "";
        }
        html.append("<section class=\"tk\" id=\"tweede-kamer\"><h2>In de Tweede Kamer</h2>\n");
        if (!submitters.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Statement s : submitters) {
                Resource person = s.getResource();
                String name = label(person);
                boolean co = data.contains(motion, p("medeindiener"), person);
                names.add("<li><a href=\"" + Html.escape(ResourcePage.localPath(person.getURI())) + "\">" + Html.escape(name)
                        + "</a>" + (co ? " (medeindiener)" : " (indiener)") + "</li>");
            }
            names.sort(Comparator.comparing((String n) -> n.contains("(medeindiener)")).thenComparing(n -> n));
            html.append("<h3>Indieners</h3>\n<ul class=\"indieners\">\n").append(String.join("\n", names)).append("\n</ul>\n");
        }
        if (advice != null) {
            html.append("<p>Kabinetsappreciatie: <strong>").append(Html.escape(advice.getString())).append("</strong></p>\n");
        }
        if (vote == null) {
            html.append("<p class=\"stemming\">Nog geen stemming gepubliceerd.</p>\n");
        } else {
            appendVote(html, data, vote.getResource());
        }
        return html.append("</section>\n").toString();
    }

    private static void appendVote(StringBuilder html, Model data, Resource vote) {
        Statement result = vote.getProperty(p("uitslag"));
        Statement date = vote.getProperty(DCTerms.date);
        html.append("<h3>Stemming</h3>\n<p class=\"stemming\">Uitslag: <strong>")
                .append(result == null ? "onbekend" : Html.escape(result.getResource().getLocalName())).append("</strong>");
        if (date != null) {
            html.append(" op ").append(Html.escape(date.getLiteral().getLexicalForm()));
        }
        Statement kind = vote.getProperty(p("stemmingssoort"));
        if (kind != null) {
            html.append(" (").append(Html.escape(kind.getString().toLowerCase(java.util.Locale.ROOT))).append(")");
        }
        Statement yes = vote.getProperty(p("stemmenVoor"));
        Statement no = vote.getProperty(p("stemmenTegen"));
        if (yes != null && no != null) {
            html.append(": ").append(yes.getInt()).append(" voor, ").append(no.getInt()).append(" tegen");
        }
        html.append("</p>\n<table class=\"fractiestemmen\">\n<tr><th>Fractie</th><th>Stem</th><th>Zetels</th></tr>\n");
        List<Resource> rows = data.listObjectsOfProperty(vote, p("fractiestem")).mapWith(RDFNode::asResource).toList();
        rows.sort(Comparator.comparing((Resource r) -> choice(r)).thenComparing(r -> -seats(r)).thenComparing(MotionVoteSection::partyName));
        for (Resource row : rows) {
            boolean mistake = row.hasLiteral(p("vergissing"), true);
            html.append("<tr").append(mistake ? " class=\"vergissing\"" : "").append("><td>").append(Html.escape(partyName(row)))
                    .append("</td><td>").append(Html.escape(choice(row))).append(mistake ? " (vergissing, niet geteld)" : "")
                    .append("</td><td>").append(seats(row)).append("</td></tr>\n");
        }
        html.append("</table>\n");
        List<Resource> members = data.listObjectsOfProperty(vote, p("stem")).mapWith(RDFNode::asResource).toList();
        if (!members.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Resource member : members) {
                Resource voter = member.getPropertyResourceValue(p("stemmer"));
                lines.add("<li>" + Html.escape(voter == null ? "?" : label(voter)) + ": " + Html.escape(choice(member))
                        + (member.hasLiteral(p("vergissing"), true) ? " (vergissing)" : "") + "</li>");
            }
            lines.sort(Comparator.naturalOrder());
            html.append("<h3>Hoofdelijke stemming</h3>\n<ul class=\"leden\">\n").append(String.join("\n", lines)).append("\n</ul>\n");
        }
    }

    private static String choice(Resource row) {
        Resource choice = row.getPropertyResourceValue(p("keuze"));
        if (choice == null) {
            return "?";
        }
        return switch (choice.getLocalName()) {
            case "Voor" -> "voor";
            case "Tegen" -> "tegen";
            case "NietDeelgenomen" -> "niet deelgenomen";
            default -> choice.getLocalName();
        };
    }

    private static int seats(Resource row) {
        Statement seats = row.getProperty(p("zetels"));
        return seats == null ? 0 : seats.getInt();
    }

    private static String partyName(Resource row) {
        Resource party = row.getPropertyResourceValue(p("fractie"));
        if (party == null) {
            return "?";
        }
        Statement abbreviation = party.getProperty(SKOS.altLabel);
        return abbreviation != null ? abbreviation.getString() : label(party);
    }

    private static String label(Resource r) {
        Statement label = r.getProperty(RDFS.label);
        return label != null ? label.getString() : r.getURI().substring(r.getURI().lastIndexOf('/') + 1);
    }

    private static Property p(String localName) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(AG + localName);
    }
}
