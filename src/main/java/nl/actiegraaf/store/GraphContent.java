package nl.actiegraaf.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The content of one source, read into memory as its distinct triples in the order they came, with a
 * digest of them ({@link ContentDigest}): the same content gives the same digest whatever order or
 * blank node labels a converter or parser produced, so a reload can tell "unchanged" from "changed"
 * exactly, including when the converter itself changed. A plain list, not an in-memory graph: the
 * loader only walks it once, so indexing it three ways (as a graph would) is wasted.
 */
public record GraphContent(String graph, String origin, List<Triple> triples, String digest) {

    /** Reads a source completely. Nothing reaches a store until the source has been read without error. */
    public static GraphContent read(GraphSource source) {
        Collector sink = new Collector();
        try {
            sink.start();
            source.emit(sink);
            sink.finish();
        } catch (RuntimeException e) {
            throw failure(source, e);
        }
        return new GraphContent(source.graph(), source.origin(), Collections.unmodifiableList(sink.triples), sink.digest.value());
    }

    /** What reading {@code source} failing with {@code e} is reported as: a one-line message naming the file. */
    static LoadException failure(GraphSource source, RuntimeException e) {
        if (e instanceof LoadException load) {
            return load;
        }
        if (e instanceof RiotException) {
            return new LoadException(source.origin() + ": " + oneLine(e.getMessage()), e);
        }
        // A converter's own exception already names file and line; keep its message.
        return new LoadException(oneLine(e.getMessage() == null ? source.origin() + ": " + e : e.getMessage()), e);
    }

    /** The triples as an in-memory graph (what a Graph Store Protocol PUT sends). */
    public Graph toGraph() {
        Graph graph = GraphFactory.createDefaultGraph();
        triples.forEach(graph::add);
        return graph;
    }

    /** Keeps each triple once (a graph is a set; converters may say a thing twice) and digests it. */
    private static final class Collector extends StreamRDFBase {
        private final Set<Triple> seen = new HashSet<>();
        private final List<Triple> triples = new ArrayList<>();
        private final ContentDigest digest = new ContentDigest();

        @Override
        public void triple(Triple triple) {
            if (seen.add(triple)) {
                triples.add(triple);
                digest.add(triple);
            }
        }

        @Override
        public void quad(Quad quad) {
            // As Jena's graph sink does: default-graph quads are triples; named graph data is not this source's.
            if (quad.isTriple() || quad.isDefaultGraph()) {
                triple(quad.asTriple());
            }
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
