package org.hearth.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import java.util.Map;

/** Reads a QR code drawn with half-block characters, as {@code hearth pair} prints it, back into its text. */
public final class TerminalQr {

    private TerminalQr() {
    }

    /** Reads the QR code drawn on the terminal back into its text, as a phone's camera would. */
    public static String decode(String output) throws Exception {
        List<String> rows = output.lines().filter(l -> !l.isEmpty() && l.chars().allMatch(c -> "█▀▄ ".indexOf(c) >= 0)).toList();
        assertThat(rows).as("a QR code on the terminal:\n" + output).hasSizeGreaterThan(10);
        int width = rows.get(0).length();
        int height = rows.size() * 2;
        int scale = 4;
        int[] pixels = new int[width * scale * height * scale];
        for (int r = 0; r < rows.size(); r++) {
            for (int x = 0; x < width; x++) {
                char c = rows.get(r).charAt(x);
                boolean topLight = c == '█' || c == '▀';
                boolean bottomLight = c == '█' || c == '▄';
                paint(pixels, width * scale, x, 2 * r, topLight, scale);
                paint(pixels, width * scale, x, 2 * r + 1, bottomLight, scale);
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width * scale, height * scale, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    private static void paint(int[] pixels, int stride, int x, int y, boolean light, int scale) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                pixels[(y * scale + dy) * stride + x * scale + dx] = light ? 0xFFFFFFFF : 0xFF000000;
            }
        }
    }
}
