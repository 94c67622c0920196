-- Campaigns as named, versioned specs; the coordinator's campaign schedule; the outcome-guided
-- fuzzer's corpus, mutants and WEAK outcome signatures. All fuzzing state lives here, so several
-- coordinators may share it and a restart loses nothing.

-- The spec's version as written in its file; whether every job of the catalog part was created
-- (a campaign whose start was interrupted is never mistaken for a finished one).
ALTER TABLE campaigns
  ADD COLUMN spec_version INTEGER NOT NULL DEFAULT 0 CHECK (spec_version >= 0),
  ADD COLUMN jobs_created BOOLEAN NOT NULL DEFAULT true;
CREATE INDEX campaigns_by_spec ON campaigns (spec_name, started_at DESC);
-- submissions_by_campaign, which finding a campaign's jobs needs, comes with V002.

-- A cron schedule that starts a campaign. Each slot fires once across coordinators: the one whose
-- conditional UPDATE of last_fired_at succeeds starts the campaign.
CREATE TABLE campaign_schedules (
  name           TEXT PRIMARY KEY,
  cron           TEXT NOT NULL,
  spec_name      TEXT NOT NULL,
  last_fired_at  TIMESTAMPTZ NOT NULL,
  last_campaign  TEXT REFERENCES campaigns (id)
);

-- One row per campaign with a fuzzing budget: the lock two coordinators take turns on, and how far
-- the budget is spent. finished_at is set once the budget is spent and every mutant evaluated.
CREATE TABLE fuzz_state (
  campaign_id  TEXT PRIMARY KEY REFERENCES campaigns (id),
  seed         BIGINT NOT NULL,
  budget       INTEGER NOT NULL CHECK (budget >= 0),
  scheduled    INTEGER NOT NULL DEFAULT 0 CHECK (scheduled >= 0),
  draws        INTEGER NOT NULL DEFAULT 0 CHECK (draws >= 0),
  refused      INTEGER NOT NULL DEFAULT 0 CHECK (refused >= 0),
  finished_at  TIMESTAMPTZ
);

-- The corpus: catalog programs the campaign selected (origin 'seed') and mutants that showed
-- something new (origin 'mutant'). Energy decides how often an entry is picked as a parent.
CREATE TABLE fuzz_corpus (
  campaign_id  TEXT NOT NULL REFERENCES fuzz_state (campaign_id),
  program_id   TEXT NOT NULL REFERENCES programs (id),
  position     INTEGER NOT NULL CHECK (position >= 0),
  shape        TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('seed', 'mutant')),
  energy       INTEGER NOT NULL CHECK (energy >= 0),
  picks        INTEGER NOT NULL DEFAULT 0 CHECK (picks >= 0),
  added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, program_id),
  UNIQUE (campaign_id, position)
);

-- Every mutant the fuzzer scheduled, in order, with what its results showed once evaluated.
CREATE TABLE fuzz_mutants (
  campaign_id     TEXT NOT NULL REFERENCES fuzz_state (campaign_id),
  seq             INTEGER NOT NULL CHECK (seq >= 0),
  program_id      TEXT NOT NULL REFERENCES programs (id),
  parent_id       TEXT NOT NULL REFERENCES programs (id),
  shape           TEXT NOT NULL,
  submission_id   TEXT NOT NULL REFERENCES submissions (id),
  state           TEXT NOT NULL CHECK (state IN ('running', 'evaluated')),
  new_signatures  INTEGER NOT NULL DEFAULT 0 CHECK (new_signatures >= 0),
  violations      INTEGER NOT NULL DEFAULT 0 CHECK (violations >= 0),
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  evaluated_at    TIMESTAMPTZ,
  PRIMARY KEY (campaign_id, seq),
  UNIQUE (campaign_id, program_id)
);
CREATE INDEX fuzz_mutants_running ON fuzz_mutants (campaign_id) WHERE state = 'running';
CREATE INDEX fuzz_mutants_by_submission ON fuzz_mutants (submission_id);

-- Distinct WEAK outcome signatures a fuzzing campaign observed: (shape, arch, mode, outcome), the
-- first program that showed it, and whether a catalog program or a mutant showed it first.
CREATE TABLE fuzz_signatures (
  campaign_id  TEXT NOT NULL REFERENCES fuzz_state (campaign_id),
  shape        TEXT NOT NULL,
  arch         TEXT NOT NULL,
  mode         TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  program_id   TEXT NOT NULL REFERENCES programs (id),
  source       TEXT NOT NULL CHECK (source IN ('catalog', 'fuzz')),
  found_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, shape, arch, mode, outcome)
);
