package org.hearth.hub.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.hearth.hub.config.HubConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS server's key and certificate: a configured PKCS#12 file, or a self-signed one made at
 * first start in the data directory by the JDK's own {@code keytool} and reused after.
 */
public final class Certificates {

    private static final Logger LOG = LoggerFactory.getLogger(Certificates.class);

    /** The self-signed key store in the data directory, and the file holding its password. */
    public static final String SELF_SIGNED = "https.p12";
    public static final String SELF_SIGNED_PASSWORD = "https.p12.password";
    /** 825 days: the longest validity Apple's TLS clients accept for a certificate. */
    static final int VALIDITY_DAYS = 825;

    private Certificates() {
    }

    /** The server's TLS context for {@code tls}; a self-signed certificate names {@code host}, localhost and 127.0.0.1. */
    static SSLContext context(HubConfig.Tls tls, Path dataDir, String host) throws IOException, GeneralSecurityException {
        Path store;
        Path passwordFile;
        if (tls.isSelfSigned()) {
            store = dataDir.resolve(SELF_SIGNED);
            passwordFile = dataDir.resolve(SELF_SIGNED_PASSWORD);
            if (!Files.exists(store)) {
                generate(store, passwordFile, host);
            }
        } else {
            store = tls.pkcs12().orElseThrow();
            passwordFile = tls.passwordFile().orElseThrow();
        }
        char[] password = Files.readString(passwordFile).strip().toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void generate(Path store, Path passwordFile, String host) throws IOException {
        if (!Files.isDirectory(store.getParent())) {
            Files.createDirectories(store.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(passwordFile, HexFormat.of().formatHex(random) + "\n");
        String san = (host.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + host + ",dns:localhost,ip:127.0.0.1";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        // The password goes by file, never on the command line, where ps would show it.
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "hearth-hub", "-keyalg", "EC", "-groupname",
                "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", Integer.toString(VALIDITY_DAYS), "-dname", "CN=" + host,
                "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:file", passwordFile.toString(),
                "-keypass:file", passwordFile.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                Files.deleteIfExists(store);
                throw new IOException("keytool could not make the self-signed certificate: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the certificate", e);
        }
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
        LOG.info("Made a self-signed HTTPS certificate for {} in {} (valid {} days); browsers warn about it until they are told to trust it",
                host, store, VALIDITY_DAYS);
    }
}
