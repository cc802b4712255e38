"""What the polars and pandas scripts share: reading the small TOML files of a
data folder, the unit table, date rules and the output columns.

The heavy work (reading observations.csv, finding each target's latest and
first figures, the formulas, the ranks) is done by each engine in its own
script, the way an analyst would write it.

The scripts cover the bulk layout that `targets synth` writes: targets and
observations in targets.csv and observations.csv, plain decimal numbers with
a separate unit, no baselines, ranges or bound figures. They stop with an
error on anything else rather than give a different answer.
"""

import calendar
import datetime as dt
import pathlib
import sys
import tomllib

# The output columns of `targets progress --format csv`.
COLUMNS = [
    "target_id", "jurisdiction", "metric", "comparator", "target_value", "unit",
    "deadline", "latest_value", "latest_as_of", "progress", "gap", "met", "pace",
    "required_rate", "observed_rate", "pace_ratio", "status", "rank",
]

DAYS_PER_YEAR = 365.2425
BANDS = (0.95, 0.60, 0.0)  # on_track, acceleration_needed, limited_progress

# Base units: symbol -> (dimension, power of ten to the canonical unit).
BASES = {
    "count": ("count", 0), "个": ("count", 0), "家": ("count", 0), "项": ("count", 0),
    "项次": ("count", 0), "件": ("count", 0), "款": ("count", 0), "座": ("count", 0),
    "条": ("count", 0), "套": ("count", 0), "台": ("count", 0), "次": ("count", 0),
    "批": ("count", 0), "所": ("count", 0), "类": ("count", 0), "种": ("count", 0),
    "部": ("count", 0), "篇": ("count", 0), "份": ("count", 0), "张": ("count", 0),
    "笔": ("count", 0),
    "TB": ("data_volume", 0), "GB": ("data_volume", -3), "PB": ("data_volume", 3),
    "EB": ("data_volume", 6),
    "CNY": ("money", 0), "元": ("money", 0),
    "person": ("persons", 0), "人": ("persons", 0), "名": ("persons", 0),
    "percent": ("share", 0), "%": ("share", 0),
    "PFLOPS": ("compute", 0), "TFLOPS": ("compute", -3), "EFLOPS": ("compute", 3),
}
CANONICAL = {
    "count": "count", "data_volume": "TB", "money": "CNY", "persons": "person",
    "share": "percent", "compute": "PFLOPS",
}
MAGNITUDES = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
COMPOUND = {"data_volume", "money"}


def fail(message):
    sys.exit(f"error: {message}")


def unit(text):
    """(dimension, power of ten) of a unit as written: 个, TB, 亿元, 万元 ..."""
    text = text.strip()
    exponent, last, i = 0, 0, 0
    while i < len(text) and text[i] in MAGNITUDES:
        e = MAGNITUDES[text[i]]
        if e <= last:
            fail(f"ill-formed unit {text!r}")
        exponent, last, i = exponent + e, e, i + 1
    base = text[i:]
    match = BASES.get(base) or next(
        (v for k, v in BASES.items() if k.lower() == base.lower()), None)
    if match is None:
        fail(f"unknown unit {text!r}")
    return match[0], match[1] + exponent


def all_units():
    """Every unit as written (base symbols, with each magnitude prefix that
    can stand before them) -> (dimension, power of ten)."""
    prefixes = {"": 0}
    for combo in ["十", "百", "千", "万", "亿", "十万", "百万", "千万", "十亿", "百亿", "千亿",
                  "万亿", "十万亿", "百万亿", "千万亿"]:
        prefixes[combo] = sum(MAGNITUDES[c] for c in combo)
    table = {}
    for base, (dim, exp) in BASES.items():
        for prefix, e in prefixes.items():
            if prefix and dim == "share":
                continue
            table[prefix + base] = (dim, exp + e)
    return table


def partial_date(text):
    """(first day, last day) of a year, a month or a day."""
    text = str(text)
    parts = text.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = int(parts[1])
    if len(parts) == 2:
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    d = dt.date(y, m, int(parts[2]))
    return d, d


def toml_date(value):
    if isinstance(value, dt.date):
        return value, value
    return partial_date(value)


def read_toml(folder):
    """Metrics (in file order) and sources of a data folder."""
    folder = pathlib.Path(folder)
    with open(folder / "metrics.toml", "rb") as f:
        metrics = tomllib.load(f).get("metric", [])
    sources = {}
    for path in sorted((folder / "sources").glob("*.toml")):
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        if doc.get("target") or doc.get("observation"):
            fail(f"{path}: targets and observations in TOML are not covered by this script")
        s = doc["source"]
        first, last = toml_date(s["published"])
        period = s.get("period")
        period_start = partial_date(period.replace("—", "/").split("/")[0])[0] if period else None
        sources[s["id"]] = {
            "published_first": first,
            "published_last": last,
            "published_year_start": dt.date(first.year, 1, 1),
            "period_start": period_start,
            "status": s["status"],
            "force": s["force"],
            "supersedes": s.get("supersedes"),
        }
    return metrics, sources


FORCE = {"statement": 0, "notice": 1, "plan": 2, "regulation": 3, "law": 4}


def source_table(sources, as_of):
    """Per source: in force on as_of, its rank for ties, and the period start
    its targets fall back to."""
    rows = []
    for sid, s in sources.items():
        superseded = any(
            o["supersedes"] == sid and o["published_last"] <= as_of for o in sources.values())
        rows.append({
            "source": sid,
            "in_force": s["published_last"] <= as_of and not superseded,
            "force": FORCE[s["force"]],
            "final": s["status"] == "final",
            "published": s["published_last"],
            "source_period_start": s["period_start"] or s["published_year_start"],
        })
    return rows


def parse_as_of(text):
    return dt.date.fromisoformat(text)
