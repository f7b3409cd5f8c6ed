package dev.failscope.load.importers;

import dev.failscope.analysis.Inspection;
import dev.failscope.model.Route;
import dev.failscope.model.RouteTarget;
import java.util.List;

/** Compact views of imported routes for assertions. */
final class Routes {
    private Routes() {}

    static Route route(Inspection i, String name) {
        return i.topology().route(name).orElseThrow(() -> new AssertionError("no route " + name + " in "
                + i.topology().routes().stream().map(Route::name).toList()));
    }

    static List<String> names(Inspection i) {
        return i.topology().routes().stream().map(Route::name).toList();
    }

    /** "written@line:col -> server" (or "-> route:X", "-> cluster:X", "-> ?"), with "(backup)" and "(ro)". */
    static List<String> targets(Route r) {
        return r.targets().stream().map(Routes::target).toList();
    }

    static String target(RouteTarget t) {
        String to = t.server() != null ? t.server() : t.route() != null ? "route:" + t.route()
                : t.cluster() != null ? "cluster:" + t.cluster() : "?";
        return t.written().name() + "@" + t.position().line() + ":" + t.position().column() + " -> " + to
                + (t.backup() ? " (backup)" : "") + (t.readOnly() ? " (ro)" : "");
    }

    /** "KIND ACCESS FOLLOW listen=… line:col". */
    static String summary(Route r) {
        return r.kind() + " " + r.access() + " " + r.follow() + " listen=" + r.listen() + " "
                + r.position().line() + ":" + r.position().column();
    }
}
