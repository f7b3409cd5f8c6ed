package dev.failscope.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only RESP2 client over a JDK socket, for the few commands a snapshot sends (SENTINEL MASTERS/REPLICAS/
 * SENTINELS, INFO replication, AUTH). The protocol through the JDK rather than Lettuce or Jedis: four commands
 * need no connection pool, event loop or reactive stack, and the socket's connect and read timeouts bound every
 * call directly. Replies are bounded in size and nesting.
 */
final class RespClient implements Closeable {
    static final int MAX_BULK = 16 * 1024 * 1024;
    static final int MAX_ITEMS = 100_000;
    static final int MAX_DEPTH = 8;

    /** An error reply ({@code -NOAUTH ...}). */
    record Error(String message) {}

    /** A failure to talk to the server, with a message fit for a finding. */
    static final class RespException extends IOException {
        RespException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and, with a password, authenticates; the message of a failure never holds the password. */
    static RespClient open(HostPort at, LiveOptions options, Deadline deadline) throws RespException {
        if (deadline.passed()) {
            throw new RespException("not tried: the snapshot's deadline passed");
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(at.host(), at.port()), (int) deadline.cap(options.connectTimeout())
                    .toMillis());
            s.setSoTimeout((int) deadline.cap(options.readTimeout()).toMillis());
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new RespException("no connection within " + HttpJson.millis(options.connectTimeout()));
        } catch (IOException e) {
            closeQuietly(s);
            throw new RespException(e.getMessage() == null ? "cannot connect" : e.getMessage().toLowerCase(
                    java.util.Locale.ROOT).contains("refused") ? "connection refused" : e.getMessage());
        }
        RespClient c;
        try {
            c = new RespClient(s);
        } catch (IOException e) {
            closeQuietly(s);
            throw new RespException("cannot read: " + e.getMessage());
        }
        Credentials cred = options.credentials();
        if (cred.redisPassword() != null) {
            Object r = cred.redisUser() == null ? c.call("AUTH", cred.redisPassword())
                    : c.call("AUTH", cred.redisUser(), cred.redisPassword());
            if (r instanceof Error e) {
                c.close();
                throw new RespException("AUTH refused: " + firstWord(e.message()));
            }
        }
        return c;
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** One command's reply: String, Long, List, {@link Error}, or null for nil. */
    Object call(String... args) throws RespException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        try {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(0);
        } catch (SocketTimeoutException e) {
            throw new RespException("no answer to " + args[0] + (args.length > 1 && !args[0].equals("AUTH")
                    ? " " + args[1] : "") + " within the read timeout");
        } catch (RespException e) {
            throw e;
        } catch (IOException e) {
            throw new RespException("connection lost: " + e.getMessage());
        }
    }

    private Object read(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new RespException("reply nested deeper than " + MAX_DEPTH);
        }
        int type = in.read();
        if (type < 0) {
            throw new RespException("connection closed by the server");
        }
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> new Error(line);
            case ':' -> number(line);
            case '$' -> {
                long n = number(line);
                if (n < 0) {
                    yield null;
                }
                if (n > MAX_BULK) {
                    throw new RespException("bulk reply of " + n + " bytes is larger than " + MAX_BULK);
                }
                byte[] data = in.readNBytes((int) n);
                if (data.length < n) {
                    throw new RespException("connection closed inside a reply");
                }
                line();
                yield new String(data, StandardCharsets.UTF_8);
            }
            case '*' -> {
                long n = number(line);
                if (n < 0) {
                    yield null;
                }
                if (n > MAX_ITEMS) {
                    throw new RespException("array reply of " + n + " items is larger than " + MAX_ITEMS);
                }
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    items.add(read(depth + 1));
                }
                yield items;
            }
            default -> throw new RespException("not a RESP reply (starts with byte " + type + ")");
        };
    }

    private static long number(String line) throws RespException {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new RespException("not a RESP length or integer: " + line.substring(0, Math.min(20,
                    line.length())));
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new RespException("connection closed inside a reply");
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 64 * 1024) {
                throw new RespException("reply line longer than 64 KiB");
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a socket we only read from: nothing is lost
        }
    }
}
