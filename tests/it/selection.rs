//! Which target counts for a jurisdiction and metric on a date
//! (`Catalog::select_targets`), on invented fixture data
//! (`tests/fixtures/selection`). Deadlines compare by their last day
//! (2026 → 2026-12-31) and sources are in force from the last day of their
//! stated publication date.
//!
//! The fixture's sources, in catalogue (file) order:
//!
//! | file              | id              | published  | status | force      | supersedes   |
//! |-------------------|-----------------|------------|--------|------------|--------------|
//! | a_plan_2025       | plan_2025       | 2025-01-10 | final  | plan       |              |
//! | b_regulation      | regulation_2025 | 2025-02-01 | final  | regulation |              |
//! | c_notice          | notice_2025     | 2025-02-01 | final  | notice     |              |
//! | d_plan_draft      | plan_draft_2025 | 2025-03-01 | draft  | plan       |              |
//! | e_plan_april      | plan_april      | 2025-04-01 | final  | plan       |              |
//! | f_action_draft    | action_draft    | 2025-03-01 | draft  | plan       |              |
//! | g_action_final    | action_final    | 2025-06-15 | final  | plan       | action_draft |
//! | h_late            | late_2025       | 2025-09    | final  | plan       |              |

use std::collections::BTreeSet;

use policy_targets::Catalog;
use policy_targets::progress::{self, Options};

use crate::util::{date, fixture};

fn load() -> Catalog {
    Catalog::load(fixture("selection")).unwrap_or_else(|e| panic!("tests/fixtures/selection: {e}"))
}

/// `(jurisdiction, target id)` of every target chosen for `metric`, in the
/// order `select_targets` gives them.
fn chosen(catalog: &Catalog, metric: &str, as_of: &str) -> Vec<(String, String)> {
    catalog
        .select_targets(metric, date(as_of))
        .into_iter()
        .map(|t| (t.jurisdiction.to_string(), t.id.to_string()))
        .collect()
}

/// The id of the dataset target chosen for `jurisdiction` on `as_of`.
fn choice(catalog: &Catalog, jurisdiction: &str, as_of: &str) -> Option<String> {
    let found: Vec<String> = chosen(catalog, "datasets", as_of)
        .into_iter()
        .filter(|(j, _)| j == jurisdiction)
        .map(|(_, id)| id)
        .collect();
    assert!(found.len() <= 1, "{jurisdiction}: {found:?}");
    found.into_iter().next()
}

fn some(id: &str) -> Option<String> {
    Some(id.to_string())
}

#[test]
fn a_draft_counts_until_its_final_version_is_published() {
    let catalog = load();
    // The draft is published on 2025-03-01, its final version on
    // 2025-06-15.
    assert_eq!(choice(&catalog, "draft_then_final", "2025-02-28"), None);
    for as_of in ["2025-03-01", "2025-06-14"] {
        assert_eq!(
            choice(&catalog, "draft_then_final", as_of),
            some("draft_then_final_draft"),
            "{as_of}"
        );
        assert_eq!(
            choice(&catalog, "draft_only", as_of),
            some("draft_only_draft"),
            "{as_of}"
        );
    }
    // From the final's publication day on, the draft no longer counts, though
    // its deadline (2026-12-31) is nearer than the final's (2027-12-31); a
    // target only the draft had is gone.
    for as_of in ["2025-06-15", "2026-06-30", "2030-01-01"] {
        assert_eq!(
            choice(&catalog, "draft_then_final", as_of),
            some("draft_then_final_final"),
            "{as_of}"
        );
        assert_eq!(choice(&catalog, "draft_only", as_of), None, "{as_of}");
    }
    let draft = catalog.source("action_draft").unwrap();
    let last = catalog.source("action_final").unwrap();
    assert!(catalog.in_force(draft, date("2025-06-14")));
    assert!(!catalog.in_force(draft, date("2025-06-15")));
    assert!(!catalog.in_force(last, date("2025-06-14")));
    assert!(catalog.in_force(last, date("2025-06-15")));
}

#[test]
fn a_source_published_after_the_as_of_date_is_not_in_force() {
    let catalog = load();
    // Nothing is published before 2025-01-10.
    assert_eq!(chosen(&catalog, "datasets", "2025-01-09"), []);
    assert_eq!(
        chosen(&catalog, "datasets", "2025-01-10")
            .into_iter()
            .map(|(_, id)| id)
            .collect::<Vec<_>>(),
        [
            "nearest_2025",
            "tie_id_a",
            "tie_published_early",
            "tie_status_final",
            "late_source_early",
        ]
    );
    // late_2025 is published "2025-09": in force from 2025-09-30. Until then
    // late_source has only its 2028 target; from then its nearer 2026 one.
    assert_eq!(
        choice(&catalog, "late_source", "2025-09-29"),
        some("late_source_early")
    );
    assert_eq!(
        choice(&catalog, "late_source", "2025-09-30"),
        some("late_source_late")
    );
    let late = catalog.source("late_2025").unwrap();
    assert!(!catalog.in_force(late, date("2025-09-29")));
    assert!(catalog.in_force(late, date("2025-09-30")));
}

