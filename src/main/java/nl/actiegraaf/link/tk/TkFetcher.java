package nl.actiegraaf.link.tk;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fetches the pages of the requests from the gegevensmagazijn, politely: one request at a time with a
 * pause between them, {@code 429}/{@code 503} waited out as {@code Retry-After} says (up to a limit),
 * a time limit per request, and every page that read cleanly kept on disk under the hash of its URL,
 * so a second run asks nothing it already has (and works offline). A request that fails stops only
 * its own chain of pages; the run goes on and the summary names it.
 */
public final class TkFetcher {
    /** A chain longer than this is no answer to a per-dossier request: stop rather than loop. */
    private static final int MAX_PAGES_PER_REQUEST = 200;

    public record Settings(URI base, Path cache, Duration timeout, Duration pause, int retries, Duration maxRetryAfter) {
    }

    public record Result(List<TkPage> pages, List<Finding> failures, int fromNetwork, int fromCache) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final PrintWriter progress;
    private final Sleeper sleeper;
    private long lastRequest;
    private int fromNetwork;
    private int fromCache;

    /** How the fetcher waits (the pause, Retry-After); a parameter so nothing else has to. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public TkFetcher(Settings settings, PrintWriter progress) {
        this(settings, progress, d -> Thread.sleep(d.toMillis()));
    }

    TkFetcher(Settings settings, PrintWriter progress, Sleeper sleeper) {
        this.settings = settings;
        this.progress = progress;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Result fetch(List<URI> requests) throws InterruptedException {
        try {
            Files.createDirectories(settings.cache());
        } catch (IOException e) {
            throw new TkPageException(settings.cache() + ": cannot create the cache folder: " + e.getMessage());
        }
        List<TkPage> pages = new ArrayList<>();
        List<Finding> failures = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            URI next = requests.get(r);
            Set<URI> seen = new HashSet<>();
            for (int page = 1; next != null; page++) {
                String label = "request " + (r + 1) + "/" + requests.size() + " (" + TkApi.describe(requests.get(r)) + ") page " + page;
                if (!seen.add(next) || page > MAX_PAGES_PER_REQUEST) {
                    failures.add(new Finding(Finding.Kind.FAILED, label, "the next links go round in circles or never end; stopped"));
                    break;
                }
                TkPage read;
                try {
                    read = get(next, label);
                } catch (TkPageException e) {
                    failures.add(new Finding(Finding.Kind.FAILED, label, e.getMessage()));
                    progress.println("  " + label + ": failed: " + e.getMessage());
                    progress.flush();
                    break;
                }
                pages.add(read);
                next = nextLink(read, label, failures);
            }
        }
        return new Result(List.copyOf(pages), List.copyOf(failures), fromNetwork, fromCache);
    }

    /** The next page, only when it lies under the configured base: a link elsewhere is not followed. */
    private URI nextLink(TkPage page, String label, List<Finding> failures) {
        if (page.nextLink() == null) {
            return null;
        }
        try {
            URI next = settings.base().resolve(page.nextLink());
            if (next.toString().startsWith(settings.base().toString())) {
                return next;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        failures.add(new Finding(Finding.Kind.FAILED, label, "@odata.nextLink " + page.nextLink()
                + " does not lie under " + settings.base() + "; not followed"));
        return null;
    }

    private TkPage get(URI uri, String label) throws InterruptedException {
        Path cached = settings.cache().resolve(hash(uri.toString()) + ".json");
        if (Files.isRegularFile(cached)) {
            try {
                TkPage page = TkPageReader.read(Files.readAllBytes(cached), cached.getFileName().toString());
                fromCache++;
                progress.println("  " + label + ": " + page.documents().size() + " document(s) from the cache");
                progress.flush();
                return page;
            } catch (IOException | TkPageException e) {
                progress.println("  " + label + ": cached copy unreadable, fetching again (" + e.getMessage() + ")");
            }
        }
        byte[] body = download(uri, label);
        TkPage page = TkPageReader.read(body, "answer");
        store(cached, uri, body);
        fromNetwork++;
        progress.println("  " + label + ": " + page.documents().size() + " document(s)");
        progress.flush();
        return page;
    }

    private byte[] download(URI uri, String label) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json").GET().build();
        int attempt = 0;
        while (true) {
            attempt++;
            pause();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException e) {
                if (attempt > settings.retries()) {
                    throw new TkPageException("no answer within " + settings.timeout().toSeconds() + " s (" + attempt + " attempt(s))");
                }
                progress.println("  " + label + ": no answer within " + settings.timeout().toSeconds() + " s, trying again");
                continue;
            } catch (IOException e) {
                if (attempt > settings.retries()) {
                    throw new TkPageException("cannot reach " + uri.getHost() + ": " + e.getMessage());
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if ((status == 429 || status == 503) && attempt <= settings.retries()) {
                Duration wait = retryAfter(response).orElse(Duration.ofSeconds(5));
                if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                    throw new TkPageException("HTTP " + status + ": asked to wait " + wait.toSeconds() + " s, more than "
                            + settings.maxRetryAfter().toSeconds() + " s; try again later");
                }
                progress.println("  " + label + ": HTTP " + status + ", waiting " + wait.toSeconds() + " s as asked (Retry-After)");
                progress.flush();
                sleeper.sleep(wait);
                continue;
            }
            throw new TkPageException("HTTP " + status);
        }
    }

    /** Keeps the pause between two requests, counted from the start of the previous one. */
    private void pause() throws InterruptedException {
        long now = System.nanoTime();
        long due = lastRequest + settings.pause().toNanos();
        if (lastRequest != 0 && due > now) {
            sleeper.sleep(Duration.ofNanos(due - now));
        }
        lastRequest = System.nanoTime();
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** Written beside under a temporary name, then moved: a killed run never leaves half a page. */
    private void store(Path cached, URI uri, byte[] body) {
        try {
            Path temporary = Files.createTempFile(settings.cache(), "page", ".tmp");
            Files.write(temporary, body);
            Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(settings.cache().resolve(cached.getFileName().toString().replace(".json", ".url")),
                    uri + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            progress.println("  cannot keep the page in " + settings.cache() + ": " + e.getMessage());
        }
    }

    static String hash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
