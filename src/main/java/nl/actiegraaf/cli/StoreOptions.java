package nl.actiegraaf.cli;

import java.net.URI;
import java.nio.file.Path;
import nl.actiegraaf.files.Defaults;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.LoadException;
import nl.actiegraaf.store.RemoteStore;
import nl.actiegraaf.store.Store;
import picocli.CommandLine.Option;

/** Where the data lives: an embedded store in a directory, or a running store at a URL. */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of the embedded TDB2 database and text index (kept between runs).")
    Path data;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Use a running store instead: a Fuseki dataset URL (http://host:3030/actiegraaf) or its query URL.")
    URI endpoint;

    @Option(names = "--graph-store", paramLabel = "URL",
            description = "With --endpoint: the Graph Store Protocol URL, when it is not <dataset>/data.")
    URI graphStore;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Fuseki configuration of the embedded store (default: fuseki-config/actiegraaf.ttl",
                    "in the working directory when there, else the jar's copy)."})
    Path config;

    boolean remote() {
        return endpoint != null;
    }

    /**
     * Opens the store; {@code fusekiPort} (null: none) starts the embedded store's own Fuseki HTTP server
     * on 127.0.0.1 as well (0: a free port), for people who want Fuseki's endpoint beside the facade.
     */
    Store open(Integer fusekiPort) {
        if (endpoint != null && data != null) {
            throw new LoadException("--data and --endpoint exclude each other: the remote store keeps its own data");
        }
        if (graphStore != null && endpoint == null) {
            throw new LoadException("--graph-store needs --endpoint");
        }
        if (endpoint != null && fusekiPort != null) {
            throw new LoadException("--fuseki-port and --endpoint exclude each other: the remote store has its own endpoint");
        }
        if (endpoint != null) {
            RemoteStore base = RemoteStore.connect(endpoint);
            return graphStore == null ? base : RemoteStore.connect(base.service().query(), graphStore);
        }
        Path configFile = Defaults.resolve(config, Defaults.FUSEKI_CONFIG).path();
        if (fusekiPort == null) {
            return EmbeddedStore.open(configFile, data);
        }
        return EmbeddedStore.open(configFile, data, fusekiPort).start();
    }
}
