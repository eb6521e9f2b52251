package org.hearth.hub;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code drawn in a terminal with a dark background, two module rows per line, as
 * {@code qrencode -t UTF8} draws it. (The gateway's {@code PairingQr} draws the same way; the hub
 * cannot depend on the gateway module.)
 */
final class TerminalQr {

    private TerminalQr() {
    }

    static String of(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the pairing code is too long for a QR code", e);
        }
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x++) {
                boolean topLight = !m.get(x, y);
                boolean bottomLight = y + 1 >= m.getHeight() || !m.get(x, y + 1);
                out.append(topLight ? (bottomLight ? '█' : '▀') : (bottomLight ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
