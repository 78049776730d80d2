package nl.actiegraaf.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * The public HTTP face of Actiegraaf: a Javalin server assembled from {@link RouteModule}s. It
 * only reads from the store; every route is in one of the modules listed in {@link #MODULES}.
 */
public final class Facade implements AutoCloseable {

    /** The route groups, in order. To add an API: add its {@code register} method here. */
    static final List<RouteModule> MODULES = List.of(
            HttpPolicy::register,
            HttpLimits::register,
            SparqlEndpoint::register,
            LinkedDataRoutes::register,
            DatasetRoutes::register,
            nl.actiegraaf.web.api.QueryApiModule::register,
            nl.actiegraaf.web.page.PageRoutes::register
    );

    private final Javalin app;

    private Facade(Javalin app) {
        this.app = app;
    }

    /** Starts the facade; returns once it accepts requests. */
    public static Facade start(FacadeConfig config) {
        JarResources.install();
        WebContext context = WebContext.of(config);
        Javalin app = Javalin.create(javalin -> configure(javalin, context));
        app.start(config.host(), config.port());
        return new Facade(app);
    }

    private static void configure(JavalinConfig javalin, WebContext context) {
        javalin.startup.showJavalinBanner = false;
        javalin.http.prefer405over404 = true;
        for (RouteModule module : MODULES) {
            module.register(javalin, context);
        }
    }

    /** The port the server listens on (the chosen one when the configuration said 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
