package nl.actiegraaf.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the tests' standalone stores ({@link StandaloneFuseki}, {@link StandaloneVirtuoso}: processes of their own) do alike. */
final class StandaloneProcess {
    private StandaloneProcess() {
    }

    /** A loopback port free now, for a server started next. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Returns once {@code uri} answers 200; fails with {@code name}'s log when the process ends or {@code limit} passes. */
    static void awaitOk(Process process, URI uri, Duration limit, String name, Callable<String> log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + log.call());
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200); // polling another process for its start, not timing anything
        }
        throw new IllegalStateException(name + " did not answer within " + limit + ": " + log.call());
    }

    /** Stops the process (SIGTERM, after {@code grace} SIGKILL) and removes its folder. */
    static void stop(Process process, Duration grace, Path dir) throws Exception {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
