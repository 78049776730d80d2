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
            AccessLog::register,
            HttpPolicy::register,
            BadRequestLog::register,
            HttpLimits::register,
            ProtocolChecks::register,
            HeadAsGet::register,
            ResourcePathLimit::register,
            SparqlEndpoint::register,
            // Before the linked data: its /id/<path> would take /id/actie/{series}/{n}/feed.atom.
            nl.actiegraaf.web.feed.FeedRoutes::register,
            LinkedDataRoutes::register,
            DatasetRoutes::register,
            nl.actiegraaf.web.api.QueryApiModule::register,
            nl.actiegraaf.web.page.PageRoutes::register
    );

    private final Javalin app;
    private final StoreClient store;
    private final QueryAdmission admission;

    private Facade(Javalin app, StoreClient store, QueryAdmission admission) {
        this.app = app;
        this.store = store;
        this.admission = admission;
    }

    /**
     * Work of {@link #start} that needs neither the store nor the configuration, so it can run ahead
     * in another thread while the store opens (its results are the JVM's, kept for {@code start}):
     * opening the application jar's zip file system for the static files ({@link JarResources}).
     */
    public static void prepare() {
        JarResources.open("web/index.html");
    }

    /** Starts the facade; returns once it accepts requests. */
    public static Facade start(FacadeConfig config) {
        JarResources.install();
        nl.actiegraaf.querylimits.QueryLimits.install();
        WebContext context = WebContext.of(config);
        try {
            Javalin app = Javalin.create(javalin -> configure(javalin, context));
            app.start(config.host(), config.port());
            return new Facade(app, context.store(), context.admission());
        } catch (RuntimeException e) {
            context.store().close();
            throw e;
        }
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

    /** Query places held now (the fair share's count, {@link QueryAdmission}). */
    public int queryPlacesHeld() {
        return admission.held();
    }

    /** The fair share of query places, for what it holds now. */
    public QueryAdmission admission() {
        return admission;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            store.close();
        }
    }
}
