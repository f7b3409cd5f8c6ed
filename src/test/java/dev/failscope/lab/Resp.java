package dev.failscope.lab;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A minimal Redis (RESP2) client: one command per connection, with short timeouts; empty when unreachable. */
final class Resp {
    private Resp() {}

    /** An error reply ({@code -ERR ...}, {@code -LOADING ...}). */
    record Error(String message) {}

    /** The reply: String, Long, List, {@link Error}, or null for a nil reply; empty when the port does not answer. */
    static Optional<Object> call(int port, String... args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LabHost.LOOPBACK, port), 500);
            s.setSoTimeout(1500);
            OutputStream out = s.getOutputStream();
            StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Optional.ofNullable(read(new BufferedInputStream(s.getInputStream())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The reply as text, when it is a plain value. */
    static Optional<String> text(int port, String... args) {
        return call(port, args).filter(r -> r instanceof String || r instanceof Long).map(Object::toString);
    }

    @SuppressWarnings("unchecked")
    static Optional<List<Object>> list(int port, String... args) {
        return call(port, args).filter(List.class::isInstance).map(r -> (List<Object>) r);
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> new Error(line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    yield null;
                }
                byte[] data = in.readNBytes(n);
                line(in);
                yield new String(data, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(read(in));
                }
                yield items;
            }
            default -> throw new IOException("not a RESP reply: " + (char) type + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
