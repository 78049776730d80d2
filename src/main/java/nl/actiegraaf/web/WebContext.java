package nl.actiegraaf.web;

/**
 * What route modules share: the configuration and one client of the store (one HTTP connection
 * pool for the whole facade).
 */
public record WebContext(FacadeConfig config, StoreClient store) {
}
