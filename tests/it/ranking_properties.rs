//! Property tests for rankings and gaps: ranking is a permutation, ties
//! share a rank and the next rank skips, a jurisdiction never ranks above one
//! with a strictly better value, and gap = benchmark − subject.

use chrono::NaiveDate;
use policy_targets::gap::{Benchmark, GapQuery, gap};
use policy_targets::rank::{RankQuery, competition_ranks, rank, round_for_ties};
use policy_targets::{
    Basis, Catalog, Comparator, Deadline, Dimension, Force, Jurisdiction, Level, Metric,
    PartialDate, Polarity, Quantity, Source, Status, Target,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn better(a: Decimal, b: Decimal, polarity: Polarity) -> bool {
    match polarity {
        Polarity::HigherIsBetter => a > b,
        Polarity::LowerIsBetter => a < b,
    }
}

/// A catalogue of `values.len()` provinces, each with one datasets target.
fn catalog(values: &[Decimal], polarity: Polarity) -> Catalog {
    let jurisdictions = (0..values.len())
        .map(|i| {
            let code = format!("{}", 110000 + i * 10000).parse().unwrap();
            Jurisdiction::new(code, format!("省{i}"), format!("P{i}"), Level::Province)
        })
        .collect::<Vec<_>>();
    let metric = Metric::new(
        "datasets".parse().unwrap(),
        "数据集",
        "Datasets",
        Dimension::Count,
        polarity,
        Basis::Stock,
    );
    let source = Source::new(
        "plan".parse().unwrap(),
        "方案",
        "某部门",
        PartialDate::Year(2025),
        Status::Final,
        Force::Plan,
    );
    let targets = values
        .iter()
        .zip(&jurisdictions)
        .enumerate()
        .map(|(i, (v, j))| {
            Target::new(
                format!("t{i}").parse().unwrap(),
                j.code.clone(),
                metric.id.clone(),
                Comparator::AtLeast,
                Quantity::new(*v, "个".parse().unwrap()).unwrap(),
                Deadline::new(PartialDate::Year(2027)),
                source.id.clone(),
            )
            .quote("…")
        })
        .collect();
    Catalog::new(
        jurisdictions,
        vec![metric],
        vec![source],
        targets,
        Vec::new(),
    )
    .unwrap()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn polarity() -> impl Strategy<Value = Polarity> {
    prop_oneof![
        Just(Polarity::HigherIsBetter),
        Just(Polarity::LowerIsBetter)
    ]
}

proptest! {
    #[test]
    fn rank_is_one_plus_the_number_strictly_better(values in prop::collection::vec(decimal(), 0..40), polarity in polarity()) {
        let ranks = competition_ranks(&values, polarity);
        prop_assert_eq!(ranks.len(), values.len());
        let rounded: Vec<Decimal> = values.iter().map(|v| round_for_ties(*v)).collect();
        for i in 0..values.len() {
            let strictly_better = rounded.iter().filter(|r| better(**r, rounded[i], polarity)).count();
            prop_assert_eq!(ranks[i] as usize, 1 + strictly_better);
        }
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips(values in prop::collection::vec(0i64..5, 1..30)) {
        let values: Vec<Decimal> = values.into_iter().map(Decimal::from).collect();
        let ranks = competition_ranks(&values, Polarity::HigherIsBetter);
        let mut sorted: Vec<u32> = ranks.clone();
        sorted.sort();
        // Standard competition ranking: a run of k equal ranks r is followed by r + k.
        let mut i = 0;
        while i < sorted.len() {
            let r = sorted[i];
            let k = sorted[i..].iter().take_while(|x| **x == r).count();
            prop_assert_eq!(r as usize, i + 1);
            i += k;
        }
        for a in 0..values.len() {
            for b in 0..values.len() {
                if values[a] == values[b] {
                    prop_assert_eq!(ranks[a], ranks[b]);
                }
            }
        }
    }

    #[test]
    fn ranking_is_a_permutation_never_above_a_strictly_better_one(
        values in prop::collection::vec((1i64..10_000_000, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)), 1..25),
        polarity in polarity(),
    ) {
        let catalog = catalog(&values, polarity);
        let ranking = rank(&catalog, &RankQuery::new("datasets", as_of())).unwrap();
        let mut codes: Vec<&str> = ranking.rows.iter().map(|r| r.jurisdiction.as_str()).collect();
        codes.sort();
        let mut expected: Vec<&str> = catalog.jurisdictions().iter().map(|j| j.code.as_str()).collect();
        expected.sort();
        prop_assert_eq!(codes, expected);
        // Ties are decided on the values rounded to 6 significant digits, as
        // the library rounds them: 659053.5 and 659053.6 tie (both 659054).
        let tie_value = |code: &str| {
            let i = catalog.jurisdictions().iter().position(|j| j.code.as_str() == code).unwrap();
            round_for_ties(values[i])
        };
        for a in &ranking.rows {
            for b in &ranking.rows {
                let (va, vb) = (tie_value(a.jurisdiction.as_str()), tie_value(b.jurisdiction.as_str()));
                if better(va, vb, polarity) {
                    prop_assert!(a.rank < b.rank, "{} ranks {} but {} ranks {}", a.value, a.rank, b.value, b.rank);
                }
                if va == vb {
                    prop_assert_eq!(a.rank, b.rank, "{} and {} tie", a.value, b.value);
                }
            }
        }
        // Rows are in rank order.
        prop_assert!(ranking.rows.windows(2).all(|w| w[0].rank <= w[1].rank));
    }

    #[test]
    fn gap_is_benchmark_minus_subject(
        values in prop::collection::vec((1i64..10_000_000, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)), 2..10),
        subject in 0usize..10,
        benchmark in 0usize..10,
    ) {
        let catalog = catalog(&values, Polarity::HigherIsBetter);
        let (s, b) = (subject % values.len(), benchmark % values.len());
        // A jurisdiction compared with itself is refused (tested apart).
        prop_assume!(s != b);
        let code = |i: usize| catalog.jurisdictions()[i].code.clone();
        let query = GapQuery::new(code(s).as_str(), Benchmark::Jurisdiction(code(b)), "datasets", as_of());
        let g = gap(&catalog, &query).unwrap();
        prop_assert_eq!(g.subject_value, Some(values[s]));
        prop_assert_eq!(g.benchmark_value, values[b]);
        prop_assert_eq!(g.gap, values[b] - values[s]);
        prop_assert_eq!(g.required_target, values[b]);
    }
}

/// The draw that broke the ranking property when it compared raw values:
/// two values equal to 6 significant digits share the first rank.
#[test]
fn values_equal_to_six_significant_digits_tie_in_a_ranking() {
    let values = [Decimal::new(6_590_535, 1), Decimal::new(6_590_536, 1)];
    for polarity in [Polarity::HigherIsBetter, Polarity::LowerIsBetter] {
        let catalog = catalog(&values, polarity);
        let ranking = rank(&catalog, &RankQuery::new("datasets", as_of())).unwrap();
        let ranks: Vec<u32> = ranking.rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [1, 1], "{polarity:?}");
    }
}
