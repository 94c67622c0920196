package org.litmusfarm.coordinator.campaign;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.emit.HarnessParams;

/**
 * A named, versioned campaign: which catalog tests, on which architectures and execution modes,
 * with which Go toolchains, for how long each, under which harness parameter sets, how much
 * outcome-guided fuzzing, and the seed that makes harness runs and mutants reproducible. Written
 * as JSON (see {@code campaigns/nightly.json} and the README); {@link #parse} checks every field
 * and names the spec and field at fault.
 *
 * @param name the spec's name (its file is {@code campaigns/NAME.json})
 * @param version the spec's version, raised whenever its meaning changes
 * @param description what the campaign is for
 * @param selection the catalog tests it runs
 * @param programs the selected tests' names, in catalog order
 * @param archs GOARCH names
 * @param allowEmulated whether emulated workers may run the jobs (modes native and emulated)
 * @param toolchains Go versions to build with, as workers report them (e.g. {@code go1.19.8});
 *     {@code ""} (written {@code "default"}) is each worker's default toolchain
 * @param seconds hammering time per program, architecture, toolchain and harness set (0 when
 *     iterations are given)
 * @param iterations iterations per run instead of a time (0 when seconds are given)
 * @param harness harness parameter sets; every program runs once per set
 * @param fuzz the fuzzing budget, if the campaign fuzzes
 * @param seed seed of harness runs and of the mutator
 */
