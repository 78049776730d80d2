package nl.actiegraaf.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The URL paths of the query API, in one place so routes, links and documentation agree. */
public final class ApiPaths {
    public static final String QUERIES = "/api/queries";
    public static final String QUERY = "/api/queries/{name}";
    public static final String OPENAPI = "/openapi.json";
    public static final String DOCS = "/api/docs";
    public static final String DOCS_ASSETS = "/api/docs/assets";
    /** The search box's API ({@code nl.actiegraaf.web.search}), described in the OpenAPI document beside the queries. */
    public static final String SEARCH = "/api/zoek";

    private ApiPaths() {
    }

    public static String query(String name) {
        return QUERIES + "/" + name;
    }

    /** A path with its query string, parameters in the given order, values URL-encoded. */
    static String withParameters(String path, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return path;
        }
        return path + "?" + parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** An example call built from the parameters' examples, for queries whose header gives none. */
    static String exampleCall(String name, List<QueryParameter> parameters) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (QueryParameter p : parameters) {
            if (p.example() != null) {
                values.put(p.name(), p.example());
            } else if (p.required() && !p.allowed().isEmpty()) {
                values.put(p.name(), p.allowed().get(0));
            }
        }
        return withParameters(query(name), values);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
