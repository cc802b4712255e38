-- Indexes for the usual filters on the catalogue's records, made after the
-- rows are in (a sort each); those of the observations are in
-- observation_indexes.sql, those of progress in views.sql.
CREATE INDEX targets_metric ON targets (metric);
CREATE INDEX targets_jurisdiction ON targets (jurisdiction);
CREATE INDEX targets_deadline ON targets (deadline);
CREATE INDEX targets_source ON targets (source);
CREATE INDEX jurisdictions_parent ON jurisdictions (parent);
