package nl.actiegraaf.store;

import java.util.List;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;

/** The RDF store as the rest of Actiegraaf sees it: where to query it, and how to load it. */
public interface Store extends AutoCloseable {
    /** The SPARQL query and Graph Store Protocol endpoints, over HTTP. */
    SparqlService service();

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

    /**
     * The dataset itself when it lives in this JVM (the embedded store), for readers that can skip the
     * HTTP round-trip; empty for a remote store.
     */
    default Optional<DatasetGraph> localDataset() {
        return Optional.empty();
    }

    @Override
    void close();
}
