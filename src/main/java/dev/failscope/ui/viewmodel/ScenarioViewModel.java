package dev.failscope.ui.viewmodel;

import dev.failscope.load.LoadError;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.simulation.script.Script;
import dev.failscope.simulation.script.ScriptReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.value.ChangeListener;

/**
 * File → Open Scenario…: reads a {@code *.scenario.yaml} (core {@link ScriptReader}), opens its topology, checks
 * its failures against it, and builds the slides in the background. Every problem goes to the error bar with
 * its file:line:column; the presentation starts only on a script that is entirely good.
 */
public final class ScenarioViewModel {
    private final MainViewModel main;
    private final Executor background;
    private final Executor ui;
    private final BiConsumer<Script, List<Beat>> present;
    private long generation;

    public ScenarioViewModel(MainViewModel main, Executor background, Executor ui,
                             BiConsumer<Script, List<Beat>> present) {
        this.main = main;
        this.background = background;
        this.ui = ui;
        this.present = present;
    }

    /** Reads the script, then loads its topology and presents it; or reports what is wrong. */
    public void open(Path file) {
        long ticket = ++generation;
        String display = file.toString();
        main.say("Reading scenario " + display + " …");
        background.execute(() -> {
            ScriptReader.Result read = ScriptReader.read(file, display);
            ui.execute(() -> {
                if (ticket != generation) {
                    return;
                }
                read.script().ifPresentOrElse(s -> loadTopology(ticket, s), () -> main.reportErrors(read.errors(),
                        count(read.errors().size()) + " in scenario " + display));
            });
        });
    }

    private void loadTopology(long ticket, Script script) {
        List<String> paths = List.of(script.topology());
        if (main.pathsProperty().get().equals(paths) && main.inspectionProperty().get() != null
                && main.errors().isEmpty() && !main.loadingProperty().get()) {
            build(ticket, script, main.topology());
            return;
        }
        ChangeListener<Boolean> done = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    return;
                }
                main.loadingProperty().removeListener(this);
                if (ticket != generation) {
                    return;
                }
                if (!main.errors().isEmpty() || !main.pathsProperty().get().equals(paths)) {
                    main.say("The scenario's topology " + script.topology() + " did not load: see the error bar");
                    return;
                }
                build(ticket, script, main.topology());
            }
        };
        main.loadingProperty().addListener(done);
        main.open(paths);
    }

    private void build(long ticket, Script script, Topology topology) {
        background.execute(() -> {
            List<LoadError> errors = new ArrayList<>();
            List<List<FailureTarget>> targets = resolve(script, topology, errors);
            List<Beat> beats = errors.isEmpty() ? Beats.of(script, topology, targets) : List.of();
            ui.execute(() -> {
                if (ticket != generation) {
                    return;
                }
                if (!errors.isEmpty()) {
                    main.reportErrors(errors, count(errors.size()) + " in scenario " + script.file());
                    return;
                }
                present.accept(script, beats);
            });
        });
    }

    /** Each step's failures, parsed and checked against the topology; a name that names nothing is an error. */
    static List<List<FailureTarget>> resolve(Script script, Topology topology, List<LoadError> errors) {
        return dev.failscope.simulation.script.Slides.resolve(script, topology, errors);
    }

    private static String count(int n) {
        return n + (n == 1 ? " error" : " errors");
    }
}
