//! The program report (`report/index.html`, `report.csv`): its figures against a fixture
//! counted by hand (`tests/fixtures/report/`, each relationship.yaml says what it counts for),
//! the CSV's exact bytes, and a page that names no one, no relationship, and whose links all
//! resolve.

use crate::support::{fixture, run_in, tree};
use std::collections::BTreeMap;

/// The fixture's site, built into a temporary folder: its files by path.
fn fixture_site() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let records = fixture("report").join("records");
    let records = records.to_str().expect("a UTF-8 path");
    let run = run_in(
        dir.path(),
        &["build", "--records", records, "--out", "site"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    tree(&dir.path().join("site"))
}

/// report.csv as one map of column to cell per cohort, by cohort.
fn cohorts(csv: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    lines
        .map(|line| {
            let row: BTreeMap<String, String> = header
                .iter()
                .zip(line.split(','))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            (row["cohort"].clone(), row)
        })
        .collect()
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).expect("UTF-8")
}

#[test]
fn the_figures_are_the_ones_counted_by_hand() {
    let files = fixture_site();
    let csv = cohorts(&text(&files, "report.csv"));
    let figures = |year: &str, columns: &[&str]| -> Vec<String> {
        columns.iter().map(|c| csv[year][*c].clone()).collect()
    };
    assert_eq!(csv.keys().collect::<Vec<_>>(), ["2025", "2026", "2027"]);
    let outcomes = [
        "relationships",
        "started",
        "completed",
        "dissolved",
        "median_months_before_dissolving",
        "active",
        "upcoming",
    ];
    // 2026: r-2026-001 completed, r-2026-002 dissolved on 19 June after starting 2 February
    // (4 whole months), r-2026-003 active.
    assert_eq!(
        figures("2026", &outcomes),
        ["3", "3", "1", "1", "4", "1", "0"]
    );
    // 2025: one completed, one dissolved after 7 months (12 May to 20 December).
    assert_eq!(
        figures("2025", &outcomes),
        ["2", "2", "1", "1", "7", "0", "0"]
    );
    // 2027: one relationship that starts after as-of.
    assert_eq!(
        figures("2027", &outcomes),
        ["1", "0", "0", "0", "", "0", "1"]
    );

    let months = ["months_due", "months_met", "months_met_percent"];
    // 2026: 5 of 6 (April missed) + 4 of 5 (June missed) + 3 of 3 = 12 of 14.
    assert_eq!(figures("2026", &months), ["14", "12", "86"]);
    // 2025: 6 of 6 + 3 of 8 (August to December missed) = 9 of 14.
    assert_eq!(figures("2025", &months), ["14", "9", "64"]);
    assert_eq!(figures("2027", &months), ["0", "0", ""]);

    let evaluations = [
        "quarters_due",
        "evaluations_on_time",
        "evaluations_late",
        "evaluations_unreadable",
        "evaluations_missing",
        "evaluations_on_time_percent",
    ];
    // 2026: Q1 on time and Q2 late (r-2026-001), Q1 missing (r-2026-002), Q3 on its due date
    // (r-2026-003); Q4 is not due until 30 January.
    assert_eq!(
        figures("2026", &evaluations),
        ["4", "2", "1", "0", "1", "50"]
    );
    // 2025: Q4 on time and Q1 unreadable (r-2025-001), Q2 on time and Q3 late (r-2025-002).
    assert_eq!(
        figures("2025", &evaluations),
        ["4", "2", "1", "1", "0", "50"]
    );

    let ratings = ["rated_on_track", "rated_needs_attention", "rated_at_risk"];
    assert_eq!(figures("2026", &ratings), ["1", "1", "1"]);
    assert_eq!(figures("2025", &ratings), ["0", "1", "2"]);

    let modes = [
        "meetings",
        "mode_in-person",
        "mode_telephone",
        "mode_email",
        "mode_not_allowed",
        "meetings_unreadable",
    ];
    // r-2026-001 met once by "video", which the program does not allow.
    assert_eq!(figures("2026", &modes), ["12", "5", "4", "2", "1", "0"]);
    assert_eq!(figures("2025", &modes), ["9", "3", "3", "3", "0", "0"]);
    assert_eq!(figures("2027", &modes), ["0", "0", "0", "0", "0", "0"]);
}

#[test]
fn report_csv_snapshot() {
    insta::assert_snapshot!(text(&fixture_site(), "report.csv"));
}

#[test]
fn the_page_shows_the_figures_and_names_no_one_and_no_relationship() {
    let files = fixture_site();
    let page = text(&files, "report/index.html");
    for shown in [
        "<h2 id=\"cohort-2025\">Cohort 2025</h2>",
        "<h2 id=\"cohort-2026\">Cohort 2026</h2>",
        "<h2 id=\"cohort-2027\">Cohort 2027</h2>",
        "<dt>Months met</dt><dd>12 of 14 months due (86%)</dd>",
        "<dt>Evaluations on time</dt><dd>2 of 4 quarters due (50%); 1 late; 1 unreadable</dd>",
        "<dt>Months before dissolving (median)</dt><dd>4</dd>",
        // All cohorts: the median of 4 and 7 months.
        "<td class=\"num\">5.5</td>",
        "1 in a mode the program does not allow",
        "<desc id=\"outcomes-desc\">2025: 2 relationships, 1 completed, 1 dissolved, 0 still active; ",
    ] {
        assert!(page.contains(shown), "report/index.html lacks {shown}");
    }
    // The ids the site publishes for these relationships (here `relationship-N`, as their
    // people have not consented), and the ids in the records.
    let data: serde_json::Value = serde_json::from_slice(&files["data.json"]).expect("JSON");
    let published: Vec<String> = data["relationships"]
        .as_array()
        .expect("relationships")
        .iter()
        .map(|r| r["id"].as_str().expect("an id").to_owned())
        .collect();
    assert_eq!(published.len(), 6);
    for id in &published {
        assert!(!page.contains(id.as_str()), "report/index.html shows {id}");
    }
    for never in [
        "r-2025-001",
        "r-2026-002",
        "r-2027-001",
        "relationships/r-",
        "video",
        "Pat Quill",
        "pat-quill",
        "Robin Ashgrove",
        "Wrenfield",
        "Harrowgate",
        "Marchetti",
    ] {
        assert!(!page.contains(never), "report/index.html shows {never}");
        assert!(
            !text(&files, "report.csv").contains(never),
            "report.csv shows {never}"
        );
    }
}

#[test]
fn the_report_is_linked_from_every_page_and_its_links_resolve() {
    let dir = crate::support::demo();
    let run = run_in(dir.path(), &["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let site = dir.path().join("site");
    let files = tree(&site);
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let root = "../".repeat(path.matches('/').count());
        let link = format!("<a href=\"{root}report/index.html\"");
        assert!(
            String::from_utf8_lossy(bytes).contains(&link),
            "{path} has no {link}"
        );
    }
    let broken: Vec<String> = crate::build::broken_links(&site)
        .into_iter()
        .filter(|b| b.starts_with("report/"))
        .collect();
    assert_eq!(broken, Vec::<String>::new());
    let page = String::from_utf8_lossy(&files["report/index.html"]);
    assert!(page.contains("href=\"../report.csv\"") && page.contains("id=\"counting\""));
    assert!(page.contains("<a href=\"../report/index.html\" aria-current=\"page\">Report</a>"));
}
