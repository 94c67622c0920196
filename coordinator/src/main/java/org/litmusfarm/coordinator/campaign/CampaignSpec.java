package org.litmusfarm.coordinator.campaign;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a campaign runs: catalog tests by name, on architectures, for a time per program. Read from
 * JSON such as {@code {"programs": ["SB+plain"], "archs": ["amd64", "arm64"], "seconds": 1,
 * "allow_emulated": true}}.
 *
 * @param programs catalog test names (1..1000)
 * @param archs GOARCH names (1..16)
 * @param seconds hammering time per program and architecture (0 < s <= 3600)
 * @param allowEmulated whether emulated workers may run the jobs
 */
public record CampaignSpec(List<String> programs, List<String> archs, double seconds, boolean allowEmulated) {
  private static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");

  public CampaignSpec {
    programs = List.copyOf(Objects.requireNonNull(programs, "programs"));
    archs = List.copyOf(Objects.requireNonNull(archs, "archs"));
    if (programs.isEmpty() || programs.size() > 1000) {
      throw new IllegalArgumentException("a campaign names 1 to 1000 programs");
    }
    if (archs.isEmpty() || archs.size() > 16 || archs.stream().anyMatch(a -> !ARCH.matcher(a).matches())) {
      throw new IllegalArgumentException("a campaign names 1 to 16 architectures, each a GOARCH such as amd64");
    }
    if (!(seconds > 0) || seconds > 3600) {
      throw new IllegalArgumentException("seconds must be more than 0 and at most 3600");
    }
  }

  private record Json(List<String> programs, List<String> archs, Double seconds, Boolean allow_emulated) {}

  /** Parses {@code text}; throws IllegalArgumentException with the reason when it is not a valid spec. */
  public static CampaignSpec parse(String text) {
    Json j;
    try {
      j = new Gson().fromJson(text, Json.class);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("campaign spec is not valid JSON: " + e.getMessage());
    }
    if (j == null || j.programs() == null || j.archs() == null || j.seconds() == null) {
      throw new IllegalArgumentException("campaign spec needs programs, archs and seconds");
    }
    return new CampaignSpec(j.programs(), j.archs(), j.seconds(), j.allow_emulated() == null || j.allow_emulated());
  }

  /** The spec as JSON. */
  public String toJson() {
    return new Gson().toJson(new Json(programs, archs, seconds, allowEmulated));
  }
}
