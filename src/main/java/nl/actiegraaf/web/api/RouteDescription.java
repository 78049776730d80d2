package nl.actiegraaf.web.api;

import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says about one HTTP route that is not a curated query. Any part of the
 * facade can describe its routes with these and hand them to {@link QueryApi#register}; the
 * document is generated from them and from the queries' headers.
 *
 * @param method HTTP method, upper case
 * @param path OpenAPI path template ({@code /id/{path}})
 * @param summary one line
 * @param description more, may be empty
 * @param tag the group in the document
 * @param parameters query, path and header parameters
 * @param mediaTypes what a 200 answer can be, by content negotiation
 * @param errors other statuses and what they mean
 */
public record RouteDescription(String method, String path, String summary, String description, String tag,
        List<Parameter> parameters, List<String> mediaTypes, Map<Integer, String> errors) {

    public RouteDescription {
        parameters = List.copyOf(parameters);
        mediaTypes = List.copyOf(mediaTypes);
        errors = Map.copyOf(errors);
    }

    /**
     * @param in "query", "path" or "header"
     * @param type JSON Schema type ("string", "integer", "number")
     * @param example a value that names something in the seed's data (a generated client's tests call it), or null
     */
    public record Parameter(String name, String in, String description, boolean required, String type, String example) {
    }

    public static Parameter query(String name, String description) {
        return new Parameter(name, "query", description, false, "string", null);
    }

    public static Parameter path(String name, String description) {
        return new Parameter(name, "path", description, true, "string", null);
    }

    public static Parameter path(String name, String description, String example) {
        return new Parameter(name, "path", description, true, "string", example);
    }
}
