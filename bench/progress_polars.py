"""`targets progress --format csv` in polars: the same input, the same output
columns, the same as-of rule, with floats.

    python progress_polars.py DATA_DIR AS_OF OUTPUT_CSV

Lazy scan of observations.csv, one hash join with the targets that count,
one group-by for each target's latest figure (on or before the as-of date)
and first figure of its period, then the formulas of the design notes (§4)
as column expressions. Rates and ratios are written unrounded; ranks use
progress rounded to 6 places and 6 significant digits, as the engine does.
"""

import datetime as dt
import sys

import polars as pl

import common

DAY_BITS = 32  # row numbers below 2^32 per day in the tie-break key (day * 2^32 fits in Int64)


def first_day(col):
    s = pl.col(col)
    return (
        pl.when(s.str.len_chars() == 4).then((s + "-01-01").str.to_date("%Y-%m-%d", strict=False))
        .when(s.str.len_chars() == 7).then((s + "-01").str.to_date("%Y-%m-%d", strict=False))
        .otherwise(s.str.to_date("%Y-%m-%d", strict=False))
    )


def last_day(col):
    s = pl.col(col)
    return (
        pl.when(s.str.len_chars() == 10).then(s.str.to_date("%Y-%m-%d", strict=False))
        .when(s.str.len_chars() == 7)
        .then((s + "-01").str.to_date("%Y-%m-%d", strict=False).dt.month_end())
        .otherwise((s + "-12-31").str.to_date("%Y-%m-%d", strict=False))
    )


