package nl.actiegraaf.web;

import java.util.Optional;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Picks the label a reader should see: in the page's language first (Dutch by default), then untagged, then any. */
final class Labels {
    private Labels() {
    }

    /** A text and the language it is in ("" when untagged). */
    record Text(String value, String lang) {
    }

    static Optional<String> of(Resource resource, Model... models) {
        return in("nl", resource, models).map(Text::value);
    }

    /** The best label in {@code lang}, with the language it really has. */
    static Optional<Text> in(String lang, Resource resource, Model... models) {
        for (Model model : models) {
            if (model == null) {
                continue;
            }
            Resource r = resource.inModel(model);
            Optional<Text> label = best(lang, r, RDFS.label).or(() -> best(lang, r, SKOS.prefLabel));
            if (label.isPresent()) {
                return label;
            }
        }
        return Optional.empty();
    }

    /** The value of {@code property} in {@code lang}, else untagged, else Dutch, else any. */
    static Optional<Text> best(String lang, Resource r, org.apache.jena.rdf.model.Property property) {
        Text asked = null;
        Text plain = null;
        Text dutch = null;
        Text any = null;
        for (Statement s : r.listProperties(property).toList()) {
            RDFNode o = s.getObject();
            if (!o.isLiteral()) {
                continue;
            }
            Literal l = o.asLiteral();
            String tag = l.getLanguage().toLowerCase();
            Text text = new Text(l.getLexicalForm(), tag);
            if (tag.startsWith(lang) && asked == null) {
                asked = text;
            } else if (tag.isEmpty() && plain == null) {
                plain = text;
            } else if (tag.startsWith("nl") && dutch == null) {
                dutch = text;
            } else if (any == null) {
                any = text;
            }
        }
        return Optional.ofNullable(asked != null ? asked : plain != null ? plain : dutch != null ? dutch : any);
    }
}
