package org.hearth.demo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hearth-demo web-carer}: the carer's phone. Debian's headless Chromium opens the hub's web
 * app, enrols with the invite code under the device's name through the enrolment screen, opens
 * the home's live alerts, and, like a carer who can go, taps "On my way" on every urgent alert it
 * shows. Runs until it is stopped.
 *
 * <p>Prints {@code READY ...} once the live alerts screen is open, then one line per alert seen and
 * answered, each starting with a word in capitals ({@code ALERT}, {@code ACKNOWLEDGED},
 * {@code CONFIRMED}, {@code FAILED}).
 */
@Command(name = "web-carer", mixinStandardHelpOptions = true,
        description = "Be a carer's phone: the hub's web app in headless Chromium, enrolled by invite, answering urgent alerts.")
final class WebCarerCommand implements Callable<Integer> {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Duration CONFIRM = Duration.ofSeconds(15);

    @Option(names = "--check", description = "Only check that Chromium and its driver are installed, and say how to install them if not.")
    boolean check;

    @Option(names = "--hub", paramLabel = "URL", description = "The hub's web app, e.g. https://127.0.0.1:8443.")
    String hub;

    @Option(names = "--invite", paramLabel = "CODE", description = "The invite code (or the QR code's text) from hearth-hub invite.")
    String invite;

    @Option(names = "--device", defaultValue = "Priya's phone", description = "What the device is called (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--home", paramLabel = "LABEL", description = "The home whose alerts to watch, as the app names it.")
    String home;

