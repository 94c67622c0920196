package org.litmusfarm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The catalog subset {@code farm up} runs on every worker: store buffering, message passing and
 * load buffering with plain and atomic variables, IRIW, and channel and mutex idioms; enough to
 * see WEAK outcomes natively and the known emulated arm64 violation.
 */
final class SmokeCampaign {
  static final String NAME = "smoke";
  static final List<String> PROGRAMS =
      List.of("SB+plain", "SB+atomic", "MP+plain", "MP+atomic", "LB+plain", "LB+atomic", "MP+chan0", "MP+mutex");

  private SmokeCampaign() {}

  /** The campaign spec for {@code archs}, {@code seconds} per program. */
  static String spec(List<String> archs, double seconds) {
    JsonObject o = new JsonObject();
    JsonArray programs = new JsonArray();
    PROGRAMS.forEach(programs::add);
    JsonArray a = new JsonArray();
    archs.forEach(a::add);
    o.add("programs", programs);
    o.add("archs", a);
    o.addProperty("seconds", seconds);
    o.addProperty("allow_emulated", true);
    return o.toString();
  }
}
