package nl.actiegraaf.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Turns request parameters into a runnable query: every value is checked against its declared type
 * and substituted as an RDF term into the query's syntax tree ({@link QueryTransformOps}), never into
 * its text, so no value can change what the query does.
 */
final class QueryBinder {
    private final int maxLimit;
    private final int graphRowCap;

    /**
     * @param maxLimit the largest page a client may ask for
     * @param graphRowCap the most rows a graph-shaped query may produce
     */
    QueryBinder(int maxLimit, int graphRowCap) {
        this.maxLimit = maxLimit;
        this.graphRowCap = graphRowCap;
    }

    /**
     * A query ready to run: parameters bound, LIMIT one past the page so the caller can tell whether
     * a next page exists.
     *
     * @param query the query with all parameters bound
     * @param limit the rows of this page
     * @param offset the first row of this page
     * @param given the parameters the client gave (not limit/offset), for building page links
     * @param asOf the editions the query sees, or null for the current state
     */
    record Bound(Query query, int limit, int offset, Map<String, String> given, AsOf asOf) {
    }

    Bound bind(CuratedQuery curated, Map<String, List<String>> request) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : request.entrySet()) {
            String name = entry.getKey();
            boolean paging = QueryFileReader.RESERVED.contains(name) && curated.output() == CuratedQuery.Output.ROWS;
            if (curated.parameter(name).isEmpty() && !paging) {
                throw new ParameterException(name, "unknown parameter of query '" + curated.name() + "'" + known(curated));
            }
            if (entry.getValue().size() != 1) {
                throw new ParameterException(name, "given more than once");
            }
            given.put(name, entry.getValue().get(0));
        }
        Map<Var, Node> bindings = new LinkedHashMap<>();
        AsOf asOf = null;
        for (QueryParameter parameter : curated.parameters()) {
            String value = given.get(parameter.name());
            if (value == null || value.isEmpty()) {
                if (parameter.required()) {
                    throw new ParameterException(parameter.name(), "required"
                            + (parameter.example() != null ? ", for example '" + parameter.example() + "'" : ""));
                }
                value = parameter.defaultValue();
            }
            if (value == null) {
                continue;
            }
            Node node = parameter.bind(value);
            if (curated.asOfParameters().contains(parameter.name())) {
                // Chooses the editions the query runs over; binds no variable.
                if (asOf != null) {
                    throw new ParameterException(parameter.name(), "give either " + String.join(" or ",
                            curated.asOfParameters()) + ", not both");
                }
                asOf = new AsOf(parameter.name(), node);
            } else {
                bindings.put(Var.alloc(parameter.name()), node);
            }
        }
        Query query = bindings.isEmpty() ? curated.query().cloneQuery() : QueryTransformOps.replaceVars(curated.query(), bindings);

        int limit;
        int offset;
        if (curated.output() == CuratedQuery.Output.ROWS) {
            limit = number(given.remove("limit"), "limit", Math.min(curated.pageSize(), maxLimit), 1, maxLimit);
            offset = number(given.remove("offset"), "offset", 0, 0, Integer.MAX_VALUE - maxLimit - 1);
        } else {
            limit = graphRowCap;
            offset = 0;
        }
        query.setLimit(limit + 1L);
        query.setOffset(offset);
        return new Bound(query, limit, offset, given, asOf);
    }

    private static int number(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,10}")) {
            throw new ParameterException(name, "not a whole number: '" + ParameterType.shown(value) + "'");
        }
        long n = Long.parseLong(value);
        if (n < min || n > max) {
            throw new ParameterException(name, "must be between " + min + " and " + max);
        }
        return (int) n;
    }

    private static String known(CuratedQuery curated) {
        List<String> names = new java.util.ArrayList<>(curated.parameters().stream().map(QueryParameter::name).toList());
        if (curated.output() == CuratedQuery.Output.ROWS) {
            names.addAll(List.of("limit", "offset"));
        }
        return names.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", names) + ")";
    }
}
