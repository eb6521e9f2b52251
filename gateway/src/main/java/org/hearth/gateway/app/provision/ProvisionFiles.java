package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.Secrets;
import org.hearth.gateway.app.config.SecretsFile;

/**
 * Writes a plan as {@code hearth.yaml} and its secrets file, or nothing at all. Both are first
 * written to temporary files beside the real ones and read back by the real {@link ConfigLoader};
 * only when it accepts both are they moved into place, each with one atomic rename, secrets first
 * (they only ever gain the keys the new config needs). A failure before the renames leaves the
 * old files exactly as they were.
 */
final class ProvisionFiles {

    private ProvisionFiles() {
    }

    /**
     * @param keys every carer's key, as the secrets file should hold them
     * @throws ConfigException with every problem as {@code key.path: message}; nothing was written
     */
    static void save(HomePlan plan, Path configFile, Map<String, Secrets.CarerKey> keys) throws IOException, ConfigException {
        Path config = configFile.toAbsolutePath();
        Path dir = config.getParent();
        Files.createDirectories(dir);
        Path secrets = dir.resolve(plan.secretsFile);
        Path tempSecrets = SecretsFile.writeTemp(secrets, keys);
        Path tempConfig = null;
        try {
            tempConfig = Files.createTempFile(dir, "." + config.getFileName() + "-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel out = FileChannel.open(tempConfig, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(StandardCharsets.UTF_8.encode(PlanYaml.render(plan)));
                out.force(true);
            }
            check(plan, tempConfig, tempSecrets);
            Files.setPosixFilePermissions(tempConfig, Files.exists(config) ? Files.getPosixFilePermissions(config)
                    : PosixFilePermissions.fromString("rw-r--r--"));
            sameOwner(tempConfig, config);
            sameOwner(tempSecrets, secrets);
            Files.move(tempSecrets, secrets, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tempConfig, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tempSecrets);
            if (tempConfig != null) {
                Files.deleteIfExists(tempConfig);
            }
        }
    }

    /** The real loader on the exact bytes about to be written, and every carer with a key. */
    private static void check(HomePlan plan, Path tempConfig, Path tempSecrets) throws ConfigException {
        List<String> errors = new ArrayList<>();
        try {
            ConfigLoader.loadWithoutSecrets(tempConfig);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        Secrets secrets = null;
        try {
            secrets = ConfigLoader.loadSecrets(tempSecrets);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        for (int i = 0; secrets != null && i < plan.carers.size(); i++) {
            String name = plan.carers.get(i).name();
            if (secrets.forCarer(name).isEmpty()) {
                errors.add("carers[" + i + "].name: no key for \"" + name + "\" in the secrets file");
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /**
     * Run as root, the new file keeps the old one's owner and group, and a first secrets file
     * belongs to the hearth user, who must be able to read it. Otherwise the files are the
     * caller's, as they were.
     */
    private static void sameOwner(Path temp, Path target) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (Files.exists(target)) {
            var attrs = Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class);
            view.setOwner(attrs.owner());
            view.setGroup(attrs.group());
            return;
        }
        try {
            var users = temp.getFileSystem().getUserPrincipalLookupService();
            view.setOwner(users.lookupPrincipalByName("hearth"));
            view.setGroup(users.lookupPrincipalByGroupName("hearth"));
        } catch (UserPrincipalNotFoundException e) {
            // No hearth user on this machine (a development checkout): the file stays root's.
        }
    }
}
