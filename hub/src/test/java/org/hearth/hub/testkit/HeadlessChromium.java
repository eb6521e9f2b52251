package org.hearth.hub.testkit;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver through Selenium, both named by path
 * so Selenium Manager downloads nothing. It trusts the hub's self-signed certificate by the hash of
 * its public key ({@code --ignore-certificate-errors-spki-list}): that one key, for a test's own
 * loopback hub, and no other certificate error is ignored.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final ChromeDriverService service;

    public HeadlessChromium(Path profile, Path hubPkcs12, Path hubPasswordFile) throws Exception {
        this(profile, hubPkcs12, hubPasswordFile, java.util.List.of());
    }

    /** With more of Chromium's command-line switches, e.g. the autoplay policy a test relies on. */
    public HeadlessChromium(Path profile, Path hubPkcs12, Path hubPasswordFile, java.util.List<String> more) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.addArguments(more);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=480,1000", "--lang=en-GB",
                "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + spkiHash(hubPkcs12, hubPasswordFile),
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
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

    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    /** Saves what the page shows now as a PNG. */
    public void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
