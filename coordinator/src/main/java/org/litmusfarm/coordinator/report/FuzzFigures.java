package org.litmusfarm.coordinator.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a campaign's fuzzer achieved: budget spent, corpus size, distinct programs run, and per
 * architecture and mode the distinct WEAK signatures (shape, arch, mode, outcome) that catalog
 * programs showed, that mutants showed, and that only mutants showed, with the growth of distinct
 * signatures over time.
 */
public final class FuzzFigures {
  /** The fuzzer's figures. */
  public record Summary(
      int budget, int scheduled, int evaluated, int refused, int corpusSize, int corpusSeeds, int distinctPrograms,
      int mutantViolations, boolean finished, List<Arch> architectures) {
    /** Distinct WEAK signatures only mutants showed, over all architectures and modes. */
    public int fuzzOnlySignatures() {
      return architectures.stream().mapToInt(Arch::fuzzOnly).sum();
    }
  }

  /** One architecture and mode. */
  public record Arch(String arch, String mode, int catalog, int fuzz, int fuzzOnly, List<Point> timeline) {}

  /** {@code signatures} distinct signatures known {@code seconds} after the campaign started. */
  public record Point(double seconds, int signatures) {}

  private final Rows rows;

  FuzzFigures(Rows rows) {
    this.rows = rows;
  }

  Optional<Summary> of(String campaignId) {
    int[] state = null;
    boolean[] finished = {false};
    List<int[]> found = new ArrayList<>();
    rows.query(
        "SELECT f.budget, f.scheduled, f.refused, f.finished_at IS NOT NULL,"
            + " (SELECT count(*) FROM fuzz_mutants m WHERE m.campaign_id = f.campaign_id AND m.state = 'evaluated'),"
            + " (SELECT count(*) FROM fuzz_corpus c WHERE c.campaign_id = f.campaign_id),"
            + " (SELECT count(*) FROM fuzz_corpus c WHERE c.campaign_id = f.campaign_id AND c.origin = 'seed'),"
            + " (SELECT count(DISTINCT j.program_id) FROM jobs j JOIN submissions s ON s.id = j.submission_id"
            + "   WHERE s.campaign_id = f.campaign_id AND j.state = 'done'),"
            + " (SELECT coalesce(sum(m.violations), 0) FROM fuzz_mutants m WHERE m.campaign_id = f.campaign_id)"
            + " FROM fuzz_state f WHERE f.campaign_id = ?",
        rs -> {
          finished[0] = rs.getBoolean(4);
          found.add(new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)});
        },
        campaignId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    state = found.get(0);
    Map<String, Set<String>> catalog = new TreeMap<>();
    Map<String, Set<String>> fuzz = new TreeMap<>();
    rows.query(
        CampaignReport.JOB_MODES
            + ", shapes AS (SELECT s.id AS submission_id, coalesce(m.shape, fc.shape) AS shape, m.seq IS NOT NULL AS mutant"
            + "  FROM submissions s LEFT JOIN fuzz_mutants m ON m.submission_id = s.id"
            + "  LEFT JOIN fuzz_corpus fc ON fc.campaign_id = s.campaign_id AND fc.program_id = s.program_id AND fc.origin = 'seed'"
            + "  WHERE s.campaign_id = ?)"
            + " SELECT DISTINCT jm.arch, jm.mode, sh.shape, oc.outcome, sh.mutant FROM jm JOIN jobs j ON j.id = jm.job_id"
            + " JOIN shapes sh ON sh.submission_id = j.submission_id JOIN outcome_counts oc ON oc.job_id = jm.job_id"
            + " WHERE oc.class = 'WEAK' AND sh.shape IS NOT NULL",
        rs -> {
          String key = rs.getString(1) + "\t" + rs.getString(2);
          String signature = rs.getString(3) + "\t" + rs.getString(4);
          (rs.getBoolean(5) ? fuzz : catalog).computeIfAbsent(key, k -> new HashSet<>()).add(signature);
          (rs.getBoolean(5) ? catalog : fuzz).computeIfAbsent(key, k -> new HashSet<>());
        },
        campaignId, campaignId);
    Map<String, List<Point>> timelines = new TreeMap<>();
    rows.query(
        "SELECT fs.arch, fs.mode, extract(epoch FROM fs.found_at - c.started_at),"
            + " count(*) OVER (PARTITION BY fs.arch, fs.mode ORDER BY fs.found_at, fs.shape, fs.outcome)"
            + " FROM fuzz_signatures fs JOIN campaigns c ON c.id = fs.campaign_id WHERE fs.campaign_id = ?"
            + " ORDER BY fs.arch, fs.mode, fs.found_at, fs.shape, fs.outcome",
        rs -> timelines.computeIfAbsent(rs.getString(1) + "\t" + rs.getString(2), k -> new ArrayList<>())
            .add(new Point(Math.max(0, rs.getDouble(3)), rs.getInt(4))),
        campaignId);
    List<Arch> archs = new ArrayList<>();
    Set<String> keys = new java.util.TreeSet<>(catalog.keySet());
    keys.addAll(fuzz.keySet());
    keys.addAll(timelines.keySet());
    for (String key : keys) {
      Set<String> c = catalog.getOrDefault(key, Set.of());
      Set<String> f = fuzz.getOrDefault(key, Set.of());
      Set<String> only = new HashSet<>(f);
      only.removeAll(c);
      String[] am = key.split("\t", 2);
      archs.add(new Arch(am[0], am[1], c.size(), f.size(), only.size(), timelines.getOrDefault(key, List.of())));
    }
    return Optional.of(new Summary(state[0], state[1], state[3], state[2], state[4], state[5], state[6], state[7],
        finished[0], archs));
  }
}
