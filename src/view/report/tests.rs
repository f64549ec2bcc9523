//! The report's arithmetic on small programs written into a temporary folder and loaded as
//! `build` loads them: the edge cases of counting (a due date met to the day, a late, an
//! unreadable and a missing evaluation, a mode the program does not allow, a record that does
//! not load), and the shapes of the charts.

use super::*;

const PROGRAM: &str =
    "[program]\nname = \"Test\"\nassociation = \"Test association\"\nas_of = \"2026-11-30\"\n";

/// Records from `files` (path under records/, contents), loaded as `build` loads them.
fn records(files: &[(&str, &str)]) -> Records {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("records");
    for (path, text) in [("program.toml", PROGRAM)].iter().chain(files) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
        std::fs::write(path, text).expect("a file");
    }
    crate::load::load(&root, "records")
        .expect("the records load")
        .records
}

fn relationship(start: &str, end: &str, status: &str) -> String {
    format!("mentor: m\nmentee: n\nstart: {start}\nend: {end}\nstatus: {status}\n")
}

fn evaluation(date: &str, rating: &str) -> String {
    format!(
        "representative: r\ndate: {date}\nmentor_participated: true\nmentee_participated: true\nrating: {rating}\n"
    )
}

fn meeting(mode: &str) -> String {
    format!("---\nmode: {mode}\ntopics:\n  - Something\n---\nNotes.\n")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

#[test]
fn shares_round_half_up_and_are_none_when_nothing_was_due() {
    let share = |part, whole| Share { part, whole }.percent();
    assert_eq!(share(5, 8), Some(63));
    assert_eq!(share(1, 3), Some(33));
    assert_eq!(share(2, 3), Some(67));
    assert_eq!(share(4, 4), Some(100));
    assert_eq!(share(0, 0), None);
    let json = serde_json::to_string(&Share { part: 1, whole: 8 }).expect("json");
    assert_eq!(json, r#"{"part":1,"whole":8,"percent":13}"#);
}

#[test]
fn a_median_of_whole_months_is_whole_or_half_way() {
    let median = |mut months: Vec<u32>| Median::of(&mut months).map(|m| m.to_string());
    assert_eq!(median(vec![4]).as_deref(), Some("4"));
    assert_eq!(median(vec![4, 3]).as_deref(), Some("3.5"));
    assert_eq!(median(vec![5, 1, 3]).as_deref(), Some("3"));
    assert_eq!(median(vec![9, 1, 2, 3]).as_deref(), Some("2.5"));
    assert_eq!(median(vec![]), None);
    let json = |half_months| serde_json::to_string(&Median { half_months }).expect("json");
    assert_eq!((json(8), json(7)), ("4".to_owned(), "3.5".to_owned()));
}

#[test]
fn each_quarter_due_is_on_time_late_unreadable_or_missing() {
    let rel = relationship("2026-01-05", "2027-01-04", "active");
    let records = records(&[
        ("relationships/r-2026-001/relationship.yaml", &rel),
        // Q1 is due by 30 April: evaluated that very day, so on time.
        (
            "relationships/r-2026-001/evaluations/2026-Q1.yaml",
            &evaluation("2026-04-30", "on-track"),
        ),
        // Q2 is due by 30 July: evaluated a day later.
        (
            "relationships/r-2026-001/evaluations/2026-Q2.yaml",
            &evaluation("2026-07-31", "at-risk"),
        ),
        // Q3 (due 30 October) has no evaluation; Q4 is due after as-of, but its evaluation,
        // dated after as-of too, gives no rating yet.
        (
            "relationships/r-2026-001/evaluations/2026-Q4.yaml",
            &evaluation("2026-12-05", "needs-attention"),
        ),
        ("relationships/r-2026-002/relationship.yaml", &rel),
        (
            "relationships/r-2026-002/evaluations/2026-Q1.yaml",
            "date: [\n",
        ),
    ]);
    let report = build(&records, as_of());
    let f = &report.cohorts[0].figures;
    assert_eq!(report.cohorts.len(), 1);
    assert_eq!(f.evaluations_on_time, Share { part: 1, whole: 6 });
    assert_eq!(
        (
            f.evaluations_late,
            f.evaluations_unreadable,
            f.evaluations_missing
        ),
        (1, 1, 3)
    );
    let ratings: Vec<usize> = f.ratings.iter().map(|r| r.count).collect();
    assert_eq!(ratings, [1, 0, 1], "on-track, needs-attention, at-risk");
}

#[test]
fn meetings_count_by_program_mode_never_by_what_was_typed() {
    let folder = "relationships/r-2026-001";
    let records = records(&[
        (
            &format!("{folder}/relationship.yaml"),
            &relationship("2026-09-01", "2027-08-31", "active"),
        ),
        (
            &format!("{folder}/meetings/2026-09-10.md"),
            &meeting("email"),
        ),
        (
            &format!("{folder}/meetings/2026-10-08.md"),
            &meeting("email"),
        ),
        (
            &format!("{folder}/meetings/2026-11-05.md"),
            &meeting("carrier pigeon"),
        ),
        (
            &format!("{folder}/meetings/2026-11-20.md"),
            "---\nmode: [\n---\n",
        ),
        // After as-of: not held yet.
        (
            &format!("{folder}/meetings/2026-12-03.md"),
            &meeting("telephone"),
        ),
    ]);
    let f = &build(&records, as_of()).cohorts[0].figures;
    let modes: Vec<(&str, usize)> = f.modes.iter().map(|m| (m.mode.label(), m.count)).collect();
    assert_eq!(
        modes,
        [
            ("in-person", 0),
            ("telephone", 0),
            ("email", 2),
            (crate::view::MODE_NOT_ALLOWED, 1)
        ]
    );
    assert_eq!((f.meetings, f.meetings_unreadable), (4, 1));
    assert!(!serde_json::to_string(f).expect("json").contains("pigeon"));
}

#[test]
fn a_relationship_that_does_not_load_is_in_no_cohort_and_upcoming_ones_have_not_started() {
    let records = records(&[
        ("relationships/r-2026-001/relationship.yaml", "start: [\n"),
        (
            "relationships/r-2026-002/relationship.yaml",
            &relationship("2026-12-15", "2027-12-14", "active"),
        ),
        (
            "relationships/r-2026-003/relationship.yaml",
            "mentor: m\nmentee: n\nstart: 2026-02-02\nend: 2027-02-01\nstatus: dissolved\n",
        ),
    ]);
    let report = build(&records, as_of());
    assert_eq!(report.unplaced, 1);
    let f = &report.cohorts[0].figures;
    assert_eq!((f.relationships, f.started, f.upcoming), (2, 1, 1));
    // A dissolution without its block has no date: dissolved, but not in the median.
    assert_eq!((f.dissolved, f.dissolutions_dated), (1, 0));
    assert_eq!(f.median_months_before_dissolving, None);
    assert_eq!(f.months_met, Share::default());
}

fn cohort(year: i32, completed: usize, dissolved: usize, active: usize) -> Cohort {
    Cohort {
        year,
        figures: Figures {
            relationships: completed + dissolved + active,
            completed,
            dissolved,
            active,
            months_met: Share { part: 3, whole: 4 },
            ..Figures::default()
        },
    }
}

#[test]
fn the_largest_cohort_fills_the_outcome_chart_and_segments_abut() {
    let chart = charts::outcomes(&[cohort(2025, 10, 0, 0), cohort(2026, 1, 1, 3)]);
    let widths = |row: &OutcomeRow| -> Vec<(u32, u32, bool)> {
        row.segments
            .iter()
            .map(|s| (s.x, s.width, s.labelled))
            .collect()
    };
    assert_eq!(widths(&chart.rows[0]), [(48, 330, true)]);
    assert_eq!(
        widths(&chart.rows[1]),
        [(48, 33, true), (81, 33, true), (114, 99, true)]
    );
    assert_eq!(chart.rows[1].total_x, 48 + 165 + 8);
    assert_eq!(
        (chart.rows[0].y, chart.rows[1].y, chart.height),
        (4, 40, 80)
    );
    let crowded = charts::outcomes(&[cohort(2025, 60, 1, 0)]);
    assert!(
        !crowded.rows[0].segments[1].labelled,
        "a 5-unit segment has no room for its count"
    );
}

#[test]
fn share_bars_are_drawn_to_one_scale() {
    let chart = charts::regularity(&[cohort(2026, 1, 0, 0)]);
    let bars = &chart.groups[0].bars;
    assert_eq!(
        (bars[0].width, bars[0].percent),
        (270, Some(75)),
        "3 of 4 months"
    );
    assert_eq!(
        (bars[1].width, bars[1].percent),
        (0, None),
        "no quarter due"
    );
    assert_eq!(chart.height, 24 + 88 + 4);
}
