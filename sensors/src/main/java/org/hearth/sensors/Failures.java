package org.hearth.sensors;

/** How a driver words a library's failure on a status line. */
public final class Failures {

    private Failures() {
    }

    /**
     * The innermost message: Pi4J wraps "Remote I/O error" in "Failed to execute action for device
     * 83 on bus 1", and the system's words are the ones an installer can act on.
     */
    public static String innermostMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}
