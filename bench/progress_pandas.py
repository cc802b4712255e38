"""`targets progress --format csv` in pandas: the same input, the same output
columns, the same as-of rule, with floats.

    python progress_pandas.py DATA_DIR AS_OF OUTPUT_CSV

read_csv of observations.csv, a merge with the targets that count, a
group-by for each target's latest figure (on or before the as-of date) and
first figure of its period, then the formulas of the design notes (§4) on
numpy arrays. Rates and ratios are written unrounded; ranks use progress
rounded to 6 places and 6 significant digits, as the engine does.
"""

import sys

import numpy as np
import pandas as pd

import common


def last_day(s):
    """The last day of each partial date (YYYY, YYYY-MM or YYYY-MM-DD)."""
    n = s.str.len()
    if (n == 10).all():
        return pd.to_datetime(s, format="%Y-%m-%d")
    out = pd.to_datetime(s.where(n == 10), format="%Y-%m-%d")
    month = n == 7
    out[month] = pd.to_datetime(s[month] + "-01", format="%Y-%m-%d") + pd.offsets.MonthEnd(0)
    year = n == 4
    out[year] = pd.to_datetime(s[year] + "-12-31", format="%Y-%m-%d")
    return out


def first_day(s):
    n = s.str.len()
    text = s.where(n != 4, s + "-01-01").where(n != 7, s + "-01")
    return pd.to_datetime(text, format="%Y-%m-%d")


