package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.hub.CarerWebAppBrowserTest.accessible;
import static org.hearth.hub.CarerWebAppBrowserTest.clock;
import static org.hearth.hub.CarerWebAppBrowserTest.event;
import static org.hearth.hub.CarerWebAppBrowserTest.next;
import static org.hearth.hub.CarerWebAppBrowserTest.reflowsAt200Percent;
import static org.hearth.hub.CarerWebAppBrowserTest.sent;
import static org.hearth.hub.HubCli.cli;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.hearth.hub.config.HubConfigLoader;
import org.hearth.hub.http.Certificates;
import org.hearth.hub.store.Home;
import org.hearth.hub.testkit.HeadlessChromium;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alert screen's extras in Debian's headless Chromium against a real hub (from its {@code hub.yaml}, on SQLite) and a
 * gateway over real DTLS: enrolling by the link {@code hearth-hub invite} prints (its QR code's), the alert sound and
 * buzz until someone answers or the carer silences it (Chromium's own autoplay rule: sound only after a tap), the
 * {@code tel:} link to the resident's number set by {@code hearth-hub homes set}, when the next level will be told, and
 * the service worker's notification options for an alert and for anything else.
 *
 * <p>The page is watched by a probe the test puts in before the app's scripts (DevTools'
 * {@code Page.addScriptToEvaluateOnNewDocument}): it counts the oscillators the page starts and the vibrations it asks
 * for, and keeps the AudioContext. The app itself exposes nothing for tests but its box's {@code data-sound}. Who is
 * told next comes from the gateway's own event ({@code next_at}, {@code next_to}), through the hub's
 * {@code next_escalation}.
 */
@Tag("large")
class CarerAlertScreenBrowserTest {

    static final byte[] KEY = "sixteen-bytes-C!".getBytes(StandardCharsets.US_ASCII);
    static final String ALERT_VIBRATION = "[800,200,800,200,800,200,800]";
    static final String PROBE = """
            (() => {
              const probe = { oscillators: 0, vibrations: [], audio: null };
              Object.defineProperty(window, 'hearthTestProbe', { value: probe });
              const start = OscillatorNode.prototype.start;
              OscillatorNode.prototype.start = function (...args) {
                probe.oscillators++;
                probe.audio = this.context;
                return start.apply(this, args);
              };
              const vibrate = Navigator.prototype.vibrate;
              Navigator.prototype.vibrate = function (pattern) {
                probe.vibrations.push(JSON.stringify(pattern));
                return vibrate.call(this, pattern);
              };
            })();
            """;

    @TempDir
    Path dir;

    @Test
    void a_carer_enrols_by_the_invite_link_hears_alerts_until_answered_calls_the_resident_and_sees_who_is_told_next() throws Exception {
        LocalHubConfig local = LocalHubConfig.in(dir);
        String url = local.url();
        String config = local.file().toString();
        try (Hub hub = Hub.start(HubConfigLoader.load(local.file()))) {
            Home home = hub.store().addHome("Flat 12", KEY, Instant.now());
            // The resident's number, set as an administrator does while the hub runs; a wrong one is refused and changes nothing.
            HubCli wrong = cli("homes", "set", home.id(), "--phone", "07700 900123", "--config", config);
            assertThat(wrong.exit()).isEqualTo(2);
            assertThat(wrong.err()).contains("international form");
            assertThat(hub.store().home(home.id()).orElseThrow().phone()).isEmpty();
            assertThat(cli("homes", "set", home.id(), "--phone", "+44 7700 900123", "--config", config).exit()).isZero();
            assertThat(hub.store().home(home.id()).orElseThrow().phone()).contains("+447700900123");
            // The invite, as `hearth-hub invite` prints it: the link its QR code holds.
            HubCli invite = cli("invite", "--home", home.id(), "--carer", "Priya", "--no-qr", "--config", config);
            assertThat(invite.exit()).as(invite.err()).isZero();
            String link = invite.out().lines().filter(l -> l.startsWith("https://")).findFirst().orElseThrow();
            String code = invite.out().lines().filter(l -> l.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")).findFirst().orElseThrow();
            assertThat(link).isEqualTo(url + "/#enrol=" + code);

            Path data = dir.resolve("data");
            try (TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", local.udp()), home.identity(), KEY);
                 TestGateway.Observation down = gateway.observeDown();
                 HeadlessChromium chromium = new HeadlessChromium(dir.resolve("profile"), data.resolve(Certificates.SELF_SIGNED),
                         data.resolve(Certificates.SELF_SIGNED_PASSWORD), List.of("--autoplay-policy=document-user-activation-required"))) {
                assertThat(down.next()).isEqualTo("2.05 {\"v\":1,\"entries\":[]}");
                sent(gateway, CoAP.Code.POST, "heartbeat", new String(WireCodec.encode(new Heartbeat(Protocol.VERSION, "Flat 12",
                        Instant.now(), 1, 30, Heartbeat.RUNNING)), StandardCharsets.UTF_8));
                var browser = chromium.driver;
                WebDriverWait wait = chromium.waiting(CarerWebAppBrowserTest.LIVE);
                wait.withMessage(() -> "the page shows: " + browser.findElement(By.tagName("body")).getText());
                browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));

                // The camera opens the link: the code is filled in and gone from the address; the carer only names the phone.
                browser.get(link);
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Connect this phone"));
                assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("The invite code from the link is filled in. Give this phone a name, then press Connect.");
                assertThat(browser.getCurrentUrl()).isEqualTo(url + "/#/enrol").doesNotContain(code);
                accessible(chromium, "enrol from a link");
                reflowsAt200Percent(chromium, "enrol from a link");
                browser.findElement(By.id("device")).sendKeys("Priya's phone");
                browser.findElement(By.cssSelector("form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes"));
                assertThat(hub.store().devicesOf("Priya")).extracting(d -> d.name()).containsExactly("Priya's phone");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));
                WebElement box = browser.findElement(By.id("alarm"));
                assertThat(box.isDisplayed()).isFalse();

                // An alert arrives live; the carer has tapped the page (Connect), so the tone plays at once and the phone buzzes.
                UUID first = alert(gateway, Severity.URGENT, "The pull cord in the bathroom was pulled.");
                wait.until(d -> "playing".equals(box.getAttribute("data-sound")));
                assertThat(box.isDisplayed()).isTrue();
                assertThat(box.getText()).startsWith("An alert is waiting for an answer. The alert sound plays until someone answers")
                        .contains("Silence").doesNotContain("Turn sound on");
                wait.until(d -> probe(chromium, "oscillators") >= 8);
                assertThat(probeText(chromium, "probe.audio.state")).isEqualTo("running");
                assertThat(vibrations(chromium)).contains(ALERT_VIBRATION);
                accessible(chromium, "homes, alert sounding");
                reflowsAt200Percent(chromium, "homes, alert sounding");
                // Someone else answers at the home: the sound and the buzz stop here.
                Down.Entry delivered = next(down);
                assertThat(delivered.kind()).isEqualTo(Down.DELIVERED);
                sent(gateway, CoAP.Code.DELETE, "down/" + delivered.seq(), null);
                sent(gateway, CoAP.Code.POST, "alerts/" + first + "/events", CarerWebAppBrowserTest.event(first, 1, "acknowledged",
                        "ACKNOWLEDGED", "Acknowledged by Tom: on my way").replace("\"Priya\"", "\"Tom\""));
                wait.until(d -> "off".equals(box.getAttribute("data-sound")));
                assertThat(box.isDisplayed()).isFalse();
                wait.until(d -> probeText(chromium, "probe.audio.state").equals("suspended"));
                assertThat(vibrations(chromium)).last().isEqualTo("0");
                long played = probe(chromium, "oscillators");
                int buzzed = vibrations(chromium).size();
                // Longer than the tone's repeat (alarm.js EVERY_MS): nothing more plays or buzzes.
                Thread.sleep(4500);
                assertThat(probe(chromium, "oscillators")).isEqualTo(played);
                assertThat(vibrations(chromium)).hasSize(buzzed);

                // A fresh tab (nobody has tapped it yet; a reload would keep the tap, as Chromium's rule does for the same
                // site): Chromium keeps the sound off, and the app says so and offers the button.
                String used = browser.getWindowHandle();
                browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
                String fresh = browser.getWindowHandle();
                browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
                browser.switchTo().window(used).close();
                browser.switchTo().window(fresh);
                browser.get(url + "/#/");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));
                String nextAt = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES).toString();
                UUID second = alert(gateway, Severity.ATTENTION, "No movement since 08:00.");
                // The gateway's ladder: the helpline is told at nextAt unless someone answers first.
                sent(gateway, CoAP.Code.POST, "alerts/" + second + "/events", event(second, 1, "raised", "RAISED", "Raised.")
                        .replace("}", ",\"next_at\":\"" + nextAt + "\",\"next_to\":\"Helpline\"}"));
                WebElement again = browser.findElement(By.id("alarm"));
                wait.until(d -> "blocked".equals(again.getAttribute("data-sound")));
                assertThat(again.getText()).startsWith("An alert is waiting for an answer. This browser keeps the alert sound off until"
                        + " you tap Turn sound on.").contains("Turn sound on", "Silence");
                assertThat(vibrations(chromium)).contains(ALERT_VIBRATION);
                assertThat(probe(chromium, "oscillators")).isZero();
                Down.Entry delivered2 = next(down);
                assertThat(delivered2.alertId()).isEqualTo(second);
                sent(gateway, CoAP.Code.DELETE, "down/" + delivered2.seq(), null);
                accessible(chromium, "homes, sound blocked");
                reflowsAt200Percent(chromium, "homes, sound blocked");
                browser.findElement(By.id("alarm-sound")).click();
                wait.until(d -> "playing".equals(again.getAttribute("data-sound")));
                wait.until(d -> probe(chromium, "oscillators") >= 8);
                // Silence: quiet until a new alert, though this one is still unanswered.
                browser.findElement(By.id("alarm-silence")).click();
                wait.until(d -> "off".equals(again.getAttribute("data-sound")));
                assertThat(again.isDisplayed()).isFalse();
                wait.until(d -> probeText(chromium, "probe.audio.state").equals("suspended"));

                // The alert screen: who will be told next and when, in this browser's time zone, and the call link.
                browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Kolkata"));
                browser.get(url + "/#/home/" + home.id() + "/alert/" + second);
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "No movement for a long time in the living room"));
                String at = clock(chromium, nextAt);
                assertThat(at).contains(DateTimeFormatter.ofPattern("hh:mm", Locale.ENGLISH)
                        .format(Instant.parse(nextAt).atZone(ZoneId.of("Asia/Kolkata"))));
                assertThat(browser.findElement(By.id("next-escalation")).getText())
                        .isEqualTo("Helpline will be told at " + at + " unless someone answers.");
                assertThat(browser.findElement(By.id("alert-details")).getText()).contains("Next\nHelpline will be told at");
                WebElement call = browser.findElement(By.id("call"));
                assertThat(call.getAttribute("href")).isEqualTo("tel:+447700900123");
                assertThat(call.getText()).isEqualTo("Call the resident of Flat 12: +447700900123");
                assertThat(call.getAccessibleName()).isEqualTo("Call the resident of Flat 12: +447700900123");
                chromium.screenshot(CarerWebAppBrowserTest.SCREENSHOTS.resolve("alert-next-and-call.png"));
                accessible(chromium, "alert with next level and call");
                reflowsAt200Percent(chromium, "alert with next level and call");
                // On my way: once the gateway says it is acknowledged, nobody more will be told.
                browser.findElement(By.id("ack")).click();
                Down.Entry ack = next(down);
                assertThat(ack.kind()).isEqualTo(Down.ACK);
                sent(gateway, CoAP.Code.DELETE, "down/" + ack.seq(), null);
                sent(gateway, CoAP.Code.POST, "alerts/" + second + "/events", event(second, 2, "acknowledged", "ACKNOWLEDGED",
                        "Acknowledged by Priya: on my way"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-details"), "Priya, since"));
                assertThat(browser.findElements(By.id("next-escalation"))).isEmpty();
                assertThat(browser.findElement(By.id("alert-details")).getText()).doesNotContain("will be told at");

                // The remote check has the call link too; with the number removed, neither screen has one.
                browser.get(url + "/#/home/" + home.id() + "/check");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Is all well at Flat 12?"));
                assertThat(browser.findElement(By.id("call")).getAttribute("href")).isEqualTo("tel:+447700900123");
                accessible(chromium, "remote check with call");
                reflowsAt200Percent(chromium, "remote check with call");
                assertThat(cli("homes", "set", home.id(), "--phone", "", "--config", config).exit()).isZero();
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Is all well at Flat 12?"));
                assertThat(browser.findElements(By.id("call"))).isEmpty();
                browser.get(url + "/#/home/" + home.id() + "/alert/" + second);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-details"), "Priya, since"));
                assertThat(browser.findElements(By.id("call"))).isEmpty();

                // By push, while the app is closed: an alert stays until the carer acts, buzzes long, and again when told again;
                // a test notification is ordinary. (DevTools hands the push to the service worker: see CarerWebAppBrowserTest.)
                browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url, "permissions", List.of("notifications")));
                browser.executeCdpCommand("ServiceWorker.enable", Map.of());
                assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => done(n.length), e => done(-1));")).isEqualTo(0L);
                browser.executeCdpCommand("ServiceWorker.deliverPushMessage", Map.of("origin", url, "registrationId", "0",
                        "data", "{\"v\":1,\"type\":\"alert\",\"home\":\"" + home.id() + "\",\"home_label\":\"Flat 12\",\"alert_id\":\""
                                + second + "\",\"kind\":\"inactivity\",\"severity\":\"attention\",\"room\":\"living room\",\"raised_at\":\""
                                + Instant.now() + "\",\"test\":false,\"words\":\"No movement since 08:00.\"}"));
                assertThat(notification(chromium, "alert-" + second))
                        .isEqualTo("requireInteraction=true renotify=true vibrate=" + ALERT_VIBRATION);
                browser.executeCdpCommand("ServiceWorker.deliverPushMessage", Map.of("origin", url, "registrationId", "0",
                        "data", "{\"v\":1,\"type\":\"test\",\"device\":\"Priya's phone\",\"at\":\"" + Instant.now() + "\"}"));
                assertThat(notification(chromium, "hearth-test")).isEqualTo("requireInteraction=false renotify=false vibrate=[200]");
            }
        }
    }

    private static UUID alert(TestGateway gateway, Severity severity, String words) throws InterruptedException {
        UUID id = UUID.randomUUID();
        AlertKind kind = severity == Severity.URGENT ? AlertKind.HELP : AlertKind.INACTIVITY;
        String room = severity == Severity.URGENT ? "bathroom" : "living room";
        sent(gateway, CoAP.Code.POST, "alerts", new String(WireCodec.encode(new Alert(Protocol.VERSION, id, kind, severity, "Flat 12", room,
                Instant.now(), 1, words, false)), StandardCharsets.UTF_8));
        return id;
    }

    private static long probe(HeadlessChromium chromium, String field) {
        return (Long) chromium.driver.executeScript("return window.hearthTestProbe." + field);
    }

    private static String probeText(HeadlessChromium chromium, String expression) {
        return (String) chromium.driver.executeScript("const probe = window.hearthTestProbe; return String(" + expression + ")");
    }

    @SuppressWarnings("unchecked")
    private static List<String> vibrations(HeadlessChromium chromium) {
        return (List<String>) chromium.driver.executeScript("return window.hearthTestProbe.vibrations");
    }

    /** The options of the service worker's notification with that tag, once it shows (within 15 s). */
    private static String notification(HeadlessChromium chromium, String tag) {
        return (String) chromium.waiting(Duration.ofSeconds(15)).until(d -> chromium.driver.executeAsyncScript(
                "const tag = arguments[0]; const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(r => r.getNotifications({tag})).then(n => done(n.length === 0 ? null"
                        + " : `requireInteraction=${n[0].requireInteraction} renotify=${n[0].renotify} vibrate=${JSON.stringify(n[0].vibrate)}`),"
                        + " e => done(null));", tag));
    }
}
