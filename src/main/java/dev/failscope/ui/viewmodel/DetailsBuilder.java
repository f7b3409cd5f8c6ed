package dev.failscope.ui.viewmodel;

import dev.failscope.analysis.CandidateAssessment;
import dev.failscope.analysis.CandidateEvaluator;
import dev.failscope.analysis.CandidateIssue;
import dev.failscope.model.Cluster;
import dev.failscope.model.Dependency;
import dev.failscope.model.Durations;
import dev.failscope.model.Facts;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Node;
import dev.failscope.model.Replica;
import dev.failscope.model.Server;
import dev.failscope.model.Service;
import dev.failscope.model.SourcePosition;
import dev.failscope.model.Topology;
import dev.failscope.ui.viewmodel.Details.CandidateRow;
import dev.failscope.ui.viewmodel.Details.Property;
import dev.failscope.ui.viewmodel.Details.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the details of one element. Pure, apart from reading the snippet through the given reader. */
public final class DetailsBuilder {
    /** Lines shown before and after the focus line. */
    public static final int CONTEXT = 4;

    private final Topology topology;
    private final List<Finding> findings;
    private final Function<String, Optional<List<String>>> reader;

    /**
     * @param reader reads a file by display path; empty when it cannot be read
     */
    public DetailsBuilder(Topology topology, List<Finding> findings,
                          Function<String, Optional<List<String>>> reader) {
        this.topology = topology;
        this.findings = List.copyOf(findings);
        this.reader = reader;
    }

    /** Details of the node, with the snippet around {@code focus} (or around its declaration). */
    public Details build(Node node, SourcePosition focus) {
        List<Property> props = new ArrayList<>();
        List<CandidateRow> candidates = new ArrayList<>();
        String kind = node.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (node.missing()) {
            kind = "missing " + kind;
            props.add(new Property("declared", "nowhere: no inventory or file declares " + node.name(),
                    Optional.empty()));
            topology.graph().incomingEdgesOf(node).stream().sorted((a, b) -> a.position().compareTo(b.position()))
                    .forEach(e -> props.add(new Property("referenced by", e.from().name() + " ("
                            + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ")", Optional.of(e.position()))));
        } else {
            switch (node.kind()) {
                case SERVER -> topology.server(node.name()).ifPresent(s -> server(s, props));
                case CLUSTER -> cluster(node.name(), props, candidates);
                case SERVICE -> topology.service(node.name()).ifPresent(s -> service(s, props));
                case ROUTE -> topology.route(node.name()).ifPresent(r -> RouteDetails.add(r, props));
            }
        }
        List<Finding> about = findings.stream()
                .filter(f -> f.subject().equals(node.name()) || node.name().equals(f.target()))
                .toList();
        SourcePosition at = focus != null ? focus : Elements.declaration(topology, node).orElse(null);
        return new Details(node.name(), kind, props, about, candidates, Optional.ofNullable(at).flatMap(this::snippet));
    }

    /** Details of a bare source position: the file around the line. */
    public Details source(SourcePosition at) {
        return new Details(at.shortForm(), "source", List.of(new Property("location", at.toString(),
                Optional.of(at))), List.of(), List.of(), snippet(at));
    }

    private void server(Server s, List<Property> props) {
        Facts f = s.facts();
        props.add(new Property("name", s.name(), Optional.of(s.position())));
        add(props, f, "address", s.address());
        add(props, f, "region", s.region());
        add(props, f, "zone", s.zone());
        add(props, f, "host", s.host());
        props.add(new Property("status", s.status().label(), f.of("status")));
        props.add(new Property("no-failover", String.valueOf(s.noFailover()), f.of("no-failover")));
        new TreeMap<>(s.tags()).forEach((k, v) -> props.add(new Property("tags." + k, v, f.of("tags"))));
        String clusters = topology.clustersOf(s.name()).stream().map(c -> c.name()
                + (c.primary().name().equals(s.name()) ? " (primary)" : " (replica)"))
                .collect(Collectors.joining(", "));
        props.add(new Property("member of", clusters.isEmpty() ? "no cluster" : clusters, Optional.empty()));
    }

    private void cluster(String name, List<Property> props, List<CandidateRow> candidates) {
        Optional<Cluster> cluster = topology.cluster(name);
        cluster.ifPresent(c -> {
            props.add(new Property("name", c.name(), Optional.of(c.position())));
            add(props, c.facts(), "engine", c.engine());
            props.add(new Property("primary", c.primary().name(), Optional.of(c.primary().position())));
            for (Replica r : c.replicas()) {
                String text = r.mode().label() + r.lagOpt().map(l -> ", lag " + Durations.format(l)).orElse("")
                        + r.sourceOpt().map(src -> ", from " + src.name()).orElse("");
                props.add(new Property("replica " + r.server().name(), text, Optional.of(r.server().position())));
            }
        });
        Optional<FailoverPolicy> policy = topology.policy(name);
        if (cluster.isEmpty() && policy.isEmpty()) {
            return;
        }
        if (policy.isEmpty()) {
            props.add(new Property("failover", "no failover policy", Optional.empty()));
            return;
        }
        FailoverPolicy p = policy.get();
        props.add(new Property("failover.detection", Durations.format(p.detection()), p.facts().of("detection")));
        props.add(new Property("failover.attempt-timeout", Durations.format(p.attemptTimeout()),
                p.facts().of("attempt-timeout")));
        props.add(new Property("failover.max-lag", p.maxLagOpt().map(Durations::format).orElse("unset"),
                p.facts().of("max-lag")));
        props.add(new Property("failover.require-sync", String.valueOf(p.requireSync()),
                p.facts().of("require-sync")));
        props.add(new Property("failover.same-region-only", String.valueOf(p.sameRegionOnly()),
                p.facts().of("same-region-only")));
        for (CandidateAssessment a : new CandidateEvaluator(topology).assess(p)) {
            candidates.add(row(a));
        }
    }

    private static CandidateRow row(CandidateAssessment a) {
        String why = a.issues().isEmpty() ? "viable"
                : a.issues().stream().map(CandidateIssue::detail).collect(Collectors.joining("; "));
        if (a.viable() && !a.issues().isEmpty()) {
            why = "viable (warning: " + why + ")";
        }
        Optional<SourcePosition> decided = a.blocker().or(() -> a.issues().stream().findFirst())
                .map(CandidateIssue::decidedBy);
        return new CandidateRow(a.order(), a.candidate().name(), a.viable(), why, decided);
    }

    private void service(Service s, List<Property> props) {
        props.add(new Property("name", s.name(), Optional.of(s.position())));
        for (Dependency d : s.dependsOn()) {
            props.add(new Property("depends-on", d.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + d.label(), Optional.of(d.target().position())));
        }
    }

    private static void add(List<Property> props, Facts facts, String key, String value) {
        if (value != null) {
            props.add(new Property(key, value, facts.of(key)));
        }
    }

    private Optional<Snippet> snippet(SourcePosition at) {
        return reader.apply(at.file()).map(read -> {
            List<String> lines = read;
            if (at.line() == read.size() + 1) {
                lines = new ArrayList<>(read); // errors at the end of input point just past the last line
                lines.add("(end of file)");
            }
            int first = Math.max(1, at.line() - CONTEXT);
            int last = Math.min(lines.size(), at.line() + CONTEXT);
            List<String> slice = first <= last ? lines.subList(first - 1, last) : List.of();
            return new Snippet(at.file(), first, slice, at.line());
        });
    }
}
