package org.litmusfarm.coordinator.campaign;

/**
 * A campaign spec that cannot run, with the spec it came from and the field at fault; the message
 * reads {@code ORIGIN: FIELD: what is wrong}.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidSpecException(String origin, String field, String message) {
    super(origin + ": " + (field.isEmpty() ? "" : field + ": ") + message);
  }
}
