package nl.actiegraaf.web.page;

import nl.actiegraaf.vocab.Prefixes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.actiegraaf.web.WebContext;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The web page at {@code /}: its HTML (texts filled in from {@code web/i18n/{lang}.json}, Dutch or
 * English as {@link PageLanguage} chooses; each language filled once, at start), its own
 * scripts and styles under {@code /assets}, the chart and editor libraries from their WebJars under
 * {@code /vendor}, and {@code /page/editor.json}: the curated queries' text and the ontology's
 * prefixes for the SPARQL editor. Registered as one of the facade's route modules.
 */
public final class PageRoutes {
    /** The stylesheet every HTML page of the facade links, so resource pages look like the page. */
    public static final String STYLESHEET = "/assets/actiegraaf.css";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageRoutes() {
    }

    public static void register(JavalinConfig config, WebContext context) {
        // Vendor libraries live under their version (/vendor/echarts/5.3.1/...): a new version is a new
        // address, so browsers may keep a file for a year without asking again.
        String echarts = "/vendor/echarts/" + webjarVersion("echarts");
        String yasgui = "/vendor/yasgui/" + webjarVersion("zazuko__yasgui");
        String template = resource("web/index.html")
                .replace("{{vendor.echarts}}", echarts).replace("{{vendor.yasgui}}", yasgui);
        Map<String, byte[]> indexByLanguage = new LinkedHashMap<>();
        for (String lang : PageLanguage.SUPPORTED) {
            indexByLanguage.put(lang, PageTexts.load(lang).fill(template).getBytes(StandardCharsets.UTF_8));
        }
        byte[] editor = editorJson(context.config().queriesDir(), context.config().ontologyFile());

        serve(config, "/assets", "/web/assets");
        serve(config, "/i18n", "/web/i18n");
        serveImmutable(config, echarts, webjar("echarts"));
        serveImmutable(config, yasgui, webjar("zazuko__yasgui"));
        config.routes.get("/", ctx -> {
            String lang = PageLanguage.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
            ctx.header("Vary", "Accept-Language").header("Content-Language", lang);
            html(ctx, indexByLanguage.get(lang));
        });
        // Browsers ask for /favicon.ico on every page, the resource pages too.
        byte[] icon = resource("web/assets/favicon.svg").getBytes(StandardCharsets.UTF_8);
        config.routes.get("/favicon.ico", ctx -> ctx.contentType("image/svg+xml").result(icon));
        config.routes.get("/page/editor.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(editor));
    }

    private static void html(Context ctx, byte[] page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private static void serve(JavalinConfig config, String hostedPath, String classpathDirectory) {
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = classpathDirectory;
            files.location = Location.CLASSPATH;
        });
    }

    private static void serveImmutable(JavalinConfig config, String hostedPath, String classpathDirectory) {
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = classpathDirectory;
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
        });
    }

    /**
     * What the SPARQL editor starts with: every curated query's text, by name, and the prefixes the
     * ontology file declares. Read once at start, like the query API reads its folder.
     */
    static byte[] editorJson(Path queriesDir, Path ontologyFile) {
        Map<String, String> queries = new TreeMap<>();
        if (queriesDir != null && Files.isDirectory(queriesDir)) {
            try (Stream<Path> files = Files.list(queriesDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rq")).toList()) {
                    String name = file.getFileName().toString();
                    queries.put(name.substring(0, name.length() - 3), Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the curated queries in " + queriesDir, e);
            }
        }
        Map<String, String> prefixes = new TreeMap<>();
        prefixes.putAll(Prefixes.ALL);
        if (ontologyFile != null && Files.isRegularFile(ontologyFile)) {
            Model ontology = RDFDataMgr.loadModel(ontologyFile.toString());
            prefixes.putAll(ontology.getNsPrefixMap());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prefixes", prefixes);
        body.put("queries", queries);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class-path folder of a WebJar's current version, read from its Maven metadata. */
    static String webjar(String artifact) {
        return "/META-INF/resources/webjars/" + artifact + "/" + webjarVersion(artifact);
    }

    static String webjarVersion(String artifact) {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + artifact + " WebJar", e);
        }
        return properties.getProperty("version");
    }

    static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }
}
