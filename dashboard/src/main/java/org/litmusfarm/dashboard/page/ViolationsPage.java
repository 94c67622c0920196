package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.read.Violation;

/** The model of {@code /violations}. */
public record ViolationsPage(PageContext page, List<Violation> violations, int limit) {}
