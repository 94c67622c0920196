package org.litmusfarm.dashboard.page;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.litmusfarm.dashboard.read.NotFound;
import org.litmusfarm.dashboard.read.Shapes;
import org.litmusfarm.dashboard.read.WeakFilter;
import org.litmusfarm.dashboard.triage.TriageState;

/** Reads and checks the parameters pages and API calls share; bad ones are IllegalArgumentException (400). */
public final class Params {
  private static final Pattern PROGRAM_ID = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  private Params() {}

  /** The {@code {id}} path parameter as a program id; NotFound when it cannot be one. */
  public static String programId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!PROGRAM_ID.matcher(id).matches()) {
      throw new NotFound("no program '" + printable(id) + "' (a program id is 64 hex digits)");
    }
    return id;
  }

  /** The {@code {id}} path parameter as a campaign or submission id. */
  public static String id(Context ctx, String what) {
    String id = ctx.pathParam("id");
    if (!ID.matcher(id).matches()) {
      throw new NotFound("no " + what + " '" + printable(id) + "'");
    }
    return id;
  }

  /** Query parameter {@code limit} between 1 and {@code max}, or {@code fallback}. */
  public static int limit(Context ctx, int fallback, int max) {
    String s = ctx.queryParam("limit");
    if (s == null || s.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("limit must be a whole number from 1 to " + max);
  }

  /** Query parameter {@code offset}: 0 or more, 0 when absent. */
  public static int offset(Context ctx) {
    String s = ctx.queryParam("offset");
    if (s == null || s.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("offset must be a whole number, 0 or more");
  }

  /** The weak-outcome filter from query parameters {@code arch}, {@code shape}, {@code state}. */
  public static WeakFilter weakFilter(Context ctx, Shapes shapes) {
    Optional<String> arch = present(ctx.queryParam("arch"));
    Optional<String> shape = present(ctx.queryParam("shape"));
    Optional<String> state = present(ctx.queryParam("state"));
    if (arch.isPresent() && !ARCH.matcher(arch.get()).matches()) {
      throw new IllegalArgumentException("arch must be a GOARCH such as amd64");
    }
    if (shape.isPresent() && !shapes.known(shape.get())) {
      throw new IllegalArgumentException("unknown shape '" + printable(shape.get()) + "'; choose one of " + shapes.all());
    }
    state.ifPresent(TriageState::parse);
    return new WeakFilter(arch, shape, state);
  }

  /** Every triage state tag, in order. */
  public static java.util.List<String> states() {
    return Arrays.stream(TriageState.values()).map(TriageState::tag).toList();
  }

  private static Optional<String> present(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** {@code s} cut to 64 characters with control characters replaced, for messages. */
  public static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
