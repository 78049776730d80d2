package nl.actiegraaf.web;

import java.time.Duration;

/**
 * The facade's time limit, passed on to the store as Fuseki's {@code timeout} parameter (whole seconds;
 * Fuseki takes the smaller of it and its own {@code arq:queryTimeout}). Cutting the HTTP exchange at
 * the limit ends the client's wait, but an aggregate such as {@code COUNT(*)} over a cross product
 * writes nothing until it is done, so the store would not notice the cut and would go on working until
 * its own, longer limit, slowing every other client down (found by HostileClientsIT).
 */
final class StoreTimeout {
    private StoreTimeout() {
    }

    /** The limit rounded up to whole seconds: the store stops at most a second after the facade. */
    static String seconds(Duration limit) {
        return Long.toString(Math.max(1, (limit.toMillis() + 999) / 1000));
    }
}
