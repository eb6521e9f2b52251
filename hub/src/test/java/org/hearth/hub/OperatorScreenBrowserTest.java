package org.hearth.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.hub.CarerWebAppBrowserTest.accessible;
import static org.hearth.hub.CarerWebAppBrowserTest.assertWordsOnly;
import static org.hearth.hub.CarerWebAppBrowserTest.clock;
import static org.hearth.hub.CarerWebAppBrowserTest.event;
import static org.hearth.hub.CarerWebAppBrowserTest.reflowsAt200Percent;
import static org.hearth.hub.CarerWebAppBrowserTest.sent;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.californium.core.coap.CoAP;
import org.hearth.hub.config.HubConfigLoader;
import org.hearth.hub.http.Certificates;
import org.hearth.hub.http.Invites;
import org.hearth.hub.store.Home;
import org.hearth.hub.store.HubStore;
import org.hearth.hub.testkit.HeadlessChromium;
import org.hearth.hub.testkit.LocalHubConfig;
import org.hearth.hub.testkit.TestGateway;
import org.hearth.protocol.Alert;
import org.hearth.protocol.AlertKind;
import org.hearth.protocol.Protocol;
import org.hearth.protocol.Severity;
import org.hearth.protocol.WireCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app's operator screen in Debian's headless Chromium against a real hub (from its
 * {@code hub.yaml}, on SQLite): an alarm-receiving centre's operator enrols with an operator invite
 * and sees every home of the organisation, what needs someone first and said in words, a page at
 * a time; a gateway's alert over real DTLS, and then its acknowledgement, move its home live; an
 * operator watches an alert and is offered no way to answer it. Screenshots go to
 * {@code target/webapp-screenshots/}.
 */
@Tag("large")
class OperatorScreenBrowserTest {