def main(folder, as_of_text, output):
    as_of = common.parse_as_of(as_of_text)
    metrics, sources = common.read_toml(folder)
    metric_table = pl.DataFrame({
        "metric": [m["id"] for m in metrics],
        "metric_order": list(range(len(metrics))),
        "dimension": [m["dimension"] for m in metrics],
        "lower_is_better": [m["polarity"] == "lower_is_better" for m in metrics],
    })
    source_table = pl.DataFrame(common.source_table(sources, as_of))

    units = common.all_units()
    factor = {u: 10.0 ** e for u, (_, e) in units.items()}

    # The targets that count: in force, then per jurisdiction and metric the
    # nearest deadline on or after the as-of date, else the latest; ties to
    # the stronger, final, later source, then the smaller id.
    targets = pl.read_csv(f"{folder}/targets.csv", infer_schema=False)
    if (targets["comparator"] == "range").any():
        common.fail("ranges are not covered by this script")
    targets = (
        targets.with_columns(
            factor=pl.col("unit").replace_strict(factor, default=None, return_dtype=pl.Float64))
        .join(source_table, on="source", how="inner")
        .join(metric_table, on="metric", how="inner")
        .filter(pl.col("in_force"))
        .with_columns(
            T=pl.col("value").cast(pl.Float64) * pl.col("factor"),
            deadline=last_day("deadline"),
            period_start=pl.coalesce(first_day("period_start"), pl.col("source_period_start")),
        )
        .with_columns(
            upcoming=pl.col("deadline") >= as_of,
            distance=(pl.col("deadline") - pl.lit(as_of)).dt.total_days(),
        )
        .with_columns(
            when=pl.when(pl.col("upcoming")).then(-pl.col("distance")).otherwise(pl.col("distance")))
        .sort(["upcoming", "when", "force", "final", "published", "id"],
              descending=[True, True, True, True, True, False])
        .group_by(["jurisdiction", "metric"], maintain_order=True)
        .first()
        .with_row_index("t")
    )

    # Each target's latest figure and first figure of its period.
    obs = pl.scan_csv(
        f"{folder}/observations.csv",
        schema_overrides={"jurisdiction": pl.String, "metric": pl.String, "as_of": pl.String,
                          "value": pl.Float64, "unit": pl.String},
    )
    points = (
        obs.select("jurisdiction", "metric", "as_of", "value", "unit")
        .with_row_index("row")
        .with_columns(day=last_day("as_of"))
        .filter(pl.col("day") <= as_of)
        .join(targets.lazy().select("jurisdiction", "metric", "t", "period_start"),
              on=["jurisdiction", "metric"], how="inner")
        .with_columns(
            x=pl.col("value")
            * pl.col("unit").replace_strict(factor, default=None, return_dtype=pl.Float64),
            # Latest day wins, then the later row; first: earliest day, then
            # the later row.
            key=(pl.col("day").cast(pl.Int64) * (1 << DAY_BITS)) + pl.col("row").cast(pl.Int64),
            in_period=pl.col("day") >= pl.col("period_start"),
        )
        .with_columns(key0=(pl.col("day").cast(pl.Int64) * (1 << DAY_BITS))
                      - pl.col("row").cast(pl.Int64))
        .group_by("t")
        .agg(
            x=pl.col("x").get(pl.col("key").arg_max()),
            t_day=pl.col("day").max(),
            x0=pl.col("x").filter(pl.col("in_period"))
            .get(pl.col("key0").filter(pl.col("in_period")).arg_min()),
            t0_day=pl.col("day").filter(pl.col("in_period")).min(),
        )
        .collect(engine="streaming")
    )

    d = targets.join(points, on="t", how="left")
    x, T, x0 = pl.col("x"), pl.col("T"), pl.col("x0")
    deadline, t_day, t0_day = pl.col("deadline"), pl.col("t_day"), pl.col("t0_day")
    comparator = pl.col("comparator")
    met = (
        pl.when(comparator == "at_least").then(x >= T)
        .when(comparator == "more_than").then(x > T)
        .when(comparator == "at_most").then(x <= T)
        .when(comparator == "less_than").then(x < T)
        .otherwise(x == T)
    )
    elapsed = (t_day - t0_day).dt.total_days()
    left = (deadline - t_day).dt.total_days()
    compound = (pl.col("dimension").is_in(list(common.COMPOUND)) & (x0 > 0) & (x > 0) & (T > 0))
    required_lin = (T - x) * common.DAYS_PER_YEAR / left
    observed_lin = (x - x0) * common.DAYS_PER_YEAR / elapsed
    ratio_lin = pl.when(T != x).then((x - x0) * left / ((T - x) * elapsed))
    required_cmp = ((T / x).log() * common.DAYS_PER_YEAR / left).exp() - 1
    observed_cmp = ((x / x0).log() * common.DAYS_PER_YEAR / elapsed).exp() - 1
    d = d.with_columns(
        met=met,
        required=pl.when(compound).then(required_cmp).otherwise(required_lin),
        observed=pl.when(compound).then(observed_cmp).otherwise(observed_lin),
        compound=compound,
    )
    required, observed = pl.col("required"), pl.col("observed")
    d = d.with_columns(
        ratio=pl.when(compound).then(pl.when(required != 0).then(observed / required))
        .otherwise(ratio_lin))
    ratio = pl.col("ratio")
    direction = (
        pl.when(T > x).then(1).when(T < x).then(-1)
        .when(comparator.is_in(["at_least", "more_than"])).then(1)
        .when(comparator.is_in(["at_most", "less_than"])).then(-1)
        .otherwise(0)
    )
    on, acc, lim = common.BANDS
    verdict = (
        pl.when(ratio >= on).then(pl.lit("on_track"))
        .when(ratio >= acc).then(pl.lit("acceleration_needed"))
        .when(ratio >= lim).then(pl.lit("limited_progress"))
        .when(ratio.is_not_null()).then(pl.lit("moving_away"))
        .when((observed == 0) | (direction == 0)).then(pl.lit("limited_progress"))
        .when(((observed > 0) & (direction == 1)) | ((observed < 0) & (direction == -1)))
        .then(pl.lit("on_track"))
        .otherwise(pl.lit("moving_away"))
    )
    past = deadline < as_of
    status = (
        pl.when(x.is_null()).then(pl.lit("no_data"))
        .when(pl.col("met")).then(pl.lit("met"))
        .when(past | (t_day >= deadline)).then(pl.lit("missed"))
        .when(t0_day.is_null() | (t0_day >= t_day)).then(pl.lit("insufficient_data"))
        .otherwise(verdict)
    )
    d = d.with_columns(status=status)
    paced = ~pl.col("status").is_in(["met", "missed", "no_data", "insufficient_data"])
    # Lower is better: progress is measured from a baseline, which the
    # synthetic targets do not have.
    progress = pl.when((T != 0) & ~pl.col("lower_is_better")).then(x / T)
    d = d.with_columns(
        progress=progress,
        gap=T - x,
        pace=pl.when(paced).then(
            pl.when(pl.col("compound")).then(pl.lit("compound")).otherwise(pl.lit("linear"))),
        required_rate=pl.when(paced).then(required),
        observed_rate=pl.when(paced).then(observed),
        pace_ratio=pl.when(paced).then(ratio),
        met=pl.when(x.is_not_null()).then(pl.col("met")),
        unit=pl.col("dimension").replace_strict(common.CANONICAL, return_dtype=pl.String),
        latest_value=x,
        latest_as_of=t_day,
        target_value=T,
        target_id=pl.col("id"),
    )
    # Standard competition ranks by progress within each metric, after
    # rounding to 6 places and then 6 significant digits, both half to even:
    # in integers (millionths), so that the second rounding is exact.
    micro = (pl.col("progress") * 1e6).round(0, mode="half_to_even").cast(pl.Int64)
    size = micro.abs()
    drop = pl.max_horizontal(size.cast(pl.Float64).log10().floor().cast(pl.Int64) - 5, 0)
    div = pl.lit(10, dtype=pl.Int64).pow(drop)
    q, r = size // div, size % div
    up = (2 * r > div) | ((2 * r == div) & (q % 2 == 1))
    tie_key = micro.sign() * (q + up.cast(pl.Int64)) * div
    d = d.with_columns(
        rank=pl.when(pl.col("progress").is_not_null())
        .then(tie_key.rank("min", descending=True).over("metric"))
        .cast(pl.Int64)
    )
    d = d.sort(["metric_order", pl.col("rank").is_null(), "rank", "jurisdiction"])
    d.select(common.COLUMNS).write_csv(output, float_precision=None)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
