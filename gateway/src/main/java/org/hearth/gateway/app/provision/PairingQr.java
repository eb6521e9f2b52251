package org.hearth.gateway.app.provision;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A pairing QR code, drawn with ZXing: as text for a terminal, two modules per character cell,
 * and as a PNG. Both hold the carer's key, so the PNG is written mode 0600.
 */
public final class PairingQr {

    /** Scanners need a quiet zone around the code; four modules is the standard's. */
    static final int QUIET_ZONE = 4;
    private static final int PNG_SCALE = 8;

    private final BitMatrix modules;

    private PairingQr(BitMatrix modules) {
        this.modules = modules;
    }

    public static PairingQr of(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE));
            return new PairingQr(m);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the pairing code is too long for a QR code", e);
        }
    }

    /**
     * The code for a terminal with a dark background, as {@code qrencode -t UTF8} draws it: light
     * modules are lit character halves, dark modules are left dark, two rows per line.
     */
    public String terminal() {
        StringBuilder out = new StringBuilder();
        int w = modules.getWidth();
        int h = modules.getHeight();
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x++) {
                boolean topLight = !modules.get(x, y);
                boolean bottomLight = y + 1 >= h || !modules.get(x, y + 1);
                out.append(topLight ? (bottomLight ? '█' : '▀') : (bottomLight ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the code as a black-on-white PNG, mode 0600 from the start. */
    public void writePng(Path file) throws IOException {
        int w = modules.getWidth();
        int h = modules.getHeight();
        BufferedImage image = new BufferedImage(w * PNG_SCALE, h * PNG_SCALE, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < h * PNG_SCALE; y++) {
            for (int x = 0; x < w * PNG_SCALE; x++) {
                image.setRGB(x, y, modules.get(x / PNG_SCALE, y / PNG_SCALE) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java has no PNG writer");
            }
        }
    }
}
