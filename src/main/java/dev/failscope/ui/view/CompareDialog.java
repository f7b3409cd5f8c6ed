package dev.failscope.ui.view;

import dev.failscope.ui.viewmodel.DiffViewModel;
import dev.failscope.ui.viewmodel.GitRevisions;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * File → Compare with…: the "before" side, either another folder or the paths on screen at a git revision.
 * Branches and recent commits are listed by {@link DiffViewModel#loadRevisions()} in the background; a
 * revision can also be typed (HEAD~1, origin/main, a hash).
 */
final class CompareDialog extends Dialog<DiffViewModel.Base> {
    private final RadioButton folderChoice = new RadioButton("Another folder (the version before the change)");
    private final RadioButton gitChoice = new RadioButton("The same paths at a git revision");
    private final TextField folder = new TextField();
    private final ComboBox<String> revision = new ComboBox<>();
    private final Label gitStatus = new Label("Looking for a git work tree …");
    private final Map<String, String> descriptions = new HashMap<>();
    /** The user picked a side already: the git lookup arriving later must not switch it. */
    private boolean touched;

    CompareDialog(Window owner, DiffViewModel vm, String shown, String suggestedFolder) {
        initOwner(owner);
        setTitle("Compare with…");
        setHeaderText("Compare " + shown + " (after) with another version (before)");
        ToggleGroup group = new ToggleGroup();
        folderChoice.setToggleGroup(group);
        gitChoice.setToggleGroup(group);
        folderChoice.setSelected(true);
        folderChoice.setId("compare-folder-choice");
        gitChoice.setId("compare-git-choice");
        gitChoice.setDisable(true);
        folderChoice.setOnAction(e -> touched = true);
        gitChoice.setOnAction(e -> touched = true);

        folder.setId("compare-folder");
        folder.setPromptText("folder or file of the version before");
        folder.setPrefColumnCount(36);
        folder.setText(suggestedFolder);
        folder.disableProperty().bind(folderChoice.selectedProperty().not());
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.disableProperty().bind(folderChoice.selectedProperty().not());
        browse.setOnAction(e -> browse(owner));
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        revision.setId("compare-revision");
        revision.setEditable(true);
        revision.setPromptText("HEAD~1, origin/main, a commit …");
        revision.setPrefWidth(420);
        revision.disableProperty().bind(gitChoice.selectedProperty().not());
        revision.setCellFactory(l -> new RevisionCell());
        revision.focusedProperty().addListener((o, a, f) -> {
            if (f) {
                gitChoice.setSelected(true);
            }
        });
        gitStatus.getStyleClass().add("text-muted");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.add(folderChoice, 0, 0, 2, 1);
        grid.add(new HBox(6, folder, browse), 0, 1, 2, 1);
        grid.add(gitChoice, 0, 2, 2, 1);
        grid.add(revision, 0, 3, 2, 1);
        grid.add(gitStatus, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType compare = new ButtonType("Compare", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(compare, ButtonType.CANCEL);
        getDialogPane().lookupButton(compare).disableProperty().bind(Bindings.createBooleanBinding(
                () -> folderChoice.isSelected() ? folder.getText().isBlank() : text().isBlank(),
                folderChoice.selectedProperty(), folder.textProperty(), revision.valueProperty(),
                revision.getEditor().textProperty()));

        vm.revisions().addListener((ListChangeListener<GitRevisions.Revision>) c -> fill(vm.revisions()));
        vm.repositoryProperty().addListener((o, a, repo) -> showRepository(repo));
        fill(vm.revisions());
        vm.loadRevisions();
        setResultConverter(b -> b != compare ? null : folderChoice.isSelected()
                ? new DiffViewModel.Folder(List.of(folder.getText().strip()))
                : new DiffViewModel.Revision(text()));
    }

    private String text() {
        String typed = revision.getEditor().getText();
        return typed == null || typed.isBlank() ? Optional.ofNullable(revision.getValue()).orElse("").strip()
                : typed.strip();
    }

    private void showRepository(Optional<java.nio.file.Path> repo) {
        gitChoice.setDisable(repo.isEmpty());
        if (repo.isPresent() && folder.getText().isBlank() && !touched) {
            gitChoice.setSelected(true); // in a work tree, "what did my edit change?" is the usual question
        } else if (repo.isEmpty()) {
            folderChoice.setSelected(true);
        }
        gitStatus.setText(repo.map(p -> "git work tree: " + p).orElse(
                "The topology on screen is not in a git work tree: compare with a folder."));
    }

    private void fill(List<GitRevisions.Revision> found) {
        descriptions.clear();
        found.forEach(r -> descriptions.putIfAbsent(r.name(), r.description()));
        revision.getItems().setAll(found.stream().map(GitRevisions.Revision::name).distinct().toList());
        if (revision.getValue() == null && !found.isEmpty()) {
            // the newest commit is what is on disk; the one before it is the usual "before"
            found.stream().filter(r -> !r.description().equals("branch")).skip(1).findFirst()
                    .ifPresent(r -> revision.setValue(r.name()));
        }
    }

    private void browse(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("The folder of the version before the change");
        File current = new File(folder.getText().strip());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current.getAbsoluteFile().getParentFile());
        }
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            folder.setText(dir.getPath());
        }
    }

    private final class RevisionCell extends ListCell<String> {
        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            if (empty || name == null) {
                setText(null);
                return;
            }
            String d = descriptions.getOrDefault(name, "");
            setText(d.isEmpty() ? name : name + "  —  " + d);
        }
    }
}
