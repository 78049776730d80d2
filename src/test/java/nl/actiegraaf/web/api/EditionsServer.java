package nl.actiegraaf.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import nl.actiegraaf.rdf.ReportConverter;
import nl.actiegraaf.store.GraphSource;
import nl.actiegraaf.store.RdfFileSource;
import nl.actiegraaf.store.ReportSource;
import nl.actiegraaf.vocab.Iris;
import nl.actiegraaf.testsupport.TestFacade;

/**
 * The product as {@code serve} runs it, over editions: the embedded store (project configuration, text
 * index) loaded with the ontology, the registers and the given reports, converted and loaded as
 * {@code load} does (current state and changes derived at load), and the whole facade in front of it
 * ({@link TestFacade}), reading through the one store link as {@code serve} does. The reports: the real seed (June 2021) and the made-up ones under
 * {@code src/test/resources/nl/actiegraaf/editions/} (an October 2021 POK edition, another series).
 */
final class EditionsServer implements AutoCloseable {
    static final Path SEED = Path.of("seeds", "stand-van-zaken-pok-2021.txt");
    static final Path OCTOBER = Path.of("src/test/resources/nl/actiegraaf/editions/stand-van-zaken-pok-2021-10.txt");
    static final Path OTHER_SERIES = Path.of("src/test/resources/nl/actiegraaf/editions/voortgang-herstelreeks-2021.txt");
    /** The series of {@link #OTHER_SERIES}: the slug of its title. */
    static final String OTHER = "voortgangsrapportage-fictieve-herstelreeks";

    private final TestFacade facade;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EditionsServer(TestFacade facade) {
        this.facade = facade;
    }

    /** Started over a store in a temporary folder (removed at {@link #close()}) loaded with {@code reports}. */
    static EditionsServer start(Path... reports) {
        List<GraphSource> sources = new ArrayList<>();
        sources.add(new RdfFileSource(Path.of("ontology/actiegraaf.ttl"), Iris.ONTOLOGIE_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        sources.add(new RdfFileSource(Path.of("seeds/organisaties.ttl"), Iris.ORGANISATIES_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        sources.add(new RdfFileSource(Path.of("seeds/kamerleden.ttl"), Iris.KAMERLEDEN_GRAPH, RdfFileSource.DEFAULT_MAX_BYTES));
        for (Path report : reports) {
            sources.add(new ReportSource(report, ReportConverter.standard()::convert));
        }
        return new EditionsServer(TestFacade.loadedBy(store -> store.load(sources))
                .queries(Path.of("queries")).ontology(Path.of("ontology/actiegraaf.ttl")).start());
    }

    URI uri(String pathAndQuery) {
        return facade.uri(pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        facade.close();
    }
}
