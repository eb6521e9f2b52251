package org.hearth.gateway.app.provision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Where the wizard's questions go and its answers come from: a terminal, or a script in tests. */
public interface Console {

    /** Prints one line. */
    void say(String line);

    /** Prints a question and reads the answer, stripped; null when the input has ended. */
    String ask(String question);

    /** A terminal, or any reader and writer. */
    static Console of(BufferedReader in, PrintWriter out) {
        return new Console() {
            @Override
            public void say(String line) {
                out.println(line);
                out.flush();
            }

            @Override
            public String ask(String question) {
                out.print(question + " ");
                out.flush();
                try {
                    String line = in.readLine();
                    return line == null ? null : line.strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