#[test]
fn the_nearest_upcoming_deadline_wins() {
    let catalog = load();
    // nearest has deadlines 2025-12-31, 2026-12-31 (plan_2025) and
    // 2027-12-31 (regulation_2025, published 2025-02-01).
    let cases = [
        // Only plan_2025 is out: 2025 is the nearest of 2025 and 2026.
        ("2025-01-10", "nearest_2025"),
        ("2025-07-01", "nearest_2025"),
        // A deadline ending on the as-of date is still upcoming.
        ("2025-12-31", "nearest_2025"),
        // 2025 has passed (1 day ago); upcoming 2026 (364 days ahead) wins.
        ("2026-01-01", "nearest_2026"),
        // The nearer deadline wins over the stronger source (a regulation).
        ("2026-06-30", "nearest_2026"),
        ("2026-12-31", "nearest_2026"),
        ("2027-01-01", "nearest_2027"),
        ("2027-12-31", "nearest_2027"),
    ];
    for (as_of, expected) in cases {
        assert_eq!(
            choice(&catalog, "nearest", as_of),
            some(expected),
            "{as_of}"
        );
    }
}

#[test]
fn when_every_deadline_has_passed_the_latest_wins() {
    let catalog = load();
    // nearest: 2025-12-31, 2026-12-31 and 2027-12-31 have all passed.
    assert_eq!(
        choice(&catalog, "nearest", "2028-01-01"),
        some("nearest_2027")
    );
    // late_source: 2028-12-31 (plan_2025) beats 2026-12-31, though that one
    // comes from a later publication.
    for as_of in ["2029-01-01", "2040-06-30"] {
        assert_eq!(
            choice(&catalog, "late_source", as_of),
            some("late_source_early"),
            "{as_of}"
        );
    }
    // Between the two: 2026 passed, 2028 upcoming.
    assert_eq!(
        choice(&catalog, "late_source", "2027-01-01"),
        some("late_source_early")
    );
}

#[test]
fn ties_go_to_force_then_final_then_publication_then_id() {
    let catalog = load();
    // Every tie below is between deadlines ending on 2027-12-31.
    let cases = [
        // Legal force first: a draft plan (plan_draft_2025) beats a final
        // notice (notice_2025).
        ("tie_force", "tie_force_draft"),
        // Then final over draft: a final plan published 2025-01-10 beats a
        // draft plan published later (2025-03-01).
        ("tie_status", "tie_status_final"),
        // Then the later publication: two final plans, 2025-04-01 beats
        // 2025-01-10.
        ("tie_published", "tie_published_late"),
        // Then the smaller id: deadlines 2027 and "2027-12" from the same
        // source, tie_id_b listed first.
        ("tie_id", "tie_id_a"),
    ];
    for as_of in ["2025-07-01", "2027-12-31", "2030-01-01"] {
        for (jurisdiction, expected) in cases {
            assert_eq!(
                choice(&catalog, jurisdiction, as_of),
                some(expected),
                "{jurisdiction} on {as_of}"
            );
        }
    }
}

#[test]
fn one_target_per_jurisdiction_in_catalogue_order_of_first_appearance() {
    let catalog = load();
    let pair = |j: &str, id: &str| (j.to_string(), id.to_string());
    // tie_force first appears in c_notice, before d_plan_draft's target that
    // is chosen; draft_then_final's first target in force is in
    // g_action_final; draft_only and late_2025 are not in force.
    assert_eq!(
        chosen(&catalog, "datasets", "2025-07-01"),
        [
            pair("nearest", "nearest_2025"),
            pair("tie_id", "tie_id_a"),
            pair("tie_published", "tie_published_late"),
            pair("tie_status", "tie_status_final"),
            pair("late_source", "late_source_early"),
            pair("tie_force", "tie_force_draft"),
            pair("draft_then_final", "draft_then_final_final"),
        ]
    );
    // Other metrics are apart; an unknown metric has no targets.
    assert_eq!(
        chosen(&catalog, "volume", "2025-07-01"),
        [pair("nearest", "nearest_volume")]
    );
    assert_eq!(chosen(&catalog, "no_such_metric", "2025-07-01"), []);
}

#[test]
fn progress_assesses_the_selected_targets() {
    // progress_folder reads the folder's observations.csv as a stream and
    // picks its targets in one pass; progress works on the loaded catalogue.
    // Both assess exactly the targets select_targets chooses.
    let catalog = load();
    for as_of in [
        "2025-01-09",
        "2025-03-01",
        "2025-06-15",
        "2025-09-30",
        "2026-01-01",
        "2028-01-01",
    ] {
        let expected: BTreeSet<String> = catalog
            .metrics()
            .iter()
            .flat_map(|m| catalog.select_targets(m.id.as_str(), date(as_of)))
            .map(|t| t.id.to_string())
            .collect();
        let ids = |rows: &[progress::ProgressRow]| -> BTreeSet<String> {
            rows.iter().map(|r| r.target_id.to_string()).collect()
        };
        let loaded = progress::progress(&catalog, date(as_of), &Options::default());
        assert_eq!(ids(&loaded.rows), expected, "{as_of}");
        let (_, streamed) =
            progress::progress_folder(fixture("selection"), date(as_of), &Options::default())
                .unwrap();
        assert_eq!(streamed, loaded, "{as_of}");
    }
}
