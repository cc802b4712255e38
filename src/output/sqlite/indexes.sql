-- Indexes for the usual filters, made after the rows are in (a sort each).
CREATE INDEX targets_metric ON targets (metric);
CREATE INDEX targets_jurisdiction ON targets (jurisdiction);
CREATE INDEX targets_deadline ON targets (deadline);
CREATE INDEX targets_source ON targets (source);
-- One index serves three filters on the observations: jurisdiction;
-- jurisdiction and metric, latest first (the view latest_observations); and
-- metric alone, by a skip-scan over the jurisdictions, which SQLite plans
-- from the statistics ANALYZE leaves in sqlite_stat1 before the commit.
CREATE INDEX observations_jurisdiction ON observations (jurisdiction, metric, as_of);
CREATE INDEX observations_as_of ON observations (as_of);
CREATE INDEX progress_metric ON progress (metric, rank);
CREATE INDEX progress_jurisdiction ON progress (jurisdiction);
CREATE INDEX jurisdictions_parent ON jurisdictions (parent);

-- The latest figure per jurisdiction and metric (the last as_of; of several
-- on that date, the last id).
CREATE VIEW latest_observations AS
SELECT o.*
FROM observations AS o
WHERE o.id = (
    SELECT o2.id FROM observations AS o2
    WHERE o2.jurisdiction = o.jurisdiction AND o2.metric = o.metric
    ORDER BY o2.as_of DESC, o2.id DESC
    LIMIT 1
);

-- Each target per million residents: its canonical value divided by the
-- latest resident population of its jurisdiction, in millions.
CREATE VIEW targets_per_capita AS
SELECT t.id AS target_id,
       t.jurisdiction,
       t.metric,
       t.comparator,
       t.canonical_value,
       t.canonical_unit,
       t.deadline,
       p.canonical_value AS population,
       p.as_of AS population_as_of,
       t.canonical_value_num / (p.canonical_value_num / 1000000.0) AS per_million_residents
FROM targets AS t
JOIN latest_observations AS p
  ON p.jurisdiction = t.jurisdiction AND p.metric = 'resident_population'
WHERE p.canonical_value_num > 0;
