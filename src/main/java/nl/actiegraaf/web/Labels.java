package nl.actiegraaf.web;

import java.util.Optional;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Picks the label a Dutch reader should see: Dutch first, then untagged, then any. */
final class Labels {
    private Labels() {
    }

    static Optional<String> of(Resource resource, Model... models) {
        for (Model model : models) {
            if (model == null) {
                continue;
            }
            Resource r = resource.inModel(model);
            Optional<String> label = best(r, RDFS.label).or(() -> best(r, SKOS.prefLabel));
            if (label.isPresent()) {
                return label;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> best(Resource r, org.apache.jena.rdf.model.Property property) {
        String nl = null;
        String plain = null;
        String any = null;
        for (Statement s : r.listProperties(property).toList()) {
            RDFNode o = s.getObject();
            if (!o.isLiteral()) {
                continue;
            }
            Literal l = o.asLiteral();
            if (l.getLanguage().toLowerCase().startsWith("nl") && nl == null) {
                nl = l.getLexicalForm();
            } else if (l.getLanguage().isEmpty() && plain == null) {
                plain = l.getLexicalForm();
            } else if (any == null) {
                any = l.getLexicalForm();
            }
        }
        return Optional.ofNullable(nl != null ? nl : plain != null ? plain : any);
    }
}
