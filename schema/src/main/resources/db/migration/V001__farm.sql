-- The farm's tables. Append-only: change the schema with a new numbered migration, never by
-- editing this one.

-- Programs, identified by the SHA-256 of their canonical .litmus text, decided once by the oracle.
CREATE TABLE programs (
  id          TEXT PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  name        TEXT NOT NULL,
  litmus      TEXT NOT NULL,
  verdict     TEXT NOT NULL CHECK (verdict IN ('SC', 'WEAK', 'FORBIDDEN')),
  racy        BOOLEAN NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every outcome the oracle allows, with its class; any other outcome is FORBIDDEN.
CREATE TABLE program_outcomes (
  program_id  TEXT NOT NULL REFERENCES programs (id),
  outcome     TEXT NOT NULL,
  class       TEXT NOT NULL CHECK (class IN ('SC', 'WEAK')),
  PRIMARY KEY (program_id, outcome)
);

CREATE TABLE workers (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  arch            TEXT NOT NULL,
  mode            TEXT NOT NULL CHECK (mode = 'native' OR mode LIKE 'emulated:%'),
  cpu_model       TEXT NOT NULL,
  cores           INTEGER NOT NULL CHECK (cores > 0),
  go_versions     TEXT[] NOT NULL,
  labels          JSONB NOT NULL DEFAULT '{}',
  farm_version    TEXT NOT NULL,
  registered_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_heartbeat  TIMESTAMPTZ NOT NULL DEFAULT now(),
  jobs_done       BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE campaigns (
  id           TEXT PRIMARY KEY,
  spec_name    TEXT NOT NULL,
  spec_text    TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at  TIMESTAMPTZ
);

CREATE TABLE submissions (
  id           TEXT PRIMARY KEY,
  program_id   TEXT NOT NULL REFERENCES programs (id),
  campaign_id  TEXT REFERENCES campaigns (id),
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The job queue. A job is leased to one worker at a time (FOR UPDATE SKIP LOCKED), only to a
-- worker of its architecture, and to an emulated worker only if allow_emulated.
CREATE TABLE jobs (
  id                TEXT PRIMARY KEY,
  submission_id     TEXT NOT NULL REFERENCES submissions (id),
  program_id        TEXT NOT NULL REFERENCES programs (id),
  goarch            TEXT NOT NULL,
  go_version        TEXT NOT NULL DEFAULT '',
  params            JSONB NOT NULL,
  allow_emulated    BOOLEAN NOT NULL,
  state             TEXT NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed')),
  attempt           INTEGER NOT NULL DEFAULT 0 CHECK (attempt >= 0),
  max_attempts      INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
  worker_id         TEXT REFERENCES workers (id),
  lease_expires_at  TIMESTAMPTZ,
  iterations        BIGINT NOT NULL DEFAULT 0,
  last_error        TEXT,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX jobs_leasable ON jobs (goarch, created_at) WHERE state = 'queued';
CREATE INDEX jobs_expiring ON jobs (lease_expires_at) WHERE state = 'leased';
CREATE INDEX jobs_by_submission ON jobs (submission_id);

-- Outcome batches ingested from Kafka; the primary key makes ingestion idempotent.
CREATE TABLE batches (
  job_id       TEXT NOT NULL REFERENCES jobs (id),
  attempt      INTEGER NOT NULL,
  sequence     INTEGER NOT NULL,
  iterations   BIGINT NOT NULL CHECK (iterations >= 0),
  elapsed_ns   BIGINT NOT NULL CHECK (elapsed_ns >= 0),
  arch         TEXT NOT NULL,
  mode         TEXT NOT NULL,
  cpu_model    TEXT NOT NULL,
  cores        INTEGER NOT NULL,
  go_version   TEXT NOT NULL,
  worker_id    TEXT NOT NULL,
  ingested_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, attempt, sequence)
);

-- Observed counts per job and outcome, summed over the job's batches, classified on ingest.
CREATE TABLE outcome_counts (
  job_id      TEXT NOT NULL REFERENCES jobs (id),
  outcome     TEXT NOT NULL,
  class       TEXT NOT NULL CHECK (class IN ('SC', 'WEAK', 'FORBIDDEN')),
  count       BIGINT NOT NULL CHECK (count >= 0),
  first_seen  TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen   TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, outcome)
);
CREATE INDEX outcome_counts_by_class ON outcome_counts (class) WHERE class <> 'SC';

-- Every FORBIDDEN outcome observed, per program and provenance. Emulated rows are kept apart from
-- native ones by mode.
CREATE TABLE violations (
  id          BIGSERIAL PRIMARY KEY,
  program_id  TEXT NOT NULL REFERENCES programs (id),
  arch        TEXT NOT NULL,
  mode        TEXT NOT NULL,
  cpu_model   TEXT NOT NULL,
  go_version  TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  count       BIGINT NOT NULL CHECK (count > 0),
  first_seen  TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen   TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (program_id, arch, mode, cpu_model, go_version, outcome)
);
CREATE INDEX violations_newest ON violations (last_seen DESC);
