-- Violation reduction on the farm: every violation's program is shrunk, by re-running candidates
-- as jobs on the architecture and in the execution mode where the violation was seen, to the
-- smallest program that still shows it. The state lives here, so a reduction survives a
-- coordinator restart (it resumes from the smallest program found so far) and several
-- coordinators never reduce the same violation twice at once.

-- A job that must run in exactly this mode ('' = any mode its architecture and allow_emulated
-- permit): a candidate for an emulated violation must run under the same emulator.
ALTER TABLE jobs ADD COLUMN required_mode TEXT NOT NULL DEFAULT '';

CREATE TABLE reductions (
  id                  BIGSERIAL PRIMARY KEY,
  program_id          TEXT NOT NULL REFERENCES programs (id),
  arch                TEXT NOT NULL,
  mode                TEXT NOT NULL,
  go_version          TEXT NOT NULL,
  -- the FORBIDDEN outcome observed, as the violation row has it
  outcome             TEXT NOT NULL,
  state               TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  owner               TEXT,
  heartbeat_at        TIMESTAMPTZ,
  -- the smallest program that reproduced so far (the original until a candidate does), and the
  -- part of the outcome that makes it forbidden
  current_program_id  TEXT NOT NULL REFERENCES programs (id),
  current_outcome     TEXT NOT NULL,
  attempts            INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  accepted            INTEGER NOT NULL DEFAULT 0 CHECK (accepted >= 0),
  original_size       TEXT NOT NULL DEFAULT '',
  reduced_size        TEXT NOT NULL DEFAULT '',
  stop                TEXT,
  error               TEXT,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at         TIMESTAMPTZ,
  UNIQUE (program_id, arch, mode)
);
CREATE INDEX reductions_open ON reductions (id) WHERE state IN ('queued', 'running');

-- Every candidate run as a job: what was submitted and whether it showed the violation.
CREATE TABLE reduction_tries (
  reduction_id   BIGINT NOT NULL REFERENCES reductions (id),
  attempt        INTEGER NOT NULL CHECK (attempt > 0),
  program_id     TEXT NOT NULL REFERENCES programs (id),
  submission_id  TEXT NOT NULL REFERENCES submissions (id),
  reproduced     BOOLEAN NOT NULL,
  tried_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (reduction_id, attempt)
);
CREATE INDEX reduction_tries_by_program ON reduction_tries (program_id);
