package dev.failscope.load.importers;

import dev.failscope.model.Route;
import dev.failscope.model.TopologyBuilder;
import java.util.HashSet;
import java.util.Set;

/**
 * Names imported routes {@code FILE/ENTRY} ({@code haproxy.cfg/postgres_rw}, {@code pgbouncer.ini/catify},
 * {@code .env/DATABASE_URL}) with the file name only; when that name is taken (two folders each with a
 * {@code haproxy.cfg}), the parent folder is put in front, then a number.
 */
final class RouteNames {
    private static final java.util.regex.Pattern READ_NAME = java.util.regex.Pattern.compile(
            "(?i)(^|[-_.])(ro|r|read|reads|reader|readonly|replica|replicas|slave|slaves|standby|standbys)([-_.]|$)");

    private RouteNames() {}

    /**
     * READ when a name says the entry serves reads ({@code postgres_ro}, {@code catify-replica},
     * {@code DATABASE_READ_URL}), else WRITE.
     */
    static dev.failscope.model.Access access(String name) {
        return READ_NAME.matcher(name).find() ? dev.failscope.model.Access.READ : dev.failscope.model.Access.WRITE;
    }

    static String unique(TopologyBuilder builder, String display, String entry) {
        Set<String> taken = new HashSet<>();
        builder.routes().forEach(r -> taken.add(r.name()));
        String file = display.substring(Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\')) + 1);
        String name = file + "/" + entry;
        if (!taken.contains(name)) {
            return name;
        }
        String folder = MhaImporter.folder(display);
        String parent = folder.substring(Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\')) + 1);
        String longer = parent.isEmpty() ? name : parent + "/" + name;
        for (int n = 2; taken.contains(longer); n++) {
            longer = (parent.isEmpty() ? name : parent + "/" + name) + " (" + n + ")";
        }
        return longer;
    }

    /** Adds the route to the builder (resolved against the inventory later, by the route resolver). */
    static void add(ImportContext ctx, Route r) {
        ctx.sink().builder().route(r);
    }
}
