package org.litmusfarm.dashboard.page;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.litmusfarm.dashboard.auth.TokenCheck;
import org.litmusfarm.dashboard.read.NotFound;
import org.litmusfarm.dashboard.read.ProgramInfo;
import org.litmusfarm.dashboard.read.Reads;
import org.litmusfarm.dashboard.read.ViolationReader;
import org.litmusfarm.dashboard.submit.Results;
import org.litmusfarm.dashboard.submit.Refused;
import org.litmusfarm.dashboard.submit.SubmissionView;
import org.litmusfarm.dashboard.submit.SubmitForm;
import org.litmusfarm.dashboard.submit.Submitter;
import org.litmusfarm.dashboard.triage.Triage;
import org.litmusfarm.dashboard.triage.TriageKey;
import org.litmusfarm.dashboard.triage.TriageState;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.model.Program;
import org.litmusfarm.schema.v1.SubmitResponse;
import org.litmusfarm.text.Parser;

/** The HTML pages: each reads what it shows and renders one template; forms post back here. */
public final class PageRoutes {
  /** Weak outcomes one page shows: each row carries a triage form. */
  static final int WEAK_ROWS = 100;
  /** Architectures the submit page always offers, besides those of the fleet. */
  static final List<String> COMMON_ARCHS = List.of("amd64", "arm64", "riscv64");

  private final Templates templates;
  private final Reads reads;
  private final Triage triage;
  private final Submitter submitter;
  private final Results results;
  private final TokenCheck tokens;

  public PageRoutes(Templates templates, Reads reads, Triage triage, Submitter submitter, Results results, TokenCheck tokens) {
    this.templates = templates;
    this.reads = reads;
    this.triage = triage;
    this.submitter = submitter;
    this.results = results;
    this.tokens = tokens;
  }

  public void register(RoutesConfig routes) {
    routes.get("/", ctx -> render(ctx, "overview.jte", new OverviewPage(page(ctx, "overview"), reads.overview().read())));
    routes.get("/violations", this::violations);
    routes.get("/weak", this::weak);
    routes.post("/triage", this::setTriage);
    routes.get("/programs/{id}", this::program);
    routes.get("/programs/{id}/litmus", this::litmus);
    routes.get("/campaigns", ctx ->
        render(ctx, "campaigns.jte", new CampaignsPage(page(ctx, "campaigns"), reads.campaigns().list(Params.limit(ctx, 50, 1000)))));
    routes.get("/campaigns/{id}", this::campaign);
    routes.get("/fleet", ctx -> render(ctx, "fleet.jte", new FleetPage(page(ctx, "fleet"), reads.fleet().workers())));
    routes.get("/submit", ctx -> render(ctx, "submit.jte", submitPage(ctx, SubmitForm.blank(), List.of())));
    routes.post("/submit", this::submit);
    routes.get("/submissions/{id}", ctx -> render(ctx, "submission.jte", new SubmissionPage(page(ctx, "submit"), submission(ctx))));
    routes.get("/submissions/{id}/results", ctx -> render(ctx, "results.jte", new SubmissionPage(page(ctx, "submit"), submission(ctx))));
    routes.post("/token", this::signIn);
    routes.post("/token/forget", ctx -> {
      ctx.removeCookie(TokenCheck.COOKIE, "/");
      ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
    });
  }

  private void violations(Context ctx) {
    int limit = Params.limit(ctx, ViolationReader.PAGE, 1000);
    render(ctx, "violations.jte", new ViolationsPage(page(ctx, "violations"), reads.violations().newest(limit), limit));
  }

  private void weak(Context ctx) {
    var filter = Params.weakFilter(ctx, reads.shapes());
    render(ctx, "weak.jte",
        new WeakOutcomesPage(page(ctx, "weak"), reads.weak().read(filter, Params.limit(ctx, WEAK_ROWS, 5000), Params.offset(ctx)), filter,
            reads.weak().archs(), reads.shapes().all(), Params.states()));
  }

  private void setTriage(Context ctx) {
    tokens.require(ctx);
    rememberFormToken(ctx);
    TriageKey key = new TriageKey(ctx.formParam("program"), ctx.formParam("arch"), ctx.formParam("mode"), ctx.formParam("outcome"));
    triage.set(key, TriageState.parse(String.valueOf(ctx.formParam("state"))), ctx.formParam("note"));
    ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
  }

  private void program(Context ctx) {
    ProgramInfo p = reads.programs().find(Params.programId(ctx)).orElseThrow(() -> new NotFound("no program " + ctx.pathParam("id")));
    var allowed = reads.programs().allowed(p.id());
    render(ctx, "program.jte",
        new ProgramPage(page(ctx, ""), p, reads.shapes().of(p.name()), goSource(p), allowed, reads.programs().observed(p.id(), allowed)));
  }

