package nl.actiegraaf.web.api;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Reads one {@code .rq} file: the {@code #+} header lines as YAML (grlc's decorator style), the
 * rest as SPARQL. Everything that could go wrong per request is checked here once instead: the
 * header's keys and types, the parameters' defaults, and that the query still parses once every
 * parameter is bound. The format is documented in {@code queries/README.md}.
 */
final class QueryFileReader {
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final Set<String> KEYS = Set.of("summary", "description", "tags", "method", "params", "example",
            "pagination", "output", "asOf", "columns");
    private static final Set<String> PARAM_KEYS = Set.of("type", "description", "required", "default", "enum", "base",
            "lang", "example");
    /** Names the API itself uses on every query. */
    static final Set<String> RESERVED = Set.of("limit", "offset");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path file;
    private final List<String> lines;
    /** Header text (the "#+" lines without their marker) and, per header line, its line in the file. */
    private final StringBuilder header = new StringBuilder();
    private final List<Integer> headerLineNumbers = new ArrayList<>();

    private QueryFileReader(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    static CuratedQuery read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new QueryFileException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new QueryFileException(file, 0, "cannot read: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new QueryFileReader(file, text.lines().toList()).parse(text);
    }

    private CuratedQuery parse(String text) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".rq".length());
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw fail(0, "file name must be lower case letters, digits and hyphens (it becomes the URL)");
        }
        collectHeader();
        JsonNode yaml = readHeaderYaml();
        for (Iterator<String> keys = yaml.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw fail(lineOfKey(key), "unknown header key '" + key + "' (known: " + String.join(", ", sorted(KEYS)) + ")");
            }
        }
        String summary = requiredText(yaml, "summary");
        String description = optionalText(yaml, "description", summary);
        String method = optionalText(yaml, "method", "GET");
        if (!method.equals("GET")) {
            throw fail(lineOfKey("method"), "only 'method: GET' is served: the API is read-only");
        }
        List<String> tags = new ArrayList<>();
        JsonNode tagsNode = yaml.path("tags");
        if (tagsNode.isArray()) {
            tagsNode.forEach(t -> tags.add(t.asText()));
        } else if (!tagsNode.isMissingNode()) {
            tags.add(tagsNode.asText());
        }
        int pageSize = DEFAULT_PAGE_SIZE;
        if (yaml.has("pagination")) {
            if (!yaml.get("pagination").canConvertToInt() || yaml.get("pagination").asInt() < 1) {
                throw fail(lineOfKey("pagination"), "pagination must be a positive number of rows");
            }
            pageSize = yaml.get("pagination").asInt();
        }
        CuratedQuery.Output output = switch (optionalText(yaml, "output", "rows")) {
            case "rows" -> CuratedQuery.Output.ROWS;
            case "graph" -> CuratedQuery.Output.GRAPH;
            default -> throw fail(lineOfKey("output"), "output must be 'rows' or 'graph'");
        };

        Query query = parseSparql(text);
        List<QueryParameter> parameters = readParameters(yaml.path("params"), query);

        if (output == CuratedQuery.Output.GRAPH && !query.getResultVars().containsAll(List.of("source", "target"))) {
            throw fail(lineOfKey("output"), "a graph query must select ?source and ?target");
        }
        String example = optionalText(yaml, "example", null);
        if (example == null) {
            example = ApiPaths.exampleCall(name, parameters);
        }
        // After the example: it shows the query's own parameters (both as-of ones at once would be a 400).
        List<String> asOfNames = new ArrayList<>();
        if (asOf(yaml)) {
            appendAsOfParameters(parameters, query, asOfNames);
        }
        Map<String, ColumnType> columnTypes = readColumnTypes(yaml.path("columns"), query);
        CuratedQuery curated = new CuratedQuery(name, file, summary, description, tags, parameters, example, pageSize,
                output, query, asOfNames, columnTypes);
        checkBindable(curated);
        return curated;
    }

    /**
     * {@code columns:} maps result columns to their types ({@link ColumnType}), for the OpenAPI document;
     * every name must be a column of the query. A column left out is described without a type.
     */
    private Map<String, ColumnType> readColumnTypes(JsonNode node, Query query) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return types;
        }
        if (!node.isObject()) {
            throw fail(lineOfKey("columns"), "columns must map each result column to its type (" + ColumnType.headerNames() + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String column = entry.getKey();
            if (!query.getResultVars().contains(column)) {
                throw fail(lineOfKey("columns"), "columns: '" + column + "' is not a column of the query (columns: "
                        + String.join(", ", query.getResultVars()) + ")");
            }
            String typeName = entry.getValue().isValueNode() ? entry.getValue().asText() : "";
            ColumnType type = ColumnType.ofHeaderName(typeName).orElseThrow(() -> fail(lineOfKey("columns"),
                    "columns: '" + column + "': type '" + typeName + "' is not one of " + ColumnType.headerNames()));
            types.put(column, type);
        }
        return types;
    }

    /** {@code asOf: false} for a query about the editions themselves; every other query gets the as-of view. */
    private boolean asOf(JsonNode yaml) {
        JsonNode node = yaml.path("asOf");
        if (node.isMissingNode()) {
            return true;
        }
        if (!node.isBoolean()) {
            throw fail(lineOfKey("asOf"), "asOf must be true or false");
        }
        return node.asBoolean();
    }

    /**
     * The as-of parameters ({@link AsOf#PARAMETERS}) a query has without declaring them: they choose the
     * editions the query sees, they bind no variable. A query that declares a parameter of the same name
     * keeps its own ({@code deadlines.rq}'s peildatum); a query variable of that name left undeclared is
     * an error, since a reader would take it for the parameter.
     */
    private void appendAsOfParameters(List<QueryParameter> parameters, Query query, List<String> asOfNames) {
        Set<String> vars = mentionedVariables(query);
        for (QueryParameter asOf : AsOf.PARAMETERS) {
            if (parameters.stream().anyMatch(p -> p.name().equals(asOf.name()))) {
                continue;
            }
            if (vars.contains(asOf.name())) {
                throw fail(0, "?" + asOf.name() + " is the as-of parameter of every query: declare it under params:"
                        + " (it then binds the variable) or rename the variable");
            }
            parameters.add(asOf);
            asOfNames.add(asOf.name());
        }
    }

    private void collectHeader() {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("#")) {
                break;
            }
            if (line.startsWith("#+")) {
                String content = line.substring(2);
                header.append(content.startsWith(" ") ? content.substring(1) : content).append('\n');
                headerLineNumbers.add(i + 1);
            }
        }
        if (headerLineNumbers.isEmpty()) {
            throw fail(1, "no '#+' header: a curated query needs at least '#+ summary: ...'");
        }
    }

    private JsonNode readHeaderYaml() {
        try {
            JsonNode node = YAML.readTree(header.toString());
            if (node == null || !node.isObject()) {
                throw fail(headerLineNumbers.get(0), "the '#+' header must be 'key: value' lines");
            }
            return node;
        } catch (JsonProcessingException e) {
            int headerLine = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int fileLine = headerLineNumbers.get(Math.min(headerLine, headerLineNumbers.size()) - 1);
            throw fail(fileLine, "header is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private Query parseSparql(String text) {
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            // The message names the offending token's line; getLine() is the last good token's.
            String message = e.getMessage().lines().findFirst().orElse("syntax error");
            java.util.regex.Matcher at = java.util.regex.Pattern.compile(" at line (\\d+), column (\\d+)\\.?").matcher(message);
            int line = e.getLine();
            if (at.find()) {
                line = Integer.parseInt(at.group(1));
                message = message.substring(0, at.start()) + " (column " + at.group(2) + ")" + message.substring(at.end());
            }
            throw fail(line, "SPARQL syntax: " + message.strip());
        }
        if (!query.isSelectType()) {
            throw fail(0, "only SELECT queries can be served as rows");
        }
        if (query.hasLimit() || query.hasOffset()) {
            throw fail(0, "no LIMIT or OFFSET in a curated query: the API pages with its limit and offset parameters");
        }
        return query;
    }

    private List<QueryParameter> readParameters(JsonNode params, Query query) {
        List<QueryParameter> result = new ArrayList<>();
        if (params.isMissingNode() || params.isNull()) {
            return result;
        }
        if (!params.isObject()) {
            throw fail(lineOfKey("params"), "params must map each parameter name to its declaration");
        }
        Set<String> queryVars = mentionedVariables(query);
        for (Map.Entry<String, JsonNode> entry : params.properties()) {
            String name = entry.getKey();
            JsonNode decl = entry.getValue();
            int line = lineOfParam(name);
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw fail(line, "parameter name '" + name + "' must be letters and digits (it is a SPARQL variable)");
            }
            if (RESERVED.contains(name)) {
                throw fail(line, "parameter name '" + name + "' is reserved for pagination");
            }
            if (!queryVars.contains(name)) {
                throw fail(line, "parameter '" + name + "' is not a variable of the query (?" + name + ")");
            }
            if (!decl.isObject()) {
                throw fail(line, "parameter '" + name + "' needs a declaration with at least 'type:'");
            }
            for (Iterator<String> keys = decl.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!PARAM_KEYS.contains(key)) {
                    throw fail(line, "parameter '" + name + "': unknown key '" + key + "' (known: "
                            + String.join(", ", sorted(PARAM_KEYS)) + ")");
                }
            }
            String typeName = decl.path("type").asText("");
            ParameterType type = ParameterType.fromHeaderName(typeName).orElseThrow(() -> fail(line,
                    "parameter '" + name + "': type '" + typeName + "' is not one of iri, integer, date, string, langString, boolean"));
            String lang = text(decl, "lang");
            if (type == ParameterType.LANG_STRING && (lang == null || !lang.matches("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"))) {
                throw fail(line, "parameter '" + name + "': a langString needs 'lang:' with a language tag");
            }
            List<String> allowed = new ArrayList<>();
            if (decl.has("enum")) {
                if (!decl.get("enum").isArray() || decl.get("enum").isEmpty()) {
                    throw fail(line, "parameter '" + name + "': enum must be a non-empty list");
                }
                decl.get("enum").forEach(v -> allowed.add(v.asText()));
            }
            boolean required = decl.path("required").asBoolean(false);
            String defaultValue = text(decl, "default");
            if (required && defaultValue != null) {
                throw fail(line, "parameter '" + name + "': a required parameter cannot have a default");
            }
            QueryParameter parameter = new QueryParameter(name, type, text(decl, "description") == null ? ""
                    : text(decl, "description"), required, defaultValue, allowed, text(decl, "base"), lang,
                    text(decl, "example"));
            for (String value : valuesToCheck(parameter)) {
                try {
                    parameter.bind(value);
                } catch (ParameterException e) {
                    throw fail(line, e.getMessage() + " (in the header's default, example or enum)");
                }
            }
            result.add(parameter);
        }
        return result;
    }

    /** Every variable the query mentions anywhere: patterns, filters, expressions. */
    private static Set<String> mentionedVariables(Query query) {
        Set<String> seen = new java.util.HashSet<>();
        QueryTransformOps.transform(query, (Node node) -> {
            if (node.isVariable()) {
                seen.add(node.getName());
            }
            return node;
        });
        return seen;
    }

    private static List<String> valuesToCheck(QueryParameter p) {
        List<String> values = new ArrayList<>(p.allowed());
        if (p.defaultValue() != null) {
            values.add(p.defaultValue());
        }
        if (p.example() != null) {
            values.add(p.example());
        }
        return values;
    }

    /**
     * Binds every parameter to a sample value and parses the result again: a parameter variable in
     * a place where a constant is not allowed (ORDER BY ?x, GROUP BY ?x, BIND(... AS ?x)) is found
     * now, at start, not by the first user.
     */
    private void checkBindable(CuratedQuery curated) {
        Map<Var, Node> sample = new LinkedHashMap<>();
        for (QueryParameter p : curated.parameters()) {
            sample.put(Var.alloc(p.name()), p.bind(sampleValue(p)));
        }
        if (sample.isEmpty()) {
            return;
        }
        try {
            Query bound = QueryTransformOps.replaceVars(curated.query(), sample);
            QueryFactory.create(bound.toString(), Syntax.syntaxSPARQL_11);
        } catch (RuntimeException e) {
            throw fail(lineOfKey("params"), "the query is no longer valid SPARQL once its parameters are bound ("
                    + e.getMessage().lines().findFirst().orElse("") + "); a parameter variable must not be used in "
                    + "SELECT expressions, GROUP BY, ORDER BY or as a BIND target");
        }
    }

    private static String sampleValue(QueryParameter p) {
        if (!p.allowed().isEmpty()) {
            return p.allowed().get(0);
        }
        if (p.example() != null) {
            return p.example();
        }
        if (p.defaultValue() != null) {
            return p.defaultValue();
        }
        return switch (p.type()) {
            case IRI -> p.base() != null ? "voorbeeld" : "https://example.org/voorbeeld";
            case INTEGER -> "1";
            case DATE -> "2021-01-01";
            case BOOLEAN -> "true";
            case STRING, LANG_STRING -> "voorbeeld";
        };
    }

    private String requiredText(JsonNode yaml, String key) {
        String value = text(yaml, key);
        if (value == null || value.isBlank()) {
            throw fail(headerLineNumbers.get(0), "header needs '" + key + ":'");
        }
        return value.strip();
    }

    private static String optionalText(JsonNode yaml, String key, String fallback) {
        String value = text(yaml, key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private int lineOfKey(String key) {
        String h = header.toString();
        List<String> headerLines = h.lines().toList();
        for (int i = 0; i < headerLines.size(); i++) {
            if (headerLines.get(i).startsWith(key + ":")) {
                return headerLineNumbers.get(i);
            }
        }
        return headerLineNumbers.get(0);
    }

    private int lineOfParam(String name) {
        List<String> headerLines = header.toString().lines().toList();
        for (int i = 0; i < headerLines.size(); i++) {
            String l = headerLines.get(i);
            if (l.startsWith(" ") && l.strip().equals(name + ":")) {
                return headerLineNumbers.get(i);
            }
        }
        return lineOfKey("params");
    }

    private QueryFileException fail(int line, String problem) {
        return new QueryFileException(file, line, problem);
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().collect(Collectors.toList());
    }
}
