package nl.actiegraaf.store;

import java.net.URI;

/**
 * Where the facade finds the store: a SPARQL 1.1 query endpoint and a Graph Store Protocol
 * endpoint, over HTTP. The embedded Fuseki and a standalone one (or any SPARQL 1.1 store) look the
 * same through this, so the facade never knows which it talks to.
 *
 * @param query the SPARQL 1.1 Protocol query endpoint, for example {@code http://127.0.0.1:3330/actiegraaf/query}
 * @param graphStore the Graph Store Protocol endpoint, for example {@code http://127.0.0.1:3330/actiegraaf/data}
 */
public record SparqlService(URI query, URI graphStore) {
}
