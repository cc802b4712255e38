-- The schema of `targets export --format sqlite`. Exact decimals are TEXT
-- under the JSON export's field names, each with a REAL `_num` twin for
-- charting; dates are ISO 8601 text. Enumerations are checked with OR chains
-- rather than IN lists, which SQLite evaluates through a temporary table per
-- insert.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE jurisdictions (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    level TEXT NOT NULL
        CHECK (level = 'nation' OR level = 'province' OR level = 'prefecture' OR level = 'county' OR level = 'group'),
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
        CHECK (dimension = 'count' OR dimension = 'data_volume' OR dimension = 'money' OR dimension = 'persons' OR dimension = 'share' OR dimension = 'compute'),
    polarity TEXT NOT NULL
        CHECK (polarity = 'higher_is_better' OR polarity = 'lower_is_better'),
    basis TEXT NOT NULL CHECK (basis = 'stock' OR basis = 'flow'),
    aliases TEXT NOT NULL,   -- a JSON array of strings
    note TEXT,
    broader TEXT REFERENCES metrics (id) DEFERRABLE INITIALLY DEFERRED
);

-- `observations_csv` (the rows of a folder's observations.csv that name no
-- source) is a row without published, status or force.
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    issuer TEXT NOT NULL,
    doc_number TEXT,
    published TEXT,
    published_precision TEXT CHECK (published_precision = 'year' OR published_precision = 'month' OR published_precision = 'day'),
    status TEXT CHECK (status = 'draft' OR status = 'final'),
    force TEXT CHECK (force = 'statement' OR force = 'notice' OR force = 'plan' OR force = 'regulation' OR force = 'law'),
    period TEXT,
    period_start TEXT,
    period_end TEXT,
    url TEXT,
    via TEXT REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
    supersedes TEXT REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
    note TEXT,
    grade TEXT CHECK (grade = 'official' OR grade = 'press' OR grade = 'mirror' OR grade = 'summary')
);

CREATE TABLE targets (
    id TEXT PRIMARY KEY,
    jurisdiction TEXT NOT NULL REFERENCES jurisdictions (code),
    metric TEXT NOT NULL REFERENCES metrics (id),
    comparator TEXT NOT NULL
        CHECK (comparator = 'at_least' OR comparator = 'more_than' OR comparator = 'at_most' OR comparator = 'less_than' OR comparator = 'exactly' OR comparator = 'range'),
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
    deadline_precision TEXT NOT NULL CHECK (deadline_precision = 'year' OR deadline_precision = 'month' OR deadline_precision = 'day'),
    period TEXT,
    period_start TEXT NOT NULL,
    baseline_value TEXT,
    baseline_value_num REAL,
    baseline_unit TEXT,
    baseline_canonical_value TEXT,
    baseline_canonical_value_num REAL,
    baseline_as_of TEXT,
    baseline_as_of_precision TEXT CHECK (baseline_as_of_precision = 'year' OR baseline_as_of_precision = 'month' OR baseline_as_of_precision = 'day'),
    basis TEXT CHECK (basis = 'stock' OR basis = 'flow'),
    source TEXT NOT NULL REFERENCES sources (id),
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE observations (
    id TEXT PRIMARY KEY,
    jurisdiction TEXT NOT NULL REFERENCES jurisdictions (code),
    metric TEXT NOT NULL REFERENCES metrics (id),
    comparator TEXT
        CHECK (comparator = 'at_least' OR comparator = 'more_than' OR comparator = 'at_most' OR comparator = 'less_than' OR comparator = 'exactly' OR comparator = 'range'),
    value TEXT NOT NULL,
    value_num REAL NOT NULL,
    unit TEXT NOT NULL,
    canonical_value TEXT NOT NULL,
    canonical_value_num REAL NOT NULL,
    canonical_unit TEXT NOT NULL,
    as_of TEXT NOT NULL,
    as_of_precision TEXT NOT NULL CHECK (as_of_precision = 'year' OR as_of_precision = 'month' OR as_of_precision = 'day'),
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
        CHECK (comparator = 'at_least' OR comparator = 'more_than' OR comparator = 'at_most' OR comparator = 'less_than' OR comparator = 'exactly' OR comparator = 'range'),
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
    met INTEGER CHECK (met = 0 OR met = 1),
    pace TEXT CHECK (pace = 'linear' OR pace = 'compound'),
    required_rate TEXT,
    required_rate_num REAL,
    observed_rate TEXT,
    observed_rate_num REAL,
    pace_ratio TEXT,
    pace_ratio_num REAL,
    status TEXT NOT NULL
        CHECK (status = 'met' OR status = 'missed' OR status = 'no_data' OR status = 'insufficient_data' OR status = 'on_track' OR status = 'acceleration_needed' OR status = 'limited_progress' OR status = 'moving_away'),
    rank INTEGER,
    projected_value TEXT,
    projected_value_num REAL,
    projected_attainment TEXT,
    trend TEXT CHECK (trend = 'linear' OR trend = 'compound'),
    trend_figures INTEGER,
    trend_r_squared TEXT,
    trend_r_squared_num REAL
);
