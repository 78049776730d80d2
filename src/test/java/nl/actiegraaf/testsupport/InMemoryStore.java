package nl.actiegraaf.testsupport;

import java.util.List;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.LoadResult;
import nl.actiegraaf.store.Store;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkFactory;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;

/**
 * A {@link Store} over an in-memory dataset the test fills itself, for unit tests of the readers (no TDB2,
 * no server). It cannot load: tests of loading use the real stores.
 */
public final class InMemoryStore implements Store {
    private final DatasetGraph dataset;
    private final RDFLink link;

    public InMemoryStore(DatasetGraph dataset) {
        this.dataset = dataset;
        this.link = RDFLinkFactory.connect(dataset);
    }

    @Override
    public RDFLink link() {
        return link;
    }

    @Override
    public RDFLink link(DatasetDescription graphs) {
        return RDFLinkFactory.connect(DynamicDatasets.dynamicDataset(graphs, dataset, false));
    }

    @Override
    public LoadResult load(List<GraphSource> sources, List<String> removeEditions) {
        throw new UnsupportedOperationException("an in-memory test store is filled by the test itself");
    }

    @Override
    public String location() {
        return "in memory";
    }

    @Override
    public void close() {
        link.close();
    }
}
