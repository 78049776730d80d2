package nl.actiegraaf.web.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.query.Query;

/**
 * One curated query: a {@code queries/*.rq} file, parsed once at start, served as one API operation.
 *
 * @param name the operation name: the file name without {@code .rq}
 * @param file where it was read from, for messages
 * @param summary one line for listings
 * @param description what the rows mean
 * @param tags groups in the OpenAPI document
 * @param parameters the declared parameters, in header order
 * @param example an example call (a path with query string)
 * @param pageSize rows per page when the request gives no {@code limit}
 * @param output the shape of the response
 * @param query the parsed SELECT query, parameters still unbound
 * @param asOfParameters the names among {@code parameters} that choose the editions the query sees
 *        ({@link AsOf}) instead of binding a variable
 * @param columnTypes the declared types of result columns ({@code columns:} in the header), by column
 */
public record CuratedQuery(String name, Path file, String summary, String description, List<String> tags,
        List<QueryParameter> parameters, String example, int pageSize, Output output, Query query,
        List<String> asOfParameters, Map<String, ColumnType> columnTypes) {

    /** How rows become a response. */
    public enum Output {
        /** An array of objects, one per row, paged. */
        ROWS,
        /** Rows describing edges turned into {nodes, edges} for a graph drawing library; not paged. */
        GRAPH
    }

    public CuratedQuery {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        asOfParameters = List.copyOf(asOfParameters);
        columnTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnTypes));
    }

    /** The declared type of a result column, if the header gives one. */
    public Optional<ColumnType> columnType(String column) {
        return Optional.ofNullable(columnTypes.get(column));
    }

    public Optional<QueryParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The result columns, in SELECT order. */
    public List<String> columns() {
        return query.getResultVars();
    }
}
