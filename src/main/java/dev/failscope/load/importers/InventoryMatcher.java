package dev.failscope.load.importers;

import dev.failscope.model.Server;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the inventory server a name or address written in a config means: by name, then by address ({@code
 * host:port} where both have a port, else host alone), then by host name short or fully qualified ({@code db2} and
 * {@code db2.prod.example.com}) when exactly one server fits and its port, if any, agrees. IP addresses only match
 * exactly. Shared by the inventory cross-check ({@link ImportResolver}) and the route resolution.
 */
public final class InventoryMatcher {
    /** How a match was made, from the strongest. */
    public enum How { NAME, ADDRESS, HOST, HOST_NAME }

    /** The index of the matching server in the inventory list, and how it matched. */
    public record Match(int index, How how) {}

    private final List<Server> inventory;

    public InventoryMatcher(List<Server> inventory) {
        this.inventory = List.copyOf(inventory);
    }

    /** The server at {@code index}. */
    public Server server(int index) {
        return inventory.get(index);
    }

    /** The index of the inventory server with this name, else of the first one at this address. */
    public Optional<Integer> index(String name, String address) {
        return match(name, address).map(Match::index);
    }

    /** The inventory server with this name, else the first one at this address, else by host name. */
    public Optional<Match> match(String name, String address) {
        for (int i = 0; i < inventory.size(); i++) {
            if (inventory.get(i).name().equals(name)) {
                return Optional.of(new Match(i, How.NAME));
            }
        }
        Optional<Address> a = Address.parse(address);
        if (a.isEmpty()) {
            return hostName(name, address);
        }
        Integer hostOnly = null;
        for (int i = 0; i < inventory.size(); i++) {
            Optional<Address> b = Address.parse(inventory.get(i).address());
            if (b.isPresent() && a.get().matches(b.get())) {
                if (a.get().hasPort() && b.get().hasPort() || !a.get().hasPort() && !b.get().hasPort()) {
                    return Optional.of(new Match(i, How.ADDRESS));
                }
                hostOnly = hostOnly == null ? i : hostOnly;
            }
        }
        if (hostOnly != null) {
            return Optional.of(new Match(hostOnly, How.HOST));
        }
        return hostName(name, address);
    }

    /**
     * The one inventory server whose name or address host is {@code name}'s host, short or fully qualified
     * ({@code db2} / {@code db2.example.com}), with no conflicting port. IP addresses only match exactly.
     */
    private Optional<Match> hostName(String name, String address) {
        Optional<Address> n = Address.parse(name);
        if (n.isEmpty() || n.get().host().matches("[0-9.]+|.*:.*")) {
            return Optional.empty();
        }
        int port = Address.parse(address).map(Address::port).orElse(n.get().port());
        Integer found = null;
        for (int i = 0; i < inventory.size(); i++) {
            Server s = inventory.get(i);
            Optional<Address> at = Address.parse(s.address());
            boolean fits = sameHost(n.get().host(), s.name().toLowerCase(Locale.ROOT))
                    || at.isPresent() && sameHost(n.get().host(), at.get().host());
            boolean portClash = port >= 0 && at.isPresent() && at.get().hasPort() && at.get().port() != port;
            if (fits && !portClash) {
                if (found != null) {
                    return Optional.empty();
                }
                found = i;
            }
        }
        return Optional.ofNullable(found).map(i -> new Match(i, How.HOST_NAME));
    }

    /** {@code db2} is {@code db2}, {@code db2.example.com} is {@code db2}, and the other way round. */
    public static boolean sameHost(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.matches("[0-9.]+") || b.matches("[0-9.]+")) {
            return false;
        }
        return b.startsWith(a + ".") && !a.contains(".") || a.startsWith(b + ".") && !b.contains(".");
    }
}
