-- The lease query takes the oldest queued job of an architecture, ORDER BY created_at, id. The
-- V001 index (goarch, created_at) left the id tie-break to a sort of every queued job of the
-- architecture: 32 ms per lease with 6,500 queued amd64 jobs. With id in the index the oldest job
-- is its first entry.
DROP INDEX jobs_leasable;
CREATE INDEX jobs_leasable ON jobs (goarch, created_at, id) WHERE state = 'queued';
