package nl.actiegraaf.web.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import nl.actiegraaf.web.SparqlFiles;
import nl.actiegraaf.web.StoreClient;
import nl.actiegraaf.web.StoreFailure;

/**
 * Whether the store answers Jena's full-text property function {@code text:query} (the text index of
 * {@code fuseki-config/}, embedded or in a standalone Fuseki). Another SPARQL store (Virtuoso) reads it as a
 * plain triple pattern and finds nothing: a search would answer an empty list, which reads as "no hits".
 * So a query that uses it is refused there with 501 instead ({@link #check}). Asked of the store once it
 * holds data (a store reached over HTTP; the one in this JVM has the index by its configuration): the index
 * must find the first word of an action's label; an empty store tells nothing and is asked again next time.
 */
final class FullTextSearch {
    static final String TEXT_QUERY = "http://jena.apache.org/text#query";
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    private final StoreClient store;
    private final Query wordQuery = SparqlFiles.read("text-probe-word");
    private final Query probe = SparqlFiles.read("text-probe");
    private volatile Boolean available;

    FullTextSearch(StoreClient store) {
        this.store = store;
    }

    /** Throws 501 when {@code query} uses {@code text:query} and the store has no such index. */
    void check(Query query) {
        if (uses(query) && !available()) {
            throw new ApiException(501, "full-text search (Jena's text:query) is not available on this store: "
                    + "its SPARQL endpoint has no Jena text index, so the search would find nothing");
        }
    }

    /** True when the query's pattern calls {@code text:query}. */
    static boolean uses(Query query) {
        AtomicBoolean found = new AtomicBoolean();
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock block) {
                for (TriplePath path : block.getPattern()) {
                    Node predicate = path.getPredicate();
                    if (predicate != null && predicate.isURI() && predicate.getURI().equals(TEXT_QUERY)) {
                        found.set(true);
                    }
                }
            }
        });
        return found.get();
    }

    private boolean available() {
        if (!store.relays()) {
            return true; // the store in this JVM: fuseki-config/ gives it the index
        }
        Boolean known = available;
        if (known != null) {
            return known;
        }
        Optional<Boolean> probed = probe();
        probed.ifPresent(answer -> available = answer);
        return probed.orElse(true);
    }

    /** Empty when the store holds no action label to search for. */
    private Optional<Boolean> probe() {
        Optional<String> word = store.read(wordQuery, exec -> {
            var rows = exec.select();
            if (!rows.hasNext()) {
                return Optional.<String>empty();
            }
            Node label = rows.next().get("label");
            Matcher m = WORD.matcher(label == null || !label.isLiteral() ? "" : label.getLiteralLexicalForm());
            return m.find() ? Optional.of(m.group()) : Optional.<String>empty();
        });
        if (word.isEmpty()) {
            return Optional.empty();
        }
        Query asked = SparqlFiles.bind(probe, Map.of("woord", NodeFactory.createLiteralString(word.get())));
        try {
            return Optional.of(store.read(asked, exec -> exec.ask()));
        } catch (StoreFailure e) {
            if (e.kind() == StoreFailure.Kind.BAD_QUERY || e.kind() == StoreFailure.Kind.STORE_ERROR) {
                return Optional.of(false); // the store refuses the property function's form
            }
            throw e;
        }
    }
}
