package org.hearth.carer.cli;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the text of a QR code from a picture (PNG, JPEG, ...), with ZXing. */
public final class QrImage {

    private QrImage() {
    }

    /**
     * The text of the QR code in the picture.
     *
     * @throws IOException in plain words when there is no readable code
     */
    public static String read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read the picture " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException(file + " is not a picture this program can read (use PNG or JPEG)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        RGBLuminanceSource source = new RGBLuminanceSource(w, h, pixels);
        // A photograph needs the general detector; a clean PNG from hearth pair is read most
        // reliably as a pure code. Try each before giving up.
        List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        List<Map<DecodeHintType, Object>> hints = List.of(Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        boolean found = false;
        for (BinaryBitmap bitmap : bitmaps) {
            for (Map<DecodeHintType, Object> hint : hints) {
                try {
                    return new QRCodeReader().decode(bitmap, hint).getText();
                } catch (NotFoundException e) {
                    // try the next way
                } catch (ChecksumException | FormatException e) {
                    found = true;
                }
            }
        }
        throw new IOException(found ? "the QR code in " + file + " is damaged or unreadable; photograph it again"
                : "no QR code found in " + file);
    }
}
