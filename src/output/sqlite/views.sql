-- The indexes of progress, made once its rows are in, and the views.
CREATE INDEX progress_metric ON progress (metric, rank);
CREATE INDEX progress_jurisdiction ON progress (jurisdiction);

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
