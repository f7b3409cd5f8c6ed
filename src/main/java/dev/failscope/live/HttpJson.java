package dev.failscope.live;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Read-only JSON over HTTP (Patroni's REST API, etcd's v3 JSON gateway) with the JDK's client: bounded connect and
 * read times, a bounded body, basic auth when given. A failure is a reason, never an exception.
 */
final class HttpJson {
    /** Larger answers are refused: a Patroni /cluster of hundreds of members is a few hundred kilobytes. */
    static final int MAX_BODY = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final LiveOptions options;

    HttpJson(LiveOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The answer: JSON, or why there is none. */
    sealed interface Reply permits Json, Failed {}

    record Json(JsonNode body) implements Reply {}

    record Failed(String reason) implements Reply {}

    Reply get(URI uri, Optional<String> authorization, Deadline deadline) {
        return send(uri, authorization, deadline, null);
    }

    Reply post(URI uri, Optional<String> authorization, Deadline deadline, String json) {
        return send(uri, authorization, deadline, json);
    }

    private Reply send(URI uri, Optional<String> authorization, Deadline deadline, String json) {
        Duration timeout = deadline.cap(options.readTimeout().plus(options.connectTimeout()));
        if (timeout.isZero()) {
            return new Failed("not tried: the snapshot's deadline passed");
        }
        HttpRequest.Builder req;
        try {
            req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return new Failed("not an http(s) URL: " + uri);
        }
        authorization.ifPresent(a -> req.header("Authorization", a));
        if (json == null) {
            req.GET();
        } else {
            req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<InputStream> r = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                return new Failed("HTTP " + r.statusCode() + ": not authorised (set the credentials)");
            }
            if (body.length > MAX_BODY) {
                return new Failed("answer larger than " + MAX_BODY + " bytes");
            }
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (JacksonException e) {
                return new Failed("HTTP " + r.statusCode() + " with a body that is not JSON (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            }
            if (node == null || node.isMissingNode()) {
                return new Failed("HTTP " + r.statusCode() + " with an empty body");
            }
            // Patroni answers /patroni with 503 on a member that is not running, with its state in the body
            if (r.statusCode() != 200 && r.statusCode() != 503) {
                return new Failed("HTTP " + r.statusCode());
            }
            return new Json(node);
        } catch (HttpConnectTimeoutException e) {
            return new Failed("no connection within " + millis(options.connectTimeout()));
        } catch (HttpTimeoutException e) {
            return new Failed("no answer within " + millis(timeout));
        } catch (ConnectException e) {
            return new Failed("connection refused");
        } catch (IOException e) {
            return new Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }

    static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
