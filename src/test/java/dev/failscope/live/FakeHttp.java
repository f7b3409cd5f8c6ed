package dev.failscope.live;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP server for tests (the JDK's): path to status and body, an optional delay and basic-auth check. */
final class FakeHttp implements AutoCloseable {
    record Answer(int status, String body, long delayMs) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    volatile String requiredAuth;

    FakeHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            Answer a = answers.getOrDefault(ex.getRequestMethod() + " " + path, answers.getOrDefault(path,
                    new Answer(404, "{\"error\":\"no\"}", 0)));
            if (requiredAuth != null && !requiredAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                a = new Answer(401, "{\"error\":\"auth\"}", 0);
            }
            ex.getRequestBody().readAllBytes();
            if (a.delayMs() > 0) {
                try {
                    Thread.sleep(a.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the client gave up (timeout tests)
            }
        });
        server.start();
    }

    FakeHttp answer(String path, String json) {
        answers.put(path, new Answer(200, json, 0));
        return this;
    }

    FakeHttp answer(String path, int status, String body, long delayMs) {
        answers.put(path, new Answer(status, body, delayMs));
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
