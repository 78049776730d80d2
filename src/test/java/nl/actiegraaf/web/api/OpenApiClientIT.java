package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import nl.actiegraaf.testsupport.TestFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document as a client generator reads it (issue 15): {@code /openapi.json} validates with
 * swagger-parser, OpenAPI Generator ({@code java}, library {@code native}) makes a Java client of it, the
 * client compiles, and every operation it has is called against the running server over the real seed:
 * each answers 2xx with a body the client's typed models read (so the columns' declared types are the
 * answers' types), in a documented media type, or one of its documented error statuses.
 */
class OpenApiClientIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXAMPLE = Pattern.compile("Example: `(/api/queries/[^`]+)`");

    @RegisterExtension
    static final TestFacade web = TestFacade.with(RealSeedQueriesIT::loadSeed)
            .queries(Path.of("queries")).ontology(Path.of("ontology/actiegraaf.ttl"));

    @Test
    void aGeneratedClientCallsEveryOperation() throws Exception {
        HttpResponse<String> response = web.get("/openapi.json");
        assertEquals(200, response.statusCode());
        String spec = response.body();
        Path work = Files.createDirectories(Path.of("target", "openapi-client"));
        Path specFile = work.resolve("openapi.json");
        Files.writeString(specFile, spec);

        assertValid(spec);
        Path sources = generate(specFile, work.resolve("generated"));
        ClassLoader client = compile(sources, work.resolve("classes"));

        JsonNode doc = JSON.readTree(spec);
        Object apiClient = client.loadClass("gen.client.ApiClient").getConstructor().newInstance();
        apiClient.getClass().getMethod("updateBaseUri", String.class).invoke(apiClient, "http://127.0.0.1:" + web.port());
        List<Class<?>> apis = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources.resolve("gen/client/api"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                apis.add(client.loadClass("gen.client.api." + name));
            }
        }

        List<String> called = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String label = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                String failure = call(apis, apiClient, label, op.getValue());
                called.add(label);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        assertTrue(called.size() > 30, "operations called: " + called);
        assertEquals(List.of(), failures);
    }

    /** swagger-parser reads the document without a single message (error or warning). */
    private static void assertValid(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(spec, null, options);
        assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages());
    }

    /** OpenAPI Generator's CLI (its own JVM: its libraries stay off our class path) writes the client's sources. */
    private static Path generate(Path specFile, Path out) throws Exception {
        String jar = System.getProperty("openapi.generator.jar");
        assertNotNull(jar, "failsafe sets openapi.generator.jar (see pom.xml)");
        assertTrue(Files.isRegularFile(Path.of(jar)), jar);
        deleteTree(out);
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "generate", "-i", specFile.toString(), "-g", "java", "--library", "native",
                "-o", out.toString(),
                "--additional-properties=openApiNullable=false,hideGenerationTimestamp=true,annotationLibrary=none,"
                        + "useJakartaEe=true,invokerPackage=gen.client,apiPackage=gen.client.api,modelPackage=gen.client.model",
                "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
                .redirectErrorStream(true).redirectOutput(out.resolveSibling("generator.log").toFile()).start();
        assertTrue(generator.waitFor(5, TimeUnit.MINUTES), "the generator did not finish in 5 minutes");
        assertEquals(0, generator.exitValue(), () -> "generator failed: " + read(out.resolveSibling("generator.log")));
        return out.resolve("src/main/java");
    }

    /** javac over the generated sources, against the test class path (Jackson, jakarta.annotation). */
    private static ClassLoader compile(Path sources, Path classes) throws Exception {
        deleteTree(classes);
        Files.createDirectories(classes);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-parameters", "-nowarn", "-proc:none", "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
        args.addAll(files);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, () -> "the generated client does not compile: " + errors);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, OpenApiClientIT.class.getClassLoader());
    }

    /** Calls one operation with its example values; null when it answered as documented, else what went wrong. */
    private static String call(List<Class<?>> apis, Object apiClient, String label, JsonNode operation) throws Exception {
        String methodName = camel(operation.get("operationId").asText()) + "WithHttpInfo";
        Method method = null;
        Class<?> api = null;
        for (Class<?> candidate : apis) {
            for (Method m : candidate.getMethods()) {
                // the overload without the extra headers map
                if (m.getName().equals(methodName) && (method == null || m.getParameterCount() < method.getParameterCount())) {
                    method = m;
                    api = candidate;
                }
            }
        }
        if (method == null) {
            return label + ": the generated client has no " + methodName;
        }
        Map<String, String> values = exampleValues(operation);
        Object[] args = new Object[method.getParameterCount()];
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            String value = values.get(parameters[i].getName());
            args[i] = value == null ? null : convert(value, parameters[i].getType());
        }
        Object instance = api.getConstructor(apiClient.getClass()).newInstance(apiClient);
        try {
            Object answer = method.invoke(instance, args);
            int status = (int) answer.getClass().getMethod("getStatusCode").invoke(answer);
            if (status < 200 || status > 299) {
                return label + ": status " + status;
            }
            @SuppressWarnings("unchecked")
            Map<String, List<String>> headers = (Map<String, List<String>>) answer.getClass().getMethod("getHeaders").invoke(answer);
            String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
            String mediaType = contentType.split(";")[0].strip();
            JsonNode documented = operation.path("responses").path(Integer.toString(status)).path("content");
            if (!documented.has(mediaType)) {
                return label + ": answered " + contentType + ", documented " + documented.fieldNames();
            }
            if (mediaType.equals("application/json") && answer.getClass().getMethod("getData").invoke(answer) == null) {
                return label + ": no data read from the JSON answer";
            }
            return null;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause.getClass().getSimpleName().equals("ApiException")) {
                int code = (int) cause.getClass().getMethod("getCode").invoke(cause);
                String body = (String) cause.getClass().getMethod("getResponseBody").invoke(cause);
                if (code != 0 && operation.path("responses").has(Integer.toString(code))) {
                    JsonNode problem = body == null ? null : JSON.readTree(body);
                    assertEquals(code, problem.path("status").asInt(), label + ": " + body);
                    return null; // a documented error, as documented
                }
                return label + ": " + code + " " + cause.getMessage() + " " + body;
            }
            return label + ": " + cause;
        }
    }

    /**
     * The values to call an operation with, by the generated client's parameter names: a curated query's
     * documented example call; elsewhere each parameter's example (the request body's too).
     */
    private static Map<String, String> exampleValues(JsonNode operation) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher example = EXAMPLE.matcher(operation.path("description").asText());
        if (example.find()) {
            String url = example.group(1);
            int q = url.indexOf('?');
            if (q >= 0) {
                for (String pair : url.substring(q + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    values.put(camel(URLDecoder.decode(kv[0], StandardCharsets.UTF_8)),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return values;
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.has("example")) {
                values.put(camel(parameter.get("name").asText()), parameter.get("example").asText());
            }
        }
        JsonNode form = operation.path("requestBody").path("content").path("application/x-www-form-urlencoded")
                .path("schema").path("properties");
        form.fields().forEachRemaining(p -> {
            if (p.getValue().has("example")) {
                values.put(camel(p.getKey()), p.getValue().get("example").asText());
            }
        });
        return values;
    }

    /** {@code acties-per-thema} -> {@code actiesPerThema}, as the generator names methods and parameters. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Object convert(String value, Class<?> type) {
        if (type == String.class) {
            return value;
        } else if (type == Integer.class) {
            return Integer.valueOf(value);
        } else if (type == Long.class) {
            return Long.valueOf(value);
        } else if (type == BigDecimal.class) {
            return new BigDecimal(value);
        } else if (type == Double.class) {
            return Double.valueOf(value);
        } else if (type == Boolean.class) {
            return Boolean.valueOf(value);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(value);
        } else if (type == URI.class) {
            return URI.create(value);
        }
        throw new AssertionError("no example conversion to " + type);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        assertFalse(Files.exists(dir), dir + " still there");
    }
}
