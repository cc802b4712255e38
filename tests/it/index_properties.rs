//! Property tests for composite indices: ranks follow the scores (a
//! permutation with ties), without draws the interval is the rank, the
//! rank always lies in its interval, the order of jurisdictions and metrics
//! in the data changes nothing but the order of the answer, min-max scores
//! lie in 0..=100 and do not move under an affine rescaling of a metric,
//! and the same seed gives the same answer.

use chrono::NaiveDate;
use policy_targets::index::{Aggregation, Index, IndexQuery, Scaling, index};
use policy_targets::rank::round_for_ties;
use policy_targets::{
    Basis, Catalog, Comparator, Deadline, Dimension, Force, Jurisdiction, Level, Metric,
    PartialDate, Polarity, Quantity, Source, Status, Target,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One metric's values (a value per jurisdiction, or none) and polarity.
type Column = (Vec<Option<u32>>, Polarity);

fn jurisdiction(i: usize) -> Jurisdiction {
    let code = format!("{}", 110000 + i * 10000).parse().unwrap();
    Jurisdiction::new(code, format!("省{i}"), format!("P{i}"), Level::Province)
}

fn metric(k: usize, polarity: Polarity) -> Metric {
    Metric::new(
        format!("m{k}").parse().unwrap(),
        format!("指标{k}"),
        format!("Metric {k}"),
        Dimension::Count,
        polarity,
        Basis::Stock,
    )
}

/// A catalogue of the columns' values, jurisdictions listed in
/// `jurisdiction_order` and metrics in `metric_order`; each value becomes
/// `scale · value + offset`.
fn catalog(
    columns: &[Column],
    jurisdiction_order: &[usize],
    metric_order: &[usize],
    rescale: Option<(usize, u32, u32)>,
) -> Catalog {
    let source = Source::new(
        "plan".parse().unwrap(),
        "方案",
        "某部门",
        PartialDate::Year(2025),
        Status::Final,
        Force::Plan,
    );
    let mut targets = Vec::new();
    for &k in metric_order {
        let (values, _) = &columns[k];
        for &j in jurisdiction_order {
            let Some(value) = values[j] else { continue };
            let value = match rescale {
                Some((m, scale, offset)) if m == k => {
                    Decimal::from(value) * Decimal::from(scale) + Decimal::from(offset)
                }
                _ => Decimal::from(value),
            };
            targets.push(
                Target::new(
                    format!("t{k}_{j}").parse().unwrap(),
                    jurisdiction(j).code,
                    format!("m{k}").parse().unwrap(),
                    Comparator::AtLeast,
                    Quantity::new(value, "个".parse().unwrap()).unwrap(),
                    Deadline::new(PartialDate::Year(2027)),
                    source.id.clone(),
                )
                .quote("…"),
            );
        }
    }
    Catalog::new(
        jurisdiction_order
            .iter()
            .map(|&j| jurisdiction(j))
            .collect(),
        metric_order
            .iter()
            .map(|&k| metric(k, columns[k].1))
            .collect(),
        vec![source],
        targets,
        Vec::new(),
    )
    .unwrap()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn query(metrics: usize) -> IndexQuery {
    IndexQuery::new((0..metrics).map(|k| format!("m{k}")), as_of())
}

/// 2 to 4 metrics over 2 to 8 jurisdictions, about one value in five missing.
fn columns() -> impl Strategy<Value = Vec<Column>> {
    (2usize..9, 2usize..5).prop_flat_map(|(n, m)| {
        let value = prop_oneof![1 => Just(None), 4 => (0u32..1000).prop_map(Some)];
        let polarity = prop_oneof![
            Just(Polarity::HigherIsBetter),
            Just(Polarity::LowerIsBetter)
        ];
        prop::collection::vec((prop::collection::vec(value, n), polarity), m)
    })
}

fn scaling() -> impl Strategy<Value = Scaling> {
    prop::sample::select(Scaling::ALL.to_vec())
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    prop::sample::select(Aggregation::ALL.to_vec())
}

/// The index, or `None` when fewer than two metrics have values.
fn build(catalog: &Catalog, query: &IndexQuery) -> Option<Index> {
    match index(catalog, query) {
        Ok(answer) => Some(answer),
        Err(e) => {
            assert!(e.to_string().starts_with("metrics: "), "{e}");
            None
        }
    }
}

fn identity(n: usize) -> Vec<usize> {
    (0..n).collect()
}

/// (code, score, rank, low, median, high) of each row, in code order.
fn by_code(answer: &Index) -> Vec<(String, Decimal, u32, u32, u32, u32)> {
    let mut rows: Vec<_> = answer
        .rows
        .iter()
        .map(|r| {
            (
                r.jurisdiction.to_string(),
                r.score,
                r.rank,
                r.rank_low,
                r.rank_median,
                r.rank_high,
            )
        })
        .collect();
    rows.sort();
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn ranks_follow_the_scores_and_without_draws_the_interval_is_the_rank(columns in columns(), scaling in scaling(), aggregation in aggregation()) {
        let n = columns[0].0.len();
        let catalog = catalog(&columns, &identity(n), &identity(columns.len()), None);
        let mut q = query(columns.len());
        q.scaling = scaling;
        q.aggregation = aggregation;
        let Some(answer) = build(&catalog, &q) else { return Ok(()) };
        for row in &answer.rows {
            let better = answer.rows.iter().filter(|o| round_for_ties(o.score) > round_for_ties(row.score)).count();
            prop_assert_eq!(row.rank as usize, 1 + better);
            prop_assert_eq!((row.rank_low, row.rank_median, row.rank_high), (row.rank, row.rank, row.rank));
            prop_assert!(q.min_coverage.admits(row.covered, columns.len()));
            if scaling == Scaling::MinMax {
                prop_assert!(row.score >= Decimal::ZERO && row.score <= Decimal::ONE_HUNDRED, "{}", row.score);
            }
        }
        // Ranks are sorted, and rank r is taken by the r-th row or shared with the row before.
        for (i, row) in answer.rows.iter().enumerate() {
            prop_assert!(row.rank as usize == i + 1 || (i > 0 && row.rank == answer.rows[i - 1].rank));
        }
        prop_assert_eq!(answer.rows.len() + answer.excluded.len(), (0..n).filter(|&j| columns.iter().any(|(v, _)| v[j].is_some())).count());
    }

    #[test]
    fn the_order_of_the_data_changes_nothing_but_the_order_of_the_answer(
        columns in columns(),
        scaling in scaling(),
        aggregation in aggregation(),
        seed in any::<u64>(),
        shuffle in any::<u64>(),
    ) {
        let (n, m) = (columns[0].0.len(), columns.len());
        let mut q = query(m);
        q.scaling = scaling;
        q.aggregation = aggregation;
        q.draws = 20;
        q.seed = seed;
        let Some(answer) = build(&catalog(&columns, &identity(n), &identity(m), None), &q) else { return Ok(()) };
        // A reversal or rotation of the jurisdictions and of the metrics.
        let mut jurisdictions = identity(n);
        let mut metrics = identity(m);
        if shuffle % 2 == 0 { jurisdictions.reverse() } else { jurisdictions.rotate_left(1) }
        if shuffle % 3 == 0 { metrics.reverse() } else { metrics.rotate_left(1) }
        let permuted_catalog = catalog(&columns, &jurisdictions, &identity(m), None);
        let permuted = build(&permuted_catalog, &q).unwrap();
        prop_assert_eq!(&answer, &permuted);
        // The metrics asked in another order: the same scores and ranks.
        let mut reordered = q.clone();
        reordered.metrics = metrics.iter().map(|k| format!("m{k}")).collect();
        let reordered = build(&catalog(&columns, &identity(n), &metrics, None), &reordered).unwrap();
        let score_and_rank = |a: &Index| by_code(a).into_iter().map(|(c, s, r, ..)| (c, s, r)).collect::<Vec<_>>();
        prop_assert_eq!(score_and_rank(&answer), score_and_rank(&reordered));
    }

    #[test]
    fn min_max_scores_do_not_move_under_an_affine_rescaling(columns in columns(), aggregation in aggregation(), which in any::<prop::sample::Index>(), scale in 1u32..50, offset in 0u32..10_000) {
        let (n, m) = (columns[0].0.len(), columns.len());
        let mut q = query(m);
        q.aggregation = aggregation;
        let Some(answer) = build(&catalog(&columns, &identity(n), &identity(m), None), &q) else { return Ok(()) };
        let rescaled = catalog(&columns, &identity(n), &identity(m), Some((which.index(m), scale, offset)));
        let rescaled = build(&rescaled, &q).unwrap();
        prop_assert_eq!(by_code(&answer), by_code(&rescaled));
    }

    #[test]
    fn the_rank_lies_in_its_interval_and_the_same_seed_gives_the_same_answer(columns in columns(), scaling in scaling(), aggregation in aggregation(), seed in any::<u64>(), draws in 1u32..60) {
        let (n, m) = (columns[0].0.len(), columns.len());
        let catalog = catalog(&columns, &identity(n), &identity(m), None);
        let mut q = query(m);
        q.scaling = scaling;
        q.aggregation = aggregation;
        q.draws = draws;
        q.seed = seed;
        let Some(answer) = build(&catalog, &q) else { return Ok(()) };
        for row in &answer.rows {
            prop_assert!(row.rank_low <= row.rank && row.rank <= row.rank_high, "{:?}", row);
            prop_assert!(row.rank_low <= row.rank_median && row.rank_median <= row.rank_high, "{:?}", row);
            prop_assert!(row.rank_high as usize <= answer.rows.len());
        }
        prop_assert_eq!(answer.to_json(), build(&catalog, &q).unwrap().to_json());
        for s in &answer.sensitivity {
            prop_assert!(s.mean_abs_rank_shift >= Decimal::ZERO);
            prop_assert!(s.mean_abs_rank_shift < Decimal::from(answer.rows.len().max(1)));
        }
    }
}
