package org.hearth.hub.config;

import java.util.List;

/** The configuration is invalid. {@link #errors()} holds every problem, each as {@code key.path: message}. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ConfigException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