    @Option(names = "--tls-pkcs12", paramLabel = "FILE", description = "The hub's self-signed certificate store, to trust that one key.")
    Path pkcs12;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "The file holding that store's password.")
    Path passwordFile;

    @Option(names = "--profile", paramLabel = "DIR", description = "Chromium's profile folder (a fresh one makes a fresh phone).")
    Path profile;

    /** Selenium logs through java.util.logging; its notes (e.g. no DevTools version for this Chromium) are not the carer's words. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private volatile boolean stopping;

    @Override
    public Integer call() throws Exception {
        String missing = missing();
        if (missing != null) {
            System.out.println("MISSING " + missing);
            return DemoMain.EXIT_MISSING;
        }
        if (check) {
            return 0;
        }
        if (hub == null || invite == null || home == null || pkcs12 == null || passwordFile == null || profile == null) {
            System.err.println("hearth-demo: web-carer needs --hub, --invite, --home, --tls-pkcs12, --tls-password-file and --profile");
            return 2;
        }
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options());
        Thread closer = new Thread(() -> {
            stopping = true;
            try {
                browser.quit();
            } finally {
                service.stop();
            }
        }, "web-carer-stop");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            enrol(browser);
            answerUrgentAlerts(browser);
        } catch (WebDriverException e) {
            if (!stopping) {
                System.out.println("FAILED " + firstLine(e.getMessage()) + "; the page showed: " + shown(browser));
                return 1;
            }
        }
        return 0;
    }

    /** What is not installed, with how to install it, or null when Chromium and its driver are there. */
    static String missing() {
        boolean browser = Files.isExecutable(CHROMIUM);
        boolean driver = Files.isExecutable(CHROMEDRIVER);
        if (browser && driver) {
            return null;
        }
        String what = !browser && !driver ? "Chromium and its driver are" : !browser ? "Chromium is" : "Chromium's driver is";
        return what + " not installed (" + (browser ? "" : CHROMIUM + " ") + (driver ? "" : CHROMEDRIVER + " ")
                + "missing); the carer's phone in the demo is Debian's headless Chromium. Install them with:"
                + " sudo apt-get install chromium chromium-driver";
    }

    private ChromeOptions options() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=480,1000", "--lang=en-GB",
                "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + spkiHash(pkcs12, passwordFile),
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
        return options;
    }

    private void enrol(ChromeDriver browser) {
        WebDriverWait wait = waiting(browser, PAGE);
        browser.get(hub + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("code"))).sendKeys(invite);
        browser.findElement(By.id("device")).sendKeys(device);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(home))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-list")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Live"));
        System.out.println("READY enrolled with the invite code as \"" + device + "\"; watching " + home + "'s alerts live");
    }

    /** Forever: every urgent alert the live list shows is opened and answered "On my way", once. */
    private void answerUrgentAlerts(ChromeDriver browser) {
        Set<String> seen = new HashSet<>();
        WebDriverWait poll = waiting(browser, Duration.ofDays(1));
        while (!stopping) {
            String id = poll.until(b -> unseen(b.findElements(By.cssSelector("#alert-list li[data-alert]")), seen));
            seen.add(id);
            // The live list is drawn again whenever the hub says something changed: an element read a
            // moment ago may be gone, so opening the card finds it again, a few times at most. The
            // tap on "On my way" itself is never repeated: a second tap would be a second acknowledgement.
            for (int attempt = 1; ; attempt++) {
                try {
                    if (open(browser, id)) {
                        acknowledge(browser);
                    }
                    break;
                } catch (StaleElementReferenceException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
        }
    }

    private static String unseen(List<WebElement> cards, Set<String> seen) {
        for (WebElement card : cards) {
            try {
                String id = card.getAttribute("data-alert");
                if (!seen.contains(id)) {
                    return id;
                }
            } catch (StaleElementReferenceException e) {
                return null; // the list was drawn again; look again
            }
        }
        return null;
    }

    /** Opens the alert's card when it is urgent; true then. The others are only told. */
    private boolean open(ChromeDriver browser, String id) {
        WebElement card = waiting(browser, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alert-list li[data-alert='" + id + "']")));
        String tag = card.findElement(By.cssSelector("h2 .tag")).getText();
        String title = card.findElement(By.cssSelector("h2 a")).getText();
        String words = card.findElement(By.tagName("p")).getText();
        if (!card.getAttribute("class").contains("urgent")) {
            System.out.println("ALERT " + tag + ": " + title + ": " + words + " (not urgent: left for later)");
            return false;
        }
        card.findElement(By.cssSelector("h2 a")).click();
        System.out.println("ALERT " + tag + ": " + title + ": " + words);
        return true;
    }

    /** Taps "On my way" once, then waits for the home's confirmation; every later step survives the page being drawn again. */
    private void acknowledge(ChromeDriver browser) {
        WebDriverWait wait = waiting(browser, PAGE);
        // A tap on an element drawn again meanwhile fails before it is sent, so it is tried again, on the new one.
        wait.until(b -> {
            WebElement ack = b.findElement(By.id("ack"));
            if (!ack.isDisplayed() || !ack.isEnabled()) {
                return null;
            }
            ack.click();
            return true;
        });
        String title = wait.until(b -> b.findElement(By.tagName("h1")).getText());
        String answer = wait.until(b -> {
            String text = b.findElement(By.id("alert-message")).getText();
            return text.isBlank() ? null : text;
        });
        boolean sent = browser.findElements(By.cssSelector("#alert-message .error")).isEmpty();
        System.out.println((sent ? "ACKNOWLEDGED " : "FAILED ") + title + ": tapped \"On my way\"; the app says \"" + answer + "\"");
        if (sent) {
            // The state row changes only when the gateway's own ACKNOWLEDGED came back up through the hub.
            try {
                waiting(browser, CONFIRM).until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-details"),
                        "Someone is on the way"));
                System.out.println("CONFIRMED " + title + ": the home recorded it; the app shows \"Someone is on the way\"");
            } catch (org.openqa.selenium.TimeoutException e) {
                System.out.println("FAILED " + title + ": the home did not confirm it within " + CONFIRM.toSeconds() + " s");
            }
        }
        wait.until(b -> {
            b.findElement(By.linkText("Back to the alerts")).click();
            return true;
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-list")));
    }

    private static WebDriverWait waiting(ChromeDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's flag wants it. */
    static String spkiHash(Path pkcs12, Path passwordFile) throws Exception {
        char[] password = Files.readString(passwordFile).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        byte[] spki = store.getCertificate(store.aliases().nextElement()).getPublicKey().getEncoded();
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    private static String shown(ChromeDriver browser) {
        try {
            return firstLine(browser.findElement(By.tagName("body")).getText().replace('\n', ' '));
        } catch (WebDriverException e) {
            return "(nothing readable)";
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
