package nl.actiegraaf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import nl.actiegraaf.files.Defaults;
import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.LoadResult;
import nl.actiegraaf.store.Store;
import nl.actiegraaf.web.Facade;
import nl.actiegraaf.web.ClientOrigin;
import nl.actiegraaf.web.FacadeConfig;
import nl.actiegraaf.web.TrustedProxies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import nl.actiegraaf.threads.DaemonThreads;

/**
 * {@code serve}: the whole system on one machine, one web server. Opens the store (embedded in this JVM,
 * or {@code --endpoint}), loads the ontology, the registers and the reports (those in {@code seeds/}, or
 * those given) in one load, then starts the web facade and runs until stopped. Each file it needs comes
 * from its option, else the working directory's folder, else the jar ({@link Defaults}), so it runs
 * from any folder. It prints a few lines (what was loaded from where, where to browse, how to stop);
 * logs are quiet unless asked ({@link LoggingOptions}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Load the reports and serve the graph: SPARQL endpoint, JSON API, linked data.",
                "Without --data the embedded store lives in a temporary directory removed at exit."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--queries", paramLabel = "DIR",
            description = {"Folder of the curated queries (*.rq) served at /api/queries",
                    "(default: queries/ in the working directory when there, else the jar's copy)."})
    Path queries;

    @Option(names = "--ontology", paramLabel = "FILE",
            description = "The ontology, loaded and served at /def (default: ontology/actiegraaf.ttl here when there, else the jar's copy).")
    Path ontology;

    @Option(names = "--seeds", paramLabel = "DIR",
            description = {"Folder of the registers (organisaties.ttl, kamerleden.ttl) and of the reports loaded when",
                    "no REPORT is given (default: seeds/ here when there, else the jar's copy: the June 2021 report)."})
    Path seeds;

    @Option(names = "--port", defaultValue = "7070", description = "Port of the web facade (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = {"Wall-clock limit of every query through the facade (default: ${DEFAULT-VALUE});",
                    "a client may ask for less with timeout=, never more. The store's own limit",
                    "(arq:queryTimeout in fuseki-config/) still applies behind it."})
    int queryTimeoutSeconds;

    @Option(names = "--max-queries", paramLabel = "N", defaultValue = "16",
            description = {"Queries running at once through the facade, over all clients (default: ${DEFAULT-VALUE});",
                    "more are refused with 503 and Retry-After. One client address may run a quarter of them",
                    "(at least 1), and the last quarter is kept for addresses running none (429 otherwise)."})
    int maxQueries;

    @Option(names = "--public-base", paramLabel = "URL",
            description = {"The base URL the site is reached at (https://data.example.org), for every absolute URL",
                    "the server writes (VoID/DCAT, download links, feeds). Default: behind a --trusted-proxy its",
                    "X-Forwarded-Proto/-Host, else the facade's own http://host:port. Never the request's Host header."})
    java.net.URI publicBase;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR[,ADDR]", split = ",",
            description = {"Reverse proxies (IP addresses or CIDR blocks) whose X-Forwarded-For / Forwarded /",
                    "X-Forwarded-Proto / X-Forwarded-Host are believed, for requests whose direct peer is one of",
                    "them: the caps then count the forwarded client (the right-most address that is not a trusted",
                    "proxy). Default: none, every forwarding header is ignored."})
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = {"A request's line and headers must arrive within this (default: ${DEFAULT-VALUE}), counted",
                    "from the connection's start or its previous answer; later: 408 and the connection closed."})
    int headerTimeoutSeconds;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "A request's body must arrive within this after its headers (default: ${DEFAULT-VALUE}); later: cut.")
    int bodyTimeoutSeconds;

    @Option(names = "--fuseki-port", paramLabel = "PORT",
            description = {"Also start the embedded store's own Fuseki HTTP server on 127.0.0.1 at PORT (0: a free one),",
                    "read-only, for tools that want Fuseki itself; the facade does not need it. Not with --endpoint."})
    Integer fusekiPort;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the web facade binds to (default: ${DEFAULT-VALUE}).")
    String host;

    @Parameters(paramLabel = "REPORT", arity = "0..*",
            description = "Reports (*.txt) or RDF files to load; default: every *.txt in the seeds folder.")
    List<Path> reports = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Failures.oneLine(spec, () -> {
            logging.apply(); // before the first logger exists
            Running running = start(spec.commandLine().getOut());
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "actiegraaf-shutdown"));
            running.awaitClose();
        });
    }

    /** Opens, loads and starts everything; the caller owns the result. */
    Running start(PrintWriter out) throws Exception {
        if (queryTimeoutSeconds < 1) { // before anything is loaded
            throw new IllegalArgumentException("--query-timeout must be at least 1 second");
        }
        if (maxQueries < 1) {
            throw new IllegalArgumentException("--max-queries must be at least 1");
        }
        if (headerTimeoutSeconds < 1 || bodyTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--header-timeout and --body-timeout must be at least 1 second");
        }
        TrustedProxies proxies = TrustedProxies.parse(String.join(",", trustedProxies));
        if (publicBase != null) {
            ClientOrigin.checkedBase(publicBase);
        }
        Map<String, Defaults.Resolved> files = files();
        Path seedsDir = files.get("seeds").path();
        List<GraphSource> sources = new ArrayList<>(Sources.standardGraphs(files.get("ontology").path(), seedsDir));
        List<Path> loaded = reports.isEmpty() ? Sources.seedReports(seedsDir) : reports;
        for (Path report : loaded) {
            sources.add(Sources.of(report));
        }
        // The facade's share of the start that needs no store runs beside the opening of the store.
        FutureTask<Void> facadePrepared = new FutureTask<>(Facade::prepare, null);
        DaemonThreads.start("actiegraaf-prepare-facade", facadePrepared);
        if (fusekiPort != null && (fusekiPort < 0 || fusekiPort > 65535)) {
            throw new IllegalArgumentException("--fuseki-port must be between 0 and 65535");
        }
        Store opened = store.open(fusekiPort);
        try {
            long loadStart = System.nanoTime();
            LoadResult result;
            try (Progress progress = Progress.start("Loading", sources.size())) {
                result = opened.load(sources.stream().<GraphSource>map(s -> new ProgressSource(s, progress)).toList());
            }
            out.println("Files: " + describe(files));
            out.println("Store: " + result.replaced().size() + " graph(s) loaded, " + result.unchanged().size() + " unchanged"
                    + String.format(java.util.Locale.ROOT, " in %.1f s (%s)", (System.nanoTime() - loadStart) / 1e9, names(loaded)));
            out.println("Store: " + opened.location());
            if (opened instanceof EmbeddedStore embedded && fusekiPort != null) {
                out.println("Store: Fuseki's own SPARQL endpoint " + embedded.service().query());
            }
            awaitPrepared(facadePrepared);
            Facade facade = startFacade(opened, out, files, proxies);
            out.println("Stop with Ctrl+C (or SIGTERM); logs: --verbose, --access-log, --log-config FILE.");
            out.flush();
            return new Running(opened, facade);
        } catch (Exception | Error e) {
            opened.close();
            throw e;
        }
    }

    /** Waits for {@link Facade#prepare}; its failure is the facade's to report (start does the same work again). */
    private static void awaitPrepared(FutureTask<Void> prepared) throws InterruptedException {
        try {
            prepared.get();
        } catch (ExecutionException e) {
            // Facade.start repeats what failed and fails with its own message.
        }
    }

    /** The web facade over the store: the public face of the graph. */
    private Facade startFacade(Store opened, PrintWriter out, Map<String, Defaults.Resolved> files, TrustedProxies proxies) {
        Facade facade = Facade.start(new FacadeConfig(opened, host, port, files.get("queries").path(), files.get("ontology").path())
                .withQueryTimeout(Duration.ofSeconds(queryTimeoutSeconds))
                .withConcurrency(maxQueries, Math.max(1, maxQueries / 4))
                .withReadTimeouts(Duration.ofSeconds(headerTimeoutSeconds), Duration.ofSeconds(bodyTimeoutSeconds))
                .withOrigin(publicBase, proxies));
        out.println("Facade: http://" + host + ":" + facade.port() + "/  (SPARQL: /sparql, API: /api/docs)");
        return facade;
    }

    /** Every file serve reads, resolved once: option, else the working directory's folder, else the jar. */
    private Map<String, Defaults.Resolved> files() {
        Map<String, Defaults.Resolved> files = new LinkedHashMap<>();
        if (!store.remote()) {
            files.put("store configuration", Defaults.resolve(store.config, Defaults.FUSEKI_CONFIG));
        }
        files.put("ontology", Defaults.resolve(ontology, Defaults.ONTOLOGY));
        files.put("queries", Defaults.resolve(queries, Defaults.QUERIES));
        files.put("seeds", Defaults.resolve(seeds, Defaults.SEEDS));
        return files;
    }

    /** "ontology, queries from the jar; seeds from ./seeds": one line, grouped by where they came from. */
    static String describe(Map<String, Defaults.Resolved> files) {
        List<String> parts = new ArrayList<>();
        List<String> fromJar = new ArrayList<>();
        files.forEach((name, resolved) -> {
            switch (resolved.origin()) {
                case JAR -> fromJar.add(name);
                case WORKING_DIRECTORY -> parts.add(name + " from ./" + resolved.path());
                case GIVEN -> parts.add(name + " from " + resolved.path());
            }
        });
        if (!fromJar.isEmpty()) {
            parts.add(String.join(", ", fromJar) + " from the jar");
        }
        return String.join("; ", parts);
    }

    private static String names(List<Path> reports) {
        if (reports.isEmpty()) {
            return "no reports";
        }
        List<String> names = reports.stream().map(r -> String.valueOf(r.getFileName())).toList();
        return names.size() <= 3 ? String.join(", ", names) : names.size() + " reports";
    }

    /** A running serve: closing stops the facade, then the store (removing a temporary data directory). */
    static final class Running implements AutoCloseable {
        private final Store store;
        private final Facade facade;
        private final CountDownLatch closed = new CountDownLatch(1);

        Running(Store store, Facade facade) {
            this.store = store;
            this.facade = facade;
        }

        Store store() {
            return store;
        }

        /** The port the web facade listens on (the one asked for, or the free one taken for port 0). */
        int facadePort() {
            return facade.port();
        }

        void awaitClose() throws InterruptedException {
            closed.await();
        }

        @Override
        public synchronized void close() {
            if (closed.getCount() == 0) {
                return;
            }
            try {
                facade.close();
            } catch (Exception e) {
                System.err.println("actiegraaf serve: stopping the facade: " + e.getMessage());
            } finally {
                store.close();
                closed.countDown();
            }
        }
    }
}
