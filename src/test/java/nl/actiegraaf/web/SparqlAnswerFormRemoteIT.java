package nl.actiegraaf.web;

import nl.actiegraaf.testsupport.StoreOverHttp;

/**
 * The remote-store suite: {@link SparqlAnswerFormIT}'s checks (the row cap's header only on a cut answer, the
 * format parameters) with the facade reaching its store over HTTP, where answers within the cap are relayed.
 */
@StoreOverHttp
class SparqlAnswerFormRemoteIT extends SparqlAnswerFormIT {
}
