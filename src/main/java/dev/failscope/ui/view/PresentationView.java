package dev.failscope.ui.view;

import dev.failscope.ui.viewmodel.Beat;
import dev.failscope.ui.viewmodel.PresentationViewModel;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;

/**
 * Presentation mode (View → Present, F5): the graph and one large caption, no menus, bars or panels; type
 * scales with the window. Keys of a presenter remote: Page Down, →, ↓ and space forward; Page Up, ←, ↑ and
 * Backspace back; Home and End; B (or .) blanks the screen; Esc leaves.
 */
final class PresentationView {
    private final PresentationViewModel vm;
    private final GraphView graph;
    private final Stage stage;
    private final StackPane root = new StackPane();
    private final StackPane graphHolder = new StackPane();
    private final Label title = new Label();
    private final Label counter = new Label();
    private final Label time = new Label();
    private final Label kind = new Label();
    private final Label caption = new Label();
    private final VBox captionBox;
    private final EventHandler<KeyEvent> keys = this::key;
    private Parent savedRoot;
    private SplitPane graphParent;
    private double[] dividers;

    PresentationView(PresentationViewModel vm, GraphView graph, Stage stage) {
        this.vm = vm;
        this.graph = graph;
        this.stage = stage;
        root.setId("presentation");
        root.getStyleClass().addAll("failscope", "presentation");
        title.setId("present-title");
        counter.setId("present-counter");
        time.setId("present-time");
        kind.setId("present-kind");
        caption.setId("present-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(16, time, kind, spacer, counter);
        head.setAlignment(Pos.BASELINE_LEFT);
        captionBox = new VBox(6, head, caption);
        captionBox.setId("present-caption-box");
        captionBox.getStyleClass().add("present-caption-box");
        HBox top = new HBox(title);
        top.getStyleClass().add("present-top");
        BorderPane page = new BorderPane(graphHolder);
        page.setTop(top);
        page.setBottom(captionBox);
        Region blank = new Region();
        blank.setId("present-blank");
        blank.setStyle("-fx-background-color: black;");
        blank.visibleProperty().bind(vm.blankProperty());
        root.getChildren().addAll(page, blank);
        root.heightProperty().addListener((o, a, h) -> scaleType());
        root.widthProperty().addListener((o, a, w) -> scaleType());
        vm.indexProperty().addListener((o, a, i) -> showBeat());
        vm.activeProperty().addListener((o, a, on) -> {
            if (on) {
                enter();
            } else {
                leave();
            }
        });
        title.textProperty().bind(vm.titleProperty());
    }

    /** Caption type about 1/22 of the window's height (33 px at 720): readable from the back of a room. */
    private void scaleType() {
        double h = Math.max(360, root.getHeight() > 0 ? root.getHeight() : stage.getHeight());
        double size = Math.max(22, Math.min(64, h / 22));
        caption.setFont(Font.font("System", FontWeight.BOLD, size));
        time.setFont(Font.font("System", FontWeight.BOLD, size * 0.8));
        kind.setFont(Font.font("System", FontWeight.BOLD, size * 0.6));
        counter.setFont(Font.font("System", size * 0.55));
        title.setFont(Font.font("System", FontWeight.BOLD, size * 0.6));
        captionBox.setPadding(new Insets(size * 0.5, size, size * 0.6, size));
        captionBox.setMinHeight(size * 4.6);
        title.setPadding(new Insets(size * 0.25, size, size * 0.25, size));
    }

    /** The font size of the caption now (tests). */
    double captionSize() {
        return caption.getFont().getSize();
    }

    private void showBeat() {
        vm.current().ifPresent(b -> {
            time.setText(b.time());
            caption.setText(b.caption());
            kind.setText(switch (b.kind()) {
                case QUESTION -> "?  QUESTION FOR YOU";
                case EVENT -> "SIMULATION";
                case TITLE -> "";
                case NARRATION -> "";
            });
            captionBox.getStyleClass().removeAll("present-question", "present-title-slide");
            if (b.kind() == Beat.Kind.QUESTION) {
                captionBox.getStyleClass().add("present-question");
            } else if (b.kind() == Beat.Kind.TITLE) {
                captionBox.getStyleClass().add("present-title-slide");
                caption.setText(b.caption() + "\n→  Page Down, space or → to start · B blanks · Esc leaves");
            }
            counter.setText((vm.indexProperty().get() + 1) + " / " + vm.beats().size());
        });
    }

    private void enter() {
        Scene scene = stage.getScene();
        savedRoot = scene.getRoot();
        Node g = graph.node();
        if (g.getParent() != null && g.getParent().getParent() instanceof SplitPane sp) {
            graphParent = sp;
            dividers = sp.getDividerPositions();
            sp.getItems().remove(g);
        }
        graphHolder.getChildren().setAll(g);
        graph.setPresenting(true);
        scene.setRoot(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        scaleType();
        showBeat();
        Platform.runLater(graph::fit);
    }

    private void leave() {
        Scene scene = stage.getScene();
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        stage.setFullScreen(false);
        graphHolder.getChildren().clear();
        graph.setPresenting(false);
        scene.setRoot(savedRoot);
        if (graphParent != null) {
            graphParent.getItems().add(0, graph.node());
            graphParent.setDividerPositions(dividers);
        }
        Platform.runLater(graph::fit);
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case PAGE_DOWN, RIGHT, DOWN, SPACE, ENTER -> vm.next();
            case PAGE_UP, LEFT, UP, BACK_SPACE -> vm.previous();
            case HOME -> vm.first();
            case END -> vm.last();
            case B, PERIOD -> vm.toggleBlank();
            case ESCAPE -> vm.exit();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
