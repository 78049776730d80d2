package nl.actiegraaf.web.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the OpenAPI 3 document of the whole HTTP API: one operation per curated query, from its
 * header (parameters with types, defaults, enumerations; result columns from its SELECT clause), plus
 * the query API's own routes and the routes other parts of the facade describe. Built once at start.
 */
final class OpenApiDocument {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    static ObjectNode generate(QueryCatalog catalog, List<RouteDescription> otherRoutes, String version) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Actiegraaf");
        info.put("version", version);
        info.put("description", "What the Dutch government promised to do after the parliamentary inquiry into "
                + "the childcare-benefits scandal (POK), as linked data. Curated queries answer as plain JSON (an "
                + "array of objects) or CSV (Accept: text/csv or a .csv suffix), every row up to a cap of "
                + QueryApi.Settings.DEFAULT_ANSWER_CAP + " unless the client pages (limit, offset) or asks limit=all; "
                + "an answer cut at the cap is an object {rows, truncated} in JSON and a 422 in CSV, never a silently "
                + "short table. The SPARQL endpoint takes any query.");
        doc.putArray("servers").addObject().put("url", "/");

        ObjectNode paths = doc.putObject("paths");
        Set<String> tags = new LinkedHashSet<>();
        for (RouteDescription route : queryApiRoutes()) {
            addRoute(paths, route, tags);
        }
        for (CuratedQuery query : catalog.all()) {
            ObjectNode operation = paths.putObject(ApiPaths.query(query.name())).putObject("get");
            describeQuery(operation, query);
            operation.get("tags").forEach(t -> tags.add(t.asText()));
        }
        for (RouteDescription route : otherRoutes) {
            addRoute(paths, route, tags);
        }
        ArrayNode tagList = doc.putArray("tags");
        tags.forEach(t -> tagList.addObject().put("name", t));

        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "An error, as RFC 9457 problem details (application/problem+json). A browser "
                + "(Accept: text/html first) gets an HTML page instead.");
        problem.putArray("required").add("type").add("title").add("status").add("detail");
        ObjectNode problemProps = problem.putObject("properties");
        problemProps.putObject("type").put("type", "string").put("description", "about:blank: the status says it all");
        problemProps.putObject("title").put("type", "string").put("description", "the status's reason phrase");
        problemProps.putObject("status").put("type", "integer").put("description", "the HTTP status");
        problemProps.putObject("detail").put("type", "string").put("description", "what is wrong, one line");
        problemProps.putObject("instance").put("type", "string").put("description", "the request's path");
        problemProps.putObject("parameter").put("type", "string").put("description", "the request parameter at fault, if one is");
        return doc;
    }

    /** The query API's own routes, described like any other. */
    static List<RouteDescription> queryApiRoutes() {
        return List.of(
                new RouteDescription("GET", ApiPaths.QUERIES, "List the curated queries",
                        "Name, summary, description, parameters (with type, default, allowed values), result "
                                + "columns and an example call of every curated query.", "queries", List.of(),
                        List.of("application/json"), Map.of()),
                new RouteDescription("GET", ApiPaths.OPENAPI, "This document", "The OpenAPI 3 description of "
                        + "the HTTP API, generated from the routes and the curated queries.", "service", List.of(),
                        List.of("application/json"), Map.of()),
                new RouteDescription("GET", ApiPaths.DOCS, "Browsable API documentation",
                        "Swagger UI over this document.", "service", List.of(), List.of("text/html"), Map.of()));
    }

    private static void describeQuery(ObjectNode op, CuratedQuery query) {
        op.put("operationId", query.name());
        op.put("summary", query.summary());
        op.put("description", query.description() + "\n\nExample: `" + query.example() + "`"
                + (query.output() == CuratedQuery.Output.ROWS
                        ? "\n\nAlso as CSV: `" + ApiPaths.query(query.name()) + ".csv` or `Accept: text/csv`." : ""));
        ArrayNode tagsNode = op.putArray("tags");
        (query.tags().isEmpty() ? List.of("queries") : query.tags()).forEach(tagsNode::add);
        ArrayNode params = op.putArray("parameters");
        for (QueryParameter p : query.parameters()) {
            ObjectNode param = params.addObject();
            param.put("name", p.name());
            param.put("in", "query");
            param.put("required", p.required());
            String description = p.description();
            if (p.type() == ParameterType.IRI && p.base() != null) {
                description += (description.isEmpty() ? "" : " ") + "An IRI, or a name under " + p.base() + ".";
            }
            if (p.type() == ParameterType.LANG_STRING) {
                description += (description.isEmpty() ? "" : " ") + "Matched as a @" + p.lang() + " string.";
            }
            if (!p.required() && p.defaultValue() == null) {
                description += (description.isEmpty() ? "" : " ") + "Leave out for any value.";
            }
            param.put("description", description);
            ObjectNode schema = param.putObject("schema");
            schema.put("type", p.type().jsonSchemaType());
            if (p.type().jsonSchemaFormat() != null && p.base() == null) {
                schema.put("format", p.type().jsonSchemaFormat());
            }
            if (!p.allowed().isEmpty()) {
                ArrayNode values = schema.putArray("enum");
                p.allowed().forEach(v -> addTyped(values, p.type(), v));
            }
            if (p.defaultValue() != null) {
                putTyped(schema, "default", p.type(), p.defaultValue());
            }
            if (p.example() != null) {
                putTyped(param, "example", p.type(), p.example());
            }
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ObjectNode content = ok.putObject("content");
        if (query.output() == CuratedQuery.Output.ROWS) {
            // Typed as an integer so that generated clients stay simple; 'all' is told in words.
            params.add(pagingParameter("limit", "rows per page (1 to 1000); the value 'all' asks every row (up to "
                    + QueryApi.Settings.ALL_ROWS_CAP + "); without limit and offset: every row up to "
                    + QueryApi.Settings.DEFAULT_ANSWER_CAP + "; with only offset: pages of " + query.pageSize(), 1));
            params.add(pagingParameter("offset", "rows to skip (default 0)", 0));
            ok.put("description", "One object per row, keys in column order; IRIs as strings, numbers as "
                    + "numbers, other literals as text, absent values as null.");
            ok.put("description", ok.get("description").asText() + " A whole answer (no limit, or limit=all) cut at "
                    + "its cap is instead an object {\"rows\": [...], \"truncated\": {\"cap\", \"reason\", \"all\", \"next\"}}: "
                    + "the rows under 'rows', the cap and the links to every row ('all') and to the rows after ('next').");
            // The schema is the array every complete answer is: the cut object (described above) meets only a
            // client that asked for more than the cap, and a oneOf would make every generated client's model clumsy.
            ObjectNode rowSchema = content.putObject("application/json").putObject("schema");
            rowSchema.put("type", "array");
            ObjectNode item = rowSchema.putObject("items");
            item.put("type", "object");
            ObjectNode props = item.putObject("properties");
            for (String column : query.columns()) {
                ObjectNode property = props.putObject(column);
                query.columnType(column).ifPresent(type -> {
                    property.put("type", type.jsonSchemaType());
                    if (type.jsonSchemaFormat() != null) {
                        property.put("format", type.jsonSchemaFormat());
                    }
                });
                property.put("nullable", true);
            }
            content.putObject("text/csv").putObject("schema").put("type", "string");
            ObjectNode link = ok.putObject("headers").putObject("Link");
            link.put("description", "rel=\"next\" and rel=\"prev\" pages, when there are any");
            link.putObject("schema").put("type", "string");
        } else {
            ok.put("description", "A graph for a drawing library: nodes {id, label, type, ...} and edges "
                    + "{source, target, type}.");
            ObjectNode schema = content.putObject("application/json").putObject("schema");
            schema.put("type", "object");
            ObjectNode props = schema.putObject("properties");
            arrayOfStringObjects(props.putObject("nodes"), "id", "label", "type");
            arrayOfStringObjects(props.putObject("edges"), "source", "target", "type");
        }
        errorResponse(responses, 400, "a parameter is missing, unknown or does not fit its type, or names a "
                + "resource the data does not hold (named in 'parameter'; the detail names the closest known values)");
        if (query.output() == CuratedQuery.Output.ROWS) {
            errorResponse(responses, 422, "CSV only: the whole answer has more rows than its cap; ask limit=all or page");
        }
        errorResponse(responses, 429, "this client has too many queries running; retry later");
        errorResponse(responses, 501, "peildatum/editie over a store that cannot give the as-of view");
        errorResponse(responses, 502, "the store failed");
        errorResponse(responses, 503, "the query ran longer than the time limit, or the store is busy");
    }

    private static ObjectNode pagingParameter(String name, String description, int minimum) {
        ObjectNode param = JSON.objectNode();
        param.put("name", name);
        param.put("in", "query");
        param.put("required", false);
        param.put("description", description);
        param.putObject("schema").put("type", "integer").put("minimum", minimum);
        return param;
    }

    private static void addRoute(ObjectNode paths, RouteDescription route, Set<String> tags) {
        ObjectNode pathItem = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
        ObjectNode op = pathItem.putObject(route.method().toLowerCase(java.util.Locale.ROOT));
        op.put("operationId", operationId(route));
        op.put("summary", route.summary());
        if (!route.description().isEmpty()) {
            op.put("description", route.description());
        }
        op.putArray("tags").add(route.tag());
        tags.add(route.tag());
        if (!route.parameters().isEmpty()) {
            ArrayNode params = op.putArray("parameters");
            for (RouteDescription.Parameter p : route.parameters()) {
                ObjectNode param = params.addObject();
                param.put("name", p.name());
                param.put("in", p.in());
                param.put("required", p.required() || p.in().equals("path"));
                param.put("description", p.description());
                param.putObject("schema").put("type", p.type());
                if (p.example() != null) {
                    param.put("example", p.example());
                }
            }
        }
        if (route.method().equals("POST") && route.path().equals("/sparql")) {
            sparqlRequestBody(op);
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "OK");
        ObjectNode content = ok.putObject("content");
        for (String mediaType : route.mediaTypes()) {
            ObjectNode media = content.putObject(mediaType);
            ObjectNode schema = jsonSchemaOf(route.path());
            if (mediaType.equals("application/json") && schema != null) {
                media.set("schema", schema);
            }
        }
        List<Integer> statuses = new ArrayList<>(route.errors().keySet());
        statuses.sort(null);
        for (int status : statuses) {
            if (route.path().equals("/health") && status == 503) {
                // /health answers its own JSON while loading, not a problem: monitors read one shape
                ObjectNode unavailable = responses.putObject("503");
                unavailable.put("description", route.errors().get(status));
                unavailable.putObject("content").putObject("application/json").set("schema", jsonSchemaOf("/health"));
                continue;
            }
            errorResponse(responses, status, route.errors().get(status));
        }
    }

    /** {@code GET /id/actie/{reeks}/{nummer}} -> {@code getIdActieByReeksAndNummer}: method, fixed words, then the parameters. */
    static String operationId(RouteDescription route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(java.util.Locale.ROOT));
        List<String> parameters = new ArrayList<>();
        for (String segment : route.path().split("[/.\\-]")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{")) {
                parameters.add(capitalised(segment.substring(1, segment.length() - 1)));
            } else {
                id.append(capitalised(segment));
            }
        }
        if (!parameters.isEmpty()) {
            id.append("By").append(String.join("And", parameters));
        }
        return id.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The JSON answers of the fixed routes, for a generated client's models. */
    private static ObjectNode jsonSchemaOf(String path) {
        ObjectNode schema = JSON.objectNode();
        switch (path) {
            case "/health" -> {
                schema.put("type", "object");
                ObjectNode props = schema.putObject("properties");
                props.putObject("status").put("type", "string").putArray("enum").add("ok").add("empty").add("unavailable");
                props.putObject("triples").put("type", "integer").put("format", "int64");
            }
            case ApiPaths.QUERIES -> {
                schema.put("type", "array");
                ObjectNode item = schema.putObject("items").put("type", "object");
                ObjectNode props = item.putObject("properties");
                for (String text : List.of("name", "summary", "description", "url", "example", "output")) {
                    props.putObject(text).put("type", "string");
                }
                props.putObject("tags").put("type", "array").putObject("items").put("type", "string");
                props.putObject("columns").put("type", "array").putObject("items").put("type", "string");
                props.putObject("parameters").put("type", "array").putObject("items").put("type", "object");
                props.putObject("pageSize").put("type", "integer").put("nullable", true);
            }
            case ApiPaths.OPENAPI -> schema.put("type", "object");
            case ApiPaths.SEARCH -> searchAnswer(schema);
            default -> {
                return null;
            }
        }
        return schema;
    }

    /** The answer of {@code GET /api/zoek} ({@code nl.actiegraaf.web.search.SearchAnswer}, which SearchIT holds it to). */
    private static void searchAnswer(ObjectNode schema) {
        schema.put("type", "object");
        schema.putArray("required").add("q").add("entities").add("acties");
        ObjectNode props = schema.putObject("properties");
        props.putObject("q").put("type", "string").put("description", "the text searched, as given");
        ObjectNode entity = props.putObject("entities").put("type", "array")
                .put("description", "what the text names: an action, motion, organisation, person or theme")
                .putObject("items").put("type", "object");
        ObjectNode entityProps = entity.putObject("properties");
        entityProps.putObject("iri").put("type", "string").put("format", "uri");
        // Kinds told in words, not as an enum: a generated client would refuse a kind added later.
        entityProps.putObject("type").put("type", "string").put("description", "Actie, Motie, Organisatie, Persoon or Thema");
        entityProps.putObject("label").put("type", "string");
        entityProps.putObject("page").put("type", "string").put("description", "its page on this server (/id/...)");
        entityProps.putObject("acties").put("type", "array").put("description", "the numbers of the actions it leads to, ascending")
                .putObject("items").put("type", "integer");
        ObjectNode hit = props.putObject("acties").put("type", "array").put("description", "the actions found, best first")
                .putObject("items").put("type", "object");
        ObjectNode hitProps = hit.putObject("properties");
        hitProps.putObject("nummer").put("type", "integer");
        hitProps.putObject("iri").put("type", "string").put("format", "uri");
        hitProps.putObject("page").put("type", "string");
        hitProps.putObject("omschrijving").put("type", "string").put("description", "the description's first paragraph, shortened");
        hitProps.putObject("status").put("type", "string").put("nullable", true)
                .put("description", "Afgerond, Lopend, NietGestart or Onbekend");
        hitProps.putObject("statusLabel").put("type", "string").put("nullable", true).put("description", "the status in the asked language");
        hitProps.putObject("snippet").put("type", "string").put("nullable", true)
                .put("description", "the sentence that matched, HTML-escaped, the matching words in <mark>");
        hitProps.putObject("score").put("type", "number").put("format", "double").put("minimum", 0).put("maximum", 1);
        hitProps.putObject("via").put("type", "string")
                .put("description", "why it was found: nummer, motie, organisatie, persoon, thema or tekst (full text)");
        props.putObject("melding").put("type", "string").put("nullable", true)
                .put("description", "a message for the reader when the text could not be read or found nothing");
        props.putObject("suggestie").put("type", "string").put("nullable", true)
                .put("description", "a text to search instead (did you mean)");
    }

    /** POST /sparql: the protocol's two bodies, a form or the query itself. */
    private static void sparqlRequestBody(ObjectNode op) {
        ObjectNode body = op.putObject("requestBody");
        body.put("required", true);
        ObjectNode content = body.putObject("content");
        ObjectNode form = content.putObject("application/x-www-form-urlencoded").putObject("schema");
        form.put("type", "object");
        form.putArray("required").add("query");
        ObjectNode props = form.putObject("properties");
        props.putObject("query").put("type", "string").put("description", "the SPARQL query")
                .put("example", "ASK { ?s ?p ?o }");
        props.putObject("timeout").put("type", "number").put("description", "a shorter time limit, in seconds");
        props.putObject("default-graph-uri").put("type", "string");
        props.putObject("named-graph-uri").put("type", "string");
        content.putObject("application/sparql-query").putObject("schema").put("type", "string");
    }

    /** {@code array} as the schema of an array of objects whose {@code fields} are strings. */
    private static void arrayOfStringObjects(ObjectNode array, String... fields) {
        array.put("type", "array");
        ObjectNode props = array.putObject("items").put("type", "object").putObject("properties");
        for (String field : fields) {
            props.putObject(field).put("type", "string");
        }
    }

    private static void errorResponse(ObjectNode responses, int status, String description) {
        ObjectNode response = responses.putObject(Integer.toString(status));
        response.put("description", description);
        response.putObject("content").putObject(nl.actiegraaf.web.Problem.MEDIA_TYPE).putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    private static void addTyped(ArrayNode array, ParameterType type, String value) {
        switch (type) {
            case INTEGER -> array.add(Long.parseLong(value));
            case BOOLEAN -> array.add(Boolean.parseBoolean(value));
            default -> array.add(value);
        }
    }

    private static void putTyped(ObjectNode node, String field, ParameterType type, String value) {
        switch (type) {
            case INTEGER -> node.put(field, Long.parseLong(value));
            case BOOLEAN -> node.put(field, Boolean.parseBoolean(value));
            default -> node.put(field, value);
        }
    }

    static byte[] bytes(ObjectNode doc) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
