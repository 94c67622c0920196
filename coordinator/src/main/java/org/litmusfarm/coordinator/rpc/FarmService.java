package org.litmusfarm.coordinator.rpc;

import io.grpc.stub.StreamObserver;
import java.util.Optional;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.report.CampaignReport;
import org.litmusfarm.coordinator.submit.Results;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.coordinator.submit.Submission;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.schema.v1.ArchResult;
import org.litmusfarm.schema.v1.Campaign;
import org.litmusfarm.schema.v1.ClassifiedCount;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.GetCampaignRequest;
import org.litmusfarm.schema.v1.GetResultsRequest;
import org.litmusfarm.schema.v1.GetResultsResponse;
import org.litmusfarm.schema.v1.ListCampaignsRequest;
import org.litmusfarm.schema.v1.ListCampaignsResponse;
import org.litmusfarm.schema.v1.StartCampaignRequest;
import org.litmusfarm.schema.v1.SubmitRequest;
import org.litmusfarm.schema.v1.SubmitResponse;

/**
 * The clients' side of the coordinator: submit programs (decided by the oracle once, at
 * submission), read their results as they arrive, start, list and report campaigns.
 */
public final class FarmService extends FarmServiceGrpc.FarmServiceImplBase {
  /** The file name submitted text is parsed under; errors are reported as {@code line:col: message}. */
  static final String SUBMITTED = "submitted.litmus";

  private final Submissions submissions;
  private final Campaigns campaigns;
  private final CampaignReport reports;

  public FarmService(Submissions submissions, Campaigns campaigns, CampaignReport reports) {
    this.submissions = submissions;
    this.campaigns = campaigns;
    this.reports = reports;
  }

  @Override
  public void submit(SubmitRequest request, StreamObserver<SubmitResponse> observer) {
    Errors.answer(
        observer,
        "Submit",
        () -> {
          Submission s =
              submissions.submit(
                  new SubmitOrder(
                      SUBMITTED, request.getLitmus(), request.getArchsList(), request.getParams(),
                      request.getAllowEmulated(), 3, Optional.empty()));
          return SubmitResponse.newBuilder()
              .setSubmissionId(s.submissionId())
              .setProgramId(s.programId())
              .setVerdict(s.verdict().name())
              .addAllJobIds(s.jobIds())
              .build();
        });
  }

  @Override
  public void getResults(GetResultsRequest request, StreamObserver<GetResultsResponse> observer) {
    Errors.answer(
        observer,
        "GetResults",
        () -> {
          Results r =
              submissions
                  .results(request.getSubmissionId())
                  .orElseThrow(() -> Errors.notFound("no submission '" + request.getSubmissionId() + "'"));
          GetResultsResponse.Builder b =
              GetResultsResponse.newBuilder()
                  .setProgramId(r.programId())
                  .setVerdict(r.verdict().name())
                  .setFinished(r.finished());
          for (var job : r.jobs()) {
            ArchResult.Builder a =
                ArchResult.newBuilder().setState(job.state()).setIterations(job.iterations());
            job.provenance().ifPresentOrElse(a::setProvenance, () -> a.getProvenanceBuilder().setArch(job.arch()));
            for (var c : job.counts()) {
              a.addCounts(
                  ClassifiedCount.newBuilder()
                      .setOutcome(c.outcome())
                      .setCount(c.count())
                      .setOutcomeClass(c.outcomeClass().name()));
            }
            b.addResults(a);
          }
          return b.build();
        });
  }

  @Override
  public void startCampaign(StartCampaignRequest request, StreamObserver<Campaign> observer) {
    Errors.answer(
        observer,
        "StartCampaign",
        () -> toProto(campaigns.start(request.getSpecName(), request.getSpecText())));
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> observer) {
    Errors.answer(
        observer,
        "ListCampaigns",
        () -> {
          ListCampaignsResponse.Builder b = ListCampaignsResponse.newBuilder();
          campaigns.list(request.getLimit() == 0 ? 20 : request.getLimit()).forEach(p -> b.addCampaigns(toProto(p)));
          return b.build();
        });
  }

  @Override
  public void getCampaign(GetCampaignRequest request, StreamObserver<org.litmusfarm.schema.v1.CampaignReport> observer) {
    Errors.answer(
        observer,
        "GetCampaign",
        () -> {
          String id = request.getCampaignId();
          Campaigns.Progress p =
              campaigns.progress(id).orElseThrow(() -> Errors.notFound("no campaign '" + printable(id) + "'"));
          return CampaignMessages.report(p, campaigns.specText(id).orElse(""), campaigns.previous(id), reports);
        });
  }

  private static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static Campaign toProto(Campaigns.Progress p) {
    return CampaignMessages.campaign(p);
  }
}
