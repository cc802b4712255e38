"""Checks that the outputs of policy-targets (exact decimals) and of the
polars and pandas scripts (floats) agree.

    python compare.py EXACT_CSV OTHER_CSV [OTHER_CSV ...]

Rows are matched by target_id; the same targets must be present.

- Text columns (jurisdiction, metric, comparator, unit, deadline,
  latest_as_of, pace, status, met) must be equal.
- target_value, latest_value and gap: within 1e-9 relative (gap relative to
  the target value, as it is a difference of two figures of that size).
- progress, required_rate, observed_rate and pace_ratio: policy-targets
  rounds them to 6 places (half to even); the float is rounded the same way
  and the two must agree to 1e-9 relative. A difference is excused only
  where the float lies within 1e-12 (relative) of a rounding midpoint and
  the two differ by one unit in the sixth place.
- status (and met, pace): equal, except where a float quantity lies within
  1e-9 (relative) of the edge that decides it: the pace ratio at a band edge
  (0.95, 0.60, 0) or the latest figure at the target value.
- rank: equal, except in a metric where a progress value was excused above
  (a tie may then fall differently).

Prints a summary per file; exits 1 on any difference not excused.
"""

import csv
import sys
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

TOL = 1e-9
# A float computed in a few operations is within a few units of 2^-52
# (2.2e-16) of the exact value, relatively; 1e-12 leaves room for that and
# no more, so a rounding difference is excused only where it can come from
# the float.
MID_TOL = 1e-12
TEXT = ["jurisdiction", "metric", "comparator", "unit", "deadline", "latest_as_of"]
VALUES = ["target_value", "latest_value", "gap"]
ROUNDED = ["progress", "required_rate", "observed_rate", "pace_ratio"]
BANDS = [0.95, 0.60, 0.0]
MICRO = Decimal("0.000001")


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["target_id"]: row for row in csv.DictReader(f)}


def num(text):
    return None if text in ("", "nan", "NaN", "None") else float(text)


def close(a, b, scale=None):
    if a is None or b is None:
        return a is None and b is None
    scale = max(abs(a), abs(b), abs(scale or 0.0))
    return abs(a - b) <= TOL * scale


def round6(x):
    return Decimal(repr(x)).quantize(MICRO, rounding=ROUND_HALF_EVEN)


def near_midpoint(x, quantum=1e-6):
    """Whether x lies within MID_TOL (relative) of a rounding midpoint: where
    the float's own error can put it on the other side of the midpoint from
    the exact value."""
    k = x / quantum
    mid = (k // 1) + 0.5
    return abs(k - mid) * quantum <= MID_TOL * max(abs(x), quantum)


def compare(exact, other, name):
    problems = defaultdict(list)
    excused = defaultdict(int)
    if set(exact) != set(other):
        missing = sorted(set(exact) - set(other))[:5]
        extra = sorted(set(other) - set(exact))[:5]
        problems["target_id"].append(f"missing {missing}, extra {extra}")
    loose_metrics = set()
    for tid in sorted(set(exact) & set(other)):
        e, o = exact[tid], other[tid]
        for col in TEXT:
            if e[col] != o[col]:
                problems[col].append(f"{tid}: {e[col]!r} vs {o[col]!r}")
        t_value = num(e["target_value"])
        for col in VALUES:
            a, b = num(e[col]), num(o[col])
            scale = t_value if col == "gap" else None
            if not close(a, b, scale):
                problems[col].append(f"{tid}: {e[col]} vs {o[col]}")
        for col in ROUNDED:
            a, b = e[col], num(o[col])
            if a == "" or b is None:
                if not (a == "" and b is None):
                    problems[col].append(f"{tid}: {a!r} vs {o[col]!r}")
                continue
            if close(float(Decimal(a)), float(round6(b))):
                continue
            if near_midpoint(b) and abs(Decimal(a) - round6(b)) == MICRO:
                excused[col] += 1
                if col == "progress":
                    loose_metrics.add(e["metric"])
            else:
                problems[col].append(f"{tid}: {a} vs {b!r}")
        # Decisions taken on floats.
        ratio = num(o["pace_ratio"])
        x = num(o["latest_value"])
        at_edge = (ratio is not None and any(abs(ratio - band) <= TOL * max(abs(band), 1.0)
                                             for band in BANDS)) or (
            x is not None and t_value is not None and abs(x - t_value) <= TOL * abs(t_value))
        for col in ["status", "met", "pace"]:
            if e[col] != o[col]:
                if at_edge:
                    excused[col] += 1
                else:
                    problems[col].append(f"{tid}: {e[col]!r} vs {o[col]!r}")
    # Ranks: equal where every tie key agrees.
    for tid in sorted(set(exact) & set(other)):
        e, o = exact[tid], other[tid]
        if e["rank"] != o["rank"]:
            if e["metric"] in loose_metrics:
                excused["rank"] += 1
            else:
                problems["rank"].append(f"{tid}: {e['rank']!r} vs {o['rank']!r}")
    rows = len(set(exact) & set(other))
    ok = not problems
    summary = ", ".join(f"{k} {v}" for k, v in sorted(excused.items())) or "none"
    print(f"{name}: {rows} rows, {'agree' if ok else 'DISAGREE'} (excused near an edge: {summary})")
    for col, items in problems.items():
        print(f"  {col}: {len(items)} differences, e.g. {items[:3]}")
    return ok


def main(paths):
    if len(paths) < 2:
        sys.exit(__doc__)
    exact = read(paths[0])
    ok = True
    for path in paths[1:]:
        ok &= compare(exact, read(path), path)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
