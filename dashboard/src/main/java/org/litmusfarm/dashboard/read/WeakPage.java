package org.litmusfarm.dashboard.read;

import java.time.Instant;
import java.util.List;

/**
 * One page of weak outcomes: the rows, how many match in all, the index of the first row shown,
 * and when the rollup they come from was last brought up to date (null if never).
 */
public record WeakPage(List<WeakOutcome> rows, int total, int offset, Instant asOf) {
  public boolean truncated() {
    return rows.size() < total;
  }

  /** Whether rows follow this page. */
  public boolean more() {
    return offset + rows.size() < total;
  }
}
