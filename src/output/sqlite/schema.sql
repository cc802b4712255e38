-- The schema of `targets export --format sqlite`. Exact decimals are TEXT
-- under the JSON export's field names, each with a REAL `_num` twin for
-- charting; dates are ISO 8601 text.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE jurisdictions (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    level TEXT NOT NULL
        CHECK (level IN ('nation', 'province', 'prefecture', 'county', 'group')),
    parent TEXT REFERENCES jurisdictions (code) DEFERRABLE INITIALLY DEFERRED,
    aliases TEXT NOT NULL,   -- a JSON array of strings
    members TEXT NOT NULL,   -- a JSON array of codes
    note TEXT
);

CREATE TABLE metrics (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    dimension TEXT NOT NULL
        CHECK (dimension IN ('count', 'data_volume', 'money', 'persons', 'share', 'compute')),
    polarity TEXT NOT NULL
        CHECK (polarity IN ('higher_is_better', 'lower_is_better')),
    basis TEXT NOT NULL CHECK (basis IN ('stock', 'flow')),
    aliases TEXT NOT NULL,   -- a JSON array of strings
    note TEXT
);

-- `observations_csv` (the rows of a folder's observations.csv that name no
-- source) is a row without published, status or force.
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    issuer TEXT NOT NULL,
    doc_number TEXT,
    published TEXT,
    published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day')),
    status TEXT CHECK (status IN ('draft', 'final')),
    force TEXT CHECK (force IN ('statement', 'notice', 'plan', 'regulation', 'law')),
    period TEXT,
    period_start TEXT,
    period_end TEXT,
    url TEXT,
    via TEXT REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
    supersedes TEXT REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
    note TEXT
);

CREATE TABLE targets (
    id TEXT PRIMARY KEY,
    jurisdiction TEXT NOT NULL REFERENCES jurisdictions (code),
    metric TEXT NOT NULL REFERENCES metrics (id),
    comparator TEXT NOT NULL
        CHECK (comparator IN ('at_least', 'more_than', 'at_most', 'less_than', 'exactly', 'range')),
    value TEXT NOT NULL,
    value_num REAL NOT NULL,
    upper TEXT,
    upper_num REAL,
    unit TEXT NOT NULL,
    canonical_value TEXT NOT NULL,
    canonical_value_num REAL NOT NULL,
    canonical_upper TEXT,
    canonical_upper_num REAL,
    canonical_unit TEXT NOT NULL,
    deadline TEXT NOT NULL,
    deadline_precision TEXT NOT NULL CHECK (deadline_precision IN ('year', 'month', 'day')),
    period TEXT,
    period_start TEXT NOT NULL,
    baseline_value TEXT,
    baseline_value_num REAL,
    baseline_unit TEXT,
    baseline_canonical_value TEXT,
    baseline_canonical_value_num REAL,
    baseline_as_of TEXT,
    baseline_as_of_precision TEXT CHECK (baseline_as_of_precision IN ('year', 'month', 'day')),
    basis TEXT CHECK (basis IN ('stock', 'flow')),
    source TEXT NOT NULL REFERENCES sources (id),
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE observations (
    id TEXT PRIMARY KEY,
    jurisdiction TEXT NOT NULL REFERENCES jurisdictions (code),
    metric TEXT NOT NULL REFERENCES metrics (id),
    comparator TEXT
        CHECK (comparator IN ('at_least', 'more_than', 'at_most', 'less_than', 'exactly', 'range')),
    value TEXT NOT NULL,
    value_num REAL NOT NULL,
    unit TEXT NOT NULL,
    canonical_value TEXT NOT NULL,
    canonical_value_num REAL NOT NULL,
    canonical_unit TEXT NOT NULL,
    as_of TEXT NOT NULL,
    as_of_precision TEXT NOT NULL CHECK (as_of_precision IN ('year', 'month', 'day')),
    source TEXT NOT NULL REFERENCES sources (id),
    quote TEXT NOT NULL,
    note TEXT
);

-- The answer of `targets progress` on the as-of date in `meta`.
CREATE TABLE progress (
    target_id TEXT PRIMARY KEY REFERENCES targets (id),
    jurisdiction TEXT NOT NULL REFERENCES jurisdictions (code),
    metric TEXT NOT NULL REFERENCES metrics (id),
    comparator TEXT NOT NULL
        CHECK (comparator IN ('at_least', 'more_than', 'at_most', 'less_than', 'exactly', 'range')),
    target_value TEXT NOT NULL,
    target_value_num REAL NOT NULL,
    unit TEXT NOT NULL,
    deadline TEXT NOT NULL,
    latest_value TEXT,
    latest_value_num REAL,
    latest_as_of TEXT,
    progress TEXT,
    progress_num REAL,
    gap TEXT,
    gap_num REAL,
    met INTEGER CHECK (met IN (0, 1)),
    pace TEXT CHECK (pace IN ('linear', 'compound')),
    required_rate TEXT,
    required_rate_num REAL,
    observed_rate TEXT,
    observed_rate_num REAL,
    pace_ratio TEXT,
    pace_ratio_num REAL,
    status TEXT NOT NULL
        CHECK (status IN ('met', 'missed', 'no_data', 'insufficient_data', 'on_track',
                          'acceleration_needed', 'limited_progress', 'moving_away')),
    rank INTEGER
);
