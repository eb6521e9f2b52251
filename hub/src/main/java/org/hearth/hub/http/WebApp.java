package org.hearth.hub.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The carer web app's own files (docs/carer-app.md), served at {@code /} from the classpath's
 * {@code webapp/} folder: plain ES modules, no build step. Every answer carries a strict
 * Content-Security-Policy, so the page can load nothing from elsewhere and run no inline script or
 * style; the API under {@code /api/} is never served from here.
 */
final class WebApp {

    static final String FOLDER = "webapp/";
    /** Only the app's origin: no inline script or style, no frames, no base, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.(html|js|css|svg|json|webmanifest)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json; charset=utf-8",
            "webmanifest", "application/manifest+json");

    private WebApp() {
    }

    /** GET or HEAD of one of the app's files; {@code /} is {@code index.html}. Anything else is 404 (or 405). */
    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                plain(exchange, 405, "use GET here");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String name = path.equals("/") ? "index.html" : path.substring(1);
            Optional<byte[]> file = read(name);
            if (file.isEmpty()) {
                plain(exchange, 404, "no such page; the carer app starts at /");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            // Always asked again, so a new version of the hub's app is seen at once; the service worker keeps the offline copy.
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, file.get().length);
                exchange.getResponseBody().write(file.get());
            }
        }
    }

    /** The file's bytes, if {@code name} is a plain name of the app's (no {@code ..}, no hidden files) and exists. */
    static Optional<byte[]> read(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try (InputStream in = WebApp.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    private static void plain(HttpExchange exchange, int status, String words) throws IOException {
        byte[] body = words.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
