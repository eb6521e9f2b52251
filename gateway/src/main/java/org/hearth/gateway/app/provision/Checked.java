package org.hearth.gateway.app.provision;

/** An answer read and checked: a value, or the reason in plain words why it cannot be used. */
record Checked<T>(T value, String problem) {

    static <T> Checked<T> ok(T value) {
        return new Checked<>(value, null);
    }

    static <T> Checked<T> no(String problem) {
        return new Checked<>(null, problem);
    }

    boolean isOk() {
        return problem == null;
    }

    /** The value changed by {@code f}, or the same problem. */
    <U> Checked<U> map(java.util.function.Function<T, U> f) {
        return isOk() ? ok(f.apply(value)) : no(problem);
    }
}
