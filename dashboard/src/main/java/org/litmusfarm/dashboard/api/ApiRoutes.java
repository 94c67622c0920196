package org.litmusfarm.dashboard.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litmusfarm.dashboard.auth.TokenCheck;
import org.litmusfarm.dashboard.page.Params;
import org.litmusfarm.dashboard.read.NotFound;
import org.litmusfarm.dashboard.read.ProgramInfo;
import org.litmusfarm.dashboard.read.Reads;
import org.litmusfarm.dashboard.read.ViolationReader;
import org.litmusfarm.dashboard.read.WeakReader;
import org.litmusfarm.dashboard.submit.Results;
import org.litmusfarm.dashboard.submit.SubmitForm;
import org.litmusfarm.dashboard.submit.Submitter;
import org.litmusfarm.dashboard.triage.Triage;
import org.litmusfarm.dashboard.triage.TriageKey;
import org.litmusfarm.dashboard.triage.TriageState;
import org.litmusfarm.schema.v1.SubmitResponse;

/** The JSON API under {@code /api}: the data of every page, and triage and submit for tools. */
public final class ApiRoutes {
  private final Reads reads;
  private final Triage triage;
  private final Submitter submitter;
  private final Results results;
  private final TokenCheck tokens;

  public ApiRoutes(Reads reads, Triage triage, Submitter submitter, Results results, TokenCheck tokens) {
    this.reads = reads;
    this.triage = triage;
    this.submitter = submitter;
    this.results = results;
    this.tokens = tokens;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/overview", ctx -> ctx.json(reads.overview().read()));
    routes.get("/api/violations", ctx ->
        ctx.json(Map.of("violations", reads.violations().newest(Params.limit(ctx, ViolationReader.PAGE, 1000)))));
    routes.get("/api/weak", ctx ->
        ctx.json(reads.weak().read(Params.weakFilter(ctx, reads.shapes()), Params.limit(ctx, WeakReader.PAGE, 5000), Params.offset(ctx))));
    routes.post("/api/triage", this::setTriage);
    routes.get("/api/programs/{id}", this::program);
    routes.get("/api/campaigns", ctx -> ctx.json(Map.of("campaigns", reads.campaigns().list(Params.limit(ctx, 50, 1000)))));
    routes.get("/api/campaigns/{id}", this::campaign);
    routes.get("/api/fleet", ctx -> ctx.json(Map.of("workers", reads.fleet().workers())));
    routes.post("/api/submit", this::submit);
    routes.get("/api/submissions/{id}", this::submission);
  }

  private void setTriage(Context ctx) {
    tokens.require(ctx);
    TriageRequest r = ctx.bodyAsClass(TriageRequest.class);
    TriageKey key = new TriageKey(r.program(), r.arch(), r.mode(), r.outcome());
    TriageState state = TriageState.parse(String.valueOf(r.state()));
    triage.set(key, state, r.note());
    ctx.json(Map.of("program", key.programId(), "arch", key.arch(), "mode", key.mode(), "outcome", key.outcome(),
        "state", state.tag(), "note", r.note() == null ? "" : r.note().strip()));
  }

  private void program(Context ctx) {
    ProgramInfo p = reads.programs().find(Params.programId(ctx)).orElseThrow(() -> new NotFound("no program " + ctx.pathParam("id")));
    var allowed = reads.programs().allowed(p.id());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("program", p);
    out.put("shape", reads.shapes().of(p.name()));
    out.put("allowed", allowed);
    out.put("observed", reads.programs().observed(p.id(), allowed));
    ctx.json(out);
  }

  private void campaign(Context ctx) {
    String id = Params.id(ctx, "campaign");
    var c = reads.campaigns().find(id).orElseThrow(() -> new NotFound("no campaign " + id));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaign", c);
    out.put("spec", reads.campaigns().specText(id).orElse(""));
    out.put("architectures", reads.campaigns().summary(c));
    out.put("conformance", reads.campaigns().conformance(id));
    ctx.json(out);
  }

  private void submit(Context ctx) {
    tokens.require(ctx);
    SubmitRequestJson r = ctx.bodyAsClass(SubmitRequestJson.class);
    SubmitForm form =
        new SubmitForm(r.litmus(), r.archs() == null ? List.of() : r.archs(),
            r.seconds() == null ? "1" : Double.toString(r.seconds()), r.allowEmulated() == null || r.allowEmulated());
    SubmitResponse s = submitter.submit(form);
    ctx.status(HttpStatus.CREATED).json(Map.of(
        "submission_id", s.getSubmissionId(), "program_id", s.getProgramId(), "verdict", s.getVerdict(),
        "job_ids", s.getJobIdsList(), "follow", "/api/submissions/" + s.getSubmissionId()));
  }

  private void submission(Context ctx) {
    ctx.json(results.of(Params.id(ctx, "submission")));
  }
}
