//! The rows of `progress`: the answer of `targets progress` on the as-of
//! date, one row per target, with its rank.

use rusqlite::Transaction;

use super::decimal;
use crate::engine::progress::ProgressRow;

/// One row per row of the progress report.
pub(super) fn rows(tx: &Transaction<'_>, rows: &[ProgressRow]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO progress (target_id, jurisdiction, metric, comparator, target_value,
             target_value_num, unit, deadline, latest_value, latest_value_num, latest_as_of,
             progress, progress_num, gap, gap_num, met, pace, required_rate, required_rate_num,
             observed_rate, observed_rate_num, pace_ratio, pace_ratio_num, status, rank,
             projected_value, projected_value_num, projected_attainment, trend, trend_figures,
             trend_r_squared, trend_r_squared_num)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
    )?;
    for r in rows {
        let (target_value, target_value_num) = decimal(r.target_value);
        let [
            latest,
            progress,
            gap,
            required,
            observed,
            ratio,
            projected,
            r_squared,
        ] = [
            r.latest_value,
            r.progress,
            r.gap,
            r.required_rate,
            r.observed_rate,
            r.pace_ratio,
            r.projected_value,
            r.trend.and_then(|t| t.r_squared),
        ]
        .map(|d| d.map(decimal).unzip());
        insert.execute(rusqlite::params![
            r.target_id.as_str(),
            r.jurisdiction.as_str(),
            r.metric.as_str(),
            r.comparator.as_str(),
            target_value,
            target_value_num,
            r.unit.to_string(),
            r.deadline.to_string(),
            latest.0,
            latest.1,
            r.latest_as_of.map(|d| d.to_string()),
            progress.0,
            progress.1,
            gap.0,
            gap.1,
            r.met,
            r.pace.map(|p| p.as_str()),
            required.0,
            required.1,
            observed.0,
            observed.1,
            ratio.0,
            ratio.1,
            r.status.as_str(),
            r.rank,
            projected.0,
            projected.1,
            r.projected_attainment.map(|d| d.to_string()),
            r.trend.map(|t| t.trajectory.fit.as_str()),
            r.trend
                .map(|t| i64::try_from(t.trajectory.figures).unwrap_or(i64::MAX)),
            r_squared.0,
            r_squared.1,
        ])?;
    }
    Ok(())
}
