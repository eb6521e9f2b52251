package org.hearth.voice.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.hearth.voice.recognition.GrammarOnlyModel;
import org.hearth.voice.recognition.VoskNativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Vosk language models and the native library on a device, from a local file or a URL,
 * checked against a pinned SHA-256.
 *
 * <p>A model is unpacked beside the others into {@code .<lang>-<hash>}, and {@code <lang>} is a
 * symbolic link to it, replaced by an atomic rename. Until that rename the old model is untouched;
 * after it, the new one is complete. A failure anywhere before leaves the old model in place and
 * removes the partial files. The library is written beside its final name and renamed over it.
 */
public final class ModelInstaller {

    /** Where models live on a device. */
    public static final Path DEFAULT_MODELS = Path.of("/var/lib/hearth/models");

    private static final Logger LOG = LoggerFactory.getLogger(ModelInstaller.class);
    private static final int ELF_MACHINE_X86_64 = 62;
    private static final int ELF_MACHINE_AARCH64 = 183;

    private final Path modelsRoot;
    private final Path libDir;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private long remoteSize = -1;

    public ModelInstaller(Path modelsRoot, Path libDir, Progress progress) {
        this.modelsRoot = modelsRoot;
        this.libDir = libDir;
        this.progress = progress;
    }

    /** Installs the model zip at {@code from} as language {@code lang}; returns the model's directory. */
    public Path installModel(String lang, String from, String sha256) throws InstallException {
        if (!lang.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new InstallException("'" + lang + "' is not a language code like en, hi or pl");
        }
        String expected = checkHash(sha256);
        mkdirs(modelsRoot);
        Path download = modelsRoot.resolve(".incoming-" + lang + "-" + UUID.randomUUID() + ".zip");
        Path staging = modelsRoot.resolve(".staging-" + lang + "-" + UUID.randomUUID());
        try {
            fetch(from, download, expected);
            Path modelDir = unzipModel(download, staging);
            long trimmed = GrammarOnlyModel.trim(modelDir);
            if (trimmed > 0) {
                LOG.info("Left out the model's language model ({} MB): Hearth listens with grammars only", trimmed >> 20);
            }
            Path version = modelsRoot.resolve("." + lang + "-" + expected.substring(0, 12));
            deleteTree(version);
            move(modelDir, version);
            Optional<Path> old = swapLink(modelsRoot.resolve(lang), version);
            old.filter(o -> !o.equals(version)).ifPresent(ModelInstaller::deleteQuietly);
            LOG.info("Installed the {} model in {}", lang, version);
            return modelsRoot.resolve(lang);
        } catch (IOException e) {
            throw new InstallException("could not install the " + lang + " model: " + e.getMessage()
                    + "; the previous model, if any, is unchanged", e);
        } finally {
            deleteQuietly(download);
            deleteQuietly(staging);
        }
    }

    /**
     * Installs {@code libvosk.so} from {@code from}: the library itself, or the official zip that
     * holds it. Returns the installed file.
     */
    public Path installLibrary(String from, String sha256) throws InstallException {
        String expected = checkHash(sha256);
        mkdirs(libDir);
        Path download = libDir.resolve(".incoming-" + UUID.randomUUID());
        Path staged = libDir.resolve("." + VoskNativeLibrary.FILE_NAME + "-" + UUID.randomUUID());
        try {
            fetch(from, download, expected);
            if (isZip(download)) {
                extractLibrary(download, staged);
            } else {
                Files.move(download, staged);
            }
            int machine = elfMachine(staged);
            Path target = libDir.resolve(VoskNativeLibrary.FILE_NAME);
            move(staged, target);
            LOG.info("Installed {} for {}", target, machineName(machine));
            return target;
        } catch (IOException e) {
            throw new InstallException("could not install " + VoskNativeLibrary.FILE_NAME + ": " + e.getMessage()
                    + "; the previous library, if any, is unchanged", e);
        } finally {
            deleteQuietly(download);
            deleteQuietly(staged);
        }
    }

    /** The architecture named in an ELF header, for messages. */
    public static String machineName(int machine) {
        return switch (machine) {
            case ELF_MACHINE_AARCH64 -> "aarch64";
            case ELF_MACHINE_X86_64 -> "x86-64";
            default -> "ELF machine " + machine;
        };
    }

