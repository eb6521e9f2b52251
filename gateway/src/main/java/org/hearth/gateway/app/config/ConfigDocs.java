package org.hearth.gateway.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/config.md from {@link Settings}: one table per section, in the table's order. The
 * committed file is checked against this by {@code ConfigDocsTest}; to regenerate it, run
 * {@code ConfigDocs docs/config.md} or that test with {@code -Dhearth.writeDocs=true}.
 */
public final class ConfigDocs {

    private static final String HEAD = """
            # Configuration

            <!-- Generated from gateway/src/main/java/org/hearth/gateway/app/config/Settings.java by ConfigDocs.
                 Do not edit by hand: ConfigDocsTest fails when this file differs from what the table generates. -->

            Hearth reads `/etc/hearth/hearth.yaml` (`--config` names another) and the secrets file it
            names. `hearth provision` writes both; `config/hearth.example.yaml` shows a whole home.
            Hearth checks the whole file at start and lists every problem at once as `key.path: message`;
            it does not start with an invalid file. A key it does not know is an error, since a misspelt
            safety setting must not silently do nothing. A duration is written like `20ms`, `30s`, `5m`,
            `2h` or `30d`; one outside its bounds is risky rather than impossible, so it is clamped to the
            nearest bound with a warning. Any other value outside its bounds is an error. At start the
            daemon logs every value in effect, defaults included, with secrets shown as `<masked>`.

            Keys are written here in full: `alerts.pre_alarm` is `pre_alarm:` in the `alerts:` section;
            `sensors[].pin` is `pin:` in each entry of the `sensors:` list.
            """;

    private ConfigDocs() {
    }

    /** The whole of docs/config.md. */
    public static String markdown() {
        StringBuilder md = new StringBuilder(HEAD);
        boolean secrets = false;
        boolean inTable = false;
        for (Setting<?> s : Settings.all()) {
            if (!secrets && s.key().startsWith("secrets.")) {
                secrets = true;
                md.append("\n# The secrets file\n\nThe file `secrets_file` names: mode 0600, owned by the `hearth` user, written by"
                        + " `hearth pair` and `hearth provision`. Hearth refuses to start when group or others may read or write it.\n");
                inTable = false;
            }
            if (s.kind() == Setting.Kind.SECTION || s.kind() == Setting.Kind.LIST) {
                md.append('\n').append(s.key().contains(".") ? "### " : "## ").append('`').append(s.key()).append('`')
                        .append(s.kind() == Setting.Kind.LIST ? " (a list)" : "").append("\n\n").append(s.doc()).append('\n');
                inTable = false;
                continue;
            }
            if (!inTable) {
                md.append("\n| Key | Type | Default | Allowed | What it does |\n|---|---|---|---|---|\n");
                inTable = true;
            }
            md.append("| `").append(s.key()).append("` | ").append(type(s)).append(" | ").append(defaultOf(s)).append(" | ")
                    .append(allowed(s)).append(" | ").append(cell(s.doc())).append(" |\n");
        }
        return md.toString();
    }

    private static String type(Setting<?> s) {
        String t = s.kind() == Setting.Kind.CHOICE ? "choice" : s.kind() == Setting.Kind.CHOICES ? "list of choices"
                : s.kind().plain();
        return s.unit().isEmpty() ? t : t + " (" + s.unit() + ")";
    }

    private static String defaultOf(Setting<?> s) {
        if (s.secret()) {
            return "required, secret";
        }
        if (s.required()) {
            return "required";
        }
        return s.defaultValue() == null ? "none" : "`" + s.show(s.defaultValue()) + "`";
    }

    private static String allowed(Setting<?> s) {
        String range = s.range();
        if (range.isEmpty()) {
            return "";
        }
        return cell(s.kind() == Setting.Kind.DURATION ? range + ", clamped" : range);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Writes docs/config.md to the path given. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "docs/config.md"), markdown());
    }
}