  private static String goSource(ProgramInfo p) {
    try {
      Program program = Parser.parse(p.name() + ".litmus", p.litmus()).program();
      return GoEmitter.emit(program, HarnessParams.defaultsFor(program));
    } catch (RuntimeException e) {
      return "// cannot emit Go for this program: " + e.getMessage();
    }
  }

  private void litmus(Context ctx) {
    ProgramInfo p = reads.programs().find(Params.programId(ctx)).orElseThrow(() -> new NotFound("no program " + ctx.pathParam("id")));
    ctx.header("Content-Disposition", "attachment; filename=\"" + p.name() + ".litmus\"");
    ctx.contentType("text/plain; charset=utf-8").result(p.litmus());
  }

  private void campaign(Context ctx) {
    String id = Params.id(ctx, "campaign");
    var c = reads.campaigns().find(id).orElseThrow(() -> new NotFound("no campaign " + id));
    render(ctx, "campaign.jte",
        new CampaignPage(page(ctx, "campaigns"), c, reads.campaigns().specText(id).orElse(""), reads.campaigns().summary(c),
            reads.campaigns().conformance(id)));
  }

  private void submit(Context ctx) {
    SubmitForm form = new SubmitForm(litmusOf(ctx), ctx.formParams("arch"), ctx.formParam("seconds"), ctx.formParam("allow_emulated") != null);
    try {
      tokens.require(ctx);
    } catch (UnauthorizedResponse e) {
      ctx.status(HttpStatus.UNAUTHORIZED);
      render(ctx, "submit.jte", submitPage(ctx, form, List.of(generalProblem(e.getMessage()))));
      return;
    }
    rememberFormToken(ctx);
    try {
      SubmitResponse r = submitter.submit(form);
      ctx.redirect("/submissions/" + r.getSubmissionId(), HttpStatus.SEE_OTHER);
    } catch (Refused e) {
      ctx.status(e.kind() == Refused.Kind.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY);
      render(ctx, "submit.jte", submitPage(ctx, form, e.problems()));
    }
  }

  private static org.litmusfarm.dashboard.submit.Problem generalProblem(String message) {
    return new org.litmusfarm.dashboard.submit.Problem(0, 0, message);
  }

  /** The uploaded file's text if one was chosen, else the pasted text. */
  private static String litmusOf(Context ctx) {
    UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    if (file != null && file.size() > 0) {
      try (InputStream in = file.content()) {
        byte[] bytes = in.readNBytes(Submitter.MAX_BYTES + 1);
        return new String(bytes, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the uploaded file", e);
      }
    }
    return ctx.formParam("litmus");
  }

  private SubmitPage submitPage(Context ctx, SubmitForm form, List<org.litmusfarm.dashboard.submit.Problem> problems) {
    java.util.TreeSet<String> archs = new java.util.TreeSet<>(COMMON_ARCHS);
    reads.fleet().workers().forEach(w -> archs.add(w.arch()));
    return new SubmitPage(page(ctx, "submit"), form, problems, List.copyOf(archs));
  }

  private SubmissionView submission(Context ctx) {
    return results.of(Params.id(ctx, "submission"));
  }

  private void signIn(Context ctx) {
    String given = String.valueOf(ctx.formParam("token")).strip();
    if (!tokens.accepts(given)) {
      throw new UnauthorizedResponse("wrong farm token");
    }
    tokens.remember(ctx, given);
    ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
  }

  private void rememberFormToken(Context ctx) {
    String field = ctx.formParam("token");
    if (field != null && tokens.accepts(field.strip())) {
      tokens.remember(ctx, field.strip());
    }
  }

  /** The local path in form field {@code back}, or {@code /}: never another site. */
  private static String back(Context ctx) {
    String b = ctx.formParam("back");
    return b != null && b.startsWith("/") && !b.startsWith("//") && !b.contains("\\") && b.length() < 2000 ? b : "/";
  }

  private PageContext page(Context ctx, String nav) {
    String query = ctx.queryString();
    return new PageContext(nav, tokens.signedIn(ctx), ctx.path() + (query == null ? "" : "?" + query));
  }

  private void render(Context ctx, String template, Object model) {
    ctx.html(templates.render(template, model));
  }

  /** Renders the error page for {@code status} and {@code message}. */
  public void error(Context ctx, int status, String message) {
    ctx.status(status);
    render(ctx, "error.jte", new ErrorPage(page(ctx, ""), status, message));
  }
}