    private static String checkHash(String sha256) throws InstallException {
        String h = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("[0-9a-f]{64}")) {
            throw new InstallException("--sha256 must be 64 hexadecimal digits, was '" + sha256 + "'");
        }
        return h;
    }

    /** Copies {@code from} to {@code to}, hashing as it goes; a wrong hash fails before anything is unpacked. */
    private void fetch(String from, Path to, String expected) throws IOException, InstallException {
        MessageDigest digest = sha256();
        try (InputStream in = open(from); OutputStream out = Files.newOutputStream(to)) {
            long total = size(from);
            byte[] buf = new byte[1 << 16];
            long done = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                done += n;
                progress.update(done, total);
            }
        } finally {
            progress.finish();
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new InstallException("checksum mismatch for " + from + ": expected " + expected + ", got " + actual
                    + "; nothing was installed");
        }
    }

    private InputStream open(String from) throws IOException, InstallException {
        if (from.startsWith("http://") || from.startsWith("https://")) {
            try {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(from))
                        .timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    throw new InstallException("download of " + from + " failed: HTTP " + r.statusCode());
                }
                remoteSize = r.headers().firstValueAsLong("content-length").orElse(-1);
                return r.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstallException("download of " + from + " was interrupted", e);
            } catch (IllegalArgumentException e) {
                throw new InstallException("'" + from + "' is not a valid URL", e);
            }
        }
        Path file = Path.of(from);
        if (!Files.isRegularFile(file)) {
            throw new InstallException("no file at " + file.toAbsolutePath());
        }
        return Files.newInputStream(file);
    }

    private long size(String from) throws IOException {
        if (from.startsWith("http://") || from.startsWith("https://")) {
            return remoteSize;
        }
        return Files.size(Path.of(from));
    }

    /** Unzips into {@code staging} and returns the directory that holds am/final.mdl. */
    private static Path unzipModel(Path zip, Path staging) throws IOException, InstallException {
        Files.createDirectories(staging);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                Path target = staging.resolve(e.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new InstallException("the zip entry '" + e.getName() + "' points outside the model folder");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                }
            }
        } catch (ZipException e) {
            throw new InstallException("the file is not a readable zip: " + e.getMessage(), e);
        }
        try (Stream<Path> all = Files.walk(staging, 4)) {
            return all.filter(p -> p.endsWith(Path.of("am", "final.mdl")))
                    .map(p -> p.getParent().getParent())
                    .min(Comparator.comparingInt(Path::getNameCount))
                    .orElseThrow(() -> new InstallException("the zip holds no Vosk model (no am/final.mdl)"));
        }
    }

    private static void extractLibrary(Path zip, Path to) throws IOException, InstallException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry lib = z.stream().filter(e -> !e.isDirectory()
                            && Path.of(e.getName()).getFileName().toString().equals(VoskNativeLibrary.FILE_NAME))
                    .findFirst()
                    .orElseThrow(() -> new InstallException("the zip holds no " + VoskNativeLibrary.FILE_NAME));
            try (InputStream in = z.getInputStream(lib)) {
                Files.copy(in, to);
            }
        }
    }

    private static int elfMachine(Path file) throws IOException, InstallException {
        byte[] head = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 20) < 20 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
                throw new InstallException("the file is not a native library (no ELF header)");
            }
        }
        return (head[18] & 0xff) | (head[19] & 0xff) << 8;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /**
     * Points {@code link} at {@code target} atomically. Returns the directory the link pointed at
     * before, which the caller may delete. A real directory in the link's place (a model copied by
     * hand) is moved aside first, and back if the swap fails.
     */
    private static Optional<Path> swapLink(Path link, Path target) throws IOException {
        Path tmp = link.resolveSibling("." + link.getFileName() + ".link-" + UUID.randomUUID());
        Files.createSymbolicLink(tmp, target.getFileName());
        Optional<Path> old = Optional.empty();
        Path aside = null;
        try {
            if (Files.isSymbolicLink(link)) {
                old = Optional.of(link.resolveSibling(Files.readSymbolicLink(link)));
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                aside = link.resolveSibling("." + link.getFileName() + "-replaced-" + UUID.randomUUID());
                Files.move(link, aside, StandardCopyOption.ATOMIC_MOVE);
                old = Optional.of(aside);
            }
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return old;
        } catch (IOException e) {
            deleteQuietly(tmp);
            if (aside != null && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(aside, link, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically (another file system?)", e);
        }
    }

    private static void mkdirs(Path dir) throws InstallException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InstallException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path c : children) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(dir);
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", p, e.getMessage());
        }
    }
}
