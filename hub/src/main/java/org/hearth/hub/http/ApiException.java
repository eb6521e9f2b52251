package org.hearth.hub.http;

/**
 * An expected refusal, answered {@code {"error":code,"message":words}} with {@code status}
 * (docs/hub-api.md §3). Not a bug: it carries no stack trace.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    final long retryAfterSeconds;

    ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ApiException(int status, String code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }
}
