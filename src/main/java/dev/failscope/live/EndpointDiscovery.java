package dev.failscope.live;

import dev.failscope.load.LoadError;
import dev.failscope.load.LoadLimits;
import dev.failscope.load.PathExpander;
import dev.failscope.load.SourceFile;
import dev.failscope.load.TopologyLoader;
import dev.failscope.load.YamlTreeParser;
import dev.failscope.load.tree.PMap;
import dev.failscope.load.tree.PNode;
import dev.failscope.load.tree.PScalar;
import dev.failscope.load.tree.PSeq;
import dev.failscope.model.SourcePosition;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live endpoints that committed configs name: a Patroni member file's {@code restapi.connect_address} (else
 * {@code restapi.listen}; https when {@code restapi.certfile} is set) and its {@code etcd3}/{@code etcd}
 * {@code hosts}/{@code host}; a sentinel.conf with a {@code sentinel monitor} line: the sentinel itself, at its
 * {@code sentinel announce-ip} (else the first {@code bind} address, else 127.0.0.1) and {@code port} (default
 * 26379). Each endpoint keeps the line it came from, so an unreachable member is reported there.
 */
public final class EndpointDiscovery {
    /** The endpoints found, and the problems reading the paths. */
    public record Found(List<Endpoint> endpoints, List<LoadError> errors) {}

    private EndpointDiscovery() {}

    public static Found from(List<String> paths) {
        List<LoadError> errors = new ArrayList<>();
        List<SourceFile> files = new PathExpander(TopologyLoader.DIRECTORY_EXTENSIONS).expand(paths, errors);
        Map<String, Endpoint> found = new LinkedHashMap<>();
        for (SourceFile f : files) {
            String text;
            try {
                if (Files.size(f.path()) > LoadLimits.DEFAULT.maxFileBytes()) {
                    errors.add(new LoadError("file too large to read", SourcePosition.ofFile(f.displayPath())));
                    continue;
                }
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(
                        f.path()))).toString();
            } catch (CharacterCodingException e) {
                errors.add(new LoadError("not UTF-8 text", SourcePosition.ofFile(f.displayPath())));
                continue;
            } catch (IOException e) {
                errors.add(new LoadError("cannot read: " + e.getMessage(), SourcePosition.ofFile(f.displayPath())));
                continue;
            }
            List<Endpoint> here = f.extension().equals("yml") || f.extension().equals("yaml")
                    ? patroni(text, f.displayPath(), errors) : sentinel(text, f.displayPath());
            here.forEach(e -> found.putIfAbsent(e.kind() + " " + e.address(), e));
        }
        if (found.isEmpty() && errors.isEmpty()) {
            errors.add(new LoadError("no endpoint found: no Patroni restapi and no 'sentinel monitor' line in "
                    + String.join(", ", paths), SourcePosition.ofFile(paths.isEmpty() ? "." : paths.get(0))));
        }
        return new Found(List.copyOf(found.values()), errors);
    }

    private static List<Endpoint> patroni(String text, String file, List<LoadError> errors) {
        List<LoadError> parse = new ArrayList<>();
        List<PNode> docs = new YamlTreeParser(LoadLimits.DEFAULT).parse(text, file, parse);
        List<Endpoint> out = new ArrayList<>();
        if (!parse.isEmpty()) {
            errors.addAll(parse);
            return out;
        }
        for (PNode d : docs) {
            if (!(d instanceof PMap doc) || doc.get("scope").isEmpty()) {
                continue;
            }
            Optional<PMap> rest = map(doc, "restapi");
            Optional<PScalar> address = rest.flatMap(r -> scalar(r, "connect_address"))
                    .or(() -> rest.flatMap(r -> scalar(r, "listen")));
            boolean tls = rest.flatMap(r -> scalar(r, "certfile")).isPresent();
            address.ifPresent(a -> out.add(new Endpoint(Endpoint.Kind.PATRONI, (tls ? "https://" : "http://")
                    + routable(a.text().trim()), a.position())));
            for (String key : List.of("etcd3", "etcd")) {
                Optional<PMap> etcd = map(doc, key);
                etcd.flatMap(m -> scalar(m, "host")).ifPresent(h -> out.add(etcd(h.text(), h.position(), etcd)));
                etcd.flatMap(m -> m.get("hosts")).ifPresent(h -> {
                    if (h instanceof PScalar s) {
                        for (String one : s.text().split(",")) {
                            if (!one.isBlank()) {
                                out.add(etcd(one.trim(), s.position(), etcd));
                            }
                        }
                    } else if (h instanceof PSeq seq) {
                        seq.items().stream().filter(PScalar.class::isInstance).map(PScalar.class::cast)
                                .forEach(s -> out.add(etcd(s.text().trim(), s.position(), etcd)));
                    }
                });
            }
        }
        return out;
    }

    private static Endpoint etcd(String host, SourcePosition at, Optional<PMap> section) {
        String scheme = section.flatMap(m -> scalar(m, "protocol")).map(PScalar::text).orElse("http");
        return new Endpoint(Endpoint.Kind.ETCD, host.contains("://") ? host : scheme + "://" + host, at);
    }

    /** A listen address on every interface ({@code 0.0.0.0:8008}) is asked on the loopback. */
    private static String routable(String address) {
        if (address.startsWith("0.0.0.0:")) {
            return "127.0.0.1" + address.substring("0.0.0.0".length());
        }
        if (address.startsWith("*:") || address.startsWith(":")) {
            return "127.0.0.1" + address.substring(address.indexOf(':'));
        }
        return address;
    }

    private static List<Endpoint> sentinel(String text, String file) {
        String host = null;
        String bind = null;
        String port = "26379";
        SourcePosition portAt = null;
        SourcePosition monitorAt = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String[] w = line.split("\\s+");
            int column = lines[i].indexOf(line.isEmpty() ? " " : line.substring(0, 1)) + 1;
            SourcePosition at = new SourcePosition(file, i + 1, Math.max(1, column));
            if (w.length >= 3 && w[0].equalsIgnoreCase("sentinel") && w[1].equalsIgnoreCase("monitor")) {
                monitorAt = monitorAt == null ? at : monitorAt;
            } else if (w.length >= 3 && w[0].equalsIgnoreCase("sentinel") && w[1].equalsIgnoreCase("announce-ip")) {
                host = unquote(w[2]);
            } else if (w.length >= 2 && w[0].equalsIgnoreCase("bind") && bind == null) {
                bind = unquote(w[1]);
            } else if (w.length >= 2 && w[0].equalsIgnoreCase("port") && w[1].matches("\\d{1,5}")) {
                port = w[1];
                portAt = at;
            }
        }
        if (monitorAt == null) {
            return List.of();
        }
        String h = host != null ? host : bind != null && !bind.equals("0.0.0.0") && !bind.equals("*")
                && !bind.startsWith("-") ? bind : "127.0.0.1";
        if (h.contains(":")) {
            h = "[" + h + "]";
        }
        return List.of(new Endpoint(Endpoint.Kind.SENTINEL, h + ":" + port, portAt != null ? portAt : monitorAt));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Optional<PMap> map(PMap m, String key) {
        return m.get(key).filter(PMap.class::isInstance).map(PMap.class::cast);
    }

    private static Optional<PScalar> scalar(PMap m, String key) {
        return m.get(key).filter(PScalar.class::isInstance).map(PScalar.class::cast).filter(s -> !s.isNull()
                && !s.text().isBlank());
    }
}
