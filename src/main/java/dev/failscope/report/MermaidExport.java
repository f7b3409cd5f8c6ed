package dev.failscope.report;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Edge;
import dev.failscope.model.Node;
import dev.failscope.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mermaid flowchart that renders in GitHub markdown. Shapes: servers as rectangles, clusters as
 * cylinders, services as stadiums, missing names as hexagons. Failover edges are dotted and numbered;
 * an edge to a missing or decommissioned server is drawn thick red and labelled "missing" / "decommissioned",
 * so the broken failover line stands out without colour too.
 */
public final class MermaidExport {
    private MermaidExport() {}

    public static String render(Inspection inspection) {
        GraphAttributes a = new GraphAttributes(inspection);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<String> missing = new ArrayList<>();
        List<String> decommissioned = new ArrayList<>();
        List<String> erroring = new ArrayList<>();
        for (Node n : a.nodes()) {
            String id = a.id(n);
            out.append("  ").append(id).append(shape(n, a)).append('\n');
            if (n.missing()) {
                missing.add(id);
            } else if (a.isDecommissioned(n)) {
                decommissioned.add(id);
            } else if (a.severity(n).filter(s -> s == Severity.ERROR).isPresent()) {
                erroring.add(id);
            }
        }
        List<Integer> broken = new ArrayList<>();
        int index = 0;
        for (Edge e : a.edges()) {
            out.append("  ").append(a.id(e.from())).append(' ').append(arrow(e, a)).append(' ')
                    .append(a.id(e.to())).append('\n');
            if (GraphAttributes.dangling(e) || a.decommissioned(e) && GraphAttributes.pointsAtTarget(e)) {
                broken.add(index);
            }
            index++;
        }
        out.append("  classDef missing stroke:#d00,stroke-width:2px,stroke-dasharray:4 4,fill:#fff\n");
        out.append("  classDef decommissioned stroke:#d00,stroke-dasharray:4 4,fill:#eee,color:#555\n");
        out.append("  classDef error stroke:#d00,stroke-width:2px\n");
        classes(out, "missing", missing);
        classes(out, "decommissioned", decommissioned);
        classes(out, "error", erroring);
        for (int i : broken) {
            out.append("  linkStyle ").append(i).append(" stroke:#d00,stroke-width:3px\n");
        }
        return out.toString();
    }

    private static void classes(StringBuilder out, String name, List<String> ids) {
        if (!ids.isEmpty()) {
            out.append("  class ").append(String.join(",", ids)).append(' ').append(name).append('\n');
        }
    }

    private static String shape(Node n, GraphAttributes a) {
        String label = text(n.name() + (n.missing() ? " (missing)" : a.isDecommissioned(n) ? " (decommissioned)" : ""));
        if (n.missing()) {
            return "{{\"" + label + "\"}}";
        }
        return switch (n.kind()) {
            case SERVER -> "[\"" + label + "\"]";
            case CLUSTER -> "[(\"" + label + "\")]";
            case SERVICE -> "([\"" + label + "\"])";
            case ROUTE -> "[/\"" + label + "\"/]";
        };
    }

    private static String arrow(Edge e, GraphAttributes a) {
        String flag = GraphAttributes.dangling(e) ? " \u2717 missing" : a.decommissioned(e)
                && GraphAttributes.pointsAtTarget(e) ? " \u2717 decommissioned" : "";
        return switch (e.kind()) {
            case FAILOVER -> "-. \"failover " + e.order() + flag + "\" .->";
            case REPLICATION -> "-->|\"replicates" + flag + "\"|";
            case MEMBERSHIP -> "---";
            case DEPENDENCY -> "==>|\"depends" + flag + "\"|";
            case ROUTING -> "-->|\"" + GraphAttributes.label(e) + flag + "\"|";
        };
    }

    /** Mermaid label text: quotes and angle brackets as entity codes. */
    static String text(String s) {
        return Escaping.mermaid(s);
    }
}
