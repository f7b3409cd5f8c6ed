package dev.failscope.load.importers;

import dev.failscope.load.importers.RedisImporter.Located;
import dev.failscope.load.importers.RedisImporter.SentinelFile;
import dev.failscope.model.Ref;
import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentinels watching one master, each counted once. A sentinel is known by its run id ({@code sentinel myid},
 * the id in other files' {@code known-sentinel} lines) and by its address ({@code announce-ip} or {@code bind},
 * with {@code port}). A file without {@code myid} is matched by address; when it has neither, it is taken to be
 * one of the sentinels that the other files list and it does not (a sentinel never lists itself), so a
 * hand-edited deployment whose files lost their {@code myid} lines is not counted twice.
 */
final class SentinelMonitors {
    static final int DEFAULT_PORT = 26379;

    private SentinelMonitors() {}

    /** One sentinel: its run id (or ""), address (or null), and where it is declared. */
    private record Entry(String runId, String address, SourcePosition at) {}

    static List<Ref> of(String master, List<SentinelFile> files) {
        Map<String, Entry> listed = new LinkedHashMap<>();
        for (SentinelFile f : files) {
            for (Located[] s : f.masters.get(master).sentinels) {
                String key = s[0].text().isEmpty() ? "addr:" + s[1].text() : s[0].text();
                listed.putIfAbsent(key, new Entry(s[0].text(), s[1].text(), s[1].at()));
            }
        }
        List<Entry> result = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        Map<SentinelFile, String> anonymous = new LinkedHashMap<>();
        for (SentinelFile f : files) {
            String address = address(f);
            String key = f.myid != null ? f.myid.text() : keyByAddress(listed, address);
            SourcePosition at = own(f, master);
            if (key == null && address == null) {
                anonymous.put(f, null);
                continue;
            }
            if (key != null && !taken.add(key)) {
                continue;
            }
            Entry e = key == null ? null : listed.get(key);
            result.add(new Entry(f.myid == null ? "" : f.myid.text(),
                    address != null ? address : e == null ? null : e.address(), at));
        }
        for (SentinelFile f : anonymous.keySet()) {
            Set<String> ownList = new HashSet<>();
            f.masters.get(master).sentinels.forEach(s -> ownList.add(s[0].text().isEmpty() ? "addr:" + s[1].text()
                    : s[0].text()));
            String self = listed.keySet().stream().filter(k -> !taken.contains(k) && !ownList.contains(k))
                    .findFirst().orElse(null);
            if (self != null) {
                taken.add(self);
                result.add(new Entry(listed.get(self).runId(), listed.get(self).address(), own(f, master)));
            } else {
                result.add(new Entry("", null, own(f, master)));
                taken.add("file:" + f.display);
            }
        }
        listed.forEach((key, e) -> {
            if (taken.add(key) && result.stream().noneMatch(r -> e.address() != null
                    && e.address().equals(r.address()) || !e.runId().isEmpty() && e.runId().equals(r.runId()))) {
                result.add(e);
            }
        });
        List<Ref> refs = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            Entry e = result.get(i);
            refs.add(new Ref(name(e), e.at()));
        }
        return refs;
    }

    private static String name(Entry e) {
        if (e.address() != null) {
            return e.address();
        }
        if (!e.runId().isEmpty()) {
            return "sentinel-" + e.runId().substring(0, Math.min(8, e.runId().length()));
        }
        String file = e.at().file();
        return "sentinel@" + file;
    }

    private static String keyByAddress(Map<String, Entry> listed, String address) {
        if (address == null) {
            return null;
        }
        return listed.entrySet().stream().filter(x -> address.equals(x.getValue().address())).map(Map.Entry::getKey)
                .findFirst().orElse("addr:" + address);
    }

    /** Where a file's own sentinel is declared: its myid, else its monitor line. */
    private static SourcePosition own(SentinelFile f, String master) {
        if (f.myid != null) {
            return f.myid.at();
        }
        RedisImporter.MasterView v = f.masters.get(master);
        return v.primary != null ? v.name.at() : SourcePosition.ofFile(f.display);
    }

    /** The file's own address from announce-ip or bind, with its port. */
    static String address(SentinelFile f) {
        Located ip = f.announceIp != null ? f.announceIp : f.bind;
        if (ip == null) {
            return null;
        }
        return Address.format(ip.text(), f.port == null || !f.port.text().matches("\\d{1,5}") ? DEFAULT_PORT
                : Integer.parseInt(f.port.text()));
    }
}
