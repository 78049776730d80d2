package nl.actiegraaf.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built {@code target/actiegraaf.jar} run as a user runs it: {@code java -jar .../actiegraaf.jar serve ...}
 * as a process of its own, in a working directory of the test's choosing, its standard output and error
 * kept in files. {@link #start} returns once the facade has printed its URL and {@code /health} answers 200.
 */
public final class ServeProcess implements AutoCloseable {
    /** The jar Maven's package phase built (integration tests run after it). */
    public static final Path JAR = Path.of("target", "actiegraaf.jar").toAbsolutePath();
    private static final Pattern FACADE = Pattern.compile("Facade: (http://127\\.0\\.0\\.1:\\d+)/");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final URI base;

    private ServeProcess(Process process, Path stdout, Path stderr, URI base) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.base = base;
    }

    /** Starts {@code serve --port 0 ARGS...} in {@code workDir}; its output goes to files in {@code logDir}. */
    public static ServeProcess start(Path workDir, Path logDir, Duration timeout, String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn package (the integration tests run after it)");
        }
        Files.createDirectories(logDir);
        Path out = Files.createTempFile(logDir, "serve-", ".out");
        Path err = Files.createTempFile(logDir, "serve-", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            URI base = null;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("serve ended with " + process.exitValue() + ": " + Files.readString(out) + Files.readString(err));
                }
                if (base == null) {
                    Matcher facade = FACADE.matcher(Files.readString(out));
                    if (facade.find()) {
                        base = URI.create(facade.group(1) + "/");
                    }
                } else {
                    try {
                        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("health"))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        if (health.statusCode() == 200) {
                            return new ServeProcess(process, out, err, base);
                        }
                    } catch (IOException notYet) {
                        // the port is printed once it listens; a refused connection means not yet
                    }
                }
                Thread.sleep(200); // polling another process for its start, not timing anything
            }
            throw new AssertionError("serve did not answer /health within " + timeout + ": " + Files.readString(out) + Files.readString(err));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public URI base() {
        return base;
    }

    public String stdout() throws IOException {
        return Files.readString(stdout);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Stops it as a service manager or Ctrl+C would (SIGTERM); returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
