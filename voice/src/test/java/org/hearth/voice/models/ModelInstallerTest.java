package org.hearth.voice.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hearth.voice.cli.ModelsInstallCommand;
import org.hearth.voice.recognition.GrammarOnlyModel;
import org.hearth.voice.recognition.VoskNativeLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Model and library installs from local files and a loopback URL, with their failure paths. */
@Tag("medium")
class ModelInstallerTest {

    @TempDir
    Path dir;

    private Path models() {
        return dir.resolve("models");
    }

    private Path lib() {
        return dir.resolve("lib");
    }

    /** A zip laid out like the official ones: a top folder holding am/, conf/ and graph/. */
    private Path modelZip(String name, String marker) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "vosk-model-small-xx/am/final.mdl", marker);
            put(z, "vosk-model-small-xx/conf/model.conf", "--beam=10");
            put(z, "vosk-model-small-xx/graph/words.txt", "help 1\n");
            put(z, "vosk-model-small-xx/README", "test model");
        }
        return zip;
    }

    private static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private ModelInstaller installer(ByteArrayOutputStream progress) {
        return new ModelInstaller(models(), lib(), new ProgressBar(new PrintStream(progress, true), "model"));
    }

    @Test
    void installsAModelAndShowsProgress() throws Exception {
        Path zip = modelZip("m.zip", "v1");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Path installed = installer(progress).installModel("hi", zip.toString(), sha256(zip));
        assertThat(installed).isEqualTo(models().resolve("hi"));
        assertThat(Files.readString(installed.resolve("am/final.mdl"))).isEqualTo("v1");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("100%").contains("[###");
        try (var left = Files.list(models())) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".incoming")
                    || n.startsWith(".staging"))).isEmpty();
        }
    }

    @Test
    void aSmallModelIsInstalledWithoutItsLanguageModelAndWithItsWords() throws Exception {
        Path zip = dir.resolve("lookahead.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "vosk-model-small-xx/am/final.mdl", "v1");
            put(z, "vosk-model-small-xx/conf/model.conf", "--beam=10");
            put(z, "vosk-model-small-xx/graph/HCLr.fst", "sounds to words");
            z.putNextEntry(new ZipEntry("vosk-model-small-xx/graph/Gr.fst"));
            z.write(languageModel("<eps>", 0, "help", 7, "fallen", 9));
            z.closeEntry();
        }
        Path installed = installer(new ByteArrayOutputStream()).installModel("xx", zip.toString(), sha256(zip));

        assertThat(GrammarOnlyModel.isTrimmed(installed)).isTrue();
        assertThat(Files.readString(installed.resolve("graph/words.txt"))).isEqualTo("<eps> 0\nhelp 7\nfallen 9\n");
        assertThat(installed.resolve("graph/HCLr.fst")).hasContent("sounds to words");
    }

    /** A stand-in for a Vosk {@code Gr.fst}: some header bytes, then OpenFst's symbol table of words and ids. */
    private static byte[] languageModel(Object... wordsAndIds) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1024).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("header of a language model".getBytes(StandardCharsets.US_ASCII));
        b.putInt(2125658996).putInt(5).put("words".getBytes(StandardCharsets.US_ASCII));
        b.putLong(10).putLong(wordsAndIds.length / 2);
        for (int i = 0; i < wordsAndIds.length; i += 2) {
            byte[] word = ((String) wordsAndIds[i]).getBytes(StandardCharsets.UTF_8);
            b.putInt(word.length).put(word).putLong((Integer) wordsAndIds[i + 1]);
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void aNewModelReplacesTheOldOneAndTheOldFilesGo() throws Exception {
        Path v1 = modelZip("v1.zip", "v1");
        Path v2 = modelZip("v2.zip", "v2");
        ModelInstaller installer = installer(new ByteArrayOutputStream());
        installer.installModel("pl", v1.toString(), sha256(v1));
        Path oldTarget = models().resolve("pl").toRealPath();
        installer.installModel("pl", v2.toString(), sha256(v2));
        assertThat(Files.readString(models().resolve("pl/am/final.mdl"))).isEqualTo("v2");
        assertThat(oldTarget).doesNotExist();
    }

    @Test
    void aWrongChecksumLeavesTheOldModelInPlace() throws Exception {
        Path v1 = modelZip("v1.zip", "v1");
        Path v2 = modelZip("v2.zip", "v2");
        ModelInstaller installer = installer(new ByteArrayOutputStream());
        installer.installModel("gu", v1.toString(), sha256(v1));
        assertThatThrownBy(() -> installer.installModel("gu", v2.toString(), sha256(v1)))
                .isInstanceOf(InstallException.class).hasMessageContaining("checksum mismatch");
        assertThat(Files.readString(models().resolve("gu/am/final.mdl"))).isEqualTo("v1");
    }

    @Test
    void aZipWithoutAModelLeavesTheOldModelInPlace() throws Exception {
        Path v1 = modelZip("v1.zip", "v1");
        Path junk = dir.resolve("junk.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(junk))) {
            put(z, "readme.txt", "no model here");
        }
        ModelInstaller installer = installer(new ByteArrayOutputStream());
        installer.installModel("en", v1.toString(), sha256(v1));
        assertThatThrownBy(() -> installer.installModel("en", junk.toString(), sha256(junk)))
                .hasMessageContaining("no Vosk model");
        assertThat(Files.readString(models().resolve("en/am/final.mdl"))).isEqualTo("v1");
    }

    @Test
    void refusesAZipThatWritesOutsideItsFolder() throws Exception {
        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            put(z, "../../escaped.txt", "gotcha");
        }
        assertThatThrownBy(() -> installer(new ByteArrayOutputStream()).installModel("en", evil.toString(),
                sha256(evil))).hasMessageContaining("outside");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void downloadsFromAUrl() throws Exception {
        Path zip = modelZip("m.zip", "from-url");
        byte[] body = Files.readAllBytes(zip);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model.zip", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/missing.zip", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            installer(progress).installModel("hi", base + "/model.zip", sha256(zip));
            assertThat(Files.readString(models().resolve("hi/am/final.mdl"))).isEqualTo("from-url");
            assertThat(progress.toString(StandardCharsets.UTF_8)).contains("100%");
            assertThatThrownBy(() -> installer(progress).installModel("pl", base + "/missing.zip", sha256(zip)))
                    .hasMessageContaining("HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesBadArguments() {
        ModelInstaller installer = installer(new ByteArrayOutputStream());
        assertThatThrownBy(() -> installer.installModel("en", "x.zip", "abc")).hasMessageContaining("64 hexadecimal");
        assertThatThrownBy(() -> installer.installModel("../etc", "x.zip", "0".repeat(64)))
                .hasMessageContaining("not a language code");
        assertThatThrownBy(() -> installer.installModel("en", dir.resolve("nope.zip").toString(), "0".repeat(64)))
                .hasMessageContaining("no file at");
    }

    /** An ELF header for an aarch64 shared object; enough for the installer's checks. */
    private Path fakeArmLibrary() throws IOException {
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[16] = 3;
        elf[18] = (byte) 183;
        Path so = dir.resolve("libvosk.so");
        Files.write(so, elf);
        return so;
    }

    @Test
    void installsTheArmLibraryAndTheRecogniserLooksThereFirst() throws Exception {
        Path so = fakeArmLibrary();
        Path installed = installer(new ByteArrayOutputStream()).installLibrary(so.toString(), sha256(so));
        assertThat(installed).isEqualTo(lib().resolve("libvosk.so"));
        assertThat(Files.readAllBytes(installed)).isEqualTo(Files.readAllBytes(so));

        String before = System.getProperty("jna.library.path");
        try {
            System.setProperty("jna.library.path", "/usr/lib/x");
            assertThat(VoskNativeLibrary.preferDirectory(lib())).isTrue();
            assertThat(System.getProperty("jna.library.path")).isEqualTo(lib().toAbsolutePath() + ":/usr/lib/x");
            VoskNativeLibrary.preferDirectory(lib());
            assertThat(System.getProperty("jna.library.path")).isEqualTo(lib().toAbsolutePath() + ":/usr/lib/x");
            assertThat(VoskNativeLibrary.preferDirectory(dir.resolve("empty"))).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("jna.library.path");
            } else {
                System.setProperty("jna.library.path", before);
            }
        }
    }

    @Test
    void installsTheLibraryFromTheOfficialZipAndRefusesNonLibraries() throws Exception {
        Path so = fakeArmLibrary();
        Path zip = dir.resolve("vosk-linux-aarch64-0.3.45.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("vosk-linux-aarch64-0.3.45/libvosk.so"));
            z.write(Files.readAllBytes(so));
            z.closeEntry();
            put(z, "vosk-linux-aarch64-0.3.45/vosk_api.h", "/* header */");
        }
        ModelInstaller installer = installer(new ByteArrayOutputStream());
        installer.installLibrary(zip.toString(), sha256(zip));
        assertThat(Files.readAllBytes(lib().resolve("libvosk.so"))).isEqualTo(Files.readAllBytes(so));

        Path text = dir.resolve("notalib.so");
        Files.writeString(text, "hello, I am not a library at all");
        assertThatThrownBy(() -> installer.installLibrary(text.toString(), sha256(text)))
                .hasMessageContaining("no ELF header");
        assertThat(Files.readAllBytes(lib().resolve("libvosk.so"))).isEqualTo(Files.readAllBytes(so));
    }

    @Test
    void theCommandReportsSuccessAndFailureInPlainWords() throws Exception {
        Path zip = modelZip("m.zip", "cmd");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ModelsInstallCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int ok = cl.execute("--lang", "hi", "--from", zip.toString(), "--sha256", sha256(zip), "--models-dir",
                models().toString(), "--lib-dir", lib().toString());
        assertThat(ok).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Installed model hi in " + models().resolve("hi"));
        int bad = cl.execute("--lang", "hi", "--from", zip.toString(), "--sha256", "0".repeat(64), "--models-dir",
                models().toString());
        assertThat(bad).isEqualTo(1);
        assertThat(err.toString()).contains("Not installed: ").contains("checksum mismatch");
        assertThat(cl.execute("--from", zip.toString(), "--sha256", sha256(zip))).isEqualTo(2);
    }

    /**
     * The pinned English model, fetched as an installer with internet would, from a repository laid
     * out like Maven Central; served here from the very artifact the build downloaded from it, so
     * the test proves the pinned hash is that artifact's and the artifact unpacks into a model.
     */
    @Test
    void installsThePinnedEnglishModelWithNoHashToFind() throws Exception {
        Path aar = Path.of("target", "model-aar", "vosk-model-en.aar");
        assertThat(aar).as("the build copies the model artifact here").isRegularFile();
        byte[][] served = {Files.readAllBytes(aar)};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/maven2/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/maven2/" + PinnedModel.ENGLISH.path());
            exchange.sendResponseHeaders(known ? 200 : 404, known ? served[0].length : -1);
            try (OutputStream body = exchange.getResponseBody()) {
                if (known) {
                    body.write(served[0]);
                }
            }
        });
        server.start();
        try {
            String repository = "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2";
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new ModelsInstallCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

            served[0] = modelZipBytes();
            assertThat(cl.execute("--lang", "en", "--repository", repository, "--models-dir", models().toString()))
                    .as("a file that is not the pinned one").isEqualTo(1);
            assertThat(err.toString()).contains("checksum mismatch");
            assertThat(models().resolve("en")).doesNotExist();

            served[0] = Files.readAllBytes(aar);
            assertThat(cl.execute("--lang", "en", "--repository", repository, "--models-dir", models().toString()))
                    .as(err.toString()).isZero();
            assertThat(out.toString()).contains("Installed model en in " + models().resolve("en"));
            assertThat(models().resolve("en/am/final.mdl")).isRegularFile();
            assertThat(models().resolve("en/conf/model.conf")).isRegularFile();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutFromOnlyAPinnedModelCanBeInstalled() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ModelsInstallCommand()).setErr(new PrintWriter(err));
        assertThat(cl.execute("--lang", "hi", "--models-dir", models().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("A hi model has no download pinned in Hearth: give --from PATH|URL and --sha256 HEX");
        assertThat(cl.execute("--libvosk", "--lib-dir", lib().toString())).isEqualTo(2);
        assertThat(cl.execute("--lang", "en", "--from", "x.zip", "--models-dir", models().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--from needs --sha256 HEX");
        assertThat(cl.execute("--lang", "en", "--sha256", "0".repeat(64), "--models-dir", models().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("differs from the hash pinned");
        assertThat(models()).doesNotExist();
    }

    private byte[] modelZipBytes() throws IOException {
        return Files.readAllBytes(modelZip("other.zip", "not the pinned one"));
    }
}
