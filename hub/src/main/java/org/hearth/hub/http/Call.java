package org.hearth.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One HTTP request and its answer: the path below {@code /api/v1}, the body within its limit, JSON out. */
final class Call {

    static final ObjectMapper JSON = new ObjectMapper();
    /** docs/hub-api.md §4. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final HttpExchange exchange;
    private boolean streaming;
    final String method;
    final List<String> path;

    Call(HttpExchange exchange, String base) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        String raw = exchange.getRequestURI().getPath();
        String below = raw.length() > base.length() ? raw.substring(base.length()) : "";
        this.path = Arrays.stream(below.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    String sourceAddress() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    Optional<String> query(String name) {
        String q = exchange.getRequestURI().getQuery();
        if (q == null) {
            return Optional.empty();
        }
        return Arrays.stream(q.split("&")).filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1)).findFirst();
    }

    Optional<String> cookie(String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String p = pair.strip();
                if (p.startsWith(name + "=")) {
                    return Optional.of(p.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON object; an empty body is an empty object. 413 over the limit, 400 for anything but an object. */
    ObjectNode body() throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return object;
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "too_large", "a request body may be at most " + MAX_BODY_BYTES + " bytes");
    }

    /** A text field of the body: required or not, at most {@code max} characters. */
    static Optional<String> text(ObjectNode body, String field, boolean required, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest(field + ": required");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field + ": must be text");
        }
        String value = node.asText().strip();
        if (required && value.isEmpty()) {
            throw ApiException.badRequest(field + ": must not be empty");
        }
        if (value.length() > max) {
            throw ApiException.badRequest(field + ": at most " + max + " characters");
        }
        return Optional.of(value);
    }

    Optional<String> requestHeader(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /**
     * Answers 200 with an open-ended {@code text/event-stream} body and hands the exchange over:
     * from now on it is closed by whoever holds it, not when the request's handler returns.
     */
    HttpExchange startEventStream() throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        // A reverse proxy (nginx) would otherwise hold events back in its buffer.
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        streaming = true;
        return exchange;
    }

    /** True once {@link #startEventStream} handed the exchange over. */
    boolean streaming() {
        return streaming;
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    /** Answers with a JSON document; nothing the hub sends may be cached. */
    void respond(int status, JsonNode json) throws IOException {
        send(status, json == null ? null : json.toString().getBytes(StandardCharsets.UTF_8));
    }

    void error(ApiException e) throws IOException {
        if (e.retryAfterSeconds > 0) {
            header("Retry-After", Long.toString(e.retryAfterSeconds));
        }
        respond(e.status, JSON.createObjectNode().put("error", e.code).put("message", e.getMessage()));
    }

    private void send(int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
