package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.StoreOverHttp;

/** The remote-store suite: the W3C protocol tests with the facade reaching its store over HTTP ({@code serve --endpoint}). */
@StoreOverHttp
class SparqlProtocolManifestRemoteIT extends SparqlProtocolManifestIT {
}
