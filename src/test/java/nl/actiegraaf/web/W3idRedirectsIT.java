package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.actiegraaf.testsupport.TestFacade;

/**
 * The w3id.org redirect rules of {@code docs/w3id/.htaccess}, in a real Apache (Debian's {@code apache2}) with
 * its own minimal configuration in {@code target/} on a free port: the file sits where the w3id.org
 * repository puts it ({@code /actiegraaf/.htaccess}, {@code AllowOverride All}, mod_rewrite and mod_headers
 * as there), every redirect is checked with a real HTTP client, and followed to the real facade (the rules'
 * {@code AG_BASE} line set to the test server) to show that the target answers in the format asked for.
 * Skipped with a message without apache2; under {@code CI=true} that fails ({@code .ci/run} installs it).
 */
class W3idRedirectsIT {
    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final Path RULES = Path.of("docs/w3id/.htaccess");
    private static final Pattern BASE_LINE = Pattern.compile("(?m)^RewriteRule \\^ - \\[E=AG_BASE:([^\\]]+)\\]$");

    @RegisterExtension
    static final TestFacade web = FacadeFixture.unstarted(Duration.ofSeconds(10), config -> config);

    private static Process apache;
    private static int port;
    private static String published;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startApache() throws Exception {
        boolean installed = Files.isExecutable(APACHE) && Files.isDirectory(MODULES);
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI needs Debian's apache2 (.ci/run installs it)");
        }
        assumeTrue(installed, "apache2 is not installed (apt-get install apache2): the w3id rules are not tested");
        String rules = Files.readString(RULES);
        Matcher base = BASE_LINE.matcher(rules);
        assertTrue(base.find(), "docs/w3id/.htaccess names the deployment in one AG_BASE line");
        published = base.group(1);
        Path root = Files.createDirectories(Path.of("target", "w3id-apache").toAbsolutePath());
        Path site = Files.createDirectories(root.resolve("htdocs/actiegraaf"));
        Files.createDirectories(root.resolve("logs"));
        // The rules as registered, with the deployment's address replaced by the test facade's.
        Files.writeString(site.resolve(".htaccess"), base.replaceFirst(Matcher.quoteReplacement(
                "RewriteRule ^ - [E=AG_BASE:http://127.0.0.1:" + web.port() + "]")));
        // Apache's children run as nobody when started as root: they must be able to read the rules.
        for (Path p = site; p != null; p = p.getParent()) {
            if (Files.getOwner(p).getName().equals(System.getProperty("user.name"))) {
                var perms = Files.getPosixFilePermissions(p);
                perms.addAll(PosixFilePermissions.fromString("r-xr-xr-x"));
                Files.setPosixFilePermissions(p, perms);
            }
        }
        Files.setPosixFilePermissions(site.resolve(".htaccess"), PosixFilePermissions.fromString("rw-r--r--"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path conf = root.resolve("httpd.conf");
        Files.writeString(conf, String.join("\n",
                "ServerRoot \"" + root + "\"",
                "Listen 127.0.0.1:" + port,
                "PidFile \"" + root.resolve("httpd.pid") + "\"",
                "ErrorLog \"" + root.resolve("logs/error.log") + "\"",
                "LogLevel warn",
                "LoadModule mpm_event_module " + MODULES.resolve("mod_mpm_event.so"),
                "LoadModule authz_core_module " + MODULES.resolve("mod_authz_core.so"),
                "LoadModule rewrite_module " + MODULES.resolve("mod_rewrite.so"),
                "LoadModule headers_module " + MODULES.resolve("mod_headers.so"),
                "User nobody",
                "Group nogroup",
                "ServerName localhost",
                "DocumentRoot \"" + root.resolve("htdocs") + "\"",
                "<Directory \"" + root.resolve("htdocs") + "\">",
                "  AllowOverride All",
                "  Require all granted",
                "</Directory>", ""));
        apache = new ProcessBuilder(APACHE.toString(), "-f", conf.toString(), "-DFOREGROUND")
                .redirectErrorStream(true).redirectOutput(root.resolve("logs/console.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                send("/", "*/*");
                break;
            } catch (IOException notYet) {
                // The message only when it stopped: until Apache has started, its error.log does not exist yet.
                assertTrue(apache.isAlive(), () -> "apache2 stopped: " + readIfThere(root.resolve("logs/console.log"))
                        + readIfThere(root.resolve("logs/error.log")));
                assertTrue(System.nanoTime() < until, "apache2 did not answer within 20 s");
                apache.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String readIfThere(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return file + ": " + e.getMessage();
        }
    }

    @AfterAll
    static void stopApache() throws InterruptedException {
        if (apache != null) {
            apache.destroy(); // SIGTERM: Apache stops its children and exits
            if (!apache.waitFor(10, TimeUnit.SECONDS)) {
                apache.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> send(String path, String accept) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", accept).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String facade() {
        return "http://127.0.0.1:" + web.port();
    }

    @ParameterizedTest(name = "{0} with Accept {1}")
    @CsvSource(delimiter = '|', value = {
            "/actiegraaf/id/actie/pok/12 | text/turtle                              | /id/actie/pok/12?format=ttl  | text/turtle",
            "/actiegraaf/id/actie/pok/12 | application/ld+json                      | /id/actie/pok/12?format=jsonld | application/ld+json",
            "/actiegraaf/id/actie/pok/12 | application/rdf+xml                      | /id/actie/pok/12?format=rdf  | application/rdf+xml",
            "/actiegraaf/id/actie/pok/12 | application/n-triples                    | /id/actie/pok/12?format=nt   | application/n-triples",
            "/actiegraaf/id/actie/pok/12 | text/html,application/xhtml+xml,*/*;q=0.8 | /id/actie/pok/12            | text/html",
            "/actiegraaf/id/actie/pok/12 | text/turtle;q=0.9, application/ld+json  | /id/actie/pok/12?format=ttl  | text/turtle",
            "/actiegraaf/def            | text/turtle                              | /def?format=ttl              | text/turtle",
            "/actiegraaf/def            | application/rdf+xml                      | /def?format=rdf              | application/rdf+xml",
            "/actiegraaf/def            | text/html                                | /def                         | text/html",
            "/actiegraaf/.well-known/void | text/turtle                            | /.well-known/void            | text/turtle",
            "/actiegraaf/               | text/html                                | /                            | text/html"})
    void eachIriIsRedirectedToItsRepresentation(String iri, String accept, String target, String mediaType) throws Exception {
        HttpResponse<String> redirect = send(iri, accept);
        assertEquals(303, redirect.statusCode(), redirect.body());
        assertEquals(facade() + target, redirect.headers().firstValue("Location").orElse(""));
        assertTrue(redirect.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        // Followed, as a client does: the server answers in the format asked for.
        HttpResponse<String> answer = web.get(target, "Accept", accept);
        assertEquals(200, answer.statusCode(), target + ": " + answer.body());
        assertEquals(mediaType, SparqlEndpoint.mediaType(answer.headers().firstValue("Content-Type").orElse("")));
    }

    @Test
    void aNamedGraphIsItsTriplesFromTheEndpoint() throws Exception {
        String graph = "rapport/stand-van-zaken-pok-2021";
        HttpResponse<String> redirect = send("/actiegraaf/graph/" + graph, "text/turtle");
        assertEquals(303, redirect.statusCode());
        String location = redirect.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(facade() + "/sparql?query="), location);
        HttpResponse<String> answer = web.get(location.substring(facade().length()), "Accept", "application/n-triples");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<https://w3id.org/actiegraaf/id/actie/pok/12>"), "the edition's triples");
        // Only plain graph names pass: nothing else is pasted into the query.
        assertEquals(404, send("/actiegraaf/graph/rapport%3E%7B%7D", "text/turtle").statusCode());
    }

    @Test
    void feedsAndShapesKeepTheirPaths() throws Exception {
        for (String path : List.of("/id/actie/pok/12/feed.atom", "/feed.atom", "/def/shapes")) {
            HttpResponse<String> redirect = send("/actiegraaf" + path, "text/turtle");
            assertEquals(303, redirect.statusCode(), path);
            assertEquals(facade() + path, redirect.headers().firstValue("Location").orElse(""));
        }
    }

    @Test
    void theRegisteredFileNamesOneHttpsDeployment() {
        assertTrue(published.startsWith("https://") && !published.endsWith("/"), published);
        assertTrue(new String(published.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).matches("https://[a-z0-9.-]+(:\\d+)?(/[^/\\s]+)*"));
    }
}
