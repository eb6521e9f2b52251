package org.hearth.gateway.app.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hearth.gateway.app.ConfigOption;
import org.hearth.gateway.app.Hearth;
import org.hearth.gateway.app.config.ConfigLoader;
import org.hearth.gateway.app.config.HearthConfig;
import org.hearth.gateway.coap.LocalToken;
import org.hearth.gateway.coap.LoopbackClient;
import org.hearth.gateway.store.SqliteDatabase;
import org.hearth.gateway.store.SqliteExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hearth purge --yes}: erases the resident's data and keys (an erasure request): the
 * database with every event and alert, the carers' keys, and the configuration that names the
 * home. It refuses while the daemon runs, and says exactly what it erased.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Erase everything stored about the resident, and the carers' keys. Stop Hearth first.")
public final class PurgeCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--yes", description = "Really erase. Without it, only says what would be erased.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        ConfigLoader.Loaded loaded = config.load();
        HearthConfig c = loaded.config();
        if (c.coap().loopbackPort() >= 0 && LoopbackClient.answers(c.coap().loopbackPort())) {
            System.err.println("hearth: Hearth is running. Stop it first (sudo systemctl stop hearth), then purge.");
            return 1;
        }
        Path db = c.storage().database();
        List<String> contents = new ArrayList<>();
        if (Files.exists(db)) {
            try (SqliteDatabase read = SqliteDatabase.openReadOnly(db)) {
                contents.addAll(new SqliteExport(read).counts());
            }
        }
        List<Path> files = new ArrayList<>();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(p)) {
                files.add(p);
            }
        }
        if (Files.exists(c.secretsFile())) {
            files.add(c.secretsFile());
        }
        Path token = c.storage().dataDir().resolve(LocalToken.FILE_NAME);
        if (Files.exists(token)) {
            files.add(token);
        }
        files.add(config.file());
        if (!yes) {
            System.out.println("This would erase:");
            describe(files, contents, db, c);
            System.out.println("Nothing was erased. Run again with --yes to erase it.");
            return Hearth.EXIT_INVALID;
        }
        for (Path p : files) {
            Files.deleteIfExists(p);
        }
        System.out.println("Erased:");
        describe(files, contents, db, c);
        return 0;
    }

    private static void describe(List<Path> files, List<String> contents, Path db, HearthConfig c) {
        for (Path p : files) {
            String what = p.equals(db) ? "the database (" + (contents.isEmpty() ? "empty" : String.join(", ", contents)) + ")"
                    : p.equals(c.secretsFile()) ? "the carers' keys (" + c.carers().size() + " carers)"
                    : p.getFileName().toString().endsWith(".yaml") ? "the configuration naming the home and its carers"
                    : p.getFileName().toString().equals(LocalToken.FILE_NAME) ? "the local control token of the last run"
                    : "the database's journal";
            System.out.println("  " + p + ": " + what);
        }
    }
}
