package org.hearth.gateway.app.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Files only their owner may read: the secrets file and the daemon's local control token. Every
 * command that writes one goes through here, so each replacement is atomic (a temporary file
 * beside the real one, flushed, then one rename) and keeps the replaced file's owner and group
 * with mode 0600, all set on the temporary file before the rename. {@code sudo hearth pair} once
 * left the secrets file root's, which the daemon, running as {@code hearth}, could not read.
 */
public final class PrivateFile {

    /** The system user the daemon runs as on an installed system. */
    static final String DAEMON_USER = "hearth";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFile() {
    }

    /** Replaces (or creates) {@code target} with {@code text}: atomically, mode 0600, owner and group kept. */
    public static void replace(Path target, String text) throws IOException {
        Path temp = writeTemp(target, text);
        try {
            moveInto(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes {@code text} to a new temporary file beside {@code target}, mode 0600 from the first
     * byte and flushed to disk, for the caller to check before {@link #moveInto}.
     */
    public static Path writeTemp(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(StandardCharsets.UTF_8.encode(text));
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Gives {@code temp} the owner and group {@link #keepOwner} decides and mode 0600, then renames it over {@code target}. */
    public static void moveInto(Path temp, Path target) throws IOException {
        keepOwner(temp, target);
        Files.setPosixFilePermissions(temp, OWNER_ONLY);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Gives {@code temp} the owner and group of {@code target}, the file it is about to replace.
     * A new file written by root belongs to the {@code hearth} user, when there is one, because
     * the daemon must read it; otherwise it stays its writer's. A writer that may not keep the
     * owner (not root, and not the owner) gets an exception rather than a file the daemon cannot read.
     */
    public static void keepOwner(Path temp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        if (Files.exists(target)) {
            PosixFileAttributes wanted = Files.readAttributes(target, PosixFileAttributes.class);
            try {
                if (!wanted.owner().equals(now.owner())) {
                    view.setOwner(wanted.owner());
                }
                if (!wanted.group().equals(now.group())) {
                    view.setGroup(wanted.group());
                }
            } catch (IOException e) {
                throw new IOException("cannot keep " + target + " owned by " + wanted.owner().getName() + ":"
                        + wanted.group().getName() + " (" + e.getMessage() + "); run this as root or as its owner", e);
            }
            return;
        }
        if (!Integer.valueOf(0).equals(Files.getAttribute(temp, "unix:uid"))) {
            return;
        }
        try {
            var users = temp.getFileSystem().getUserPrincipalLookupService();
            view.setOwner(users.lookupPrincipalByName(DAEMON_USER));
            view.setGroup(users.lookupPrincipalByGroupName(DAEMON_USER));
        } catch (UserPrincipalNotFoundException e) {
            // No hearth user on this machine (a development checkout): the file stays root's.
        }
    }

    /**
     * Why {@code file} is not private enough to hold keys, or empty when only its owner may read
     * or write it.
     *
     * @param label the config key that names the file, for the message
     */
    public static Optional<String> tooOpen(Path file, String label) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (OWNER_ONLY.containsAll(mode)) {
            return Optional.empty();
        }
        return Optional.of(label + ": " + file + " has mode " + octal(mode) + ", so users other than its owner can read or change"
                + " the carers' keys; Hearth will not use it. Make it private: chmod 600 " + file);
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }
}
