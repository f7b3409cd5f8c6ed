package dev.failscope.report.html;

import dev.failscope.analysis.Inspection;
import dev.failscope.diff.Change;
import dev.failscope.diff.Comparison;
import dev.failscope.diff.ResilienceDelta;
import dev.failscope.load.LoadError;
import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.report.DiffLabels;
import dev.failscope.report.render.ImageExport;
import dev.failscope.simulation.FailureScenario;
import dev.failscope.simulation.Simulation;
import dev.failscope.simulation.Simulator;
import dev.failscope.simulation.SweepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --format html}: one self-contained review page per command. The graph is render's SVG; the findings,
 * their source lines, the sweep's failures and the simulation timelines travel as a JSON data island that the
 * page's script (resources {@code page.js}, {@code page.css}, {@code page.html}) turns into linked tables, a
 * search and a stepper. The same input gives the same bytes: no clock, no random ids, sorted data.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** {@code check}: the graph with its findings. */
    public static String check(Inspection inspection, String label) {
        PageBuilder page = new PageBuilder("check", "failscope check — " + label);
        page.side("graph", label, inspection.topology(), inspection.findings());
        page.findings(inspection.findings(), "graph", "found");
        page.summary(summary(inspection));
        return page.render();
    }

    /** {@code sweep}: the graph, its findings and every simulated failure with its outcome. */
    public static String sweep(Inspection inspection, SweepResult result, String label) {
        PageBuilder page = new PageBuilder("sweep", "failscope sweep — " + label);
        page.side("graph", label, inspection.topology(), inspection.findings());
        page.findings(inspection.findings(), "graph", "found");
        page.data.put("sweep", result.rows().stream().map(r -> RunData.sweepRow(r, page.sides.get(0))).toList());
        long outages = result.rows().stream().filter(r -> r.outage()).count();
        page.summary(summary(inspection) + "; " + count(result.rows().size(), "failure") + " simulated, "
                + count(outages, "outage") + ", " + count(result.singlePointsOfFailure().size(),
                "single point") + " of failure");
        return page.render();
    }

    /** {@code simulate}: the graph and a stepper that plays the timeline on it. */
    public static String simulate(Inspection inspection, Simulation sim, String label) {
        PageBuilder page = new PageBuilder("simulate", "failscope simulate — " + label);
        page.side("graph", label, inspection.topology(), inspection.findings());
        page.findings(inspection.findings(), "graph", "found");
        page.data.put("simulations", List.of(RunData.simulation("losing " + sim.scenario().label(), page.sides.get(0),
                sim)));
        Simulation.Summary s = sim.summary();
        page.summary("losing " + sim.scenario().label() + ": " + count(s.clustersDown().size(), "cluster")
                + " down, " + count(s.servicesDown().size(), "service") + " down"
                + (sim.outage() ? " — an OUTAGE" : ""));
        return page.render();
    }

    /**
     * {@code diff}: both sides' graphs (switchable, changes marked), the story, the changes, the introduced and
     * resolved findings, and for each touched cluster the loss of its primary, steppable on either side.
     */
    public static String diff(Comparison c, DiffLabels labels) {
        PageBuilder page = new PageBuilder("diff", "failscope diff — " + labels.before() + " → " + labels.after());
        page.side("before", labels.before(), c.before().topology(), c.before().findings(), DiffMarks.of(c, true));
        page.side("after", labels.after(), c.after().topology(), c.after().findings(), DiffMarks.of(c, false));
        page.findings(c.findings().introduced(), "after", "introduced");
        page.findings(c.findings().resolved(), "before", "resolved");
        page.data.put("story", c.story());
        page.data.put("changes", c.changes().stream().map(HtmlReport::change).toList());
        List<Object> sims = new ArrayList<>();
        for (ResilienceDelta d : c.resilience()) {
            simulate(c.after().topology(), d.cluster(), page.sides.get(1), sims);
            simulate(c.before().topology(), d.cluster(), page.sides.get(0), sims);
        }
        page.data.put("simulations", sims);
        page.data.put("resilience", c.resilience().stream().map(ResilienceDelta::describe).toList());
        page.summary(count(c.changes().size(), "change") + ", " + count(c.findings().introduced().size(),
                "finding") + " introduced, " + c.findings().resolved().size() + " resolved"
                + (c.regressions().isEmpty() ? "" : "; " + count(c.regressions().size(), "primary loss")
                + " turned into an outage"));
        return page.render();
    }

    /** Nothing was loaded: the page lists the load errors and shows no graph and no green result. */
    public static String errors(List<LoadError> errors, String label) {
        PageBuilder page = new PageBuilder("errors", "failscope — " + label);
        List<Object> list = new ArrayList<>();
        for (LoadError e : errors.stream().sorted(LoadError.ORDER).toList()) {
            Map<String, Object> m = position(e.position(), page.snippets);
            m.put("message", e.message());
            list.add(m);
        }
        page.data.put("errors", list);
        page.summary(count(errors.size(), "load error") + ": nothing was checked");
        return page.render();
    }

    private static void simulate(Topology t, String cluster, GraphData side, List<Object> into) {
        t.cluster(cluster).ifPresent(cl -> {
            String primary = cl.primary().name();
            Simulation sim = new Simulator(t).run(FailureScenario.servers(primary));
            into.add(RunData.simulation(side.key() + ": losing " + primary + " (" + cluster + ")", side, sim));
        });
    }

    private static Map<String, Object> change(Change ch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", RunData.lower(ch.type().name()));
        m.put("element", ch.element().label());
        m.put("subject", ch.subject());
        ch.target().ifPresent(t -> m.put("target", t));
        m.put("message", ch.message());
        ch.beforePosition().ifPresent(p -> m.put("before", p.toString()));
        ch.afterPosition().ifPresent(p -> m.put("after", p.toString()));
        return m;
    }

    static Map<String, Object> position(SourcePosition p, SourceSnippets snippets) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("line", p.line());
        m.put("column", p.column());
        snippets.around(p).ifPresent(s -> m.put("snippet", s));
        return m;
    }

    private static String summary(Inspection i) {
        Topology t = i.topology();
        return count(t.servers().size(), "server") + ", " + count(t.clusters().size(), "cluster") + ", "
                + count(t.services().size(), "service") + "; " + count(i.count(Severity.ERROR), "error") + ", "
                + count(i.count(Severity.WARNING), "warning");
    }

    static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Collects the page's sides and data in a fixed order. */
    private static final class PageBuilder {
        final Map<String, Object> data = new LinkedHashMap<>();
        final SourceSnippets snippets = new SourceSnippets();
        final List<GraphData> sides = new ArrayList<>();
        final List<Object> findings = new ArrayList<>();
        final String title;

        PageBuilder(String mode, String title) {
            this.title = title;
            data.put("mode", mode);
            data.put("title", title);
        }

        void side(String key, String label, Topology topology, List<Finding> badges) {
            side(key, label, topology, badges, dev.failscope.scene.SceneDiff.NONE);
        }

        void side(String key, String label, Topology topology, List<Finding> badges,
                  dev.failscope.scene.SceneDiff diff) {
            sides.add(GraphData.of(key, label, topology, badges, diff));
        }

        void findings(List<Finding> list, String side, String status) {
            for (Finding f : list.stream().sorted(Finding.ORDER).toList()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("side", side);
                m.put("status", status);
                m.put("severity", RunData.lower(f.severity().name()));
                m.put("rule", f.rule());
                m.put("subject", f.subject());
                Optional.ofNullable(f.target()).ifPresent(t -> m.put("target", t));
                m.put("message", f.message());
                m.putAll(position(f.position(), snippets));
                findings.add(m);
            }
        }

        void summary(String text) {
            data.put("summary", text);
        }

        String render() {
            data.put("sides", sides.stream().map(GraphData::json).toList());
            data.put("findings", findings);
            data.put("palette", SceneJson.palette());
            boolean overlay = data.containsKey("simulations");
            String legend = ImageExport.legendSvgElement(overlay, 720);
            return HtmlPage.render(title, sides, legend, data);
        }
    }
}
