package nl.actiegraaf.store;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.jena.sparql.core.DatasetGraph;

import java.util.List;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.sparql.core.DatasetDescription;

/**
 * The RDF store as the rest of Actiegraaf sees it: one Jena {@link RDFLink} to read it (in this JVM for
 * the embedded store, over HTTP for a remote one), and a load. Every reader of the store goes through
 * {@link #link()}; nothing else knows which kind of store it talks to.
 */
public interface Store extends AutoCloseable {
    /**
     * The one way to read the store. Run queries inside a read transaction of the link
     * ({@code Txn.calculateRead(link, ...)}): the embedded TDB2 needs one; over HTTP it costs nothing.
     */
    RDFLink link();

    /**
     * The store limited to {@code graphs} (the SPARQL 1.1 Protocol's {@code default-graph-uri} and
     * {@code named-graph-uri}, or a query's FROM clauses), never fetching graphs from elsewhere. Call it
     * inside a read transaction of {@link #link()}. A remote store applies a query's FROM clauses itself,
     * so its view is {@link #link()}: put the graphs into the query as FROM clauses before sending it.
     */
    RDFLink link(DatasetDescription graphs);

    /**
     * The store as {@code view} derives it from the dataset in this JVM (for example the state as of an
     * edition), or empty for a store reached over HTTP, which has no dataset here to derive from. Call it
     * inside a read transaction of {@link #link()}.
     */
    default Optional<RDFLink> link(UnaryOperator<DatasetGraph> view) {
        return Optional.empty();
    }

    /**
     * The store's query endpoint as HTTP, to pass its own answer's bytes on ({@link QueryBytes}); empty for a
     * store in this JVM, whose answers have no bytes of their own. Reading through {@link #link()} stays the
     * way to the store; this is the same store's same endpoint, for answers nothing needs to change.
     */
    default Optional<QueryBytes> queryBytes() {
        return Optional.empty();
    }

    /**
     * Replaces each source's graph by the source's content, skipping graphs whose content is already
     * there. Throws {@link LoadException} (one-line message) when a source cannot be read.
     */
    default LoadResult load(List<GraphSource> sources) {
        return load(sources, List.of());
    }

    /**
     * As {@link #load(List)}, and removes the editions {@code removeEditions} (edition ids, the graphs
     * {@code graph/rapport/{id}}) in the same load; the current state and the changes of their series
     * are recomputed from what is left. Throws {@link LoadException} when an edition is not in the store.
     */
    LoadResult load(List<GraphSource> sources, List<String> removeEditions);

    /** Where the store is, for people: {@code embedded, data in DIR} or {@code SPARQL endpoint URL}. */
    String location();

    @Override
    void close();
}
