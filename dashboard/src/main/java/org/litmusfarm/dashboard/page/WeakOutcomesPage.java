package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.read.WeakFilter;
import org.litmusfarm.dashboard.read.WeakPage;

/** The model of {@code /weak}: the rows, the filter in force, and the filter's choices. */
public record WeakOutcomesPage(
    PageContext page, WeakPage weak, WeakFilter filter, List<String> archs, List<String> shapes, List<String> states) {
  /** The rows grouped by program, architecture and mode. */
  public List<WeakGroup> groups() {
    return WeakGroup.of(weak.rows());
  }

  public String selectedArch() {
    return filter.arch().orElse("");
  }

  public String selectedShape() {
    return filter.shape().orElse("");
  }

  public String selectedState() {
    return filter.state().orElse("");
  }
}
