package nl.actiegraaf.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.javalin.Javalin;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import nl.actiegraaf.store.EmbeddedStore;
import nl.actiegraaf.store.FusekiConfigFile;
import nl.actiegraaf.store.RemoteStore;
import nl.actiegraaf.store.SparqlService;
import nl.actiegraaf.store.Store;
import nl.actiegraaf.web.Facade;
import nl.actiegraaf.web.FacadeConfig;
import nl.actiegraaf.web.StoreClient;
import nl.actiegraaf.web.api.QueryApi;

/**
 * The one test assembly of a store and the facade in front of it, as {@code serve} builds them: the store
 * from {@code fuseki-config/actiegraaf.ttl} (TDB2 and its text index, in a temporary directory), the data
 * the test gives, and {@link Facade#start} over the store's link, on 127.0.0.1 and free ports. A JUnit 5
 * extension ({@code @RegisterExtension static final TestFacade web = TestFacade.with(...)}: started before
 * the class's tests, closed after them) or a plain resource ({@code try (TestFacade t = ....start())}).
 * On a class annotated {@link StoreOverHttp}, or with {@link #overHttp()}, the facade reaches the same store
 * over HTTP, through Fuseki's own endpoint.
 */
public final class TestFacade implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private final Consumer<EmbeddedStore> data;
    private Path queries;
    private Path ontology;
    private UnaryOperator<FacadeConfig> tune = config -> config;
    private Consumer<QueryApi> apiOnly;
    private QueryApi.Settings apiSettings = QueryApi.Settings.defaults();
    private boolean overHttp;
    private boolean askedOverHttp;
    private Function<SparqlService, Store> connect = service -> RemoteStore.connect(service.query(), service.graphStore());

    private EmbeddedStore embedded;
    private Store store;
    private AutoCloseable front;
    private Facade facade;
    private int port;
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestFacade(Consumer<EmbeddedStore> data) {
        this.data = data;
    }

    /** A store holding what {@code load} writes (in one write transaction of its dataset). */
    public static TestFacade with(Consumer<DatasetGraph> load) {
        return new TestFacade(store -> Txn.executeWrite(store.dataset(), () -> load.accept(store.dataset())));
    }

    /** A store loaded the way {@code load} and {@code serve} load it ({@link Store#load}). */
    public static TestFacade loadedBy(Consumer<EmbeddedStore> load) {
        return new TestFacade(load);
    }

    /** A TriG file of the test class path, as {@code with}'s data. */
    public static Consumer<DatasetGraph> trig(String resource) {
        return dataset -> {
            try (InputStream in = TestFacade.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException(resource + ": not on the test class path");
                }
                RDFParser.source(in).lang(Lang.TRIG).parse(dataset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The curated queries' folder (default: none). */
    public TestFacade queries(Path dir) {
        this.queries = dir;
        return this;
    }

    /** The ontology file served at /def (default: none, read from the store). */
    public TestFacade ontology(Path file) {
        this.ontology = file;
        return this;
    }

    /** Changes to the facade's configuration (time limit, concurrency). */
    public TestFacade tune(UnaryOperator<FacadeConfig> change) {
        this.tune = change;
        return this;
    }

    public TestFacade queryTimeout(Duration limit) {
        UnaryOperator<FacadeConfig> before = tune;
        this.tune = config -> before.apply(config).withQueryTimeout(limit);
        return this;
    }

    /** Only the query API's routes, on a bare Javalin, with {@code created} handed the API before it serves. */
    public TestFacade apiOnly(QueryApi.Settings settings, Consumer<QueryApi> created) {
        this.apiSettings = settings;
        this.apiOnly = created;
        return this;
    }

    /** Reach the store over HTTP (Fuseki's endpoint), as a facade in front of a remote store does. */
    public TestFacade overHttp() {
        this.askedOverHttp = true;
        this.overHttp = true;
        return this;
    }

    /**
     * Reach the store over HTTP through {@code connect}, given the endpoints of the store's Fuseki (for a proxy
     * in between, or a store that reaches it otherwise); default {@link RemoteStore#connect(java.net.URI, java.net.URI)}.
     */
    public TestFacade overHttp(Function<SparqlService, Store> connect) {
        this.connect = connect;
        return overHttp();
    }

    /** Opens the store, loads it and starts the front; returns this. */
    public TestFacade start() {
        embedded = EmbeddedStore.open(FusekiConfigFile.DEFAULT, null, 0);
        try {
            data.accept(embedded);
            if (overHttp) {
                embedded.start();
                store = connect.apply(embedded.service());
            } else {
                store = embedded;
            }
            FacadeConfig config = tune.apply(new FacadeConfig(store, "127.0.0.1", 0, queries, ontology));
            if (apiOnly != null) {
                StoreClient client = new StoreClient(store, config.queryTimeout());
                QueryApi api = QueryApi.load(queries, client, apiSettings);
                apiOnly.accept(api);
                Javalin app = Javalin.create(api::register).start("127.0.0.1", 0);
                front = () -> {
                    app.stop();
                    client.close();
                };
                port = app.port();
            } else {
                facade = Facade.start(config);
                front = facade;
                port = facade.port();
            }
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A static extension is shared by a class and its @StoreOverHttp subclass: decided per class.
        overHttp = askedOverHttp || context.getRequiredTestClass().isAnnotationPresent(StoreOverHttp.class);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The embedded store the data lives in (over HTTP too: the remote store is its Fuseki endpoint). */
    public EmbeddedStore embedded() {
        return embedded;
    }

    /** The store the facade reads. */
    public Store store() {
        return store;
    }

    public DatasetGraph dataset() {
        return embedded.dataset();
    }

    public int port() {
        return port;
    }

    /** The running facade (null for {@link #apiOnly}). */
    public Facade facade() {
        return facade;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** GET with header name/value pairs. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GET with an Accept header (null: none). */
    public HttpResponse<String> accept(String pathAndQuery, String accept) {
        return accept == null ? get(pathAndQuery) : get(pathAndQuery, "Accept", accept);
    }

    /** POST {@code body} as {@code contentType}, with an Accept header (null: none). */
    public HttpResponse<String> post(String pathAndQuery, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (front != null) {
                front.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            front = null;
            facade = null;
            if (store != null && store != embedded) {
                store.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            store = null;
            embedded = null;
        }
    }
}