def tie_key(progress):
    """progress rounded to 6 places and then 6 significant digits, both half
    to even, in millionths (integers, so that the second rounding is exact);
    NaN where there is no progress."""
    p = np.asarray(progress, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    micro = np.round(p[ok] * 1e6).astype(np.int64)
    size = np.abs(micro)
    drop = np.maximum(np.floor(np.log10(np.maximum(size, 1))).astype(np.int64) - 5, 0)
    div = 10 ** drop
    q, r = size // div, size % div
    up = (2 * r > div) | ((2 * r == div) & (q % 2 == 1))
    out[ok] = np.sign(micro) * (q + up) * div
    return out


def main(folder, as_of_text, output):
    as_of = pd.Timestamp(common.parse_as_of(as_of_text))
    metrics, sources = common.read_toml(folder)
    metric_table = pd.DataFrame({
        "metric": [m["id"] for m in metrics],
        "metric_order": range(len(metrics)),
        "dimension": [m["dimension"] for m in metrics],
        "lower_is_better": [m["polarity"] == "lower_is_better" for m in metrics],
    })
    source_table = pd.DataFrame(common.source_table(sources, as_of.date()))
    source_table["published"] = pd.to_datetime(source_table["published"])
    source_table["source_period_start"] = pd.to_datetime(source_table["source_period_start"])
    factor = {u: 10.0 ** e for u, (_, e) in common.all_units().items()}

    # The targets that count (see progress_polars.py).
    t = pd.read_csv(f"{folder}/targets.csv", dtype=str, keep_default_na=False)
    if (t["comparator"] == "range").any():
        common.fail("ranges are not covered by this script")
    t = t.merge(source_table, on="source").merge(metric_table, on="metric")
    t = t[t["in_force"]].copy()
    t["T"] = t["value"].astype(float) * t["unit"].map(factor)
    t["deadline"] = last_day(t["deadline"])
    ps = t["period_start"].replace("", np.nan)
    t["period_start"] = first_day(ps.fillna("1000")).where(ps.notna(), t["source_period_start"])
    t["upcoming"] = t["deadline"] >= as_of
    distance = (t["deadline"] - as_of).dt.days
    t["when"] = np.where(t["upcoming"], -distance, distance)
    t = t.sort_values(["upcoming", "when", "force", "final", "published", "id"],
                      ascending=[False, False, False, False, False, True])
    t = t.drop_duplicates(["jurisdiction", "metric"]).reset_index(drop=True)
    t["t"] = np.arange(len(t))

    # Each target's latest figure and first figure of its period.
    obs = pd.read_csv(
        f"{folder}/observations.csv",
        usecols=["jurisdiction", "metric", "as_of", "value", "unit"],
        dtype={"jurisdiction": str, "metric": str, "as_of": str, "value": float, "unit": str},
    )
    obs["row"] = np.arange(len(obs))
    obs["day"] = last_day(obs["as_of"])
    obs = obs[obs["day"] <= as_of]
    obs["x"] = obs["value"] * obs["unit"].map(factor)
    obs = obs.merge(t[["jurisdiction", "metric", "t", "period_start"]],
                    on=["jurisdiction", "metric"])
    # Latest day wins, then the later row; first: earliest day, then the
    # later row.
    obs = obs.sort_values(["t", "day", "row"])
    latest = obs.groupby("t").tail(1).set_index("t")
    period = obs[obs["day"] >= obs["period_start"]]
    period = period.sort_values(["t", "day", "row"], ascending=[True, True, False])
    first = period.groupby("t").head(1).set_index("t")
    t["x"] = t["t"].map(latest["x"])
    t["t_day"] = t["t"].map(latest["day"])
    t["x0"] = t["t"].map(first["x"])
    t["t0_day"] = t["t"].map(first["day"])

    x, T, x0 = t["x"].to_numpy(), t["T"].to_numpy(), t["x0"].to_numpy()
    comparator = t["comparator"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        met = np.select(
            [comparator == "at_least", comparator == "more_than", comparator == "at_most",
             comparator == "less_than"],
            [x >= T, x > T, x <= T, x < T], default=(x == T))
        elapsed = (t["t_day"] - t["t0_day"]).dt.days.to_numpy(dtype=float, na_value=np.nan)
        left = (t["deadline"] - t["t_day"]).dt.days.to_numpy(dtype=float, na_value=np.nan)
        compound = (t["dimension"].isin(common.COMPOUND).to_numpy()
                    & (x0 > 0) & (x > 0) & (T > 0))
        required = np.where(
            compound, np.exp(np.log(T / x) * common.DAYS_PER_YEAR / left) - 1,
            (T - x) * common.DAYS_PER_YEAR / left)
        observed = np.where(
            compound, np.exp(np.log(x / x0) * common.DAYS_PER_YEAR / elapsed) - 1,
            (x - x0) * common.DAYS_PER_YEAR / elapsed)
        ratio = np.where(
            compound, np.where(required != 0, observed / required, np.nan),
            np.where(T != x, (x - x0) * left / ((T - x) * elapsed), np.nan))
    direction = np.select(
        [T > x, T < x, np.isin(comparator, ["at_least", "more_than"]),
         np.isin(comparator, ["at_most", "less_than"])], [1, -1, 1, -1], default=0)
    on, acc, lim = common.BANDS
    verdict = np.select(
        [ratio >= on, ratio >= acc, ratio >= lim, ~np.isnan(ratio),
         (observed == 0) | (direction == 0),
         ((observed > 0) & (direction == 1)) | ((observed < 0) & (direction == -1))],
        ["on_track", "acceleration_needed", "limited_progress", "moving_away",
         "limited_progress", "on_track"], default="moving_away")
    deadline = t["deadline"]
    past = (deadline < as_of).to_numpy()
    no_figure = np.isnan(x)
    late = (t["t_day"] >= deadline).to_numpy()
    unpaced = t["t0_day"].isna().to_numpy() | (t["t0_day"] >= t["t_day"]).to_numpy()
    status = np.select(
        [no_figure, met.astype(bool), past | late, unpaced],
        ["no_data", "met", "missed", "insufficient_data"], default=verdict)
    paced = ~np.isin(status, ["met", "missed", "no_data", "insufficient_data"])

    out = pd.DataFrame({
        "target_id": t["id"],
        "jurisdiction": t["jurisdiction"],
        "metric": t["metric"],
        "comparator": t["comparator"],
        "target_value": T,
        "unit": t["dimension"].map(common.CANONICAL),
        "deadline": deadline.dt.strftime("%Y-%m-%d"),
        "latest_value": x,
        "latest_as_of": t["t_day"].dt.strftime("%Y-%m-%d"),
        # Lower is better: measured from a baseline, which these targets lack.
        "progress": np.where((T != 0) & ~t["lower_is_better"].to_numpy(dtype=bool), x / T, np.nan),
        "gap": T - x,
        "met": pd.Series(np.where(no_figure, None, np.where(met, "true", "false")),
                         index=t.index),
        "pace": np.where(paced, np.where(compound, "compound", "linear"), None),
        "required_rate": np.where(paced, required, np.nan),
        "observed_rate": np.where(paced, observed, np.nan),
        "pace_ratio": np.where(paced, ratio, np.nan),
        "status": status,
        "metric_order": t["metric_order"],
    })
    # Standard competition ranks by progress within each metric, after
    # rounding to 6 places and 6 significant digits (see tie_key).
    out["key"] = tie_key(out["progress"].to_numpy())
    out["rank"] = out.groupby("metric")["key"].rank(method="min", ascending=False).astype("Int64")
    out = out.sort_values(["metric_order", "rank", "jurisdiction"], na_position="last")
    out[common.COLUMNS].to_csv(output, index=False, float_format="%.17g")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
