package dev.failscope.load.importers;

import dev.failscope.analysis.Inspection;
import dev.failscope.analysis.Inspector;
import dev.failscope.analysis.RuleCatalog;
import dev.failscope.load.LoadError;
import dev.failscope.load.LoadOptions;
import dev.failscope.load.TopologyLoader;
import dev.failscope.model.Edge;
import dev.failscope.model.EdgeKind;
import dev.failscope.model.FailoverPolicy;
import dev.failscope.model.Finding;
import dev.failscope.model.Ref;
import dev.failscope.model.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes fixture files into a temporary directory and inspects them. */
final class Fixture {
    static final String REAL = "src/test/resources/real-configs";

    private final Path dir;
    private final List<String> written = new ArrayList<>();

    Fixture(Path dir) {
        this.dir = dir;
    }

    Fixture file(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            written.add(p.toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }

    String dir() {
        return dir.toString();
    }

    Inspection inspect() {
        return inspect(written.toArray(String[]::new));
    }

    /** Inspects the fixture's folder, so the loader's walk finds the files (dotenv files too). */
    Inspection inspectDir() {
        return Fixture.inspect(dir.toString());
    }

    /** Inspects the files written, forcing {@code format}. */
    Inspection inspectAs(String format) {
        return Fixture.inspectAs(format, written.toArray(String[]::new));
    }


    static Inspection inspect(String... paths) {
        return inspectAs(null, paths);
    }

    static Inspection inspectAs(String format, String... paths) {
        return new Inspector(new TopologyLoader(new LoadOptions(format)), RuleCatalog.standard())
                .inspect(Arrays.asList(paths));
    }

    static List<String> errors(Inspection i) {
        return i.errors().stream().map(LoadError::format).toList();
    }

    static List<String> candidates(Topology t, String cluster) {
        return t.policy(cluster).map(FailoverPolicy::candidates).orElse(List.of()).stream().map(Ref::name)
                .toList();
    }

    static List<String> replicas(Topology t, String cluster) {
        return t.cluster(cluster).orElseThrow().replicas().stream().map(r -> r.server().name()).toList();
    }

    /** "from -> to" for every edge of a kind, sorted. */
    static List<String> edges(Topology t, EdgeKind kind) {
        return t.graph().edgeSet().stream().filter(e -> e.kind() == kind)
                .map(Fixture::edge).sorted().toList();
    }

    private static String edge(Edge e) {
        return (e.from().missing() ? "?" : "") + e.from().name() + " -> " + (e.to().missing() ? "?" : "")
                + e.to().name();
    }

    /** "rule file:line:col" with the file name only, for findings of a rule prefix. */
    static List<String> findings(Inspection i, String rulePrefix) {
        return i.findings().stream().filter(f -> f.rule().startsWith(rulePrefix)).map(Fixture::brief).toList();
    }

    static String brief(Finding f) {
        String file = f.position().file();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return f.rule() + " " + file + ":" + f.position().line() + ":" + f.position().column();
    }
}
