package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.StoreOverHttp;

/** The remote-store suite: {@link StreamCutIT}'s checks with the facade reaching its store over HTTP ({@code serve --endpoint}). */
@StoreOverHttp
class StreamCutRemoteIT extends StreamCutIT {
}
