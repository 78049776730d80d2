package nl.actiegraaf.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The content of one source, read into memory, with a digest of it. The digest is over the sorted
 * triples (blank node labels ignored), so the same content gives the same digest whatever order or
 * labels a converter or parser produced: a reload can tell "unchanged" from "changed" exactly,
 * including when the converter itself changed.
 */
public record GraphContent(String graph, String origin, Graph triples, String digest) {

    /** Reads a source completely. Nothing reaches a store until the source has been read without error. */
    public static GraphContent read(GraphSource source) {
        Graph graph = GraphFactory.createDefaultGraph();
        StreamRDF sink = StreamRDFLib.graph(graph);
        try {
            sink.start();
            source.emit(sink);
            sink.finish();
        } catch (LoadException e) {
            throw e;
        } catch (RiotException e) {
            throw new LoadException(source.origin() + ": " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // A converter's own exception already names file and line; keep its message.
            throw new LoadException(oneLine(e.getMessage() == null ? source.origin() + ": " + e : e.getMessage()), e);
        }
        return new GraphContent(source.graph(), source.origin(), graph, digest(graph));
    }

    static String digest(Graph graph) {
        List<String> lines = new ArrayList<>();
        graph.find().forEachRemaining(t -> lines.add(line(t)));
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String line(Triple t) {
        return term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject());
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:b" : NodeFmtLib.strNT(n);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
