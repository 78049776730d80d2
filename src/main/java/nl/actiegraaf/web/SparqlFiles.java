package nl.actiegraaf.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The facade's own SPARQL queries (resource descriptions, VoID, downloads, health, data version): files
 * in {@code sparql/} on the class path, beside the code that runs them but apart from the public curated
 * queries of {@code queries/}. Each route reads and parses its queries when it is built, so a broken file
 * stops the start with its name and line; values go in as RDF terms ({@link #bind}), never as text.
 */
public final class SparqlFiles {
    private SparqlFiles() {
    }

    /** The parsed query {@code sparql/NAME.rq}; "sparql/NAME.rq:LINE: problem" when it cannot be. */
    public static Query read(String name) {
        return readPath("sparql/" + name + ".rq");
    }

    /** The parsed query at {@code path} on the class path. */
    public static Query readPath(String path) {
        try (InputStream in = SparqlFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + ": not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try {
                return QueryFactory.create(text);
            } catch (QueryParseException e) {
                throw new IllegalStateException(path + ":" + e.getLine() + ": " + HttpPolicy.oneLine(e.getMessage()), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    /** {@code query} with each variable replaced by its value, in the syntax tree. */
    public static Query bind(Query query, Map<String, Node> values) {
        Map<Var, Node> vars = new java.util.LinkedHashMap<>();
        values.forEach((name, node) -> vars.put(Var.alloc(name), node));
        return QueryTransformOps.replaceVars(query, vars);
    }
}
