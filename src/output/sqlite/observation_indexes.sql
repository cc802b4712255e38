-- The indexes of the observations. A bulk folder's rows keep each of them
-- up as they go in for as long as they arrive in its order, and sort those
-- they do not follow once they are in (see stream.rs): hence IF NOT EXISTS.
--
-- One index serves three filters: jurisdiction; jurisdiction and metric,
-- latest first (the view latest_observations); and metric alone, by a
-- skip-scan over the jurisdictions, which SQLite plans from the statistics
-- ANALYZE leaves in sqlite_stat1 before the commit.
CREATE INDEX IF NOT EXISTS observations_jurisdiction ON observations (jurisdiction, metric, as_of);
CREATE INDEX IF NOT EXISTS observations_as_of ON observations (as_of);
