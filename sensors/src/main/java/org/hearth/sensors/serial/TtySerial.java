package org.hearth.sensors.serial;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.serial.SerialBase;
import com.pi4j.io.serial.SerialConfig;
import com.pi4j.io.serial.SerialProvider;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Linux tty as a Pi4J {@code Serial}: raw mode, 8 data bits, no parity, one stop bit, no flow
 * control, set with {@code stty} when opened. Reads never block: {@link #read(byte[], int, int)}
 * returns only what the kernel already holds ({@code available()} is the tty's FIONREAD).
 */
final class TtySerial extends SerialBase {

    private static final long STTY_SECONDS = 5;

    private final FileInputStream in;
    private final FileOutputStream out;

    TtySerial(SerialProvider provider, SerialConfig config) {
        super(provider, config);
        String device = config.device();
        stty(device, config.baud());
        try {
            in = new FileInputStream(device);
        } catch (IOException e) {
            throw new Pi4JException(e.getMessage(), e);
        }
        try {
            out = new FileOutputStream(device);
        } catch (IOException e) {
            closeQuietly();
            throw new Pi4JException(e.getMessage(), e);
        }
        isOpen = true;
    }

    @Override
    public int available() {
        try {
            return in.available();
        } catch (IOException e) {
            throw new Pi4JException("Failed to read from " + config.device() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int ready = available();
        if (ready == 0) {
            return 0;
        }
        try {
            return in.read(buffer, offset, Math.min(length, ready));
        } catch (IOException e) {
            throw new Pi4JException("Failed to read from " + config.device() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int write(byte b) {
        return write(new byte[] {b}, 0, 1);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        try {
            out.write(data, offset, length);
            out.flush();
        } catch (IOException e) {
            throw new Pi4JException("Failed to write to " + config.device() + ": " + e.getMessage(), e);
        }
        return length;
    }

    @Override
    public void close() {
        closeQuietly();
        super.close();
    }

    private void closeQuietly() {
        for (AutoCloseable c : new AutoCloseable[] {in, out}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing a tty that failed; nothing more to do
            }
        }
    }

    /** Sets the line up; the JDK cannot set a tty's speed or raw mode itself. */
    private static void stty(String device, int baud) {
        List<String> command = List.of("stty", "-F", device, Integer.toString(baud), "raw", "-echo", "cs8", "-cstopb",
                "-parenb", "-crtscts", "-ixon", "-ixoff", "clocal");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(STTY_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Pi4JException("stty did not finish setting up " + device + " within " + STTY_SECONDS + " s");
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                // stty says "stty: /dev/ttyAMA9: No such file or directory"; keep only the system's words.
                throw new Pi4JException(said.isEmpty() ? "stty failed on " + device : said.replaceFirst("^stty: ", ""));
            }
        } catch (IOException e) {
            throw new Pi4JException("stty could not be run (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Pi4JException("interrupted while setting up " + device, e);
        }
    }
}
