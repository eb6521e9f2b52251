package org.hearth.gateway.app.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.app.config.ConfigException;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.PrivateFile;
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
            tempConfig = PrivateFile.writeTemp(config, PlanYaml.render(plan));
            check(plan, tempConfig, tempSecrets);
            Files.setPosixFilePermissions(tempConfig, Files.exists(config) ? Files.getPosixFilePermissions(config)
                    : PosixFilePermissions.fromString("rw-r--r--"));
            PrivateFile.keepOwner(tempConfig, config);
            PrivateFile.moveInto(tempSecrets, secrets);
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
}
