package org.hearth.carer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.protocol.Alert;
import org.hearth.protocol.ProtocolException;
import org.hearth.protocol.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts a carer's device has received, one wire-format JSON line each, written to disk
 * before the gateway is told the alert arrived. A device that restarts reads it back, so an alert
 * the gateway sends again is not shown twice. A line cut short by a crash is skipped with a warning.
 */
public final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    /** No journal: nothing is kept, and a restarted device may show an alert again. */
    public static final Journal NONE = new Journal(null, List.of());

    private final FileChannel file;
    private final List<UUID> ids;

    private Journal(FileChannel file, List<UUID> ids) {
        this.file = file;
        this.ids = ids;
    }

    /** Opens (or creates, mode 0600) a journal and reads the ids already in it. */
    public static Journal open(Path path) throws IOException {
        List<UUID> ids = new ArrayList<>();
        if (Files.exists(path)) {
            int lineNo = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ids.add(WireCodec.decodeAlert(line.getBytes(StandardCharsets.UTF_8)).id());
                } catch (ProtocolException e) {
                    LOG.warn("Journal {} line {} is not an alert (cut short by a crash?); skipping it", path, lineNo);
                }
            }
        } else {
            Files.createFile(path, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new Journal(channel, List.copyOf(ids));
    }

    /** The ids of the alerts received before this journal was opened. */
    public Set<UUID> ids() {
        return Set.copyOf(ids);
    }

    /** Records an alert durably; returns when it is on disk. */
    public synchronized void received(Alert alert) {
        if (file == null) {
            return;
        }
        byte[] json = WireCodec.encode(alert);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            while (line.hasRemaining()) {
                file.write(line);
            }
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal: " + e.getMessage(), e);
        }
    }
}
