package nl.actiegraaf.web.api;

import nl.actiegraaf.testsupport.StoreOverHttp;

/** The remote-store suite: {@link QueryApiIT}'s checks with the API reaching its store over HTTP ({@code serve --endpoint}). */
@StoreOverHttp
class QueryApiRemoteIT extends QueryApiIT {
}
