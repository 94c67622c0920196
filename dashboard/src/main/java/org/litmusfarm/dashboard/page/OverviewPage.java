package org.litmusfarm.dashboard.page;

import org.litmusfarm.dashboard.read.Overview;

/** The model of {@code /}. */
public record OverviewPage(PageContext page, Overview overview) {}
