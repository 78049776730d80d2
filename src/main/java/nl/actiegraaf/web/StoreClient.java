package nl.actiegraaf.web;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.store.SparqlService;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;

/**
 * The facade's one way to the store, over HTTP (embedded and remote stores look the same). Two
 * styles: {@link #send} forwards a client's query text unchanged and hands back the response as a
 * stream, for the SPARQL endpoint; {@link #execution} runs a query the facade built itself through
 * Jena, for pages and APIs that need the answer as RDF terms.
 */
public final class StoreClient {
    private final SparqlService service;
    private final HttpClient http;
    private final Duration queryTimeout;

    public StoreClient(SparqlService service, Duration queryTimeout) {
        this.service = service;
        this.queryTimeout = queryTimeout;
        // One pool for all requests; never follow redirects: the store is a fixed, known address.
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public SparqlService service() {
        return service;
    }

    public HttpClient http() {
        return http;
    }

    /** The configured wall-clock limit of one query. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /**
     * Sends {@code queryText} as a SPARQL 1.1 Protocol form POST. The body of the answer is not
     * read: the caller streams it and must close it. Cancelling the returned future aborts the
     * exchange.
     */
    public CompletableFuture<HttpResponse<InputStream>> send(String queryText, List<String> defaultGraphs,
                                                             List<String> namedGraphs, String accept,
                                                             Duration timeout) {
        StringBuilder form = new StringBuilder("query=").append(encode(queryText));
        defaultGraphs.forEach(g -> form.append("&default-graph-uri=").append(encode(g)));
        namedGraphs.forEach(g -> form.append("&named-graph-uri=").append(encode(g)));
        HttpRequest.Builder request = HttpRequest.newBuilder(service.query())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8));
        if (accept != null && !accept.isBlank()) {
            request.header("Accept", accept);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** GET on {@code uri} (of the store) with an Accept header; the caller streams and closes the body. */
    public CompletableFuture<HttpResponse<InputStream>> get(URI uri, String accept, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * A Jena execution of a query the facade built (values already bound as RDF terms, see
     * {@link org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps}), limited in time.
     */
    public QueryExecution execution(Query query) {
        return QueryExecutionHTTP.service(service.query().toString())
                .httpClient(http)
                .query(query)
                .timeout(queryTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
