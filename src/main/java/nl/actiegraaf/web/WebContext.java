package nl.actiegraaf.web;

/**
 * What route modules share: the configuration, the one way to the store ({@link StoreClient}, over the
 * store's link) and the fair-share cap on queries running at once (for every route that sends
 * client-chosen work to the store), and who the client is and where the site is ({@link ClientOrigin}: the
 * one place that reads forwarding headers and decides the base of absolute URLs).
 */
public record WebContext(FacadeConfig config, StoreClient store, QueryAdmission admission, ClientOrigin origin) {

    static WebContext of(FacadeConfig config) {
        ClientOrigin origin = new ClientOrigin(config.trustedProxies(), config.publicBase(), config.host());
        return new WebContext(config, new StoreClient(config.store(), config.queryTimeout()),
                new QueryAdmission(config.maxRunningQueries(), config.maxRunningQueriesPerClient(), origin::address),
                origin);
    }
}
