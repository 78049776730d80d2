package nl.actiegraaf.web.api;

import io.javalin.config.JavalinConfig;

import nl.actiegraaf.web.FacadeConfig;
import nl.actiegraaf.web.WebContext;

/**
 * The query API as one of the facade's route modules ({@link nl.actiegraaf.web.RouteModule}):
 * {@code QueryApiModule::register} in {@code Facade.MODULES}. It reads the curated queries of
 * {@link FacadeConfig#queriesDir()} once, reaches the store through the facade's
 * {@link nl.actiegraaf.web.StoreClient} with the facade's query time limit, shares the facade's cap on queries running at once
 * ({@link nl.actiegraaf.web.QueryAdmission}), and describes {@link CoreRoutes#ALL} in the OpenAPI document.
 */
public final class QueryApiModule {
    private QueryApiModule() {
    }

    /** @throws QueryFileException "file:line: problem" when a query file cannot be served */
    public static void register(JavalinConfig config, WebContext context) {
        FacadeConfig facade = context.config();
        QueryApi.Settings defaults = QueryApi.Settings.defaults();
        QueryApi.Settings settings = new QueryApi.Settings(facade.queryTimeout(), defaults.maxLimit(),
                defaults.graphRowCap());
        QueryApi.load(facade.queriesDir(), context.store(), settings)
                .admittedBy(ctx -> context.admission().admit(ctx))
                .register(config, CoreRoutes.ALL);
    }
}
