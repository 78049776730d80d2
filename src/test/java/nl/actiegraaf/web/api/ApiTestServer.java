package nl.actiegraaf.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

import io.javalin.Javalin;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;

import nl.actiegraaf.vocab.AG;
import nl.actiegraaf.store.SparqlService;
import nl.actiegraaf.web.Facade;
import nl.actiegraaf.web.FacadeConfig;

/**
 * A real store and a real front for the tests: Fuseki in-process on 127.0.0.1 (free port) over an
 * in-memory TDB2 dataset whose default graph is the union of its named graphs, with a Lucene text
 * index over labels and texts; in front of it on 127.0.0.1 (free port) either a bare Javalin with
 * the query API's routes or the whole facade.
 */
final class ApiTestServer implements AutoCloseable {
    private static final String TEXT = "https://w3id.org/actiegraaf/def#tekst";

    final FusekiServer fuseki;
    final AutoCloseable front;
    final IntSupplier port;
    final DatasetGraph dataset;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiTestServer(FusekiServer fuseki, AutoCloseable front, IntSupplier port, DatasetGraph dataset) {
        this.fuseki = fuseki;
        this.front = front;
        this.port = port;
        this.dataset = dataset;
    }

    /** The query API alone on a bare Javalin. */
    static ApiTestServer start(Path queries, String sampleResource) {
        return start(queries, sampleResource, QueryApi.Settings.defaults());
    }

    static ApiTestServer start(Path queries, String sampleResource, QueryApi.Settings settings) {
        return start(queries, sampleResource, settings, api -> { });
    }

    /** As {@link #start(Path, String, QueryApi.Settings)}, handing the API to {@code created} before it serves. */
    static ApiTestServer start(Path queries, String sampleResource, QueryApi.Settings settings, Consumer<QueryApi> created) {
        return start(queries, sampleResource, settings, created, false);
    }

    /** @param inProcess run the queries in this JVM against the store's dataset (as over the embedded store), not over HTTP */
    static ApiTestServer start(Path queries, String sampleResource, QueryApi.Settings settings, Consumer<QueryApi> created,
            boolean inProcess) {
        return start(sample(sampleResource), (store, dataset) -> {
            QueryApi api = QueryApi.load(queries, store, settings, null, inProcess ? dataset : null);
            created.accept(api);
            Javalin app = Javalin.create(api::register).start("127.0.0.1", 0);
            return new Front(app::stop, app::port);
        });
    }

    /** The whole facade (web.Facade with every route module), as the product runs it. */
    static ApiTestServer startFacade(Path queries, String sampleResource, Duration queryTimeout) {
        return startFacade(queries, sampleResource, config -> config.withQueryTimeout(queryTimeout));
    }

    static ApiTestServer startFacade(Path queries, String sampleResource, UnaryOperator<FacadeConfig> tune) {
        return start(sample(sampleResource), (store, dataset) -> {
            Facade facade = Facade.start(tune.apply(new FacadeConfig(store, "127.0.0.1", 0, queries, null)));
            return new Front(facade::close, facade::port);
        });
    }

    /** The whole facade over whatever {@code load} puts in the store. */
    static ApiTestServer startFacadeWith(Path queries, Consumer<DatasetGraph> load, Duration queryTimeout) {
        return startFacadeWith(queries, load, queryTimeout, false);
    }

    /** @param inProcess the facade runs queries in this JVM against the store's dataset, as {@code serve} does */
    static ApiTestServer startFacadeWith(Path queries, Consumer<DatasetGraph> load, Duration queryTimeout, boolean inProcess) {
        return start(load, (store, dataset) -> {
            Facade facade = Facade.start(new FacadeConfig(store, "127.0.0.1", 0, queries, null)
                    .withQueryTimeout(queryTimeout).withLocalDataset(inProcess ? dataset : null));
            return new Front(facade::close, facade::port);
        });
    }

    private record Front(AutoCloseable close, IntSupplier port) {
    }

    private static Consumer<DatasetGraph> sample(String resource) {
        return dataset -> {
            try (InputStream in = ApiTestServer.class.getResourceAsStream(resource)) {
                RDFParser.source(in).lang(Lang.TRIG).parse(dataset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static ApiTestServer start(Consumer<DatasetGraph> load, BiFunction<SparqlService, DatasetGraph, Front> front) {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        // As fuseki-config/actiegraaf.ttl: one field per property, "label" by default, Dutch analyser.
        EntityDefinition entities = new EntityDefinition("uri", "label", RDFS.label.asNode());
        entities.set("prefLabel", SKOS.prefLabel.asNode());
        entities.set("altLabel", SKOS.altLabel.asNode());
        entities.set("omschrijving", AG.omschrijving);
        entities.set("standVanZaken", AG.standVanZaken);
        entities.set("tekst", org.apache.jena.graph.NodeFactory.createURI(TEXT));
        entities.setUidField("uid");
        entities.setLangField("lang");
        TextIndexConfig indexConfig = new TextIndexConfig(entities);
        indexConfig.setAnalyzer(new DutchAnalyzer());
        indexConfig.setValueStored(true);
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), indexConfig);
        DatasetGraph dataset = TextDatasetFactory.create(tdb, index, true);
        // The store ends runaway queries itself too, so a test never leaves it busy.
        dataset.getContext().set(ARQ.queryTimeout, "4000");
        Txn.executeWrite(dataset, () -> load.accept(dataset));
        FusekiServer fuseki = FusekiServer.create().loopback(true).port(0).add("/ds", dataset, false).build().start();
        SparqlService store = new SparqlService(URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/query"),
                URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/data"));
        try {
            Front started = front.apply(store, dataset);
            return new ApiTestServer(fuseki, started.close(), started.port(), dataset);
        } catch (RuntimeException e) {
            fuseki.stop();
            throw e;
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            front.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            fuseki.stop();
        }
    }
}
