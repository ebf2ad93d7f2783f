package org.redress.web;

/**
 * A request the workspace refuses or cannot serve: an HTTP status and a message key (from the
 * message bundles) shown to the person, with an optional detail that names the bad value.
 */
public final class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String key;
  private final String detail;

  /** A refusal with a status, a message key and a detail (may be null). */
  public WebException(int status, String key, String detail) {
    super(key + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.key = key;
    this.detail = detail;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The message key. */
  public String key() {
    return key;
  }

  /** The detail (a bad value, a file name), or null. */
  public String detail() {
    return detail;
  }

  /** 400 with a message key and the bad value. */
  public static WebException badInput(String key, String detail) {
    return new WebException(400, key, detail);
  }

  /** 404 for a case, scan or item that does not exist. */
  public static WebException notFound(String what) {
    return new WebException(404, "error.not_found", what);
  }
}
