package org.litmusfarm.dashboard.read;

/**
 * SQL for what happened to a set of jobs, read live (the program page; other pages read the
 * {@code job_results} rollup, which holds the same per job): each job's mode, CPU model and Go
 * version are those of its latest batch (as in the coordinator's results), its iterations the sum
 * of its batches.
 */
final class JobRuns {
  private JobRuns() {}

  /**
   * A {@code WITH} clause defining {@code sj} (the jobs {@code scope} selects, with columns id,
   * program_id, goarch, state) and {@code jr} (job_id, mode, cpu_model, go_version, iterations)
   * for the jobs of {@code sj} that have batches.
   */
  static String with(String scope) {
    return "WITH sj AS (" + scope + "),"
        + " jr AS (SELECT b.job_id,"
        + " (array_agg(b.mode ORDER BY b.attempt DESC, b.sequence DESC))[1] AS mode,"
        + " (array_agg(b.cpu_model ORDER BY b.attempt DESC, b.sequence DESC))[1] AS cpu_model,"
        + " (array_agg(b.go_version ORDER BY b.attempt DESC, b.sequence DESC))[1] AS go_version,"
        + " sum(b.iterations) AS iterations"
        + " FROM sj JOIN batches b ON b.job_id = sj.id GROUP BY b.job_id) ";
  }

  /** The jobs of one program. */
  static final String PROGRAM_JOBS = "SELECT j.id, j.program_id, j.goarch, j.state FROM jobs j WHERE j.program_id = ?";
}
