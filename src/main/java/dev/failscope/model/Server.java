package dev.failscope.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine from an inventory.
 *
 * @param name       unique server name
 * @param position   position of the name
 * @param address    {@code host[:port]}, or null
 * @param region     coarsest failure domain, or null
 * @param zone       failure domain within the region, or null
 * @param host       physical machine or hypervisor, or null
 * @param status     lifecycle status
 * @param noFailover true when the server must never be promoted
 * @param tags       free-form labels
 * @param facts      positions of each key written for this server
 */
public record Server(String name, SourcePosition position, String address, String region, String zone,
                     String host, ServerStatus status, boolean noFailover, Map<String, String> tags, Facts facts) {
    public Server {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(status, "status");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(facts, "facts");
    }

    public Optional<String> addressOpt() {
        return Optional.ofNullable(address);
    }

    public Optional<String> regionOpt() {
        return Optional.ofNullable(region);
    }

    public Optional<String> zoneOpt() {
        return Optional.ofNullable(zone);
    }

    public Optional<String> hostOpt() {
        return Optional.ofNullable(host);
    }

    /** Position of the {@code status} value, or of the name when status was defaulted. */
    public SourcePosition statusPosition() {
        return facts.orElse("status", position);
    }

    /** "zone us-west-2a" / "host rack-1" / "" — the finest known failure domain, for messages. */
    public String domainLabel() {
        if (zone != null) {
            return "zone " + zone;
        }
        if (region != null) {
            return "region " + region;
        }
        return host != null ? "host " + host : "";
    }
}
