package org.litmusfarm.dashboard.read;

import java.time.Instant;
import java.util.List;

/**
 * One page of weak outcomes: the rows (at most a page), how many match in all, and when the rollup
 * they come from was last brought up to date (null if never).
 */
public record WeakPage(List<WeakOutcome> rows, int total, Instant asOf) {
  public boolean truncated() {
    return rows.size() < total;
  }
}
