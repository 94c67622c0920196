-- The lease must take the oldest queued job a worker may run by walking jobs_leasable from its
-- head, whatever the planner's statistics say. Measured with 1,000 simulated workers: once VACUUM
-- had set the table's size but no column statistics existed yet (or statistics were taken while
-- the queue was nearly empty), the planner estimated 2 queued rows and switched to a bitmap scan
-- plus a sort of every queued job of the architecture, 17,000 rows, on every lease; leases then
-- took seconds until the next ANALYZE, and autovacuum's own ANALYZE came 3 s later. A function
-- can pin planner settings for its own queries: with sorts, bitmap scans and sequential scans off
-- and index scans on, whatever the caller's session says, the only plan left for
-- ORDER BY ... LIMIT 1 is the walk of jobs_leasable from its head.
CREATE FUNCTION next_job(p_arch TEXT, p_emulated BOOLEAN, p_go_versions TEXT[], p_mode TEXT)
  RETURNS TEXT
  LANGUAGE plpgsql
  VOLATILE
  SET enable_sort = off
  SET enable_bitmapscan = off
  SET enable_seqscan = off
  SET enable_indexscan = on
AS $$
DECLARE
  found TEXT;
BEGIN
  SELECT id INTO found FROM jobs
   WHERE state = 'queued' AND goarch = p_arch AND (allow_emulated OR NOT p_emulated)
     AND (go_version = '' OR go_version = ANY (p_go_versions))
     AND (required_mode = '' OR required_mode = p_mode)
   ORDER BY created_at, id
   LIMIT 1
   FOR UPDATE SKIP LOCKED;
  RETURN found;
END
$$;
