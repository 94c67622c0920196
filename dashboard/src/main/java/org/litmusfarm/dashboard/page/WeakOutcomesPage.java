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

  /** The address of the page after this one, with the same filter. */
  public String nextPage() {
    StringBuilder q = new StringBuilder("/weak?offset=").append(weak.offset() + weak.rows().size());
    filter.arch().ifPresent(a -> q.append("&arch=").append(encode(a)));
    filter.shape().ifPresent(s -> q.append("&shape=").append(encode(s)));
    filter.state().ifPresent(s -> q.append("&state=").append(encode(s)));
    return q.toString();
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
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
