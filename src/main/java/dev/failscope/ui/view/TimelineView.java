package dev.failscope.ui.view;

import dev.failscope.model.Durations;
import dev.failscope.simulation.EventKind;
import dev.failscope.simulation.SimulationEvent;
import dev.failscope.ui.viewmodel.Impact;
import dev.failscope.ui.viewmodel.SimulationViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The timeline tab: step, play, scrub and jump through the simulator's events; the impact summary beside. */
final class TimelineView {
    private final SimulationViewModel vm;
    private final Tab tab = new Tab("Timeline");
    private final ListView<SimulationEvent> list = new ListView<>();
    private final VBox impact = new VBox(4);
    private final Label position = new Label();
    private final Timeline player = new Timeline();
    private final Slider scrubber = new Slider(0, 1, 0);
    private boolean syncing;

    TimelineView(SimulationViewModel vm) {
        this.vm = vm;
        tab.setId("timeline-tab");
        tab.setClosable(false);
        list.setId("timeline-events");
        list.setItems(vm.events());
        list.setCellFactory(l -> new EventCell());
        list.setPlaceholder(new Label("Select a server and press Simulate loss (K), or use ⚡ Lose zone / region / host."));
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!syncing && i.intValue() >= 0) {
                vm.jumpTo(i.intValue() + 1);
            }
        });

        Button reset = ToolBarBuilder.button("◀◀ Reset", "Back to before the failure (Home)", vm::reset);
        reset.setId("sim-reset");
        Button back = ToolBarBuilder.button("◀ Step", "Step back (Ctrl+←)", vm::stepBack);
        back.setId("sim-back");
        Button play = ToolBarBuilder.button("▶ Play", "Play / pause (P)", this::togglePlay);
        play.setId("sim-play");
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
        Button forward = ToolBarBuilder.button("Step ▶", "Step forward (Ctrl+→)", vm::stepForward);
        forward.setId("sim-forward");
        Button end = ToolBarBuilder.button("End ▶▶", "Jump to the end (End)", vm::toEnd);
        end.setId("sim-end");
        ComboBox<Double> speed = new ComboBox<>(FXCollections.observableArrayList(0.5, 1.0, 2.0, 4.0));
        speed.setValue(1.0);
        speed.setButtonCell(new SpeedCell());
        speed.setCellFactory(l -> new SpeedCell());
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(v == null ? 1.0 : v));
        scrubber.setId("sim-scrubber");
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.setBlockIncrement(1);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.maxProperty().bind(Bindings.size(vm.events()));
        scrubber.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                vm.jumpTo((int) Math.round(v.doubleValue()));
            }
        });
        Button exit = ToolBarBuilder.button("✕ Exit", "Back to the plain topology", vm::exit);
        exit.setId("sim-exit");
        position.setId("sim-position");
        HBox controls = new HBox(6, reset, back, play, forward, end, new Label("Speed"), speed, scrubber, position,
                exit);
        // Buttons keep their words at 1280×720; the scrubber and the position give up room first.
        for (javafx.scene.Node n : controls.getChildren()) {
            if (n instanceof javafx.scene.control.Control c && n != scrubber) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        scrubber.setMinWidth(60);
        position.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 6, 4, 6));
        controls.disableProperty().bind(vm.activeProperty().not());

        impact.setId("impact");
        impact.setPadding(new Insets(6, 10, 6, 10));
        impact.setPrefWidth(300);
        impact.getStyleClass().add("impact");
        BorderPane content = new BorderPane(list);
        content.setTop(controls);
        javafx.scene.control.ScrollPane impactScroll = new javafx.scene.control.ScrollPane(impact);
        impactScroll.setFitToWidth(true);
        impactScroll.setPrefWidth(320);
        content.setRight(impactScroll);
        tab.setContent(content);

        vm.stepProperty().addListener((o, a, s) -> sync());
        vm.simulationProperty().addListener((o, a, s) -> {
            sync();
            showImpact();
        });
        vm.playingProperty().addListener((o, a, p) -> {
            if (p) {
                schedule();
            } else {
                player.stop();
            }
        });
        vm.speedProperty().addListener((o, a, s) -> {
            if (vm.playingProperty().get()) {
                schedule();
            }
        });
        showImpact();
    }

    private void togglePlay() {
        if (!vm.playingProperty().get() && vm.stepProperty().get() >= vm.events().size()) {
            vm.reset();
        }
        vm.playingProperty().set(!vm.playingProperty().get());
    }

    private void schedule() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(1400 / vm.speedProperty().get()),
                e -> vm.stepForward()));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
    }

    private void sync() {
        syncing = true;
        try {
            int s = vm.stepProperty().get();
            if (s == 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(s - 1);
                list.scrollTo(Math.max(0, s - 3));
            }
            scrubber.setValue(s);
            String at = vm.currentEvent().map(e -> "  ·  t+" + Durations.format(e.at())).orElse("  ·  before");
            position.setText("step " + s + " / " + vm.events().size() + at);
        } finally {
            syncing = false;
        }
    }

    private void showImpact() {
        impact.getChildren().clear();
        Label title = new Label("Impact at the end");
        title.getStyleClass().add("details-section");
        impact.getChildren().add(title);
        vm.simulationProperty().get().ifPresentOrElse(sim -> {
            for (String line : Impact.lines(sim)) {
                Label l = new Label(line);
                l.setWrapText(true);
                impact.getChildren().add(l);
            }
            Button copy = new Button("Copy JSON (as failscope simulate)");
            copy.setOnAction(e -> vm.json().ifPresent(json -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(json);
                Clipboard.getSystemClipboard().setContent(c);
            }));
            impact.getChildren().add(copy);
        }, () -> impact.getChildren().add(new Label("No simulation yet.")));
    }

    Tab tab() {
        return tab;
    }

    private static String icon(EventKind kind) {
        return switch (kind) {
            case FAILED, PRIMARY_LOST -> "✖";
            case DETECTED -> "⚑";
            case CANDIDATE_SKIPPED -> "↷";
            case ATTEMPT_TIMED_OUT -> "◷";
            case PROMOTED -> "♛";
            case REPOINTED -> "↪";
            case OUTAGE -> "✖";
            case DEGRADED, SERVICE_DEGRADED, REPLICA_STALE -> "▲";
            case SERVICE_DOWN -> "✖";
            case SERVICE_RESTORED -> "✔";
            case ROUTE_FOLLOWS -> "↪";
            case ROUTE_WAITING -> "◷";
            case ROUTE_STUCK -> "✖";
        };
    }

    private static final class EventCell extends ListCell<SimulationEvent> {
        @Override
        protected void updateItem(SimulationEvent e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("event-bad", "event-good");
            if (empty || e == null) {
                setText(null);
                return;
            }
            String where = e.positionOpt().map(p -> "   (" + p.shortForm() + ")").orElse("");
            setText(String.format("t+%-6s %s  %s%s", Durations.format(e.at()), icon(e.kind()), e.reason(), where));
            switch (e.kind()) {
                case FAILED, OUTAGE, SERVICE_DOWN, CANDIDATE_SKIPPED, ATTEMPT_TIMED_OUT -> getStyleClass().add("event-bad");
                case PROMOTED, SERVICE_RESTORED -> getStyleClass().add("event-good");
                default -> { }
            }
        }
    }

    private static final class SpeedCell extends ListCell<Double> {
        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty || v == null ? null : (v == Math.floor(v) ? String.valueOf(v.intValue()) : v) + "×");
        }
    }
}
