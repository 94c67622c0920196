-- What the dashboard adds: the triage people do of observed outcomes, rollups of results for its
-- pages, and the indexes those pages need to answer quickly with millions of outcome counts.

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

-- Program pages find a program's jobs; campaign pages a campaign's submissions.
CREATE INDEX jobs_by_program ON jobs (program_id);
CREATE INDEX submissions_by_campaign ON submissions (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX campaigns_newest ON campaigns (started_at DESC, id);

-- The rollups below summarise a million outcome counts in a few seconds, far over a page's
-- budget, so the dashboard refreshes them in the background (in this order) when new batches
-- arrive, and pages read them.

-- Every job that has results: where it ran (the mode, CPU and Go version of its latest batch, as in
-- the coordinator's results), its iterations, and the worst class it observed (0 SC, 1 WEAK,
-- 2 FORBIDDEN).
CREATE MATERIALIZED VIEW job_results AS
SELECT r.job_id, s.campaign_id, j.program_id, j.goarch AS arch, r.mode, r.cpu_model, r.go_version,
       r.iterations::BIGINT AS iterations, coalesce(o.worst, 0) AS worst
FROM (SELECT b.job_id,
             (array_agg(b.mode ORDER BY b.attempt DESC, b.sequence DESC))[1] AS mode,
             (array_agg(b.cpu_model ORDER BY b.attempt DESC, b.sequence DESC))[1] AS cpu_model,
             (array_agg(b.go_version ORDER BY b.attempt DESC, b.sequence DESC))[1] AS go_version,
             sum(b.iterations) AS iterations
      FROM batches b GROUP BY b.job_id) r
JOIN jobs j ON j.id = r.job_id
JOIN submissions s ON s.id = j.submission_id
LEFT JOIN (SELECT job_id, max(CASE class WHEN 'FORBIDDEN' THEN 2 ELSE 1 END) AS worst
           FROM outcome_counts WHERE class <> 'SC' GROUP BY job_id) o ON o.job_id = r.job_id
WITH NO DATA;
CREATE UNIQUE INDEX job_results_key ON job_results (job_id);
CREATE INDEX job_results_by_campaign ON job_results (campaign_id);
CREATE INDEX job_results_by_program ON job_results (program_id, arch, mode);

-- What each campaign found per architecture and execution mode: programs with results,
-- iterations, distinct (program, outcome) pairs observed WEAK and FORBIDDEN.
CREATE MATERIALIZED VIEW campaign_results AS
SELECT r.campaign_id, r.arch, r.mode, r.programs, r.iterations,
       coalesce(seen.weak, 0) AS weak, coalesce(seen.forbidden, 0) AS forbidden
FROM (SELECT campaign_id, arch, mode, count(DISTINCT program_id)::INTEGER AS programs,
             sum(iterations)::BIGINT AS iterations
      FROM job_results WHERE campaign_id IS NOT NULL GROUP BY 1, 2, 3) r
LEFT JOIN (SELECT jr.campaign_id, jr.arch, jr.mode,
                  count(DISTINCT (jr.program_id, o.outcome)) FILTER (WHERE o.class = 'WEAK')::INTEGER AS weak,
                  count(DISTINCT (jr.program_id, o.outcome)) FILTER (WHERE o.class = 'FORBIDDEN')::INTEGER AS forbidden
           FROM job_results jr JOIN outcome_counts o ON o.job_id = jr.job_id AND o.class <> 'SC'
           WHERE jr.campaign_id IS NOT NULL GROUP BY 1, 2, 3) seen
  ON seen.campaign_id = r.campaign_id AND seen.arch = r.arch AND seen.mode = r.mode
WITH NO DATA;
CREATE UNIQUE INDEX campaign_results_key ON campaign_results (campaign_id, arch, mode);

-- Jobs per campaign by state; pages trust it only for campaigns that have finished.
CREATE MATERIALIZED VIEW campaign_jobs AS
SELECT s.campaign_id, count(*)::INTEGER AS total,
       count(*) FILTER (WHERE j.state = 'done')::INTEGER AS done,
       count(*) FILTER (WHERE j.state = 'failed')::INTEGER AS failed
FROM submissions s JOIN jobs j ON j.submission_id = s.id
WHERE s.campaign_id IS NOT NULL
GROUP BY s.campaign_id
WITH NO DATA;
CREATE UNIQUE INDEX campaign_jobs_key ON campaign_jobs (campaign_id);

-- Every WEAK outcome observed, summed per program, architecture and execution mode, with the
-- iterations of all the program's jobs there for frequencies.
CREATE MATERIALIZED VIEW weak_outcomes AS
SELECT jr.program_id, jr.arch, jr.mode, o.outcome,
       sum(o.count)::BIGINT AS count,
       count(*)::INTEGER AS jobs_seen,
       pr.iterations,
       pr.jobs AS jobs_run,
       min(o.first_seen) AS first_seen,
       max(o.last_seen) AS last_seen
FROM job_results jr
JOIN outcome_counts o ON o.job_id = jr.job_id AND o.class = 'WEAK'
JOIN (SELECT program_id, arch, mode, sum(iterations)::BIGINT AS iterations, count(*)::INTEGER AS jobs
      FROM job_results GROUP BY 1, 2, 3) pr
  ON pr.program_id = jr.program_id AND pr.arch = jr.arch AND pr.mode = jr.mode
GROUP BY jr.program_id, jr.arch, jr.mode, o.outcome, pr.iterations, pr.jobs
WITH NO DATA;
CREATE UNIQUE INDEX weak_outcomes_key ON weak_outcomes (program_id, arch, mode, outcome);
CREATE INDEX weak_outcomes_by_arch ON weak_outcomes (arch, mode);
