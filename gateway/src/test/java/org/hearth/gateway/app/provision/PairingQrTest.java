package org.hearth.gateway.app.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Random;
import org.hearth.carer.cli.QrImage;
import org.hearth.gateway.e2e.TerminalQr;
import org.hearth.protocol.PairingCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pairing code drawn by {@code hearth pair}, on the terminal or as a PNG, reads back exactly. */
@Tag("medium")
class PairingQrTest {

    @TempDir
    Path dir;

    @Test
    void a_hundred_random_pairing_codes_read_back_from_the_terminal_and_from_the_png() throws Exception {
        Random random = new Random(128);
        for (int i = 0; i < 100; i++) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            String name = i % 3 == 0 ? "Priya Shah-Øberg " + i : "Tom" + i;
            PairingCode code = new PairingCode(URI.create("coaps://192.168." + random.nextInt(256) + "." + random.nextInt(256)
                    + ":" + (1024 + random.nextInt(60000))), name, CarerPairing.slug(name) + "-" + Integer.toHexString(i), key);
            PairingQr qr = PairingQr.of(code.text());
            assertThat(PairingCode.parse(TerminalQr.decode(qr.terminal()))).as("terminal %d", i).isEqualTo(code);
            Path png = dir.resolve("code" + i + ".png");
            qr.writePng(png);
            assertThat(PairingCode.parse(QrImage.read(png))).as("png %d", i).isEqualTo(code);
        }
    }

    @Test
    void identities_are_readable_prefixes_of_the_name() {
        assertThat(CarerPairing.slug("Priya")).isEqualTo("priya");
        assertThat(CarerPairing.slug("Mary-Jane O'Neil")).isEqualTo("mary-jane-o-neil");
        assertThat(CarerPairing.slug("Łucja")).isEqualTo("ucja");
        assertThat(CarerPairing.slug("अनु")).isEqualTo("carer");
    }
}