    static final byte[] KEY = "sixteen-bytes-B!".getBytes(StandardCharsets.US_ASCII);
    /** Longer than the test: no home falls silent while it runs. */
    static final Duration INTERVAL = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void an_operator_sees_the_homes_that_need_someone_first_live_and_a_page_at_a_time() throws Exception {
        LocalHubConfig local = LocalHubConfig.in(dir);
        int udp = local.udp();
        int tcp = local.tcp();
        String url = local.url();
        Path config = local.file();
        try (Hub hub = Hub.start(HubConfigLoader.load(config))) {
            HubStore store = hub.store();
            Instant now = Instant.now();
            Home calm = connected(store, "Flat 1");
            store.addHome("Flat 2", "arc", KEY, now); // never heard: not connected
            Home answered = connected(store, "Flat 3");
            UUID onTheWay = alert(store, answered, now.minusSeconds(900), "Help asked for in the hall.");
            store.addEvent(answered.id(), onTheWay, 1, "acknowledged", event(onTheWay, 1, "acknowledged", "ACKNOWLEDGED",
                    "Acknowledged by Priya: on my way"), now);
            Home waiting = connected(store, "Flat 4");
            Instant waitingSince = now.minus(5, ChronoUnit.MINUTES);
            UUID unanswered = alert(store, waiting, waitingSince, "The pull cord in the bathroom was pulled.");
            for (int i = 1; i <= 55; i++) {
                connected(store, String.format("Quiet %02d", i));
            }
            store.addHome("Another council's flat", "elsewhere", KEY, now);

            Path data = dir.resolve("data");
            try (HeadlessChromium chromium = new HeadlessChromium(dir.resolve("profile"), data.resolve(Certificates.SELF_SIGNED),
                    data.resolve(Certificates.SELF_SIGNED_PASSWORD))) {
                var browser = chromium.driver;
                WebDriverWait wait = chromium.waiting(CarerWebAppBrowserTest.LIVE);
                wait.withMessage(() -> "the page shows: " + browser.findElement(By.tagName("body")).getText());
                browser.get(url + "/");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Connect this phone"));
                browser.findElement(By.id("code")).sendKeys(Invites.issueOperator(store, "arc", "Sam", Instant.now()));
                browser.findElement(By.id("device")).sendKeys("Desk 3");
                browser.findElement(By.cssSelector("form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes watched by arc"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));

                // What needs someone first, each home's state in words: the tag, then the lines that explain it.
                assertThat(labels(browser)).hasSize(50).startsWith("Flat 4", "Flat 2", "Flat 3", "Flat 1", "Quiet 01");
                assertThat(card(browser, waiting)).contains("Waiting for an answer", "Flat 4",
                        "1 alert nobody has answered yet, waiting since " + clock(chromium, waitingSince.toString()), "Home connected");
                assertThat(card(browser, "Flat 2")).contains("Not connected", "Home not connected: never heard yet",
                        "No open alerts");
                assertThat(card(browser, answered)).contains("Being answered", "Open alerts: 1. Someone is on the way.");
                assertThat(card(browser, calm)).contains("All quiet", "No open alerts", "Home connected");
                assertThat(browser.findElement(By.id("operator-count")).getText()).isEqualTo("Showing 50 homes.");
                // At the top, the whole organisation's count, not only the page's (the hub's waiting_total and not_connected_total).
                assertThat(browser.findElement(By.id("operator-waiting")).getText())
                        .isEqualTo("1 home waiting for an answer. 1 home not connected.");
                assertThat(labels(browser)).as("another organisation's home is not there").doesNotContain("Another council's flat");
                chromium.screenshot(CarerWebAppBrowserTest.SCREENSHOTS.resolve("operator.png"));
                assertWordsOnly(browser.findElement(By.tagName("main")).getText());
                accessible(chromium, "operator");
                reflowsAt200Percent(chromium, "operator");

                // The next page, after the first.
                browser.findElement(By.id("operator-more")).click();
                wait.until(ExpectedConditions.textToBe(By.id("operator-count"), "Showing 59 homes."));
                assertThat(labels(browser)).hasSize(59).endsWith("Quiet 54", "Quiet 55").doesNotHaveDuplicates();
                assertThat(browser.findElement(By.id("operator-more")).isDisplayed()).isFalse();
                accessible(chromium, "operator, every page");
                reflowsAt200Percent(chromium, "operator, every page");

                // A gateway's alert moves its home up, live, behind the one waiting longer; the keyboard keeps its place.
                browser.executeScript("document.querySelector('[data-home=\"" + home(store, "Quiet 07") + "\"] [data-link=alerts]').focus()");
                assertThat((Object) browser.executeScript("return document.activeElement.textContent")).isEqualTo("Quiet 07");
                UUID raised = UUID.randomUUID();
                try (TestGateway gateway = new TestGateway(new InetSocketAddress("127.0.0.1", udp), calm.identity(), KEY)) {
                    sent(gateway, CoAP.Code.POST, "alerts", new String(WireCodec.encode(new Alert(Protocol.VERSION, raised, AlertKind.FALL,
                            Severity.URGENT, "Flat 1", "kitchen", Instant.now(), 1, "A fall in the kitchen.", false)), StandardCharsets.UTF_8));
                    wait.until(d -> labels(browser).subList(0, 3).equals(List.of("Flat 4", "Flat 1", "Flat 2")));
                    assertThat(card(browser, calm)).contains("Waiting for an answer", "1 alert nobody has answered yet");
                    assertThat(browser.findElement(By.id("operator-waiting")).getText())
                            .isEqualTo("2 homes waiting for an answer. 1 home not connected.");
                    assertThat(labels(browser)).as("the pages shown are read again, not only the first").hasSize(59);
                    assertThat((Object) browser.executeScript("return document.activeElement.textContent")).isEqualTo("Quiet 07");
                    // Acknowledged at the home: someone is on the way, so it goes down among those being answered.
                    sent(gateway, CoAP.Code.POST, "alerts/" + raised + "/events", event(raised, 1, "acknowledged", "ACKNOWLEDGED",
                            "Acknowledged by Priya: on my way"));
                    wait.until(d -> labels(browser).subList(0, 4).equals(List.of("Flat 4", "Flat 2", "Flat 1", "Flat 3")));
                    assertThat(card(browser, calm)).contains("Being answered");
                    wait.until(ExpectedConditions.textToBe(By.id("operator-waiting"), "1 home waiting for an answer. 1 home not connected."));
                }
                accessible(chromium, "operator, after live changes");
                reflowsAt200Percent(chromium, "operator, after live changes");

                // The operator opens the alert waiting longest: they watch it; the home's carers answer.
                browser.executeScript("document.querySelector('[data-home=\"" + waiting.id() + "\"] [data-link=alerts]').click()");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Open alerts at Flat 4"));
                browser.findElement(By.cssSelector("[data-alert='" + unanswered + "'] a")).click();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Help asked for in the bathroom"));
                assertThat(browser.findElement(By.id("alert-actions")).getText()).isEqualTo("You watch this alert. The home's carers answer it.");
                assertThat(browser.findElements(By.id("ack"))).isEmpty();
                assertThat(browser.findElements(By.id("resolve"))).isEmpty();
                accessible(chromium, "alert, as an operator");
                reflowsAt200Percent(chromium, "alert, as an operator");
                assertThat(store.accessLog(waiting.id())).extracting(a -> a.what()).contains("homes", "home", "alert " + unanswered);
                assertThat(store.receipts(unanswered)).as("an operator's screen is not a carer's device").isEmpty();

                // Putting the app on the home screen: Chromium offers its install prompt (its beforeinstallprompt event).
                browser.get(url + "/#/");
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes watched by arc"));
                chromium.waiting(Duration.ofSeconds(20)).until(d -> "offered".equals(d.findElement(By.id("install")).getAttribute("data-state")));
                // Pressing the button shows the browser's prompt: an event like Chromium's, with a prompt() that counts its calls
                // and a carer who accepts, stands in for it (headless Chromium's own dialog cannot be answered from here).
                browser.executeScript("const e = new Event('beforeinstallprompt', {cancelable: true});"
                        + "e.prompt = () => { window.prompted = (window.prompted ?? 0) + 1; return Promise.resolve(); };"
                        + "e.userChoice = Promise.resolve({outcome: 'accepted', platform: 'web'}); window.dispatchEvent(e);"
                        + "window.defaultPrevented = e.defaultPrevented;");
                wait.until(d -> "offered".equals(d.findElement(By.id("install")).getAttribute("data-state")));
                assertThat((Object) browser.executeScript("return window.defaultPrevented")).as("kept for the app's own button").isEqualTo(true);
                accessible(chromium, "install offered");
                reflowsAt200Percent(chromium, "install offered");
                browser.findElement(By.id("install-button")).click();
                wait.until(ExpectedConditions.textToBe(By.id("install-message"), "Added. From now on, open Hearth from your home screen."));
                assertThat((Object) browser.executeScript("return window.prompted")).isEqualTo(1L);
                browser.executeScript("window.dispatchEvent(new Event('appinstalled'))");
                wait.until(d -> !d.findElement(By.id("install")).isDisplayed());
                // An iPhone's Safari has no prompt: the words for Share, then Add to Home Screen.
                browser.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"));
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Homes watched by arc"));
                assertThat(browser.findElement(By.id("install")).getAttribute("data-state")).isEqualTo("ios");
                assertThat(browser.findElement(By.id("install-hint")).getText())
                        .isEqualTo("On an iPhone or iPad: tap the Share button, then Add to Home Screen. Then open Hearth from the home screen.");
                accessible(chromium, "install on an iPhone");
                reflowsAt200Percent(chromium, "install on an iPhone");
            }
        }
    }

