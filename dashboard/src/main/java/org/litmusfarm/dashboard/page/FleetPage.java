package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.read.Worker;

/** The model of {@code /fleet}. */
public record FleetPage(PageContext page, List<Worker> workers) {}
