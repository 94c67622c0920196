-- What the dashboard adds: the triage people do of observed outcomes, a rollup of WEAK outcomes
-- for the review page, and the indexes its pages need to answer quickly with millions of counts.

-- One triage state and note per program, architecture, execution mode and outcome, set by people
-- on the dashboard. Without a row an outcome is 'new'. Applies to WEAK outcomes and to violations.
CREATE TABLE triage (
  program_id  TEXT NOT NULL REFERENCES programs (id),
  arch        TEXT NOT NULL,
  mode        TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('new', 'expected', 'interesting', 'reported')),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, arch, mode, outcome)
);

-- Program pages and reproducers find a program's jobs; campaign pages a campaign's submissions.
CREATE INDEX jobs_by_program ON jobs (program_id);
CREATE INDEX submissions_by_campaign ON submissions (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX campaigns_newest ON campaigns (started_at DESC, id);

-- Every WEAK outcome observed, summed per program, architecture and execution mode (the mode of a
-- job is that of its latest batch, as in the coordinator's results), with the iterations of those
-- jobs for frequencies. Aggregating a million counts takes about a second, far over a page's
-- budget, so the dashboard refreshes this view in the background when new batches arrive.
CREATE MATERIALIZED VIEW weak_outcomes AS
WITH job_runs AS (
  SELECT b.job_id,
         (array_agg(b.mode ORDER BY b.attempt DESC, b.sequence DESC))[1] AS mode,
         sum(b.iterations) AS iterations
  FROM batches b
  GROUP BY b.job_id
),
program_runs AS (
  SELECT j.program_id, j.goarch AS arch, r.mode, sum(r.iterations) AS iterations, count(*) AS jobs
  FROM job_runs r JOIN jobs j ON j.id = r.job_id
  GROUP BY 1, 2, 3
)
SELECT j.program_id, j.goarch AS arch, r.mode, oc.outcome,
       sum(oc.count)::BIGINT AS count,
       count(*)::INTEGER AS jobs_seen,
       pr.iterations::BIGINT AS iterations,
       pr.jobs::INTEGER AS jobs_run,
       min(oc.first_seen) AS first_seen,
       max(oc.last_seen) AS last_seen
FROM outcome_counts oc
JOIN jobs j ON j.id = oc.job_id
JOIN job_runs r ON r.job_id = oc.job_id
JOIN program_runs pr ON pr.program_id = j.program_id AND pr.arch = j.goarch AND pr.mode = r.mode
WHERE oc.class = 'WEAK'
GROUP BY j.program_id, j.goarch, r.mode, oc.outcome, pr.iterations, pr.jobs
WITH NO DATA;
CREATE UNIQUE INDEX weak_outcomes_key ON weak_outcomes (program_id, arch, mode, outcome);
CREATE INDEX weak_outcomes_by_arch ON weak_outcomes (arch, mode);
