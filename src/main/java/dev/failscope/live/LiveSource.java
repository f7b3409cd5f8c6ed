package dev.failscope.live;

import java.util.List;

/** Something that can take a snapshot of the given endpoints (the network, or a fake in GUI tests). */
@FunctionalInterface
public interface LiveSource {
    Snapshot take(List<Endpoint> endpoints);
}
