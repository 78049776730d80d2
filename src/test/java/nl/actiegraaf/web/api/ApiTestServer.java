package nl.actiegraaf.web.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.apache.jena.sparql.core.DatasetGraph;

import nl.actiegraaf.testsupport.TestFacade;
import nl.actiegraaf.web.FacadeConfig;

/** The query API tests' fronts, all {@link TestFacade}s: the API alone, or the whole facade. */
final class ApiTestServer {
    private ApiTestServer() {
    }

    /** The query API alone on a bare Javalin, over a TriG resource of the test class path; not started. */
    static TestFacade api(Path queries, String sampleResource, QueryApi.Settings settings, Consumer<QueryApi> created) {
        return TestFacade.with(TestFacade.trig(sampleResource)).queries(queries).apiOnly(settings, created);
    }

    /** Started: the query API alone. */
    static TestFacade start(Path queries, String sampleResource) {
        return start(queries, sampleResource, QueryApi.Settings.defaults(), api -> { });
    }

    static TestFacade start(Path queries, String sampleResource, QueryApi.Settings settings, Consumer<QueryApi> created) {
        return api(queries, sampleResource, settings, created).start();
    }

    /** Started: the whole facade (every route module), as the product runs it. */
    static TestFacade startFacade(Path queries, String sampleResource, Duration queryTimeout) {
        return startFacade(queries, sampleResource, config -> config.withQueryTimeout(queryTimeout));
    }

    static TestFacade startFacade(Path queries, String sampleResource, UnaryOperator<FacadeConfig> tune) {
        return TestFacade.with(TestFacade.trig(sampleResource)).queries(queries).tune(tune).start();
    }

    /** The whole facade over whatever {@code load} puts in the store; not started. */
    static TestFacade facadeWith(Path queries, Consumer<DatasetGraph> load, Duration queryTimeout) {
        return TestFacade.with(load).queries(queries).queryTimeout(queryTimeout);
    }

    static TestFacade startFacadeWith(Path queries, Consumer<DatasetGraph> load, Duration queryTimeout) {
        return facadeWith(queries, load, queryTimeout).start();
    }
}
