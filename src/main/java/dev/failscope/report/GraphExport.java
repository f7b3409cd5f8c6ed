package dev.failscope.report;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.model.Severity;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * The topology graph for other tools, with jgrapht-io's exporters: DOT for Graphviz and GraphML for yEd and
 * Gephi. Every vertex carries {@code kind}, {@code name}, {@code status} (servers; "missing" for a referenced
 * but undeclared name) and {@code severity} (worst finding about it); every edge {@code kind}, {@code order}
 * (failover), {@code severity}, {@code dangling} and {@code decommissioned}. DOT also gets Graphviz styling:
 * failover edges dashed and numbered, missing and decommissioned targets dashed red, errors red.
 */
public final class GraphExport {
    private GraphExport() {}

    public static String dot(Inspection inspection) {
        GraphAttributes a = new GraphAttributes(inspection);
        DOTExporter<Node, Edge> exporter = new DOTExporter<>(n -> a.id(n));
        exporter.setGraphIdProvider(() -> "failscope");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("rankdir", DefaultAttribute.createAttribute("LR"));
            return m;
        });
        exporter.setVertexAttributeProvider(n -> dotVertex(a, n));
        exporter.setEdgeAttributeProvider(e -> dotEdge(a, e));
        StringWriter out = new StringWriter();
        exporter.exportGraph(inspection.topology().graph(), out);
        return out.toString().replace("\r\n", "\n");
    }

    public static String graphml(Inspection inspection) {
        GraphAttributes a = new GraphAttributes(inspection);
        GraphMLExporter<Node, Edge> exporter = new GraphMLExporter<>(n -> a.id(n));
        exporter.setExportEdgeLabels(false);
        for (String key : new String[] {"kind", "severity", "label"}) {
            exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.ALL, AttributeType.STRING);
        }
        for (String key : new String[] {"name", "status"}) {
            exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        }
        exporter.registerAttribute("order", GraphMLExporter.AttributeCategory.EDGE, AttributeType.INT);
        exporter.registerAttribute("dangling", GraphMLExporter.AttributeCategory.EDGE, AttributeType.BOOLEAN);
        exporter.registerAttribute("decommissioned", GraphMLExporter.AttributeCategory.EDGE, AttributeType.BOOLEAN);
        exporter.setVertexAttributeProvider(n -> common(a, n, Escaping::visible));
        exporter.setEdgeAttributeProvider(e -> commonEdge(a, e));
        int[] next = {0};
        Map<Edge, String> edgeIds = new java.util.IdentityHashMap<>();
        exporter.setEdgeIdProvider(e -> edgeIds.computeIfAbsent(e, k -> "e" + next[0]++));
        StringWriter out = new StringWriter();
        exporter.exportGraph(inspection.topology().graph(), out);
        return out.toString().replace("\r\n", "\n");
    }

    /** Vertex attributes; {@code shown} is the format's form of a name (visible for GraphML, DOT-escaped for DOT). */
    private static Map<String, Attribute> common(GraphAttributes a, Node n, UnaryOperator<String> shown) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("kind", DefaultAttribute.createAttribute(GraphAttributes.kind(n)));
        m.put("name", DefaultAttribute.createAttribute(shown.apply(n.name())));
        a.status(n).ifPresent(s -> m.put("status", DefaultAttribute.createAttribute(s)));
        a.severity(n).ifPresent(s -> m.put("severity", DefaultAttribute.createAttribute(s.label())));
        m.put("label", DefaultAttribute.createAttribute(shown.apply(n.name())));
        return m;
    }

    private static Map<String, Attribute> commonEdge(GraphAttributes a, Edge e) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        m.put("kind", DefaultAttribute.createAttribute(GraphAttributes.kind(e)));
        if (GraphAttributes.isFailover(e)) {
            m.put("order", DefaultAttribute.createAttribute(e.order()));
        }
        a.severity(e).ifPresent(s -> m.put("severity", DefaultAttribute.createAttribute(s.label())));
        m.put("dangling", DefaultAttribute.createAttribute(GraphAttributes.dangling(e)));
        m.put("decommissioned", DefaultAttribute.createAttribute(a.decommissioned(e)));
        m.put("label", DefaultAttribute.createAttribute(GraphAttributes.label(e)));
        return m;
    }

    private static Map<String, Attribute> dotVertex(GraphAttributes a, Node n) {
        Map<String, Attribute> m = common(a, n, Escaping::dot);
        m.put("shape", DefaultAttribute.createAttribute(switch (n.kind()) {
            case SERVER -> "ellipse";
            case CLUSTER -> "cylinder";
            case SERVICE -> "component";
            case ROUTE -> "parallelogram";
        }));
        if (n.missing()) {
            m.put("style", DefaultAttribute.createAttribute("dashed"));
            m.put("label", DefaultAttribute.createAttribute(Escaping.dot(n.name()) + "\\n(missing)"));
        } else if (a.isDecommissioned(n)) {
            m.put("style", DefaultAttribute.createAttribute("dashed,filled"));
            m.put("fillcolor", DefaultAttribute.createAttribute("gray90"));
            m.put("label", DefaultAttribute.createAttribute(Escaping.dot(n.name()) + "\\n(decommissioned)"));
        }
        a.severity(n).filter(s -> s == Severity.ERROR)
                .ifPresent(s -> m.put("color", DefaultAttribute.createAttribute("red")));
        return m;
    }

    private static Map<String, Attribute> dotEdge(GraphAttributes a, Edge e) {
        Map<String, Attribute> m = commonEdge(a, e);
        switch (e.kind()) {
            case FAILOVER -> m.put("style", DefaultAttribute.createAttribute("dashed"));
            case MEMBERSHIP -> m.put("style", DefaultAttribute.createAttribute("dotted"));
            case DEPENDENCY -> m.put("style", DefaultAttribute.createAttribute("bold"));
            case ROUTING -> m.put("style", DefaultAttribute.createAttribute("solid"));
            case REPLICATION -> { }
            default -> throw new IllegalStateException("unhandled edge kind " + e.kind());
        }
        if (GraphAttributes.dangling(e) || a.decommissioned(e)) {
            m.put("color", DefaultAttribute.createAttribute("red"));
            m.put("penwidth", DefaultAttribute.createAttribute(2));
        }
        return m;
    }
}
