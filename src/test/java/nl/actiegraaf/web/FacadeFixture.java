package nl.actiegraaf.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A real Fuseki holding the test sample (and the test ontology in its graph) and a real facade in
 * front of it, both on 127.0.0.1 and free ports, plus a plain JDK HTTP client.
 */
final class FacadeFixture implements AutoCloseable {
    static final Path SAMPLE = Path.of("src/test/resources/web/sample.trig");
    static final Path ONTOLOGY = Path.of("src/test/resources/web/ontology.ttl");

    final TestStore store;
    final Facade facade;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FacadeFixture(Duration queryTimeout) {
        this(queryTimeout, Duration.ofSeconds(8));
    }

    /** @param storeTimeout the store's own limit, so a test's runaway query never leaves it busy for long */
    FacadeFixture(Duration queryTimeout, Duration storeTimeout) {
        this(queryTimeout, storeTimeout, config -> config);
    }

    FacadeFixture(Duration queryTimeout, Duration storeTimeout, java.util.function.UnaryOperator<FacadeConfig> tune) {
        store = TestStore.start(dataset -> {
            dataset.getContext().set(ARQ.queryTimeout, Long.toString(storeTimeout.toMillis()));
            RDFParser.source(SAMPLE).parse(dataset);
            Graph ontology = GraphFactory.createDefaultGraph();
            RDFParser.source(ONTOLOGY).parse(ontology);
            ontology.find().forEach(t -> dataset.add(NodeFactory.createURI(Ontology.GRAPH),
                    t.getSubject(), t.getPredicate(), t.getObject()));
        });
        FacadeConfig config = new FacadeConfig(store.service(), "127.0.0.1", 0, null, ONTOLOGY)
                .withQueryTimeout(queryTimeout)
                .withLocalDataset(store.dataset()); // as serve runs: /sparql in-process, the rest over HTTP
        facade = Facade.start(tune.apply(config));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + facade.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        facade.close();
        store.close();
    }
}
