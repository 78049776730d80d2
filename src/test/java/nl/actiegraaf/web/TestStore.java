package nl.actiegraaf.web;

import java.net.URI;
import java.util.function.Consumer;
import nl.actiegraaf.store.SparqlService;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A real Fuseki over an in-memory TDB2 dataset whose default graph is the union of its named
 * graphs (as the product's store is configured), on 127.0.0.1 and a free port.
 */
final class TestStore implements AutoCloseable {
    private static final String NAME = "/ds";
    private final FusekiServer server;
    private final DatasetGraph dataset;

    private TestStore(FusekiServer server, DatasetGraph dataset) {
        this.server = server;
        this.dataset = dataset;
    }

    static TestStore start(Consumer<DatasetGraph> load) {
        DatasetGraph dataset = DatabaseMgr.createDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dataset, () -> load.accept(dataset));
        FusekiServer server = FusekiServer.create()
                .loopback(true)
                .port(0)
                .add(NAME, dataset, false) // read-only service: the facade never writes either
                .build()
                .start();
        return new TestStore(server, dataset);
    }

    /** The dataset Fuseki serves, for a facade that runs /sparql queries in-process. */
    DatasetGraph dataset() {
        return dataset;
    }

    SparqlService service() {
        String base = "http://127.0.0.1:" + server.getHttpPort() + NAME;
        return new SparqlService(URI.create(base + "/query"), URI.create(base + "/data"));
    }

    @Override
    public void close() {
        server.stop();
    }
}
