package org.hearth.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.hearth.hub.liveness.GatewayLiveness;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.store.JdbcHubStore;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.uplink.UplinkServer;
import org.hearth.time.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carer web app's files as the hub serves them over real HTTPS: every file of
 * {@code webapp/} with its content type and the security headers, nothing from elsewhere, no
 * inline script or style, nothing outside the app's folder, and the first load's size.
 */
@Tag("medium")
class WebAppTest {

    static final Path FILES = Path.of("src/main/resources/webapp");
    /** Any scheme-relative or absolute URL with a host name. */
    static final Pattern OUTSIDE = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*:)?//[a-z0-9-]+(?:\\.[a-z0-9-]+)+");
    /** An SVG file's XML namespace names the SVG spec; it is an identifier, nothing is fetched from it. */
    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "json", "application/json; charset=utf-8",
            "webmanifest", "application/manifest+json");

    @TempDir
    Path dir;

    HubStore store;
    UplinkServer uplink;
    HttpApi api;
    HttpsCarer browser;

    @BeforeEach
    void start() throws Exception {
        VirtualScheduler time = new VirtualScheduler(Instant.parse("2026-11-28T10:15:30Z"), ZoneOffset.UTC);
        store = JdbcHubStore.sqlite(dir.resolve("data/hub.db"));
        uplink = UplinkServer.start(new InetSocketAddress("127.0.0.1", 0), store, new GatewayLiveness(time, store, Duration.ofSeconds(60)),
                time.clock());
        api = HttpApiTest.start(dir, store, uplink, time);
        browser = new HttpsCarer(URI.create("https://127.0.0.1:" + api.port()), dir.resolve(Certificates.SELF_SIGNED),
                dir.resolve(Certificates.SELF_SIGNED_PASSWORD));
    }

    @AfterEach
    void stop() {
        api.close();
        uplink.close();
        store.close();
    }

    static List<String> files() throws Exception {
        try (Stream<Path> walk = Files.walk(FILES)) {
            return walk.filter(Files::isRegularFile).map(p -> FILES.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void every_file_is_served_with_its_type_and_a_strict_content_security_policy() throws Exception {
        List<String> files = files();
        assertThat(files).contains("index.html", "app.js", "sw.js", "manifest.webmanifest", "icon.svg", "texts/en.json", "app.css");
        for (String file : files) {
            HttpResponse<byte[]> answer = browser.page("/" + file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.body()).as(file).isEqualTo(Files.readAllBytes(FILES.resolve(file)));
            assertThat(answer.headers().firstValue("Content-Type")).as(file).hasValue(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            securityHeaders(answer, file);
        }
        HttpResponse<byte[]> root = browser.page("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(new String(root.body(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(FILES.resolve("index.html")));
        securityHeaders(root, "/");
    }

    static void securityHeaders(HttpResponse<byte[]> answer, String what) {
        String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(what + ": no CSP"));
        assertThat(csp).as(what).contains("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                "script-src 'self';", "style-src 'self';").doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    }

    @Test
    void no_file_names_anything_outside_the_hub_and_no_page_has_inline_script_or_style() throws Exception {
        for (String file : files()) {
            String text = Files.readString(FILES.resolve(file));
            Matcher m = OUTSIDE.matcher(text.replace(SVG_NAMESPACE, ""));
            assertThat(m.find()).as(file + " names " + (m.hitEnd() ? "" : text.substring(m.start(), Math.min(text.length(), m.end())))).isFalse();
            assertThat(text).as(file).doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("@font-face");
            if (file.endsWith(".html") || file.endsWith(".svg")) {
                assertThat(text).as(file).doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase(" style=")
                        .doesNotContainIgnoringCase("javascript:");
                assertThat(Pattern.compile("(?i)\\son[a-z]+\\s*=").matcher(text).find()).as(file + ": inline handler").isFalse();
                assertThat(Pattern.compile("(?i)<script(?![^>]*\\bsrc=)").matcher(text).find()).as(file + ": inline script").isFalse();
            }
        }
        // The check itself finds what it is for.
        assertThat(OUTSIDE.matcher("import x from 'https://cdn.example.org/x.js'").find()).isTrue();
        assertThat(OUTSIDE.matcher("url(//fonts.example.com/a.woff2)").find()).isTrue();
        assertThat(OUTSIDE.matcher("fetch('/api/v1/homes')").find()).isFalse();
    }

    @Test
    void only_the_apps_own_files_are_served_and_only_read() throws Exception {
        for (String path : List.of("/nothing.js", "/../pom.xml", "/%2e%2e/pom.xml", "/logback.xml", "/org/hearth/hub/Hub.class",
                "/webapp/index.html", "/.hidden.js", "/api/v2/homes")) {
            HttpResponse<byte[]> answer = browser.page(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            securityHeaders(answer, path);
        }
        HttpResponse<byte[]> post = browser.page("POST", "/index.html");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        // The API keeps its own answers below /api/v1/.
        assertThat(browser.get("/homes").status()).isEqualTo(401);
    }

    /**
     * Everything a first visit loads (all but the service worker, fetched later on its own, and of the language files only
     * the one the app shows, counted as the largest): at most 150 KB.
     */
    @Test
    void the_first_load_is_small() throws Exception {
        long plain = 0;
        long gzipped = 0;
        long[] language = {0, 0};
        for (String file : files()) {
            if (file.equals("sw.js") || file.equals("icon-maskable.svg")) {
                continue;
            }
            byte[] body = browser.page("/" + file).body();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            }
            if (file.startsWith("texts/")) {
                language[0] = Math.max(language[0], body.length);
                language[1] = Math.max(language[1], out.size());
            } else {
                plain += body.length;
                gzipped += out.size();
            }
        }
        plain += language[0];
        gzipped += language[1];
        System.out.printf("Carer web app first load: %d bytes as served (uncompressed), %d bytes if gzipped file by file"
                + " (with the largest language file, %d bytes)%n", plain, gzipped, language[0]);
        assertThat(plain).isLessThanOrEqualTo(150 * 1024);
    }

    /** The app's buzz for an alert while open (alarm.js) and the service worker's for an alert's notification are one pattern. */
    @Test
    void an_alert_buzzes_the_same_in_the_app_and_in_its_notifications_and_unlike_an_ordinary_one() throws Exception {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("const ALERT_VIBRATION = (\\[[0-9, ]+]);");
        java.util.regex.Matcher app = pattern.matcher(Files.readString(FILES.resolve("alarm.js")));
        java.util.regex.Matcher worker = pattern.matcher(Files.readString(FILES.resolve("sw.js")));
        assertThat(app.find()).isTrue();
        assertThat(worker.find()).isTrue();
        assertThat(worker.group(1)).isEqualTo(app.group(1));
        assertThat(Files.readString(FILES.resolve("sw.js"))).contains("const ORDINARY_VIBRATION = [200];");
    }
}
