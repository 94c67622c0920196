package org.litmusfarm.coordinator.rpc;

import java.util.Optional;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.report.CampaignReport;
import org.litmusfarm.coordinator.report.Conformance;
import org.litmusfarm.coordinator.report.FuzzFigures;
import org.litmusfarm.coordinator.report.NewWeak;
import org.litmusfarm.schema.v1.Campaign;
import org.litmusfarm.schema.v1.CampaignArch;
import org.litmusfarm.schema.v1.CampaignReduction;
import org.litmusfarm.schema.v1.CampaignViolation;
import org.litmusfarm.schema.v1.ConformanceCell;
import org.litmusfarm.schema.v1.FuzzArch;
import org.litmusfarm.schema.v1.FuzzSummary;
import org.litmusfarm.schema.v1.SignaturePoint;
import org.litmusfarm.schema.v1.WeakOutcome;

/** Campaigns and their reports as wire messages. */
final class CampaignMessages {
  private CampaignMessages() {}

  static Campaign campaign(Campaigns.Progress p) {
    return Campaign.newBuilder()
        .setCampaignId(p.id())
        .setSpecName(p.specName())
        .setState(p.state())
        .setStartedUnixMs(p.startedAt().toEpochMilli())
        .setJobsTotal(p.jobsTotal())
        .setJobsDone(p.jobsDone() + p.jobsFailed())
        .setJobsFailed(p.jobsFailed())
        .setSpecVersion(p.specVersion())
        .setFinishedUnixMs(p.finishedAt().map(java.time.Instant::toEpochMilli).orElse(0L))
        .build();
  }

  static org.litmusfarm.schema.v1.CampaignReport report(
      Campaigns.Progress p, String specText, Optional<String> previous, CampaignReport report) {
    String id = p.id();
    var b = org.litmusfarm.schema.v1.CampaignReport.newBuilder()
        .setCampaign(campaign(p))
        .setSpecText(specText)
        .setIngested(report.ingested(id))
        .setPreviousCampaignId(previous.orElse(""));
    for (CampaignReport.ArchSummary a : report.architectures(id)) {
      b.addArchitectures(CampaignArch.newBuilder().setArch(a.arch()).setMode(a.mode()).setGoVersion(a.goVersion())
          .setJobs(a.jobs()).setPrograms(a.programs()).setIterations(a.iterations()).setWeak(a.weak())
          .setForbidden(a.forbidden()));
    }
    for (Conformance.Cell c : report.conformance(id)) {
      b.addConformance(ConformanceCell.newBuilder().setProgram(c.program()).setArch(c.arch()).setMode(c.mode())
          .setGoVersion(c.goVersion()).setWorst(c.worst()).setState(c.state()).setIterations(c.iterations()));
    }
    for (NewWeak.Outcome w : report.newWeak(id, previous)) {
      b.addNewWeak(WeakOutcome.newBuilder().setProgram(w.program()).setArch(w.arch()).setMode(w.mode())
          .setOutcome(w.outcome()).setCount(w.count()));
    }
    for (CampaignReport.Violation v : report.violations(id)) {
      b.addViolations(CampaignViolation.newBuilder().setProgram(v.program()).setArch(v.arch()).setMode(v.mode())
          .setCpuModel(v.cpuModel()).setGoVersion(v.goVersion()).setOutcome(v.outcome()).setCount(v.count()));
    }
    for (CampaignReport.Reduction r : report.reductions(id)) {
      b.addReductions(CampaignReduction.newBuilder().setProgram(r.program()).setArch(r.arch()).setMode(r.mode())
          .setState(r.state()).setCandidates(r.attempts()).setReproduced(r.accepted()).setOriginalSize(r.originalSize())
          .setReducedSize(r.reducedSize()).setStop(r.stop()).setError(r.error()).setLitmus(r.reducedLitmus())
          .setOutcome(r.outcome()));
    }
    report.fuzz(id).ifPresent(f -> b.setFuzz(fuzz(f)));
    return b.build();
  }

  private static FuzzSummary fuzz(FuzzFigures.Summary f) {
    FuzzSummary.Builder b = FuzzSummary.newBuilder()
        .setBudget(f.budget()).setScheduled(f.scheduled()).setEvaluated(f.evaluated()).setRefused(f.refused())
        .setCorpusSize(f.corpusSize()).setCorpusSeeds(f.corpusSeeds()).setDistinctPrograms(f.distinctPrograms())
        .setMutantViolations(f.mutantViolations()).setFinished(f.finished());
    for (FuzzFigures.Arch a : f.architectures()) {
      FuzzArch.Builder fa = FuzzArch.newBuilder().setArch(a.arch()).setMode(a.mode())
          .setCatalogSignatures(a.catalog()).setFuzzSignatures(a.fuzz()).setFuzzOnlySignatures(a.fuzzOnly());
      a.timeline().forEach(p -> fa.addTimeline(SignaturePoint.newBuilder().setSeconds(p.seconds()).setSignatures(p.signatures())));
      b.addArchitectures(fa);
    }
    return b.build();
  }
}
