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

import io.javalin.Javalin;

import org.apache.jena.fuseki.main.FusekiServer;
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
import org.apache.lucene.store.ByteBuffersDirectory;

import nl.actiegraaf.rdf.AG;
import nl.actiegraaf.store.SparqlService;

/**
 * A real store and a real facade for the tests: Fuseki in-process on 127.0.0.1 (free port) over an
 * in-memory TDB2 dataset whose default graph is the union of its named graphs, with a Lucene text
 * index over labels and texts; Javalin on 127.0.0.1 (free port) with the query API's routes.
 */
final class ApiTestServer implements AutoCloseable {
    private static final String TEXT = "https://w3id.org/actiegraaf/def#tekst";

    final FusekiServer fuseki;
    final Javalin app;
    final QueryApi api;
    final DatasetGraph dataset;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApiTestServer(FusekiServer fuseki, Javalin app, QueryApi api, DatasetGraph dataset) {
        this.fuseki = fuseki;
        this.app = app;
        this.api = api;
        this.dataset = dataset;
    }

    static ApiTestServer start(Path queries, String sampleResource) {
        return start(queries, sampleResource, QueryApi.Settings.defaults());
    }

    static ApiTestServer start(Path queries, String sampleResource, QueryApi.Settings settings) {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        EntityDefinition entities = new EntityDefinition("uri", "text");
        for (org.apache.jena.graph.Node predicate : new org.apache.jena.graph.Node[] {RDFS.label.asNode(),
                SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), AG.omschrijving, AG.standVanZaken,
                org.apache.jena.graph.NodeFactory.createURI(TEXT)}) {
            entities.set("text", predicate);
        }
        TextIndex index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), new TextIndexConfig(entities));
        DatasetGraph dataset = TextDatasetFactory.create(tdb, index, true);
        try (InputStream in = ApiTestServer.class.getResourceAsStream(sampleResource)) {
            Txn.executeWrite(dataset, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dataset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FusekiServer fuseki = FusekiServer.create().loopback(true).port(0).add("/ds", dataset, false).build().start();
        SparqlService store = new SparqlService(URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/query"),
                URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/data"));
        QueryApi api;
        Javalin app;
        try {
            api = QueryApi.load(queries, store, settings);
            app = Javalin.create(api::register).start("127.0.0.1", 0);
        } catch (RuntimeException e) {
            fuseki.stop();
            throw e;
        }
        return new ApiTestServer(fuseki, app, api, dataset);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
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
        app.stop();
        fuseki.stop();
    }
}
