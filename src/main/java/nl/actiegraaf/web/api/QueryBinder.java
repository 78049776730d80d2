package nl.actiegraaf.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.NodeTransform;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformSubst;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformer;
import org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformNodeElement;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Turns request parameters into a runnable query: every value is checked against its declared type
 * and substituted as an RDF term into the query's syntax tree ({@link #withValues}), never into
 * its text, so no value can change what the query does.
 */
final class QueryBinder {
    /** The value of {@code limit} that asks for every row (up to {@link #allRowsCap}). */
    static final String ALL = "all";

    private final int maxLimit;
    private final int graphRowCap;
    private final int answerCap;
    private final int allRowsCap;
    private final KnownResources known;

    /**
     * @param maxLimit the largest page a client may ask for
     * @param graphRowCap the most rows a graph-shaped query may produce
     * @param answerCap the most rows of an answer the client did not page ({@code limit} not given)
     * @param allRowsCap the most rows of an answer to {@code limit=all}
     * @param known the resources an IRI parameter may name, per data version
     */
    QueryBinder(int maxLimit, int graphRowCap, int answerCap, int allRowsCap, KnownResources known) {
        this.maxLimit = maxLimit;
        this.graphRowCap = graphRowCap;
        this.answerCap = answerCap;
        this.allRowsCap = allRowsCap;
        this.known = known;
    }

    /** Without a check of IRIs against the data (unit tests of the binding itself). */
    QueryBinder(int maxLimit, int graphRowCap) {
        this(maxLimit, graphRowCap, QueryApi.Settings.DEFAULT_ANSWER_CAP, QueryApi.Settings.ALL_ROWS_CAP, KnownResources.NONE);
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
     * @param whole true when the client asked for the whole answer (no {@code limit}, or {@code limit=all}):
     *        then {@code limit} is a cap, and an answer cut by it must say so; false for a page the client chose
     */
    record Bound(Query query, int limit, int offset, Map<String, String> given, AsOf asOf, boolean whole) {
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
            if (!value.equals(parameter.defaultValue())) {
                known.check(parameter, value, node);
            }
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
        Query query = bindings.isEmpty() ? curated.query().cloneQuery() : withValues(curated.query(), bindings);

        int limit;
        int offset;
        boolean whole;
        if (curated.output() == CuratedQuery.Output.ROWS) {
            String askedLimit = given.remove("limit");
            String askedOffset = given.remove("offset");
            offset = number(askedOffset, "offset", 0, 0, Integer.MAX_VALUE - Math.max(maxLimit, allRowsCap) - 1);
            if (ALL.equals(askedLimit)) {
                limit = allRowsCap;
                whole = true;
            } else if ((askedLimit == null || askedLimit.isEmpty()) && (askedOffset == null || askedOffset.isEmpty())) {
                // A plain request (pandas.read_csv, a chart's data URL) reads every row, up to the cap:
                // a page would be a silently short answer to a client that does not read the Link header.
                limit = answerCap;
                whole = true;
            } else {
                // Paging: an offset alone pages by the query's page size.
                limit = askedLimit == null || askedLimit.isEmpty() ? Math.min(curated.pageSize(), maxLimit)
                        : number(askedLimit, "limit", 0, 1, maxLimit);
                whole = false;
            }
        } else {
            limit = graphRowCap;
            offset = 0;
            whole = true;
        }
        query.setLimit(limit + 1L);
        query.setOffset(offset);
        return new Bound(query, limit, offset, given, asOf, whole);
    }

    /**
     * The query with each value in place of its variable in the pattern (FILTERs and sub-selects included), and
     * the variables bound once by a {@code VALUES} block at the pattern's start, so the SELECT line, GROUP BY and
     * ORDER BY keep plain variables. The answers are those of substituting everywhere (the variable no longer
     * occurs in the pattern; the block gives every row its value), but portable: Jena's
     * {@link QueryTransformOps#replaceVars} writes a value in the SELECT line as {@code (<iri> AS ?v)}, which
     * Virtuoso refuses with 400.
     */
    static Query withValues(Query query, Map<Var, Node> bindings) {
        NodeTransform substitute = node -> node instanceof Var v && bindings.containsKey(v) ? bindings.get(v) : node;
        ElementTransform elements = new ElementTransformSubst(substitute);
        Element pattern = ElementTransformer.transform(query.getQueryPattern(), elements,
                new ExprTransformNodeElement(substitute, elements));
        ElementData values = new ElementData();
        BindingBuilder row = BindingFactory.builder();
        bindings.forEach((variable, value) -> {
            values.add(variable);
            row.add(variable, value);
        });
        values.add(row.build());
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        if (pattern instanceof ElementGroup inner) {
            inner.getElements().forEach(group::addElement);
        } else {
            group.addElement(pattern);
        }
        Query bound = query.cloneQuery();
        bound.setQueryPattern(group);
        return bound;
    }

    private static int number(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,10}")) {
            throw new ParameterException(name, "not a whole number" + (name.equals("limit") ? " or '" + ALL + "'" : "")
                    + ": '" + ParameterType.shown(value) + "'");
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
