package nl.actiegraaf.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.sparql.exec.http.Params;

/**
 * A store's SPARQL 1.1 Protocol query endpoint as HTTP: its own answer, unread, so that a facade can pass
 * the bytes on when it would not change them (reading them into Jena and writing them again cost a remote
 * store's {@code /sparql} 1.7-2x the time of passing them on: bench/README.md). Only a store reached over
 * HTTP has one ({@link Store#queryBytes()}).
 */
public interface QueryBytes {
    /**
     * Sends the protocol request {@code params} ({@code query} and any others) as an HTML form POST, the one
     * POST every SPARQL 1.1 store takes, asking for {@code accept}; waits at most {@code wait} for the status
     * line and headers. The body is the caller's to read and close: closing it early ends the exchange, and
     * with it the store's work on the answer.
     */
    HttpResponse<InputStream> send(Params params, String accept, Duration wait) throws IOException, InterruptedException;
}
