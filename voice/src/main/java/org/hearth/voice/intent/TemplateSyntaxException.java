package org.hearth.voice.intent;

/** A template or language file that cannot be read; the message names the file and line. */
public final class TemplateSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateSyntaxException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
    }
}
