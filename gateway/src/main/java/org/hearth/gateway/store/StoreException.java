package org.hearth.gateway.store;

/** The database failed in a way the caller cannot fix: the disk is full, the file is corrupt. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
