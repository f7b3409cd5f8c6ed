package dev.failscope.ui.view;

import dev.failscope.model.NodeKind;
import dev.failscope.model.Topology;
import dev.failscope.simulation.FailureTarget;
import dev.failscope.ui.viewmodel.Domains;
import dev.failscope.ui.viewmodel.Domains.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Zone, region and host loss as menu items, built when the menu opens (the topology on screen may have
 * changed): the selected server's zone, region and host, the domain the last search found, then every
 * zone, region and host by name.
 */
final class DomainMenu {
    /** Hosts beyond this many are reached by search ("Lose the found host"), not listed. */
    static final int MAX_LISTED = 40;

    private final MainView view;

    DomainMenu(MainView view) {
        this.view = view;
    }

    List<MenuItem> items() {
        Topology t = view.vm().topology();
        List<MenuItem> out = new ArrayList<>();
        var sel = view.vm().selectionProperty().get();
        if (sel != null && sel.kind() == NodeKind.SERVER && !sel.missing()) {
            for (FailureTarget.Kind k : kinds()) {
                Domains.ofServer(t, sel.name(), k).ifPresent(d -> out.add(item("Lose " + sel.name() + "'s "
                        + word(k) + ": " + d.name() + " (" + count(d) + ")", d, "lose-selected-" + word(k))));
            }
        }
        view.foundDomain().ifPresent(d -> out.add(item("Lose the found " + word(d.kind()) + ": " + d.name()
                + " (" + count(d) + ")", d, "lose-found")));
        if (!out.isEmpty()) {
            out.add(new SeparatorMenuItem());
        }
        for (FailureTarget.Kind k : kinds()) {
            List<Domain> all = Domains.of(t, k);
            Menu sub = new Menu(cap(word(k)) + " loss (" + all.size() + ")");
            sub.setId("lose-" + word(k) + "-menu");
            for (Domain d : all.subList(0, Math.min(MAX_LISTED, all.size()))) {
                sub.getItems().add(item(d.name() + "  (" + count(d) + ")", d, null));
            }
            if (all.size() > MAX_LISTED) {
                MenuItem more = new MenuItem("… " + (all.size() - MAX_LISTED) + " more: find one (Ctrl+F), then "
                        + "'Lose the found " + word(k) + "'");
                more.setDisable(true);
                sub.getItems().add(more);
            }
            sub.setDisable(all.isEmpty());
            out.add(sub);
        }
        return out;
    }

    private MenuItem item(String text, Domain d, String id) {
        MenuItem mi = new MenuItem(text);
        mi.setMnemonicParsing(false);
        if (id != null) {
            mi.setId(id);
        }
        mi.setOnAction(e -> view.simulation().simulate(List.of(d.target())));
        return mi;
    }

    private static List<FailureTarget.Kind> kinds() {
        return List.of(FailureTarget.Kind.ZONE, FailureTarget.Kind.REGION, FailureTarget.Kind.HOST);
    }

    private static String word(FailureTarget.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String count(Domain d) {
        return d.servers().size() + (d.servers().size() == 1 ? " server" : " servers");
    }
}
