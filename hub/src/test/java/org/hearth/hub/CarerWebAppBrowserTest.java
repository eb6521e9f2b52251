package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.hearth.hub.config.HubConfigLoader;
import org.hearth.hub.http.Certificates;
import org.hearth.hub.http.Invites;
import org.hearth.hub.store.Home;
import org.hearth.hub.testkit.Axe;
import org.hearth.hub.testkit.HeadlessChromium;
import org.hearth.hub.testkit.HttpsCarer;
import org.hearth.hub.testkit.LocalHubConfig;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Down;
import org.hearth.protocol.Heartbeat;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The carer web app in Debian's headless Chromium against a real hub (started from its
 * {@code hub.yaml}, on SQLite) and a gateway over real DTLS: enrolling by code, an alert arriving
 * live, On my way and Resolved reaching the gateway's {@code /v1/down}, the remote check changing
 * live, reconnecting after the hub restarts, removing another device, and being revoked; Web Push as far as headless
 * Chromium goes here (subscribing needs Google's push service, which it cannot reach; a push message is handed to the
 * service worker through DevTools instead). Screenshots go to {@code target/webapp-screenshots/}.
 */
@Tag("large")
class CarerWebAppBrowserTest {

    static final byte[] KEY = "sixteen-bytes-A!".getBytes(StandardCharsets.US_ASCII);
    static final Path SCREENSHOTS = Path.of("target/webapp-screenshots");
    static final Duration LIVE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void a_carer_enrols_sees_an_alert_live_answers_it_and_checks_on_the_home() throws Exception {
        LocalHubConfig local = LocalHubConfig.in(dir);
        int udp = local.udp();
        int tcp = local.tcp();
        String url = local.url();
        Path config = local.file();
        Hub[] running = {Hub.start(HubConfigLoader.load(config))};
        try {
            Hub hub = running[0];
            Home home = hub.store().addHome("Flat 12", KEY, Instant.now());
            Path data = dir.resolve("data");
            try (TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", udp), home.identity(), KEY);
                 TestGateway.Observation down = gateway.observeDown();
                 HeadlessChromium chromium = new HeadlessChromium(dir.resolve("profile"), data.resolve(Certificates.SELF_SIGNED),
                         data.resolve(Certificates.SELF_SIGNED_PASSWORD))) {
                assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
                sent(gateway, CoAP.Code.POST, "heartbeat", new String(WireCodec.encode(new Heartbeat(Protocol.VERSION, "Flat 12", Instant.now(), 1,
                        30, Heartbeat.RUNNING)), StandardCharsets.UTF_8));
                sent(gateway, CoAP.Code.PUT, "summary", summary("up this morning at 07:15 (usually 07:20)", "2026-11-28T10:42:00Z", 19.5));
                var browser = chromium.driver;
                WebDriverWait wait = chromium.waiting(LIVE);
                wait.withMessage(() -> "the page shows: " + browser.findElement(By.tagName("body")).getText());

                // Enrol by the short code, typed in lower case without the dash.
                String code = Invites.issue(hub.store(), home.id(), "Priya", 1, Instant.now());
                browser.get(url + "/");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Connect this phone"));
                // The check can fail: an image without a text alternative, put in for a moment, is found.
                browser.executeScript("const i = document.createElement('img'); i.id = 'no-alt'; i.src = '/icon.svg'; document.body.append(i);");
                assertThat(Axe.violations(browser)).anyMatch(v -> v.startsWith("image-alt ") && v.contains("#no-alt"));
                browser.executeScript("document.getElementById('no-alt').remove();");
                System.out.println("axe-core rules run for " + Axe.WCAG_22_AA + ": " + Axe.ruleCount(browser));
                accessible(chromium, "enrol");
                reflowsAt200Percent(chromium, "enrol");
                assertThat(serviceWorkerCache(chromium)).contains("/", "/app.js", "/screens.js", "/texts/en.json")
                        .noneMatch(p -> p.startsWith("/api/"));
                browser.findElement(By.id("code")).sendKeys(code.replace("-", "").toLowerCase());
                browser.findElement(By.id("device")).sendKeys("Priya's phone");
                browser.findElement(By.cssSelector("form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes"));
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("Flat 12", "No open alerts", "Home connected");
                assertThat((Object) browser.executeScript("return document.cookie + '|' + JSON.stringify(localStorage)"))
                        .as("the credential is HttpOnly and nothing is kept in localStorage").isEqualTo("|{}");
                // Enrolment ends with a test notification, over the live stream (no push subscription yet).
                wait.until(ExpectedConditions.textToBe(By.id("announce"),
                        "Test notification received: this phone shows the home's alerts while the app is open."));
                // Notifications not asked for yet: the app says what that means and offers to turn them on.
                assertThat(browser.findElement(By.id("push")).getAttribute("data-state")).isEqualTo("ask");
                assertThat(browser.findElement(By.id("push-state")).getText()).startsWith("Alerts reach this phone only while the app is open.");
                // Allowed: the browser subscribes with the hub's VAPID key. Headless Chromium here has no push service to
                // reach (Chrome's is Google's FCM), so subscribing fails, and the app says so in words.
                browser.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", url, "permissions", List.of("notifications")));
                browser.findElement(By.id("push-on")).click();
                wait.until(d -> "working".equals(d.findElement(By.id("push")).getAttribute("data-state")));
                chromium.waiting(Duration.ofSeconds(20)).until(d -> !"working".equals(d.findElement(By.id("push")).getAttribute("data-state")));
                String pushState = browser.findElement(By.id("push-state")).getText();
                System.out.println("Web Push in headless Chromium: " + pushState);
                assertThat(browser.findElement(By.id("push")).getAttribute("data-state")).isEqualTo("failed");
                assertThat(pushState).startsWith("Could not turn on alerts while the app is closed: ");
                // Chromium offers its install prompt (the manifest and the service worker qualify): the app's own button.
                chromium.waiting(Duration.ofSeconds(20)).until(d -> "offered".equals(d.findElement(By.id("install")).getAttribute("data-state")));
                assertThat(browser.findElement(By.id("install-button")).getText()).isEqualTo("Add to home screen");
                accessible(chromium, "homes");
                browser.findElement(By.linkText("Flat 12")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Open alerts at Flat 12"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));
                assertThat(browser.findElement(By.id("alert-list")).getText()).isEqualTo("No open alerts.");

                // An alert from the gateway appears by itself and is announced.
                UUID id = UUID.randomUUID();
                String words = "The pull cord in the bathroom was pulled.";
                sent(gateway, CoAP.Code.POST, "alerts", new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP,
                        Severity.URGENT, "Flat 12", "bathroom", Instant.now(), 1, words, false)), StandardCharsets.UTF_8));
                long received = System.nanoTime();
                WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-alert='" + id + "']")));
                System.out.printf("Alert shown in the browser %d ms after the hub's receipt%n", (System.nanoTime() - received) / 1_000_000);
                assertThat(card.getText()).contains("Urgent", "Help asked for in the bathroom", words);
                wait.until(ExpectedConditions.textToBe(By.id("announce"), "New alert: " + words));
                accessible(chromium, "open alerts");
                // The open app said it has it: the hub tells the gateway it was delivered to Priya, on Priya's phone.
                Down.Entry delivered = next(down);
                assertThat(delivered.kind()).isEqualTo(Down.DELIVERED);
                assertThat(delivered.alertId()).isEqualTo(id);
                assertThat(delivered.by()).isEqualTo("Priya");
                assertThat(delivered.device()).isEqualTo("Priya's phone");
                sent(gateway, CoAP.Code.DELETE, "down/" + delivered.seq(), null);

