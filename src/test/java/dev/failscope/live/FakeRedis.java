package dev.failscope.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local RESP2 server for tests: the command (words joined by spaces, upper-cased) to a raw reply. An optional
 * password makes every command but AUTH answer {@code -NOAUTH} until authenticated.
 */
final class FakeRedis implements AutoCloseable {
    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final Map<String, String> replies = new ConcurrentHashMap<>();
    final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile String password;
    volatile long delayMs;

    FakeRedis() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool.submit(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    FakeRedis reply(String command, String raw) {
        replies.put(command, raw);
        return this;
    }

    static String bulk(String s) {
        return "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
    }

    /** A flat map reply: {@code *2N} of bulk strings. */
    static String flat(String... kv) {
        StringBuilder b = new StringBuilder("*").append(kv.length).append("\r\n");
        for (String s : kv) {
            b.append(bulk(s));
        }
        return b.toString();
    }

    static String array(String... items) {
        return "*" + items.length + "\r\n" + String.join("", items);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                pool.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            boolean authed = password == null;
            while (true) {
                List<String> cmd = read(in);
                if (cmd == null) {
                    return;
                }
                String key = String.join(" ", cmd).toUpperCase(java.util.Locale.ROOT);
                received.add(cmd.get(0).equalsIgnoreCase("AUTH") ? "AUTH ***" : key);
                String reply;
                if (cmd.get(0).equalsIgnoreCase("AUTH")) {
                    authed = password != null && password.equals(cmd.get(cmd.size() - 1));
                    reply = authed ? "+OK\r\n" : "-WRONGPASS invalid username-password pair\r\n";
                } else if (!authed) {
                    reply = "-NOAUTH Authentication required.\r\n";
                } else {
                    reply = replies.getOrDefault(key, "-ERR unknown command '" + cmd.get(0) + "'\r\n");
                }
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> read(InputStream in) throws IOException {
        String head = line(in);
        if (head == null || !head.startsWith("*")) {
            return null;
        }
        int n = Integer.parseInt(head.substring(1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = Integer.parseInt(line(in).substring(1));
            out.add(new String(in.readNBytes(len), StandardCharsets.UTF_8));
            line(in);
        }
        return out;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return null;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // test teardown
        }
        pool.shutdownNow();
    }
}
