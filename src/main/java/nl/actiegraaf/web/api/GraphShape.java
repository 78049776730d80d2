package nl.actiegraaf.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Turns edge rows into the {nodes, edges} JSON graph drawing libraries take (vis-network, Cytoscape,
 * D3 force, sigma). Each row is one edge: {@code ?source} and {@code ?target} are node ids;
 * {@code ?sourceLabel}, {@code ?sourceType}, {@code ?sourceX}... become properties {@code label},
 * {@code type}, {@code x}... of the source node (likewise for the target); {@code ?type} and every
 * other column are properties of the edge. Each node appears once.
 */
final class GraphShape {
    private GraphShape() {
    }

    record Graph(List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
    }

    static Graph of(List<String> vars, List<Binding> rows) {
        Map<Object, Map<String, Object>> nodes = new LinkedHashMap<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Binding binding : rows) {
            Map<String, Object> row = ResultValues.row(vars, binding);
            Object source = row.get("source");
            Object target = row.get("target");
            if (source == null || target == null) {
                continue;
            }
            addNode(nodes, source, row, "source");
            addNode(nodes, target, row, "target");
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("source", source);
            edge.put("target", target);
            row.forEach((key, value) -> {
                if (!key.startsWith("source") && !key.startsWith("target")) {
                    edge.put(key, value);
                }
            });
            edges.add(edge);
        }
        return new Graph(new ArrayList<>(nodes.values()), edges);
    }

    private static void addNode(Map<Object, Map<String, Object>> nodes, Object id, Map<String, Object> row, String end) {
        Map<String, Object> node = nodes.computeIfAbsent(id, k -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", k);
            return n;
        });
        row.forEach((key, value) -> {
            if (key.startsWith(end) && key.length() > end.length() && value != null) {
                String property = key.substring(end.length());
                node.putIfAbsent(property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1), value);
            }
        });
    }
}
