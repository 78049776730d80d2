package nl.actiegraaf.web.api;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every example of {@link QueryApiIT} again (hostile values, 400s naming the parameter, paging, formats),
 * with the queries run in this JVM against the store's dataset instead of over HTTP.
 */
class QueryApiInProcessIT extends QueryApiIT {

    @BeforeAll
    static void start() { // hides the superclass's start: this one alone runs
        server = ApiTestServer.start(Path.of("queries"), "/webapi/sample.trig", QueryApi.Settings.defaults(), api -> { }, true);
    }
}
