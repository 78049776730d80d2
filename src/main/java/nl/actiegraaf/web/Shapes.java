package nl.actiegraaf.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;

/**
 * The SHACL shapes the data passes, {@code https://w3id.org/actiegraaf/def/shapes} (the ontology links
 * to them), served at {@code /def/shapes}: the file {@code shapes.ttl} beside the configured ontology
 * file, read once at start. Empty (so {@code /def/shapes} is a 404) when there is no such file.
 */
final class Shapes {
    static final String IRI = Ontology.IRI + "/shapes";
    static final String FILE_NAME = "shapes.ttl";
    private static final String SH = "http://www.w3.org/ns/shacl#";

    private final Model model;

    Shapes(Path ontologyFile) {
        Path file = ontologyFile == null ? null : ontologyFile.resolveSibling(FILE_NAME);
        this.model = file != null && Files.isRegularFile(file) ? RDFDataMgr.loadModel(file.toString())
                : ModelFactory.createDefaultModel();
    }

    Model model() {
        return model;
    }

    /** For the HTML page: each node shape with the class it checks. */
    String section() {
        Resource nodeShape = model.createResource(SH + "NodeShape");
        List<Resource> shapes = model.listSubjectsWithProperty(RDF.type, nodeShape).toList().stream()
                .filter(Resource::isURIResource).sorted(Comparator.comparing(Resource::getURI)).toList();
        StringBuilder html = new StringBuilder("<section><h2>Vormen (SHACL)</h2>\n<table>\n");
        for (Resource shape : shapes) {
            Statement target = shape.getProperty(model.createProperty(SH + "targetClass"));
            html.append("<tr><th><code>").append(Html.escape(shape.getLocalName())).append("</code></th><td>");
            if (target != null && target.getObject().isURIResource()) {
                String cls = target.getResource().getURI();
                String path = ResourcePage.localPath(cls);
                html.append("<a href=\"").append(Html.escape(path == null ? cls : path)).append("\">")
                        .append(Html.escape(target.getResource().getLocalName())).append("</a>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</table></section>\n").toString();
    }
}
