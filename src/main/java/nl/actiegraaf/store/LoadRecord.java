package nl.actiegraaf.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The metadata graph {@link Graphs#META}: for every loaded graph its content digest
 * ({@code dcterms:identifier "sha256:..."}), when it was loaded ({@code dcterms:modified}) and from
 * what ({@code dcterms:source}, a file name, never a server path). A reload compares digests.
 */
final class LoadRecord {
    private static final Node IDENTIFIER = DCTerms.identifier.asNode();
    private static final Node MODIFIED = DCTerms.modified.asNode();
    private static final Node SOURCE = DCTerms.source.asNode();

    private LoadRecord() {
    }

    /** The digest per graph IRI recorded in a metadata graph. */
    static Map<String, String> digests(Graph meta) {
        Map<String, String> digests = new HashMap<>();
        meta.find(Node.ANY, IDENTIFIER, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isLiteral()) {
                digests.put(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm());
            }
        });
        return digests;
    }

    /** Records a fresh load of {@code content} in {@code meta}, replacing what was said about that graph. */
    static void record(Graph meta, GraphContent content, Instant when) {
        Node graph = NodeFactory.createURI(content.graph());
        meta.remove(graph, Node.ANY, Node.ANY);
        meta.add(Triple.create(graph, IDENTIFIER, NodeFactory.createLiteralString(content.digest())));
        meta.add(Triple.create(graph, MODIFIED, NodeFactory.createLiteralDT(when.toString(), XSDDatatype.XSDdateTime)));
        meta.add(Triple.create(graph, SOURCE, NodeFactory.createLiteralString(content.origin())));
    }
}
