package nl.actiegraaf.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkFactory;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset of {@code fuseki-config/actiegraaf.ttl} (see {@link FusekiConfigFile}) in this JVM, over a
 * TDB2 database and Lucene index in a data directory, read through {@link #link()} without HTTP. Loads
 * go straight into the dataset in one TDB2 transaction ({@link TdbLoader}). Fuseki's own HTTP server
 * (127.0.0.1, reading endpoints only) listens only when {@link #start()} is called: for people who want
 * Fuseki's endpoint beside the facade ({@code serve --fuseki-port}).
 *
 * <pre>{@code
 * try (EmbeddedStore store = EmbeddedStore.open(FusekiConfigFile.DEFAULT, dataDirOrNull)) {
 *     store.load(sources);
 *     RDFLink link = store.link();
 * }
 * }</pre>
 */
public final class EmbeddedStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);

    static {
        // Time and size bounds inside every query, Fuseki's endpoint included (issue 18).
        nl.actiegraaf.querylimits.QueryLimits.install();
    }

    private final FusekiServer server;
    private final DatasetGraph dataset;
    private final Path dataDir;
    private final boolean temporary;
    private final TdbLoader loader;
    private final TextIndexRepair repair;
    private final RDFLink link;
    private boolean started;
    private boolean closed;

    private EmbeddedStore(FusekiServer server, DatasetGraph dataset, Path dataDir, boolean temporary) {
        this.server = server;
        this.dataset = dataset;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.repair = new TextIndexRepair(dataDir);
        repair.repairIfInterrupted(dataset);
        this.loader = new TdbLoader(dataset, Clock.systemUTC(), repair);
        // No SERVICE calls from queries on this dataset, whatever a configuration or a query says.
        dataset.getContext().set(ARQ.httpServiceAllowed, false);
        this.link = RDFLinkFactory.connect(dataset);
    }

    /**
     * Opens the dataset described by {@code configFile} in {@code dataDir} (created if missing), or in
     * a new temporary directory that {@link #close()} removes when {@code dataDir} is null. Does not
     * listen: {@link #start()} starts Fuseki's HTTP server, on a free port.
     */
    public static EmbeddedStore open(Path configFile, Path dataDir) {
        return open(configFile, dataDir, 0);
    }

    /** As {@link #open(Path, Path)}; {@link #start()} will listen on {@code fusekiPort} (0: a free one). */
    public static EmbeddedStore open(Path configFile, Path dataDir, int fusekiPort) {
        FusekiConfigFile config = FusekiConfigFile.read(configFile);
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("actiegraaf-store-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LoadException(dataDir + ": cannot create data directory: " + e.getMessage(), e);
        }
        FusekiServer server;
        try {
            server = FusekiServer.create()
                    .parseConfig(config.forEmbedded(dir))
                    .loopback(true)
                    .port(fusekiPort)
                    .enablePing(true)
                    .build();
        } catch (RuntimeException e) {
            if (temporary) {
                deleteRecursively(dir);
            }
            String why = GraphContent.oneLine(rootMessage(e));
            throw new LoadException(dir + ": cannot open the store: " + why
                    + (why.contains("lock") ? " (is a serve or load running on this directory?)" : ""), e);
        }
        DataAccessPoint access = server.getDataAccessPointRegistry().get("/" + FusekiConfigFile.DATASET);
        if (access == null) {
            throw new LoadException(configFile + ": no dataset named \"" + FusekiConfigFile.DATASET + "\"");
        }
        return new EmbeddedStore(server, access.getDataService().getDataset(), dir, temporary);
    }

    /** Starts Fuseki's own HTTP server (127.0.0.1); the facade does not need it. */
    public synchronized EmbeddedStore start() {
        if (!started) {
            server.start();
            started = true;
            LOG.info("Embedded Fuseki: its own SPARQL endpoint {} (data in {})", service().query(), dataDir);
        }
        return this;
    }

    /** Fuseki's endpoints, once {@link #start()} has started its HTTP server. */
    public SparqlService service() {
        if (!started) {
            throw new IllegalStateException("start() the store before asking for its endpoints");
        }
        String base = "http://127.0.0.1:" + server.getHttpPort() + "/" + FusekiConfigFile.DATASET;
        return new SparqlService(URI.create(base + "/query"), URI.create(base + "/get"));
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return server.getHttpPort();
    }

    /** The dataset itself (TDB2 with its text index), for in-process readers that need no HTTP. */
    public DatasetGraph dataset() {
        return dataset;
    }

    @Override
    public RDFLink link() {
        return link;
    }

    /** A read-only view of the dataset with Fuseki's rules; building it reads the named graphs, hence the transaction. */
    @Override
    public java.util.Optional<RDFLink> link(java.util.function.UnaryOperator<DatasetGraph> view) {
        return java.util.Optional.of(RDFLinkFactory.connect(view.apply(dataset)));
    }

    @Override
    public RDFLink link(DatasetDescription graphs) {
        return RDFLinkFactory.connect(DynamicDatasets.dynamicDataset(graphs, dataset, false));
    }

    @Override
    public String location() {
        return "embedded, data in " + dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public LoadResult load(List<GraphSource> sources, List<String> removeEditions) {
        return loader.load(sources, removeEditions);
    }

    /** Stops the server, closes TDB2 and the index (so the directory can be opened again), removes a temporary directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            server.stop();
        }
        link.close();
        try {
            dataset.close();
            // Release TDB2's cached connection too, so this JVM may open the directory again.
            DatasetGraph base = dataset;
            while (base instanceof DatasetGraphWrapper wrapper && !TDBInternal.isTDB2(base)) {
                base = wrapper.getWrapped();
            }
            if (TDBInternal.isTDB2(base)) {
                expelWhenIdle(base);
            }
        } catch (RuntimeException stillReading) {
            // A query the facade already gave up on may still run in the store until the store's own
            // time limit; stopping must not fail for it (nothing is written: loads are not concurrent).
            LOG.warn("Store closed while queries were still running: {}", stillReading.getMessage());
        } finally {
            if (temporary) {
                deleteRecursively(dataDir);
            }
        }
    }

    /**
     * Lets TDB2 go of the folder once the reads still running have ended: a query the facade gave up on
     * runs in the store until the store's own time limit (10 s), and while it does TDB2 refuses ("Active
     * transactions"); without waiting, a second open of the folder in this JVM would wait forever.
     */
    private static void expelWhenIdle(DatasetGraph base) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                TDBInternal.expel(base);
                return;
            } catch (RuntimeException stillReading) {
                if (System.nanoTime() > until) {
                    throw stillReading;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillReading;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove temporary store {}: {}", dir, e.getMessage());
        }
    }
}
