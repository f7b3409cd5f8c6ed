package dev.failscope.simulation.script;

import dev.failscope.load.LoadError;
import dev.failscope.load.LoadLimits;
import dev.failscope.load.YamlTreeParser;
import dev.failscope.load.tree.PEntry;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.SourcePosition;
import dev.failscope.simulation.FailureTarget;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code *.scenario.yaml} with the project's positioned YAML parser: every problem is a {@link LoadError}
 * with file:line:column, and nothing is thrown for bad input.
 *
 * <pre>
 * kind: scenario
 * title: The Case of the Vanishing Database
 * topology: ../catifyme          # relative to this file
 * steps:
 *   - time: "07:45"
 *     say: A deploy changes the failover settings.
 *   - time: "08:00"
 *     fail: db-main-1            # or a list; zone:NAME, region:NAME, host:NAME, NAME@90s
 *   - pause: What would you check first?
 * </pre>
 */
public final class ScriptReader {
    /** The file-name ending of scenario scripts. */
    public static final String SUFFIX = ".scenario.yaml";
    private static final Set<String> TOP_KEYS = Set.of("kind", "title", "topology", "description", "steps");
    private static final Set<String> STEP_KEYS = Set.of("time", "say", "pause", "fail");

    /** The script, or the reasons it could not be read (at least one). */
    public record Result(Optional<Script> script, List<LoadError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    private final List<LoadError> errors = new ArrayList<>();
    private final String display;

    private ScriptReader(String display) {
        this.display = display;
    }

    /** Reads the file; the display path is how positions name it. */
    public static Result read(Path file, String display) {
        ScriptReader r = new ScriptReader(display);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(Optional.empty(), List.of(new LoadError("not UTF-8 text",
                    SourcePosition.ofFile(display))));
        } catch (IOException e) {
            return new Result(Optional.empty(), List.of(new LoadError("cannot read: " + e.getMessage(),
                    SourcePosition.ofFile(display))));
        }
        Optional<Script> script = r.script(text, file.toAbsolutePath().getParent());
        return new Result(r.errors.isEmpty() ? script : Optional.empty(), r.errors);
    }

    private Optional<Script> script(String text, Path folder) {
        List<PNode> docs = new YamlTreeParser(LoadLimits.DEFAULT).parse(text, display, errors);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        if (docs.size() != 1 || !(docs.get(0) instanceof PMap map)) {
            errors.add(new LoadError("a scenario script is one YAML map with 'kind: scenario'",
                    docs.isEmpty() ? SourcePosition.ofFile(display) : docs.get(0).position()));
            return Optional.empty();
        }
        checkKeys(map, TOP_KEYS, "scenario");
        Optional<PScalar> kind = scalar(map, "kind", true);
        if (kind.isPresent() && !kind.get().text().equals("scenario")) {
            errors.add(new LoadError("expected 'kind: scenario', got '" + kind.get().text() + "'",
                    kind.get().position()));
        }
        String title = scalar(map, "title", false).map(PScalar::text).orElse("Scenario");
        Optional<PScalar> topology = scalar(map, "topology", true);
        String topologyPath = null;
        if (topology.isPresent()) {
            Path p = folder.resolve(topology.get().text()).normalize();
            if (!Files.exists(p)) {
                errors.add(new LoadError("topology path does not exist: " + topology.get().text() + " (resolved "
                        + "against the script's folder)", topology.get().position()));
            }
            Path here = Path.of("").toAbsolutePath();
            topologyPath = (p.startsWith(here) ? here.relativize(p) : p).toString().replace('\\', '/');
        }
        List<ScriptStep> steps = new ArrayList<>();
        Optional<PNode> stepsNode = map.get("steps");
        if (stepsNode.isEmpty()) {
            errors.add(new LoadError("scenario is missing required key 'steps'", map.position()));
        } else if (!(stepsNode.get() instanceof PSeq seq) || seq.items().isEmpty()) {
            errors.add(new LoadError("'steps' must be a non-empty list of steps, got " + stepsNode.get().describe(),
                    stepsNode.get().position()));
        } else {
            seq.items().forEach(item -> step(item).ifPresent(steps::add));
        }
        if (!errors.isEmpty() || topologyPath == null) {
            return Optional.empty();
        }
        return Optional.of(new Script(title, display, topologyPath, steps));
    }

    private Optional<ScriptStep> step(PNode node) {
        if (!(node instanceof PMap map)) {
            errors.add(new LoadError("a step must be a map of time, say, pause and fail, got " + node.describe(),
                    node.position()));
            return Optional.empty();
        }
        checkKeys(map, STEP_KEYS, "a step");
        String time = scalar(map, "time", false).map(PScalar::text).orElse(null);
        String say = scalar(map, "say", false).map(PScalar::text).orElse(null);
        String pause = scalar(map, "pause", false).map(PScalar::text).orElse(null);
        List<ScriptStep.Failure> fail = new ArrayList<>();
        map.get("fail").ifPresent(f -> {
            List<PNode> items = f instanceof PSeq seq ? seq.items() : List.of(f);
            for (PNode item : items) {
                if (item instanceof PScalar s && !s.isNull()) {
                    FailureTarget.Parsed parsed = FailureTarget.parse(s.text());
                    parsed.errorOpt().ifPresentOrElse(e -> errors.add(new LoadError(e, s.position())),
                            () -> fail.add(new ScriptStep.Failure(s.text(), s.position())));
                } else {
                    errors.add(new LoadError("'fail' takes a failure target or a list of them (db-main-1, "
                            + "zone:NAME, region:NAME, host:NAME), got " + item.describe(), item.position()));
                }
            }
        });
        if (say == null && pause == null && !map.get("fail").isPresent()) {
            errors.add(new LoadError("a step needs at least one of say, pause or fail", map.position()));
            return Optional.empty();
        }
        return Optional.of(new ScriptStep(time, say, pause, fail, map.position()));
    }

    private Optional<PScalar> scalar(PMap map, String key, boolean required) {
        Optional<PNode> node = map.get(key);
        if (node.isEmpty()) {
            if (required) {
                errors.add(new LoadError("scenario is missing required key '" + key + "'", map.position()));
            }
            return Optional.empty();
        }
        if (node.get() instanceof PScalar s && !s.isNull()) {
            return Optional.of(s);
        }
        errors.add(new LoadError("'" + key + "' must be text, got " + node.get().describe(), node.get().position()));
        return Optional.empty();
    }

    private void checkKeys(PMap map, Set<String> known, String where) {
        for (PEntry e : map.entries()) {
            if (!known.contains(e.key().text())) {
                errors.add(new LoadError("unknown key '" + e.key().text() + "' in " + where + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")", e.key().position()));
            }
        }
    }
}
