package org.litmusfarm.dashboard.read;

/** The thing a page or API call names does not exist; answered with 404 and the message. */
public final class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
