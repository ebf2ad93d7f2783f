package org.redress.web.api;

/** A refused API call: a status, a one-line message naming the bad value, maybe a Retry-After. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final long retryAfterSeconds;

  ApiException(int status, String message) {
    this(status, message, -1);
  }

  ApiException(int status, String message, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  int status() {
    return status;
  }

  /** Seconds to wait before retrying, or -1. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }
}
