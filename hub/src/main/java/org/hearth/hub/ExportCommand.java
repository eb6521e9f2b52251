package org.hearth.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hearth.hub.export.HomeExport;
import org.hearth.hub.store.HubStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hearth-hub export HOME}: everything the hub holds about one home, as JSON, for a subject-access request. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write everything the hub holds about one home as JSON (docs/privacy.md): its carers and devices (no secrets),",
                "alerts with their history, the summary, and the access log. The export itself is written to the access log."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "HOME", description = "The home's id, as `homes list` shows it.")
    String homeId;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to this new file (made readable by its owner only) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (out != null) {
            try {
                Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                System.err.println("hearth-hub: " + out + " exists already; name a new file");
                return 1;
            }
        }
        try (HubStore store = Hub.openStore(config.load())) {
            var doc = new HomeExport(store, Clock.systemUTC()).of(homeId, HomeExport.COMMAND_LINE);
            if (doc.isEmpty()) {
                System.err.println("hearth-hub: there is no home " + homeId + "; `hearth-hub homes list` shows them");
                if (out != null) {
                    Files.delete(out);
                }
                return 1;
            }
            String text = HomeExport.text(doc.get());
            if (out == null) {
                System.out.print(text);
                return 0;
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.err.println("Wrote the export of home " + homeId + " to " + out + ".");
            return 0;
        }
    }
}
