//! The dashboard cannot contradict `check`: on generated programs with records taken away at
//! random and looked at on different days, every fact the view shows about a relationship
//! agrees with what the rules report about it.

use crate::support::{generate, sized};
use chrono::NaiveDate;
use mentorbook::diagnostics::{Kind, Severity};
use mentorbook::rules::Rule;
use mentorbook::site::{Options, Site};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Removes about one meeting and evaluation file in `one_in` (a fixed choice per seed), so
/// that meetings fall overdue and quarters go unevaluated.
fn take_records_away(records: &Path, seed: u64, one_in: u64) -> usize {
    let mut removed = 0;
    let mut state = seed | 1;
    let mut files: Vec<_> = walkdir::WalkDir::new(records.join("relationships"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_owned())
        .filter(|p| {
            p.components()
                .any(|c| matches!(c.as_os_str().to_str(), Some("meetings" | "evaluations")))
        })
        .collect();
    files.sort();
    for path in files {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if state.is_multiple_of(one_in) {
            std::fs::remove_file(&path).expect("removed");
            removed += 1;
        }
    }
    removed
}

/// What the rules say about each relationship, by its id in the records.
#[derive(Default)]
struct Reported {
    /// `meeting-cadence` on relationship.yaml: a meeting is overdue.
    meeting_overdue: bool,
    /// Any `meeting-cadence`.
    cadence: bool,
    evaluation_missing: bool,
    errors: bool,
    warnings: bool,
}

fn reported(site: &Site) -> BTreeMap<String, Reported> {
    let mut out: BTreeMap<String, Reported> = BTreeMap::new();
    for d in &site.findings.diagnostics {
        let Some(id) = &d.relationship else { continue };
        let r = out.entry(id.clone()).or_default();
        match (d.rule, &d.kind) {
            (Rule::MeetingCadence, Kind::MeetingOverdue { .. }) => {
                r.meeting_overdue = true;
                r.cadence = true;
            }
            (Rule::MeetingCadence, _) => r.cadence = true,
            (Rule::EvaluationMissing, _) => r.evaluation_missing = true,
            _ => {}
        }
        match d.severity {
            Severity::Error => r.errors = true,
            Severity::Warning => r.warnings = true,
        }
    }
    out
}

#[test]
fn the_views_facts_agree_with_the_rules_on_generated_programs() {
    let days = ["2026-11-30", "2026-06-15", "2027-02-01"];
    let mut compared = BTreeSet::new();
    for (seed, day) in [(3, days[0]), (7, days[1]), (11, days[2])] {
        let mut options = sized(120, false);
        options.seed = seed;
        let (dir, _) = generate(&options);
        let records = dir.path().join("records");
        assert!(take_records_away(&records, seed, 9) > 20, "seed {seed}");
        let as_of: NaiveDate = day.parse().expect("a day");
        let site = Site::load(&Options {
            records: records.clone(),
            as_of: Some(as_of),
            templates: dir.path().join("no-templates"),
            base_url: None,
            revision: None,
        })
        .expect("the site loads");
        let reported = reported(&site);
        let names = mentorbook::view::PublicIds::new(&site.records);
        let none = Reported::default();
        for (id, folder) in &site.records.relationships {
            let Some(view) = site
                .view
                .relationships
                .iter()
                .find(|v| v.id == names.get(id))
            else {
                panic!("{id} has no view");
            };
            let Some(rel) = folder.relationship.as_ref().and_then(|f| f.record.as_ref()) else {
                continue;
            };
            let said = reported.get(id).unwrap_or(&none);
            let active =
                rel.status.value == mentorbook::model::Status::Active && rel.start.value <= as_of;
            let at = format!("seed {seed}, {id} as of {as_of}");
            if active {
                assert_eq!(
                    view.meeting_overdue, said.meeting_overdue,
                    "{at}: meeting overdue"
                );
                assert_eq!(
                    view.evaluation_overdue, said.evaluation_missing,
                    "{at}: evaluation overdue"
                );
            }
            let missed = view.timeline.iter().any(|m| m.state == "missed");
            assert!(
                !missed || said.cadence,
                "{at}: a missed month, but no cadence problem"
            );
            let badge = match (said.errors, said.warnings) {
                (true, _) => "errors",
                (false, true) => "warnings",
                (false, false) => "good",
            };
            assert_eq!(view.standing, badge, "{at}: standing");
            compared.insert((view.meeting_overdue, view.evaluation_overdue, missed, badge));
        }
    }
    // Positive control: the programs showed the facts both ways, so the comparison bit.
    for fact in 0..3 {
        let seen: BTreeSet<bool> = compared.iter().map(|c| [c.0, c.1, c.2][fact]).collect();
        assert_eq!(
            seen.len(),
            2,
            "fact {fact} was always the same: {compared:?}"
        );
    }
}
