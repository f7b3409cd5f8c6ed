package dev.failscope.live;

import dev.failscope.model.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a snapshot file's header says beyond its documents: the sources that did not answer and the clusters
 * without a leader ({@link SnapshotWriter} writes both as comments, since no document can hold them).
 *
 * @param unreachable one entry per {@code # unreachable:} line, positioned on that line
 * @param leaderless  the clusters marked {@code no leader observed}
 */
public record SnapshotHeader(List<Unreachable> unreachable, Set<String> leaderless) {
    public static final SnapshotHeader NONE = new SnapshotHeader(List.of(), Set.of());

    /** The header of {@code text} (a snapshot file shown as {@code file}); empty for any other file. */
    public static SnapshotHeader read(String text, String file) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith("# failscope snapshot")) {
            return NONE;
        }
        List<Unreachable> unreachable = new ArrayList<>();
        Set<String> leaderless = new LinkedHashSet<>();
        boolean inUnreachable = false;
        String cluster = null;
        for (int i = 0; i < lines.length && lines[i].startsWith("#"); i++) {
            String l = lines[i];
            if (l.startsWith("# cluster ") && l.indexOf(": ") > 10) {
                cluster = l.substring(10, l.indexOf(": "));
                inUnreachable = false;
            } else if (l.equals("#   no leader observed: no cluster or failover document is written for it")
                    && cluster != null) {
                leaderless.add(cluster);
            } else if (l.equals("# unreachable:")) {
                inUnreachable = true;
            } else if (inUnreachable && l.startsWith("#   ")) {
                unreachable.add(entry(l.substring(4), new SourcePosition(file, i + 1, 5)));
            } else {
                inUnreachable = false;
            }
        }
        return new SnapshotHeader(List.copyOf(unreachable), Set.copyOf(leaderless));
    }

    /** {@code member NAME (KIND ADDRESS): REASON} or {@code KIND ADDRESS: REASON}, as {@link Unreachable} writes. */
    private static Unreachable entry(String text, SourcePosition at) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("member (.+) \\((patroni|sentinel|etcd) ([^)]*)\\): "
                + "(.*)").matcher(text);
        if (m.matches()) {
            return new Unreachable(new Endpoint(kind(m.group(2)), m.group(3), at), null, m.group(1), m.group(4));
        }
        m = java.util.regex.Pattern.compile("(patroni|sentinel|etcd) (\\S+): (.*)").matcher(text);
        if (m.matches()) {
            return new Unreachable(new Endpoint(kind(m.group(1)), m.group(2), at), null, null, m.group(3));
        }
        return Unreachable.noted(text, at);
    }

    private static Endpoint.Kind kind(String label) {
        return switch (label) {
            case "sentinel" -> Endpoint.Kind.SENTINEL;
            case "etcd" -> Endpoint.Kind.ETCD;
            default -> Endpoint.Kind.PATRONI;
        };
    }
}
