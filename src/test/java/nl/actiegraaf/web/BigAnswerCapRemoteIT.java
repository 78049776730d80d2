package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.StoreOverHttp;

/** The remote-store suite: {@link BigAnswerCapIT}'s checks with the facade reaching its store over HTTP ({@code serve --endpoint}). */
@StoreOverHttp
class BigAnswerCapRemoteIT extends BigAnswerCapIT {
}