    static Home connected(HubStore store, String label) {
        Home home = store.addHome(label, "arc", KEY, Instant.now());
        store.heartbeat(home.id(), Instant.now(), INTERVAL);
        return home;
    }

    static UUID alert(HubStore store, Home home, Instant received, String words) {
        UUID id = UUID.randomUUID();
        store.addAlert(home.id(), id, new String(WireCodec.encode(new Alert(Protocol.VERSION, id, AlertKind.HELP, Severity.URGENT,
                home.label(), "bathroom", received, 1, words, false)), StandardCharsets.UTF_8), received);
        return id;
    }

    static String home(HubStore store, String label) {
        return store.homesOf("arc").stream().filter(id -> store.home(id).orElseThrow().label().equals(label)).findFirst().orElseThrow();
    }

    /** The homes' labels in the order shown, read in one go: the live list may be drawn again between two reads. */
    @SuppressWarnings("unchecked")
    static List<String> labels(org.openqa.selenium.WebDriver browser) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#operator-homes [data-home] h2 a')].map(a => a.textContent);");
    }

    /** A home's card as the reader sees it (its lines one under the other), read in one go. */
    static String card(org.openqa.selenium.WebDriver browser, Home home) {
        return cardOf(browser, "[data-home=\"" + home.id() + "\"]");
    }

    static String card(org.openqa.selenium.WebDriver browser, String label) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const a = [...document.querySelectorAll('#operator-homes [data-home] h2 a')].find(a => a.textContent === arguments[0]);"
                        + "return a ? a.closest('li').innerText : null;", label);
    }

    static String cardOf(org.openqa.selenium.WebDriver browser, String selector) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const li = document.querySelector('#operator-homes ' + arguments[0]); return li ? li.innerText : null;", selector);
    }
}