public record CampaignSpec(
    String name,
    int version,
    String description,
    CatalogSelection selection,
    List<String> programs,
    List<String> archs,
    boolean allowEmulated,
    List<String> toolchains,
    double seconds,
    long iterations,
    List<HarnessSet> harness,
    Optional<FuzzBudget> fuzz,
    long seed) {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");
  static final Pattern GO_VERSION = Pattern.compile("go[0-9][0-9A-Za-z.+-]{0,40}");
  static final String DEFAULT_TOOLCHAIN = "default";
  static final int MAX_JOBS = 20_000;

  private static final Set<String> TOP =
      Set.of("name", "version", "description", "select", "programs", "archs", "modes", "allow_emulated",
          "toolchains", "seconds", "iterations", "harness", "fuzz", "seed");
  private static final Set<String> SELECT = Set.of("all", "names", "shapes", "globs");
  private static final Set<String> HARNESS = Set.of("instances", "stride", "affinity", "stress", "sync");
  private static final Set<String> FUZZ = Set.of("mutants", "seconds", "parallel");

  public CampaignSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(description);
    Objects.requireNonNull(selection);
    programs = List.copyOf(programs);
    archs = List.copyOf(archs);
    toolchains = List.copyOf(toolchains);
    harness = List.copyOf(harness);
    Objects.requireNonNull(fuzz);
  }

  /**
   * Reads and checks a spec; {@code origin} (a file name, or {@code "spec"}) starts every error
   * message, and catalog selections are resolved against {@code catalog}.
   *
   * @throws InvalidSpecException naming origin and field when anything is wrong
   */
  public static CampaignSpec parse(String origin, String text, Catalog catalog) {
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new InvalidSpecException(origin, "", "not valid JSON: " + rootCause(e));
    }
    if (!root.isJsonObject()) {
      throw new InvalidSpecException(origin, "", "must be a JSON object");
    }
    SpecFields f = new SpecFields(origin, "", root.getAsJsonObject(), TOP);
    String name = f.string("name").orElseThrow(() -> f.invalid("name", "is required"));
    if (!NAME.matcher(name).matches()) {
      throw f.invalid("name", "must be 1-64 letters, digits, '.', '_' or '-', not '" + name + "'");
    }
    int version = (int) (long) f.integer("version", 1, Integer.MAX_VALUE).orElseThrow(() -> f.invalid("version", "is required (1 or more)"));
    CatalogSelection selection = selection(f);
    List<String> programs = selection.resolve(catalog, origin).stream().map(CatalogEntry::name).toList();
    List<String> archs = distinct(f, "archs", f.strings("archs").orElseThrow(() -> f.invalid("archs", "is required, e.g. [\"amd64\", \"arm64\"]")));
    if (archs.isEmpty() || archs.size() > 16) {
      throw f.invalid("archs", "must name 1 to 16 architectures");
    }
    for (int i = 0; i < archs.size(); i++) {
      if (!ARCH.matcher(archs.get(i)).matches()) {
        throw f.invalid("archs[" + i + "]", "must be a GOARCH such as amd64, not '" + archs.get(i) + "'");
      }
    }
    boolean allowEmulated = modes(f);
    List<String> toolchains = toolchains(f);
    double seconds = f.number("seconds").orElse(0.0);
    long iterations = f.integer("iterations", 1, Long.MAX_VALUE).orElse(0L);
    if (f.has("seconds") == f.has("iterations")) {
      throw f.invalid("seconds", "give exactly one of seconds and iterations per program");
    }
    if (f.has("seconds") && (!(seconds > 0) || seconds > HarnessParams.MAX_TIME.toSeconds())) {
      throw f.invalid("seconds", "must be more than 0 and at most " + HarnessParams.MAX_TIME.toSeconds());
    }
    List<HarnessSet> harness = new ArrayList<>();
    if (f.has("harness")) {
      for (SpecFields h : f.objects("harness", HARNESS)) {
        harness.add(HarnessSet.read(h));
      }
      if (harness.isEmpty()) {
        throw f.invalid("harness", "must hold at least one parameter set (or be left out for the defaults)");
      }
    } else {
      harness.add(HarnessSet.DEFAULT);
    }
    Optional<FuzzBudget> fuzz = fuzz(f, seconds > 0 ? seconds : 1);
    long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(1L);
    long jobs = (long) programs.size() * archs.size() * toolchains.size() * harness.size();
    if (jobs > MAX_JOBS) {
      throw f.invalid("", "would create " + jobs + " jobs (programs x archs x toolchains x harness sets); at most " + MAX_JOBS);
    }
    return new CampaignSpec(name, version, f.string("description").orElse(""), selection, programs, archs,
        allowEmulated, toolchains, seconds, iterations, harness, fuzz, seed);
  }

  private static CatalogSelection selection(SpecFields f) {
    if (f.has("programs") && f.has("select")) {
      throw f.invalid("programs", "give select or programs, not both");
    }
    if (f.has("programs")) {
      return new CatalogSelection(false, f.strings("programs").orElseThrow(), List.of(), List.of());
    }
    SpecFields s = f.object("select", SELECT).orElseThrow(() -> f.invalid("select", "is required, e.g. {\"shapes\": [\"SB\"]} or {\"all\": true}"));
    CatalogSelection sel =
        new CatalogSelection(
            s.bool("all").orElse(false), s.strings("names").orElse(List.of()), s.strings("shapes").orElse(List.of()),
            s.strings("globs").orElse(List.of()));
    if (sel.isEmpty()) {
      throw f.invalid("select", "selects nothing: give all, names, shapes or globs");
    }
    return sel;
  }

  private static boolean modes(SpecFields f) {
    if (f.has("modes") && f.has("allow_emulated")) {
      throw f.invalid("allow_emulated", "give modes or allow_emulated, not both");
    }
    if (f.has("allow_emulated")) {
      return f.bool("allow_emulated").orElseThrow();
    }
    List<String> modes = distinct(f, "modes", f.strings("modes").orElse(List.of("native", "emulated")));
    if (modes.isEmpty() || !modes.stream().allMatch(m -> m.equals("native") || m.equals("emulated"))) {
      throw f.invalid("modes", "must be [\"native\"] or [\"native\", \"emulated\"], not " + modes);
    }
    if (!modes.contains("native")) {
      throw f.invalid("modes", "must include native: a job cannot be kept off native workers, only off emulated ones");
    }
    return modes.contains("emulated");
  }

  private static List<String> toolchains(SpecFields f) {
    List<String> given = distinct(f, "toolchains", f.strings("toolchains").orElse(List.of(DEFAULT_TOOLCHAIN)));
    if (given.isEmpty() || given.size() > 8) {
      throw f.invalid("toolchains", "must name 1 to 8 toolchains");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String t = given.get(i);
      if (t.equals(DEFAULT_TOOLCHAIN)) {
        out.add("");
      } else if (GO_VERSION.matcher(t).matches()) {
        out.add(t);
      } else {
        throw f.invalid("toolchains[" + i + "]", "must be \"default\" or a Go version as workers report it, e.g. go1.19.8, not '" + t + "'");
      }
    }
    return out;
  }

  private static Optional<FuzzBudget> fuzz(SpecFields f, double defaultSeconds) {
    Optional<SpecFields> fz = f.object("fuzz", FUZZ);
    if (fz.isEmpty()) {
      return Optional.empty();
    }
    SpecFields z = fz.get();
    int mutants = (int) (long) z.integer("mutants", 0, FuzzBudget.MAX_MUTANTS).orElseThrow(() -> z.invalid(z.field("mutants"), "is required: how many mutants to run"));
    double seconds = z.number("seconds").orElse(defaultSeconds);
    if (!(seconds > 0) || seconds > 3600) {
      throw z.invalid(z.field("seconds"), "must be more than 0 and at most 3600");
    }
    int parallel = (int) (long) z.integer("parallel", 1, 1000).orElse(6L);
    return mutants == 0 ? Optional.empty() : Optional.of(new FuzzBudget(mutants, seconds, parallel));
  }

  private static List<String> distinct(SpecFields f, String key, List<String> values) {
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (!seen.add(v)) {
        throw f.invalid(key, "names '" + v + "' twice");
      }
    }
    return values;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** This spec on {@code newArchs} only (e.g. those a local farm serves). */
  public CampaignSpec withArchs(List<String> newArchs) {
    return new CampaignSpec(name, version, description, selection, programs, newArchs, allowEmulated, toolchains,
        seconds, iterations, harness, fuzz, seed);
  }

  /** This spec with {@code s} seconds per program (and per mutant, if it fuzzes). */
  public CampaignSpec withSeconds(double s) {
    Optional<FuzzBudget> f = fuzz.map(b -> new FuzzBudget(b.mutants(), s, b.parallel()));
    return new CampaignSpec(name, version, description, selection, programs, archs, allowEmulated, toolchains,
        s, 0, harness, f, seed);
  }

  /** The spec as JSON that {@link #parse} reads back to an equal spec. */
  public String toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("version", version);
    if (!description.isEmpty()) {
      o.addProperty("description", description);
    }
    JsonObject sel = new JsonObject();
    if (selection.all()) {
      sel.addProperty("all", true);
    }
    addStrings(sel, "names", selection.names());
    addStrings(sel, "shapes", selection.shapes());
    addStrings(sel, "globs", selection.globs());
    o.add("select", sel);
    addStrings(o, "archs", archs);
    addStrings(o, "modes", allowEmulated ? List.of("native", "emulated") : List.of("native"));
    addStrings(o, "toolchains", toolchains.stream().map(t -> t.isEmpty() ? DEFAULT_TOOLCHAIN : t).toList());
    if (iterations > 0) {
      o.addProperty("iterations", iterations);
    } else {
      o.addProperty("seconds", seconds);
    }
    JsonArray h = new JsonArray();
    for (HarnessSet s : harness) {
      JsonObject j = new JsonObject();
      if (s.instances() != 0) {
        j.addProperty("instances", s.instances());
      }
      if (s.stride() != 0) {
        j.addProperty("stride", s.stride());
      }
      if (s.affinity()) {
        j.addProperty("affinity", true);
      }
      if (s.stress() != 0) {
        j.addProperty("stress", s.stress());
      }
      if (!s.sync().isEmpty()) {
        j.addProperty("sync", s.sync());
      }
      h.add(j);
    }
    o.add("harness", h);
    fuzz.ifPresent(b -> {
      JsonObject j = new JsonObject();
      j.addProperty("mutants", b.mutants());
      j.addProperty("seconds", b.seconds());
      j.addProperty("parallel", b.parallel());
      o.add("fuzz", j);
    });
    o.addProperty("seed", seed);
    Gson gson = new GsonBuilder().setPrettyPrinting().create();
    return gson.toJson(o) + "\n";
  }

  private static void addStrings(JsonObject o, String key, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    o.add(key, a);
  }
}