                // The same alert as a push message (what the hub sends, as the service worker reads it after decryption),
                // handed to the service worker by Chromium's DevTools as a push service would: it shows the alert's words
                // as a notification that stays until answered, and says it received it.
                // The profile is fresh, so the app's service worker is its first registration, id 0 (the id's only source is
                // DevTools events, which ChromeDriver's executeCdpCommand does not pass on); a wrong id would deliver nothing.
                browser.executeCdpCommand("ServiceWorker.enable", java.util.Map.of());
                // Chromium, at its first read of a site's notifications, drops those its display does not list; read once
                // before the push so that cannot race the new notification (seen here as an empty getNotifications now and then).
                assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => done(n.length), e => done(-1));")).isEqualTo(0L);
                browser.executeCdpCommand("ServiceWorker.deliverPushMessage", java.util.Map.of("origin", url, "registrationId", "0",
                        "data", "{\"v\":1,\"type\":\"alert\",\"home\":\"" + home.id() + "\",\"home_label\":\"Flat 12\",\"alert_id\":\"" + id
                                + "\",\"kind\":\"help\",\"severity\":\"urgent\",\"room\":\"bathroom\",\"raised_at\":\"" + Instant.now()
                                + "\",\"test\":false,\"words\":\"" + words + "\"}"));
                String byPush = "received " + id + " by push";
                chromium.waiting(Duration.ofSeconds(15)).until(d -> hub.store().accessLog(home.id()).stream()
                        .anyMatch(a -> a.what().equals(byPush)));
                java.util.Map<String, Object> notification = notification(chromium, "alert-" + id);
                assertThat(notification.get("title")).isEqualTo("Urgent — Hearth: Flat 12");
                assertThat(notification.get("body")).isEqualTo(words);
                assertThat(notification.get("requireInteraction")).isEqualTo(true);
                assertThat(notification.get("vibrate").toString()).isEqualTo("[800, 200, 800, 200, 800, 200, 800]");
                assertThat(notification.get("url")).isEqualTo("/#/home/" + home.id() + "/alert/" + id);

                // The alert screen; On my way reaches the gateway as an ack by Priya from Priya's phone.
                card.findElement(By.tagName("a")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Help asked for in the bathroom"));
                sent(gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 1, "delivered", "DELIVERED", "Delivered to Priya"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-details"), "Priya, received at"));
                assertThat(browser.findElement(By.id("alert-details")).getText())
                        .contains("Being told now\nThe first people on the list (level 1)");
                // Nobody answered in time: the gateway passes it on to level 2, and the screen says who is being told now.
                Instant escalatedAt = Instant.now();
                sent(gateway, CoAP.Code.POST, "alerts/" + id + "/events", "{\"v\":1,\"alert_id\":\"" + id + "\",\"seq\":2,\"at\":\""
                        + escalatedAt + "\",\"state\":\"delivered\",\"event\":\"ESCALATED\",\"carer\":\"\",\"level\":2,"
                        + "\"detail\":\"Escalated to level 2\"}");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-details"),
                        "Passed on at " + clock(chromium, escalatedAt.toString()) + ": level 2 of the list is being told now"));
                accessible(chromium, "escalated alert");
                reflowsAt200Percent(chromium, "escalated alert");
                browser.findElement(By.id("ack")).click();
                Down.Entry ack = next(down);
                assertThat(ack.kind()).isEqualTo(Down.ACK);
                assertThat(ack.device()).isEqualTo("Priya's phone");
                assertThat(ack.ack().alertId()).isEqualTo(id);
                assertThat(ack.ack().by()).isEqualTo("Priya");
                assertThat(ack.ack().note()).isEqualTo("on my way");
                sent(gateway, CoAP.Code.DELETE, "down/" + ack.seq(), null);
                sent(gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 3, "acknowledged", "ACKNOWLEDGED",
                        "Acknowledged by Priya: on my way"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-details"), "Priya, since"));
                assertThat(browser.findElement(By.id("trail")).getText()).contains("Delivered to Priya", "Acknowledged by Priya: on my way");
                assertThat(browser.findElement(By.id("alert-message")).getText()).startsWith("Sent: you are on your way");
                chromium.screenshot(SCREENSHOTS.resolve("alert.png"));
                assertWordsOnly(browser.findElement(By.tagName("main")).getText());
                accessible(chromium, "alert");
                reflowsAt200Percent(chromium, "alert");

                // Resolved with an outcome and a note.
                browser.findElement(By.cssSelector("#resolve input[value=helped_up]")).click();
                browser.findElement(By.id("resolve-note")).sendKeys("Sat her in the chair");
                browser.findElement(By.cssSelector("#resolve button[type=submit]")).click();
                Down.Entry resolve = next(down);
                assertThat(resolve.kind()).isEqualTo(Down.RESOLVE);
                assertThat(resolve.alertId()).isEqualTo(id);
                assertThat(resolve.by()).isEqualTo("Priya");
                assertThat(resolve.outcome()).isEqualTo(Down.Outcome.HELPED_UP);
                assertThat(resolve.note()).isEqualTo("Sat her in the chair");
                sent(gateway, CoAP.Code.DELETE, "down/" + resolve.seq(), null);
                Instant resolvedAt = Instant.now();
                sent(gateway, CoAP.Code.POST, "alerts/" + id + "/events", event(id, 4, "resolved", "RESOLVED", "Resolved by Priya: helped up",
                        resolvedAt));
                wait.until(ExpectedConditions.textToBe(By.id("alert-actions"), "This alert is closed."));
                // The outcome as a value (the one Priya sent through the hub; this gateway's event names only the carer).
                assertThat(browser.findElement(By.id("alert-details")).getText()).contains("How it ended\nHelped up")
                        .doesNotContain("Being told now");
                accessible(chromium, "closed alert");
                reflowsAt200Percent(chromium, "closed alert");

                // The remote check shows the gateway's summary, and the next one live.
                browser.findElement(By.linkText("Back to the alerts")).click();
                wait.until(ExpectedConditions.textToBe(By.id("alert-list"), "No open alerts."));

                // The history keeps it, with how it ended in the gateway's words; it opens on the alert with its whole trail.
                browser.findElement(By.linkText("Past alerts and how they ended")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Past alerts at Flat 12"));
                WebElement past = browser.findElement(By.cssSelector("#history [data-alert='" + id + "']"));
                assertThat(past.getText()).contains("Urgent", "Help asked for in the bathroom", words,
                        "Closed at " + clock(chromium, resolvedAt.toString())
                                + ": Resolved by Priya: helped up", "How it ended: Helped up");
                chromium.screenshot(SCREENSHOTS.resolve("history.png"));
                assertWordsOnly(browser.findElement(By.tagName("main")).getText());
                accessible(chromium, "history");
                reflowsAt200Percent(chromium, "history");
                past.findElement(By.tagName("a")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Help asked for in the bathroom"));
                assertThat(browser.findElement(By.id("trail")).getText()).contains("Delivered to Priya", "Acknowledged by Priya: on my way",
                        "Resolved by Priya: helped up");
                assertThat(browser.findElement(By.id("alert-actions")).getText()).isEqualTo("This alert is closed.");
                browser.findElement(By.linkText("Back to the alerts")).click();
                wait.until(ExpectedConditions.textToBe(By.id("alert-list"), "No open alerts."));
                browser.findElement(By.linkText("Check that all is well")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Is all well at Flat 12?"));
                assertThat(browser.findElement(By.id("resident")).getText()).isEqualTo("up this morning at 07:15 (usually 07:20)");
                assertThat(browser.findElement(By.id("rooms")).getText()).isEqualTo("Kitchen: last movement at " + clock(chromium,
                        "2026-11-28T10:42:00Z") + ", 19.5 °C");
                assertThat(browser.findElement(By.id("sensors")).getText()).isEqualTo("cord-bathroom in the bathroom: check the battery");
                assertThat(browser.findElement(By.id("connected")).getText()).isEqualTo("The hub and the home are connected.");
                browser.findElement(By.id("check-now")).click();
                Down.Entry check = next(down);
                assertThat(check.kind()).isEqualTo(Down.CHECK_NOW);
                sent(gateway, CoAP.Code.DELETE, "down/" + check.seq(), null);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-message"), "Asked the home at"));
                sent(gateway, CoAP.Code.PUT, "summary", summary("out since 11:05", "2026-11-28T11:01:00Z", 20.0));
                wait.until(ExpectedConditions.textToBe(By.id("resident"), "out since 11:05"));
                assertThat(browser.findElement(By.id("rooms")).getText()).isEqualTo("Kitchen: last movement at " + clock(chromium,
                        "2026-11-28T11:01:00Z") + ", 20 °C");
                chromium.screenshot(SCREENSHOTS.resolve("remote-check.png"));
                assertWordsOnly(browser.findElement(By.tagName("main")).getText());

                accessible(chromium, "remote check");
                reflowsAt200Percent(chromium, "remote check");

                // The carer chooses Urdu: the screen is shown again in Urdu, right to left, focus stays on the chooser.
                Select language = new Select(browser.findElement(By.id("language")));
                assertThat(language.getOptions()).extracting(WebElement::getText)
                        .containsExactly("English", "ગુજરાતી", "हिन्दी", "ਪੰਜਾਬੀ", "اردو", "Polski", "বাংলা");
                language.selectByValue("ur");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "کیا Flat 12 میں سب ٹھیک ہے؟"));
                assertThat((Object) browser.executeScript("return [document.documentElement.lang, document.documentElement.dir,"
                        + " document.activeElement.id, getComputedStyle(document.body).direction]"))
                        .isEqualTo(List.of("ur", "rtl", "language", "rtl"));
                assertThat(browser.findElement(By.id("nav")).getText()).contains("گھر", "ڈیوائسز");
                assertThat(browser.findElement(By.id("check-now")).getText()).isEqualTo("ابھی دیکھیں");
                assertThat(browser.findElement(By.id("connected")).getText()).isEqualTo("ہب اور گھر جُڑے ہوئے ہیں۔");
                assertThat(browser.findElement(By.id("connection")).getText()).startsWith("لائیو");
                chromium.screenshot(SCREENSHOTS.resolve("remote-check-urdu.png"));
                accessible(chromium, "remote check in Urdu");
                reflowsAt200Percent(chromium, "remote check in Urdu");
                // Polish, remembered on this device across a reload: only the language code is kept in localStorage.
                new Select(browser.findElement(By.id("language"))).selectByValue("pl");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Czy wszystko w porządku: Flat 12?"));
                assertThat((Object) browser.executeScript("return document.documentElement.dir")).isEqualTo("ltr");
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Czy wszystko w porządku: Flat 12?"));
                assertThat(browser.findElement(By.id("check-now")).getText()).isEqualTo("Sprawdź teraz");
                assertThat((Object) browser.executeScript("return document.cookie + '|' + JSON.stringify(localStorage)"))
                        .isEqualTo("|{\"hearth.language\":\"pl\"}");
                // The history's outcome in Polish: the value, worded by the app.
                browser.get(url + "/#/home/" + home.id() + "/history");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "Jak się skończyło: Pomoc przy wstawaniu"));
                browser.get(url + "/#/home/" + home.id() + "/check");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Czy wszystko w porządku: Flat 12?"));
                // The service worker, which cannot read localStorage, words a push's notification in Polish too.
                browser.executeCdpCommand("ServiceWorker.deliverPushMessage", java.util.Map.of("origin", url, "registrationId", "0",
                        "data", "{\"v\":1,\"type\":\"test\",\"device\":\"Priya's phone\",\"at\":\"" + Instant.now() + "\"}"));
                java.util.Map<String, Object> test = notification(chromium, "hearth-test");
                assertThat(test.get("title")).isEqualTo("Hearth: powiadomienie testowe");
                assertThat(test.get("body")).isEqualTo("Priya's phone będzie tu pokazywać alarmy z domu.");
                // Nothing chosen: the browser's language (Bengali here), else English.
                browser.executeScript("localStorage.clear()");
                String agent = (String) browser.executeScript("return navigator.userAgent");
                browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent", agent, "acceptLanguage", "bn-IN,bn"));
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Flat 12-এ সব ঠিক আছে কি?"));
                browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent", agent, "acceptLanguage", "de-DE,de"));
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Is all well at Flat 12?"));
                assertThat((Object) browser.executeScript("return document.documentElement.lang")).isEqualTo("en");
                browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent", agent, "acceptLanguage", "en-GB,en"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));
                // The reloaded page's stream has had no entry yet, so it would have no Last-Event-ID to resume from below.
                sent(gateway, CoAP.Code.PUT, "summary", summary("out since 11:10", "2026-11-28T11:06:00Z", 20.0));
                wait.until(ExpectedConditions.textToBe(By.id("resident"), "out since 11:10"));

                // The hub goes away and comes back; an alert raised meanwhile is shown once the app has reconnected by itself.
                browser.findElement(By.linkText("Homes")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes"));
                browser.findElement(By.linkText("Flat 12")).click();
                wait.until(ExpectedConditions.textToBe(By.id("alert-list"), "No open alerts."));
                running[0].close();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Offline — reconnecting"));
                accessible(chromium, "offline");
                running[0] = Hub.start(HubConfigLoader.load(config));
                UUID missed = UUID.randomUUID();
                String missedWords = "No movement since 08:00.";
                try (TestGateway again = new TestGateway(new InetSocketAddress("127.0.0.1", udp), home.identity(), KEY)) {
                    sent(again, CoAP.Code.POST, "alerts", new String(WireCodec.encode(new Alert(Protocol.VERSION, missed, AlertKind.INACTIVITY,
                            Severity.ATTENTION, "Flat 12", "living room", Instant.now(), 1, missedWords, false)), StandardCharsets.UTF_8));
                }
                WebDriverWait reconnect = chromium.waiting(Duration.ofSeconds(15));
                reconnect.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-alert='" + missed + "']")));
                reconnect.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));
                reconnect.until(ExpectedConditions.textToBe(By.id("announce"), "New alert: " + missedWords));

                // Priya's tablet (a second device, through the API) is in the phone's device list; the phone removes it.
                Hub again = running[0];
                HttpsCarer tablet = new HttpsCarer(URI.create(url), data.resolve(Certificates.SELF_SIGNED),
                        data.resolve(Certificates.SELF_SIGNED_PASSWORD));
                assertThat(tablet.enrol(Invites.issue(again.store(), home.id(), "Priya", 1, Instant.now()), "Priya's tablet").status())
                        .isEqualTo(201);
                browser.findElement(By.linkText("Devices")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Your devices"));
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("Priya's phone (this phone)", "Priya's tablet");
                chromium.screenshot(SCREENSHOTS.resolve("devices.png"));
                accessible(chromium, "devices");
                reflowsAt200Percent(chromium, "devices");
                browser.findElement(By.xpath("//button[text()=\"Remove Priya's tablet\"]")).click();
                browser.findElement(By.xpath("//button[text()=\"Yes, remove Priya's tablet\"]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Priya's tablet was removed."));
                assertThat(tablet.get("/homes").status()).isEqualTo(401);

                // The phone is revoked elsewhere (as `hearth-hub revoke` does): its stream closes and it goes back to enrolling.
                String phone = again.store().devicesOf("Priya").stream().filter(d -> d.name().equals("Priya's phone")).findFirst()
                        .orElseThrow().id();
                assertThat(again.store().revokeDevice(phone, Instant.now())).isTrue();
                chromium.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Connect this phone"));
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Connect this phone"));
                assertThat(serviceWorkerCache(chromium)).noneMatch(p -> p.startsWith("/api/"));
            }
        } finally {
            running[0].close();
        }
    }

    /** axe-core finds no violation of WCAG 2.2 A or AA on the screen as it is now. */
    static void accessible(HeadlessChromium chromium, String screen) {
        assertThat(Axe.violations(chromium.driver)).as("axe-core %s on the %s screen", Axe.WCAG_22_AA, screen).isEmpty();
    }

    /**
     * On a phone 360 CSS pixels wide with the text at 200 %, the screen reflows: nothing needs sideways scrolling and
     * every button, link and field is wholly inside the width (WCAG 1.4.4 and 1.4.10). A screenshot of it is saved.
     */
    static void reflowsAt200Percent(HeadlessChromium chromium, String screen) throws Exception {
        var browser = chromium.driver;
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 360, "height", 740,
                "deviceScaleFactor", 1, "mobile", true));
        browser.executeScript("document.documentElement.style.fontSize = '200%'");
        try {
            assertThat((Object) browser.executeScript("return document.documentElement.clientWidth")).isEqualTo(360L);
            assertThat((Object) browser.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no sideways scrolling at 200 %% text, 360 px wide, on the %s screen", screen).isEqualTo(true);
            @SuppressWarnings("unchecked")
            List<String> clipped = (List<String>) browser.executeScript("const width = document.documentElement.clientWidth;"
                    + "return [...document.querySelectorAll('button, a, input, textarea, select, label')]"
                    + ".filter(e => e.getClientRects().length > 0)"
                    + ".filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > width + 0.5"
                    + "  || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'); })"
                    + ".map(e => e.outerHTML.slice(0, 120));");
            assertThat(clipped).as("controls cut off at 200 %% text, 360 px wide, on the %s screen", screen).isEmpty();
            chromium.screenshot(SCREENSHOTS.resolve(screen.replace(' ', '-') + "-200-percent.png"));
        } finally {
            browser.executeScript("document.documentElement.style.fontSize = ''");
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    /** The service worker's notification with that tag, once it shows (within 15 s): its title, body and options. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> notification(HeadlessChromium chromium, String tag) {
        WebDriverWait wait = chromium.waiting(Duration.ofSeconds(15));
        wait.withMessage(() -> "no notification " + tag + "; the service worker shows " + chromium.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(r => r.getNotifications())"
                        + ".then(n => done(n.map(x => x.tag + ': ' + x.title)), e => done('error: ' + e));"));
        return (java.util.Map<String, Object>) wait.until(d -> chromium.driver
                .executeAsyncScript("const tag = arguments[0]; const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(r => r.getNotifications({tag})).then(n => done(n.length === 0"
                        + " ? null : {title: n[0].title, body: n[0].body, requireInteraction: n[0].requireInteraction,"
                        + " vibrate: Array.from(n[0].vibrate), url: n[0].data.url}), e => done(null));", tag));
    }

    /** No value the page failed to turn into words, and no text key without its text. */
    static void assertWordsOnly(String shown) {
        assertThat(shown).doesNotContain("null", "undefined", "NaN", "[object").doesNotContainPattern("\\b[a-z]+\\.[a-z_]+\\b");
    }

    static void sent(TestGateway gateway, CoAP.Code code, String path, String json) throws InterruptedException {
        ResponseCode expected = code == CoAP.Code.DELETE ? ResponseCode.DELETED : ResponseCode.CHANGED;
        assertThat(gateway.send(code, path, json).getCode()).as(code + " " + path).isEqualTo(expected);
    }

    /** The next entry the hub tells the gateway; the notification after a DELETE, with the queue empty again, is passed over. */
    static Down.Entry next(TestGateway.Observation down) throws Exception {
        while (true) {
            String notification = down.next();
            assertThat(notification).startsWith("2.05 ");
            List<Down.Entry> entries = WireCodec.decodeDown(notification.substring(5).getBytes(StandardCharsets.UTF_8)).entries();
            if (!entries.isEmpty()) {
                assertThat(entries).hasSize(1);
                return entries.get(0);
            }
        }
    }

    static String summary(String resident, String lastMovement, double temperature) {
        return "{\"v\":1,\"home\":\"Flat 12\",\"at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\","
                + "\"rooms\":[{\"room\":\"kitchen\",\"last_movement\":\"" + lastMovement + "\",\"temperature_c\":" + temperature + "}],"
                + "\"resident\":{\"state\":\"up\",\"words\":\"" + resident + "\",\"since\":\"2026-11-28T07:15:00Z\"},"
                + "\"sensors\":[{\"id\":\"cord-bathroom\",\"room\":\"bathroom\",\"status\":\"SUSPECT\",\"reason\":\"check the battery\"}],"
                + "\"open_alerts\":0,\"gateway\":{\"version\":\"0.2.0\",\"up_since\":\"2026-11-27T22:01:13Z\"}}";
    }

    static String event(UUID id, int seq, String state, String event, String detail) {
        return event(id, seq, state, event, detail, Instant.now());
    }

    static String event(UUID id, int seq, String state, String event, String detail, Instant at) {
        return "{\"v\":1,\"alert_id\":\"" + id + "\",\"seq\":" + seq + ",\"at\":\"" + at + "\",\"state\":\"" + state
                + "\",\"event\":\"" + event + "\",\"carer\":\"Priya\",\"level\":1,\"detail\":\"" + detail + "\"}";
    }

    /** The time of day as the page writes it, in the browser's own time zone and language (the page's own rule). */
    static String clock(HeadlessChromium chromium, String iso) {
        return (String) chromium.driver.executeScript(
                "const at = new Date(arguments[0]); const clock = at.toLocaleTimeString('en', {hour: '2-digit', minute: '2-digit'});"
                        + "return at.toDateString() === new Date().toDateString() ? clock"
                        + " : at.toLocaleDateString('en', {weekday: 'short', day: 'numeric', month: 'short'}) + ' ' + clock;", iso);
    }

    /** The paths the service worker's offline shell holds; empty if it did not install within 5 s. */
    @SuppressWarnings("unchecked")
    static List<String> serviceWorkerCache(HeadlessChromium chromium) {
        Object paths = chromium.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const late = new Promise(r => setTimeout(() => r(null), 5000));"
                + "Promise.race([navigator.serviceWorker.ready, late]).then(ready => ready === null ? [] :"
                + "  caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                + "  .then(all => all.flat().map(r => new URL(r.url).pathname)))"
                + ".then(done, e => done(['error: ' + e]));");
        return (List<String>) paths;
    }
}
