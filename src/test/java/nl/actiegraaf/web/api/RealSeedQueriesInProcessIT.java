package nl.actiegraaf.web.api;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every example of {@link RealSeedQueriesIT} again, with the facade running the curated queries in this
 * JVM against the store's dataset, as {@code serve} does over the embedded store: same answers as over HTTP.
 */
class RealSeedQueriesInProcessIT extends RealSeedQueriesIT {

    @BeforeAll
    static void start() { // hides the superclass's start: this one alone runs
        server = ApiTestServer.startFacadeWith(Path.of("queries"), RealSeedQueriesIT::loadSeed, Duration.ofSeconds(10), true);
    }
}
