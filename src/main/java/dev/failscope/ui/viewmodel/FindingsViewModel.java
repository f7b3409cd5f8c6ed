package dev.failscope.ui.viewmodel;

import dev.failscope.model.Finding;
import dev.failscope.model.Severity;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The findings table: filters by severity and rule, and the tab title with the count. */
public final class FindingsViewModel {
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severityFilter");
    private final ObjectProperty<String> ruleFilter = new SimpleObjectProperty<>(this, "ruleFilter");
    private final ObjectProperty<java.util.function.Predicate<Finding>> scope =
            new SimpleObjectProperty<>(this, "scope");
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObservableList<String> rulesView = FXCollections.unmodifiableObservableList(rules);
    private final FilteredList<Finding> shown;
    private final StringBinding title;

    public FindingsViewModel(ObservableList<Finding> findings) {
        shown = new FilteredList<>(findings, f -> true);
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> f -> matches(f),
                severityFilter, ruleFilter, scope));
        findings.addListener((ListChangeListener<Finding>) c -> updateRules(findings));
        updateRules(findings);
        title = Bindings.createStringBinding(() -> shown.size() == findings.size()
                ? "Findings (" + findings.size() + ")"
                : "Findings (" + shown.size() + " of " + findings.size() + ")", shown, findings);
    }

    private boolean matches(Finding f) {
        return (severityFilter.get() == null || f.severity() == severityFilter.get())
                && (ruleFilter.get() == null || f.rule().equals(ruleFilter.get()))
                && (scope.get() == null || scope.get().test(f));
    }

    private void updateRules(List<Finding> findings) {
        rules.setAll(new TreeSet<>(findings.stream().map(Finding::rule).toList()));
        if (ruleFilter.get() != null && !rules.contains(ruleFilter.get())) {
            ruleFilter.set(null);
        }
    }

    /** Findings that pass the filters, in the inspection's order. */
    public ObservableList<Finding> shown() {
        return shown;
    }

    /** The rule ids present, sorted, for the rule filter. */
    public ObservableList<String> rules() {
        return rulesView;
    }

    /** Null shows every severity. */
    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    /** Null shows every rule. */
    public ObjectProperty<String> ruleFilterProperty() {
        return ruleFilter;
    }

    /** A further filter set from outside (diff mode: only the introduced findings); null shows all. */
    public ObjectProperty<java.util.function.Predicate<Finding>> scopeProperty() {
        return scope;
    }

    /**
     * What the empty table says. Never a green result for nothing: an inspection of no servers, clusters or
     * services checked nothing, and findings hidden by the filters are not "no findings".
     */
    public static String emptyText(boolean loading, dev.failscope.analysis.Inspection inspection, int total) {
        if (loading) {
            return "Loading…";
        }
        if (inspection == null) {
            return "Nothing loaded yet.";
        }
        if (inspection.topology().isEmpty()) {
            return "Nothing was loaded: no server, cluster or service was found, so no rule was checked.";
        }
        if (total > 0) {
            return "No finding matches the filters (" + total + " hidden).";
        }
        return "No findings: every rule passes.";
    }

    public StringBinding titleProperty() {
        return title;
    }
}
