package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.read.ObservedRun;
import org.litmusfarm.dashboard.read.OutcomeCount;
import org.litmusfarm.dashboard.read.ProgramInfo;

/** The model of {@code /programs/{id}}: text, emitted Go, the oracle's table, what each architecture saw. */
public record ProgramPage(
    PageContext page, ProgramInfo program, String shape, String goSource, List<OutcomeCount> allowed,
    List<ObservedRun> runs) {}
