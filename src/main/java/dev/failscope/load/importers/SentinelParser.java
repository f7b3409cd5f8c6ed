package dev.failscope.load.importers;

import dev.failscope.load.importers.RedisImporter.Located;
import dev.failscope.load.importers.RedisImporter.MasterView;
import dev.failscope.load.importers.RedisImporter.SentinelFile;
import java.util.List;

/** Reads the directives of one sentinel.conf into a {@link SentinelFile}. */
final class SentinelParser {
    private final ImportContext ctx;
    private final SourceText source;

    SentinelParser(ImportContext ctx, SourceText source) {
        this.ctx = ctx;
        this.source = source;
    }

    SentinelFile parse(List<ConfLine> lines) {
        SentinelFile f = new SentinelFile();
        f.display = source.display();
        for (ConfLine l : lines) {
            switch (l.directive()) {
                case "port" -> f.port = RedisImporter.located(source, l, 1);
                case "bind" -> f.bind = RedisImporter.firstRoutable(source, l) != null
                        ? RedisImporter.firstRoutable(source, l) : RedisImporter.located(source, l, 1);
                case "sentinel" -> sentinel(f, l);
                default -> { }
            }
        }
        return f;
    }

    private void sentinel(SentinelFile f, ConfLine l) {
        String sub = l.word(1);
        switch (sub) {
            case "myid" -> f.myid = RedisImporter.located(source, l, 2);
            case "announce-ip" -> f.announceIp = RedisImporter.located(source, l, 2);
            case "monitor" -> monitor(f, l);
            case "known-replica", "known-slave" -> {
                if (address(l, 3)) {
                    view(f, l).replicas.add(new Located(Address.format(l.text(3), Integer.parseInt(l.text(4))),
                            l.at(source, 3)));
                }
            }
            case "known-sentinel" -> {
                if (address(l, 3)) {
                    view(f, l).sentinels.add(new Located[] {new Located(l.text(5), l.at(source, 5)),
                        new Located(Address.format(l.text(3), Integer.parseInt(l.text(4))), l.at(source, 3))});
                }
            }
            case "down-after-milliseconds" -> view(f, l).downAfter = number(l, 3);
            case "failover-timeout" -> view(f, l).failoverTimeout = number(l, 3);
            case "config-epoch" -> {
                Located e = number(l, 3);
                if (e != null) {
                    view(f, l).epoch = Long.parseLong(e.text());
                }
            }
            default -> { }
        }
    }

    private void monitor(SentinelFile f, ConfLine l) {
        if (l.args().size() < 6 || !address(l, 3)) {
            if (l.args().size() < 6) {
                ctx.error("sentinel monitor needs a master name, host, port and quorum", l.at(source, 0));
            }
            return;
        }
        Located quorum = number(l, 5);
        if (quorum == null) {
            return;
        }
        MasterView v = view(f, l);
        if (v.primary != null) {
            ctx.error("second 'sentinel monitor " + l.text(2) + "' in one file (first at line "
                    + v.primary.at().line() + ")", l.at(source, 2));
            return;
        }
        v.name = new Located(l.text(2), l.at(source, 2));
        v.primary = new Located(Address.format(l.text(3), Integer.parseInt(l.text(4))), l.at(source, 3));
        v.quorum = quorum;
    }

    private MasterView view(SentinelFile f, ConfLine l) {
        MasterView v = f.masters.computeIfAbsent(l.text(2), k -> new MasterView());
        if (v.firstSeen == null) {
            v.firstSeen = l.at(source, 2);
        }
        return v;
    }

    /** True when arguments {@code index} and {@code index + 1} are a host and a port; else an error. */
    private boolean address(ConfLine l, int index) {
        if (l.args().size() > index + 1 && l.text(index + 1).matches("\\d{1,5}")) {
            return true;
        }
        ctx.error("sentinel " + l.word(1) + " needs a master name, a host and a port", l.at(source, 0));
        return false;
    }

    private Located number(ConfLine l, int index) {
        if (l.text(index).matches("\\d{1,12}")) {
            return RedisImporter.located(source, l, index);
        }
        ctx.error("sentinel " + l.word(1) + " needs a whole number, got '" + l.text(index) + "'",
                l.at(source, Math.min(index, l.args().size() - 1)));
        return null;
    }
}
