package org.hearth.carer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the text of a QR code from a picture (PNG, JPEG, ...), with ZXing. */
final class QrImage {

    private QrImage() {
    }

    static String read(Path file) throws IOException {
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
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new IOException("no QR code found in " + file);
        } catch (ChecksumException | FormatException e) {
            throw new IOException("the QR code in " + file + " is damaged or unreadable; photograph it again");
        }
    }
}
