package nl.actiegraaf.store;

import java.util.List;

/** The RDF store as the rest of Actiegraaf sees it: where to query it, and how to load it. */
public interface Store extends AutoCloseable {
    /** The SPARQL query and Graph Store Protocol endpoints, over HTTP. */
    SparqlService service();

    /**
     * Replaces each source's graph by the source's content, skipping graphs whose content is already
     * there. Throws {@link LoadException} (one-line message) when a source cannot be read.
     */
    LoadResult load(List<GraphSource> sources);

    @Override
    void close();
}
