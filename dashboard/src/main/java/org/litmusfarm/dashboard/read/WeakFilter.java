package org.litmusfarm.dashboard.read;

import java.util.Optional;

/** Which weak outcomes to list; an empty field does not filter. */
public record WeakFilter(Optional<String> arch, Optional<String> shape, Optional<String> state) {
  public static final WeakFilter ALL = new WeakFilter(Optional.empty(), Optional.empty(), Optional.empty());
}
