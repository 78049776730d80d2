package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;

/**
 * One group of routes of the facade. Javalin 7 declares routes in the configuration, so a module
 * adds its routes to {@code config.routes} and keeps whatever it needs from {@link WebContext}.
 * {@link Facade} lists the modules; adding an API is one line there, for example
 * {@code QueryApiModule::register}.
 */
@FunctionalInterface
public interface RouteModule {
    void register(JavalinConfig config, WebContext context);
}
