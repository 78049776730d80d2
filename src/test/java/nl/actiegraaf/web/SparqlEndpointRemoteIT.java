package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.StoreOverHttp;

/** The remote-store suite: {@link SparqlEndpointIT}'s checks with the facade reaching its store over HTTP ({@code serve --endpoint}). */
@StoreOverHttp
class SparqlEndpointRemoteIT extends SparqlEndpointIT {
}
