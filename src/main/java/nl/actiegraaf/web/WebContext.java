package nl.actiegraaf.web;

/**
 * What route modules share: the configuration, the one way to the store ({@link StoreClient}, over the
 * store's link) and the fair-share cap on queries running at once (for every route that sends
 * client-chosen work to the store).
 */
public record WebContext(FacadeConfig config, StoreClient store, QueryAdmission admission) {

    static WebContext of(FacadeConfig config) {
        return new WebContext(config, new StoreClient(config.store(), config.queryTimeout()),
                new QueryAdmission(config.maxRunningQueries(), config.maxRunningQueriesPerClient()));
    }
}
