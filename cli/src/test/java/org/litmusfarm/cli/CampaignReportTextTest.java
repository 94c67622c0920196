package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.litmusfarm.schema.v1.Campaign;
import org.litmusfarm.schema.v1.CampaignReduction;
import org.litmusfarm.schema.v1.CampaignReport;
import org.litmusfarm.schema.v1.CampaignViolation;

/** How a campaign report reads as text. */
class CampaignReportTextTest {
  private static String text(CampaignReport r) {
    StringWriter s = new StringWriter();
    new CampaignReportText(new PrintWriter(s)).print(r);
    return s.toString();
  }

  @Test
  void aViolationsReductionIsPrintedWithTheSmallestProgramThatShowsIt() {
    String out = text(CampaignReport.newBuilder()
        .setCampaign(Campaign.newBuilder().setCampaignId("c-1").setSpecName("nightly").setState("done"))
        .addViolations(CampaignViolation.newBuilder().setProgram("SB+atomic-m1").setArch("arm64")
            .setMode("emulated:qemu-aarch64-static").setGoVersion("go1.26.8").setOutcome("P0:r0=0; P1:r0=0; v0=1").setCount(9))
        .addReductions(CampaignReduction.newBuilder().setProgram("SB+atomic-m1").setArch("arm64")
            .setMode("emulated:qemu-aarch64-static").setState("done").setCandidates(2).setReproduced(2)
            .setOriginalSize("2 goroutines, 7 statements, 3 shared objects").setReducedSize("2 goroutines, 4 statements, 2 shared objects")
            .setStop("MINIMAL").setOutcome("P0:r0=0; P1:r0=0").setLitmus("litmus SB+atomic-m1-reduced\n\nvar x y\n"))
        .build());
    assertTrue(out.contains("  reduction of SB+atomic-m1 on arm64 (emulated:qemu-aarch64-static): done, 2 candidate(s) run,"
        + " 2 reproduced; 2 goroutines, 7 statements, 3 shared objects -> 2 goroutines, 4 statements, 2 shared objects (MINIMAL)"), out);
    assertTrue(out.contains("    smallest program that shows P0:r0=0; P1:r0=0:\n      litmus SB+atomic-m1-reduced\n"), out);
  }

  @Test
  void aFailedReductionSaysWhy() {
    String out = text(CampaignReport.newBuilder()
        .setCampaign(Campaign.newBuilder().setCampaignId("c-1").setSpecName("nightly").setState("done"))
        .addReductions(CampaignReduction.newBuilder().setProgram("X").setArch("arm64").setMode("native").setState("failed")
            .setError("no arm64 native worker with go1.26.8 finished candidate job j-1 within 300 s"))
        .build());
    assertTrue(out.contains("failed, 0 candidate(s) run, 0 reproduced (no arm64 native worker"), out);
    assertFalse(out.contains("smallest program"), out);
  }
}
