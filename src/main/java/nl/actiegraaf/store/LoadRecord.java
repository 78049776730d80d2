package nl.actiegraaf.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;

/**
 * The metadata graph {@link Iris#META}: for every loaded graph its content digest
 * ({@code dcterms:identifier "sha256-set:..."}, {@link ContentDigest}; stores from before it hold
 * {@code "sha256:..."}, which a load simply finds different), when it was loaded ({@code dcterms:modified}) and from
 * what ({@code dcterms:source}, a file name, never a server path) and, for sources that have one, the
 * digest of their input ({@code prov:wasDerivedFrom <ni:///sha-256;...>}, {@link SourceDigest}). A
 * reload compares source digests first (no conversion), then content digests.
 */
final class LoadRecord {
    private static final Node IDENTIFIER = DCTerms.identifier.asNode();
    private static final Node MODIFIED = DCTerms.modified.asNode();
    private static final Node SOURCE = DCTerms.source.asNode();
    /** {@code <graph> prov:wasDerivedFrom <ni:///sha-256;...>}: the {@link SourceDigest} it was loaded from. */
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private LoadRecord() {
    }

    /** The digest per graph IRI recorded in a metadata graph. */
    static Map<String, String> digests(Graph meta) {
        return recorded(meta, IDENTIFIER, o -> o.isLiteral() ? o.getLiteralLexicalForm() : null);
    }

    /** The source digest per graph IRI recorded in a metadata graph. */
    static Map<String, String> sourceDigests(Graph meta) {
        return recorded(meta, DERIVED_FROM, o -> o.isURI() ? o.getURI() : null);
    }

    /** {@code value} of each {@code <graph> predicate object} in {@code meta}, by graph IRI (objects it gives null for are skipped). */
    private static Map<String, String> recorded(Graph meta, Node predicate, Function<Node, String> value) {
        Map<String, String> values = new HashMap<>();
        meta.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
            String v = value.apply(t.getObject());
            if (t.getSubject().isURI() && v != null) {
                values.put(t.getSubject().getURI(), v);
            }
        });
        return values;
    }

    /** Records a fresh load of {@code content} in {@code meta}, replacing what was said about that graph. */
    static void record(Graph meta, GraphContent content, Instant when) {
        record(meta, content, when, null);
    }

    /** As {@link #record(Graph, GraphContent, Instant)}, with the source digest (when not null). */
    static void record(Graph meta, GraphContent content, Instant when, String sourceDigest) {
        record(meta, content.graph(), content.origin(), content.digest(), when, sourceDigest);
    }

    /** Records a fresh load of {@code graph} from {@code origin} with content digest {@code digest} (and source digest, when not null). */
    static void record(Graph meta, String graph, String origin, String digest, Instant when, String sourceDigest) {
        Node node = NodeFactory.createURI(graph);
        meta.remove(node, Node.ANY, Node.ANY);
        meta.add(Triple.create(node, IDENTIFIER, NodeFactory.createLiteralString(digest)));
        meta.add(Triple.create(node, MODIFIED, NodeFactory.createLiteralDT(when.toString(), XSDDatatype.XSDdateTime)));
        meta.add(Triple.create(node, SOURCE, NodeFactory.createLiteralString(origin)));
        recordSource(meta, graph, sourceDigest);
    }

    /** Sets (or, when null, removes) the source digest of {@code graph}, leaving the rest of its record. */
    static void recordSource(Graph meta, String graph, String sourceDigest) {
        Node node = NodeFactory.createURI(graph);
        meta.remove(node, DERIVED_FROM, Node.ANY);
        if (sourceDigest != null) {
            meta.add(Triple.create(node, DERIVED_FROM, NodeFactory.createURI(sourceDigest)));
        }
    }
}
