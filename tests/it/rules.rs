//! Every cross-record rule: a program that fires it (asserting rule, file and line) and one
//! that sits exactly on its boundary and passes. Each case starts from a small program that
//! passes every rule and changes a file or two.

use crate::support::{Found, PROGRAM_TOML, Program};
use std::collections::BTreeMap;

const REL: &str = "relationships/r-2026-001/";

/// A program that passes every rule as of 2026-11-30: mentor dana-whitfield, mentee
/// sam-ortiz, representative pat-kim, relationship r-2026-001 from 2026-01-15, meeting on
/// the 10th of every month, evaluated every quarter.
fn base() -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut put = |path: &str, text: &str| files.insert(path.to_owned(), text.to_owned());
    put("program.toml", PROGRAM_TOML);
    put(
        "people/pat-kim.yaml",
        "name: Pat Kim\nroles: [representative]\npublish: true\n",
    );
    put(
        "people/dana-whitfield.yaml",
        "name: Dana Whitfield\nroles: [mentor]\npublic_library: current\nmembership:\n  number: MLA-1\n  expires: 2027-12-31\nlibrary_since: 2010-01-15\nfield: Reference\nfield_since: 2020-01-15\npublish: true\n",
    );
    put(
        "people/sam-ortiz.yaml",
        "name: Sam Ortiz\nroles: [mentee]\npublic_library: planned\nmembership:\n  number: MLA-2\n  expires: 2027-12-31\nlibrary_since: 2022-06-01\npublish: true\n",
    );
    put(
        "people/quinn-hidden.yaml",
        "name: Quinn Hidden\nroles: [mentee]\npublic_library: current\nmembership:\n  number: MLA-3\n  expires: 2027-12-31\nemail: quinn@example.org\n",
    );
    put(
        &format!("{REL}relationship.yaml"),
        "mentor: dana-whitfield\nmentee: sam-ortiz\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n",
    );
    put(&format!("{REL}agreement.md"), AGREEMENT);
    for month in 2..=11 {
        put(&format!("{REL}meetings/2026-{month:02}-10.md"), MEETING);
    }
    for (quarter, date) in [(1, "2026-04-05"), (2, "2026-07-05"), (3, "2026-10-05")] {
        put(
            &format!("{REL}evaluations/2026-Q{quarter}.yaml"),
            &evaluation(date),
        );
    }
    files
}

const AGREEMENT: &str = "---\nsigned:\n  mentor: 2026-01-10\n  mentee: 2026-01-12\nmeeting_frequency: monthly\nmeeting_modes: [in-person, email]\nconfidentiality: true\nvoluntary: true\nexpenses: participants\n---\nTerms.\n";
const MEETING: &str = "---\nmode: email\nminutes: 30\ntopics: [Budgets]\n---\nNotes.\n";

fn evaluation(date: &str) -> String {
    format!(
        "representative: pat-kim\ndate: {date}\nmentor_participated: true\nmentee_participated: true\nrating: on-track\n"
    )
}

/// The base program with `changes` applied (`None` deletes a file), checked with `args`.
fn check(changes: &[(&str, Option<&str>)], args: &[&str]) -> Vec<Found> {
    let mut files = base();
    for (path, text) in changes {
        let path = path.replace("REL/", REL);
        match text {
            Some(text) => files.insert(path, (*text).to_owned()),
            None => files.remove(&path),
        };
    }
    let program = Program::new();
    for (path, text) in &files {
        program.write(path, text);
    }
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    crate::support::found(&program.check(&all).json())
}

fn of(found: &[Found], rule: &str) -> Vec<Found> {
    found.iter().filter(|d| d.rule == rule).cloned().collect()
}

/// Exactly one diagnostic of `rule`, in `file` (inside records/) at `line`.
#[track_caller]
fn fires(found: &[Found], rule: &str, file: &str, line: u64) -> Found {
    let hits = of(found, rule);
    assert_eq!(hits.len(), 1, "expected one {rule}, got {found:#?}");
    let file = format!("records/{}", file.replace("REL/", REL));
    assert_eq!(
        (hits[0].file.as_str(), hits[0].line),
        (file.as_str(), line),
        "{found:#?}"
    );
    hits[0].clone()
}

#[track_caller]
fn passes(found: &[Found], rule: &str) {
    assert!(of(found, rule).is_empty(), "{rule} fired: {found:#?}");
}

#[test]
fn the_base_program_passes_every_rule() {
    assert_eq!(check(&[], &[]), []);
}

#[test]
fn reference_to_a_missing_person() {
    let rel =
        "mentor: nobody\nmentee: sam-ortiz\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n";
    fires(
        &check(&[("REL/relationship.yaml", Some(rel))], &[]),
        "reference",
        "REL/relationship.yaml",
        1,
    );
    let eval = "representative: nobody\ndate: 2026-04-05\nmentor_participated: true\nmentee_participated: true\nrating: on-track\n";
    fires(
        &check(&[("REL/evaluations/2026-Q1.yaml", Some(eval))], &[]),
        "reference",
        "REL/evaluations/2026-Q1.yaml",
        1,
    );
    // A broken person file still exists: only its own `yaml` error is reported.
    let found = check(&[("people/sam-ortiz.yaml", Some("name: [\n"))], &[]);
    assert_eq!(
        found.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
        ["yaml"],
        "{found:#?}"
    );
}

#[test]
fn role_of_mentor_mentee_and_representative() {
    let rel = "mentor: dana-whitfield\nmentee: pat-kim\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n";
    let d = fires(
        &check(&[("REL/relationship.yaml", Some(rel))], &[]),
        "role",
        "REL/relationship.yaml",
        2,
    );
    assert!(
        d.message.contains("`pat-kim` is named as mentee"),
        "{}",
        d.message
    );
    let eval = "representative: quinn-hidden\ndate: 2026-04-05\nmentor_participated: true\nmentee_participated: true\nrating: on-track\n";
    let d = fires(
        &check(&[("REL/evaluations/2026-Q1.yaml", Some(eval))], &[]),
        "role",
        "REL/evaluations/2026-Q1.yaml",
        1,
    );
    assert!(
        !d.message.to_lowercase().contains("quinn"),
        "unpublished person named: {}",
        d.message
    );
}

#[test]
fn self_mentoring() {
    let rel = "mentor: dana-whitfield\nmentee: dana-whitfield\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n";
    fires(
        &check(&[("REL/relationship.yaml", Some(rel))], &[]),
        "self-mentoring",
        "REL/relationship.yaml",
        2,
    );
}

fn sam(expires: &str, public_library: &str, library_since: &str) -> String {
    format!(
        "name: Sam Ortiz\nroles: [mentee]\npublic_library: {public_library}\nmembership:\n  number: MLA-2\n  expires: {expires}\nlibrary_since: {library_since}\npublish: true\n"
    )
}

#[test]
fn membership_expiry_against_start_and_as_of() {
    let before_start = sam("2026-01-14", "planned", "2022-06-01");
    let d = fires(
        &check(&[("people/sam-ortiz.yaml", Some(&before_start))], &[]),
        "membership",
        "people/sam-ortiz.yaml",
        6,
    );
    assert!(
        d.message
            .contains("expires on 2026-01-14, before r-2026-001 starts on 2026-01-15"),
        "{}",
        d.message
    );
    let day_before_as_of = sam("2026-11-29", "planned", "2022-06-01");
    fires(
        &check(&[("people/sam-ortiz.yaml", Some(&day_before_as_of))], &[]),
        "membership",
        "people/sam-ortiz.yaml",
        6,
    );
    let on_as_of = sam("2026-11-30", "planned", "2022-06-01");
    passes(
        &check(&[("people/sam-ortiz.yaml", Some(&on_as_of))], &[]),
        "membership",
    );
}

#[test]
fn public_library_connection() {
    let none = sam("2027-12-31", "none", "2022-06-01");
    fires(
        &check(&[("people/sam-ortiz.yaml", Some(&none))], &[]),
        "public-library",
        "people/sam-ortiz.yaml",
        3,
    );
    let former = sam("2027-12-31", "former", "2022-06-01");
    passes(
        &check(&[("people/sam-ortiz.yaml", Some(&former))], &[]),
        "public-library",
    );
}

fn dana(library_since: &str, field_since: &str) -> String {
    format!(
        "name: Dana Whitfield\nroles: [mentor]\npublic_library: current\nmembership:\n  number: MLA-1\n  expires: 2027-12-31\nlibrary_since: {library_since}\nfield: Reference\nfield_since: {field_since}\npublish: true\n"
    )
}

#[test]
fn mentor_library_years_exactly_five() {
    let short = dana("2021-01-16", "2020-01-15");
    let d = fires(
        &check(&[("people/dana-whitfield.yaml", Some(&short))], &[]),
        "mentor-library-years",
        "people/dana-whitfield.yaml",
        7,
    );
    assert!(
        d.message
            .contains("5 years are reached on 2026-01-16, after r-2026-001 starts on 2026-01-15"),
        "{}",
        d.message
    );
    passes(
        &check(
            &[(
                "people/dana-whitfield.yaml",
                Some(&dana("2021-01-15", "2020-01-15")),
            )],
            &[],
        ),
        "mentor-library-years",
    );
}

#[test]
fn mentor_field_years_exactly_three() {
    let short = dana("2010-01-15", "2023-01-16");
    fires(
        &check(&[("people/dana-whitfield.yaml", Some(&short))], &[]),
        "mentor-field-years",
        "people/dana-whitfield.yaml",
        9,
    );
    passes(
        &check(
            &[(
                "people/dana-whitfield.yaml",
                Some(&dana("2010-01-15", "2023-01-15")),
            )],
            &[],
        ),
        "mentor-field-years",
    );
}

#[test]
fn mentor_seniority_is_a_warning() {
    let senior_mentee = sam("2027-12-31", "planned", "2010-01-14");
    let found = check(
        &[("people/sam-ortiz.yaml", Some(&senior_mentee))],
        &["--deny", "warnings"],
    );
    fires(&found, "mentor-seniority", "REL/relationship.yaml", 1);
    let same_day = sam("2027-12-31", "planned", "2010-01-15");
    passes(
        &check(&[("people/sam-ortiz.yaml", Some(&same_day))], &[]),
        "mentor-seniority",
    );
}

#[test]
fn mentor_capacity_counts_active_relationships_on_as_of() {
    let second = "mentor: dana-whitfield\nmentee: quinn-hidden\nstart: 2026-11-01\nend: 2027-10-31\nstatus: active\n";
    let changes = |limit: &'static str| -> Vec<(&'static str, Option<String>)> {
        vec![
            (
                "program.toml",
                Some(format!(
                    "{PROGRAM_TOML}[rules]\nmax_active_mentees_per_mentor = {limit}\n"
                )),
            ),
            (
                "relationships/r-2026-002/relationship.yaml",
                Some(second.to_owned()),
            ),
        ]
    };
    let run = |limit| {
        let owned = changes(limit);
        let borrowed: Vec<(&str, Option<&str>)> =
            owned.iter().map(|(p, t)| (*p, t.as_deref())).collect();
        check(&borrowed, &[])
    };
    let d = fires(
        &run("1"),
        "mentor-capacity",
        "relationships/r-2026-002/relationship.yaml",
        1,
    );
    assert!(
        d.message
            .contains("2 active relationships on 2026-11-30, more than the program's limit of 1"),
        "{}",
        d.message
    );
    passes(&run("2"), "mentor-capacity");
}

fn relationship(start: &str, end: &str, status: &str, extra: &str) -> String {
    format!(
        "mentor: dana-whitfield\nmentee: sam-ortiz\nstart: {start}\nend: {end}\nstatus: {status}\n{extra}"
    )
}

#[test]
fn duration_up_to_exactly_twelve_months() {
    let long = relationship("2026-01-15", "2027-01-16", "active", "");
    let d = fires(
        &check(&[("REL/relationship.yaml", Some(&long))], &[]),
        "duration",
        "REL/relationship.yaml",
        4,
    );
    assert!(
        d.message.contains("it must end by 2027-01-15"),
        "{}",
        d.message
    );
    let year = relationship("2026-01-15", "2027-01-15", "active", "");
    passes(
        &check(&[("REL/relationship.yaml", Some(&year))], &[]),
        "duration",
    );
    let backwards = relationship("2026-01-15", "2026-01-14", "completed", "");
    fires(
        &check(&[("REL/relationship.yaml", Some(&backwards))], &[]),
        "duration",
        "REL/relationship.yaml",
        4,
    );
}

#[test]
fn status_agrees_with_the_dates() {
    let over = relationship("2026-01-15", "2026-11-29", "active", "");
    fires(
        &check(&[("REL/relationship.yaml", Some(&over))], &[]),
        "status",
        "REL/relationship.yaml",
        5,
    );
    let last_day = relationship("2026-01-15", "2026-11-30", "active", "");
    passes(
        &check(&[("REL/relationship.yaml", Some(&last_day))], &[]),
        "status",
    );
    let early = relationship("2026-01-15", "2026-12-01", "completed", "");
    fires(
        &check(&[("REL/relationship.yaml", Some(&early))], &[]),
        "status",
        "REL/relationship.yaml",
        5,
    );
    let future = relationship("2026-12-15", "2027-12-14", "completed", "");
    fires(
        &check(&[("REL/relationship.yaml", Some(&future))], &[]),
        "status",
        "REL/relationship.yaml",
        5,
    );
}

#[test]
fn dissolution_is_recorded_with_committee_contact_first() {
    // Without the block only `dissolution` fires: no meeting since June would be late for
    // `meeting-cadence`, were the close date guessed.
    let no_block = relationship("2026-01-15", "2027-01-14", "dissolved", "");
    let mut changes = vec![("REL/relationship.yaml".to_owned(), Some(no_block.as_str()))];
    changes.extend((7..=11).map(|month| (format!("REL/meetings/2026-{month:02}-10.md"), None)));
    let changes: Vec<(&str, Option<&str>)> =
        changes.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let found = check(&changes, &[]);
    fires(&found, "dissolution", "REL/relationship.yaml", 5);
    assert_eq!(found.len(), 1, "{found:#?}");
    let stray = relationship(
        "2026-01-15",
        "2027-01-14",
        "active",
        "dissolution:\n  date: 2026-06-01\n  by: mentee\n  committee_contacted: 2026-07-01\n",
    );
    fires(
        &check(&[("REL/relationship.yaml", Some(&stray))], &[]),
        "dissolution",
        "REL/relationship.yaml",
        6,
    );
    let late_contact = relationship(
        "2026-01-15",
        "2027-01-14",
        "dissolved",
        "dissolution:\n  date: 2026-11-20\n  by: mentee\n  committee_contacted: 2026-11-21\n",
    );
    fires(
        &check(&[("REL/relationship.yaml", Some(&late_contact))], &[]),
        "dissolution",
        "REL/relationship.yaml",
        9,
    );
    let same_day = relationship(
        "2026-01-15",
        "2027-01-14",
        "dissolved",
        "dissolution:\n  date: 2026-11-20\n  by: mentor\n  committee_contacted: 2026-11-20\n",
    );
    assert_eq!(
        check(&[("REL/relationship.yaml", Some(&same_day))], &[]),
        []
    );
    let outside = relationship(
        "2026-01-15",
        "2027-01-14",
        "dissolved",
        "dissolution:\n  date: 2027-01-15\n  by: mentor\n  committee_contacted: 2026-11-20\n",
    );
    fires(
        &check(&[("REL/relationship.yaml", Some(&outside))], &[]),
        "dissolution",
        "REL/relationship.yaml",
        7,
    );
}

#[test]
fn agreement_missing_once_started() {
    let found = check(&[("REL/agreement.md", None)], &[]);
    fires(&found, "agreement-missing", "REL/relationship.yaml", 1);
    // A broken agreement is present, not missing.
    let found = check(&[("REL/agreement.md", Some("no front matter\n"))], &[]);
    passes(&found, "agreement-missing");
    fires(&found, "yaml", "REL/agreement.md", 1);
    // The day before it starts, no agreement is needed yet.
    let found = check(&[("REL/agreement.md", None)], &["--as-of", "2026-01-14"]);
    passes(&found, "agreement-missing");
}

#[test]
fn agreement_signed_before_the_first_meeting() {
    let late = AGREEMENT.replace("mentee: 2026-01-12", "mentee: 2026-02-11");
    fires(
        &check(&[("REL/agreement.md", Some(&late))], &[]),
        "agreement-unsigned",
        "REL/agreement.md",
        4,
    );
    let on_the_day = AGREEMENT.replace("mentee: 2026-01-12", "mentee: 2026-02-10");
    passes(
        &check(&[("REL/agreement.md", Some(&on_the_day))], &[]),
        "agreement-unsigned",
    );
}

#[test]
fn agreement_terms_each_at_its_key() {
    let bad = AGREEMENT
        .replace("monthly", "quarterly")
        .replace("[in-person, email]", "[in-person, video]")
        .replace("confidentiality: true", "confidentiality: false")
        .replace("expenses: participants", "expenses: program");
    let found = of(
        &check(&[("REL/agreement.md", Some(&bad))], &[]),
        "agreement-terms",
    );
    let lines: Vec<u64> = found.iter().map(|d| d.line).collect();
    assert_eq!(lines, [5, 6, 7, 9], "{found:#?}");
    assert_eq!(found[1].column, 28, "points at the `video` item");
}

#[test]
fn meeting_cadence_last_on_time_day() {
    let found = check(&[("REL/meetings/2026-05-10.md", None)], &[]);
    let d = fires(&found, "meeting-cadence", "REL/meetings/2026-06-10.md", 1);
    assert_eq!(
        d.message,
        "no meeting between 2026-04-10 and 2026-06-10: the next meeting was due by 2026-05-10"
    );
    let found = check(
        &[
            ("REL/meetings/2026-05-10.md", None),
            ("REL/meetings/2026-05-11.md", Some(MEETING)),
        ],
        &[],
    );
    fires(&found, "meeting-cadence", "REL/meetings/2026-05-11.md", 1);
    // Due on the 10th of each month: as-of on the due day passes, the day after does not.
    passes(&check(&[], &["--as-of", "2026-12-10"]), "meeting-cadence");
    let d = fires(
        &check(&[], &["--as-of", "2026-12-11"]),
        "meeting-cadence",
        "REL/relationship.yaml",
        1,
    );
    assert_eq!(
        d.message,
        "no meeting since 2026-11-10: the next meeting was due by 2026-12-10"
    );
    // A broken meeting file still counts as a meeting on its date.
    passes(
        &check(
            &[("REL/meetings/2026-05-10.md", Some("---\nmode: [\n---\n"))],
            &[],
        ),
        "meeting-cadence",
    );
}

#[test]
fn meeting_cadence_clamps_to_the_month_end() {
    let rel = relationship("2026-01-31", "2027-01-30", "active", "");
    let mut changes: Vec<(String, Option<String>)> =
        vec![("REL/relationship.yaml".into(), Some(rel))];
    for month in 2..=11 {
        changes.push((format!("REL/meetings/2026-{month:02}-10.md"), None));
    }
    let with = |day: &str| {
        let mut all = changes.clone();
        all.push((format!("REL/meetings/{day}.md"), Some(MEETING.to_owned())));
        let borrowed: Vec<(&str, Option<&str>)> = all
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_deref()))
            .collect();
        check(&borrowed, &["--as-of", "2026-03-01"])
    };
    passes(&with("2026-02-28"), "meeting-cadence");
    let found = with("2026-03-01");
    let cadence = of(&found, "meeting-cadence");
    assert_eq!(
        cadence[0].message,
        "no meeting between 2026-01-31 and 2026-03-01: the next meeting was due by 2026-02-28",
        "{found:#?}"
    );
}

#[test]
fn meeting_mode_date_approval_expenses_agenda() {
    let video = MEETING.replace("mode: email", "mode: video");
    fires(
        &check(&[("REL/meetings/2026-03-10.md", Some(&video))], &[]),
        "meeting-mode",
        "REL/meetings/2026-03-10.md",
        2,
    );
    fires(
        &check(&[("REL/meetings/2026-01-14.md", Some(MEETING))], &[]),
        "meeting-date",
        "REL/meetings/2026-01-14.md",
        1,
    );
    passes(
        &check(&[("REL/meetings/2026-01-15.md", Some(MEETING))], &[]),
        "meeting-date",
    );
    fires(
        &check(&[("REL/meetings/2026-12-01.md", Some(MEETING))], &[]),
        "meeting-date",
        "REL/meetings/2026-12-01.md",
        1,
    );

    let unapproved = "---\nmode: in-person\nworking_hours: true\ntopics: [x]\n---\n";
    fires(
        &check(&[("REL/meetings/2026-03-10.md", Some(unapproved))], &[]),
        "working-hours-approval",
        "REL/meetings/2026-03-10.md",
        3,
    );
    let approval = |date: &str| {
        format!(
            "---\nmode: in-person\nworking_hours: true\nmanager_approval:\n  by: Jordan Lee\n  date: {date}\ntopics: [x]\n---\n"
        )
    };
    fires(
        &check(
            &[("REL/meetings/2026-03-10.md", Some(&approval("2026-03-11")))],
            &[],
        ),
        "working-hours-approval",
        "REL/meetings/2026-03-10.md",
        4,
    );
    passes(
        &check(
            &[("REL/meetings/2026-03-10.md", Some(&approval("2026-03-10")))],
            &[],
        ),
        "working-hours-approval",
    );

    let expense = |by: &str| {
        format!(
            "---\nmode: email\ntopics: [x]\nexpenses:\n  - amount: 12.50\n    paid_by: {by}\n    what: Coffee\n---\n"
        )
    };
    fires(
        &check(
            &[("REL/meetings/2026-03-10.md", Some(&expense("program")))],
            &[],
        ),
        "expenses",
        "REL/meetings/2026-03-10.md",
        6,
    );
    passes(
        &check(
            &[("REL/meetings/2026-03-10.md", Some(&expense("mentee")))],
            &[],
        ),
        "expenses",
    );

    let no_topics = "---\nmode: email\n---\n";
    let found = check(&[("REL/meetings/2026-03-10.md", Some(no_topics))], &[]);
    fires(&found, "mentee-agenda", "REL/meetings/2026-03-10.md", 1);
}

#[test]
fn evaluation_missing_after_the_grace_period() {
    let d = fires(
        &check(&[("REL/evaluations/2026-Q2.yaml", None)], &[]),
        "evaluation-missing",
        "REL/relationship.yaml",
        1,
    );
    assert_eq!(
        d.message,
        "no evaluation for 2026-Q2: it was due by 2026-07-30"
    );
    // Q3 ends 2026-09-30 and is due by 2026-10-30: missing on that day is not yet late.
    passes(
        &check(
            &[("REL/evaluations/2026-Q3.yaml", None)],
            &["--as-of", "2026-10-30"],
        ),
        "evaluation-missing",
    );
    fires(
        &check(
            &[("REL/evaluations/2026-Q3.yaml", None)],
            &["--as-of", "2026-10-31"],
        ),
        "evaluation-missing",
        "REL/relationship.yaml",
        1,
    );
    // A broken evaluation still covers its quarter.
    passes(
        &check(&[("REL/evaluations/2026-Q2.yaml", Some("date: [\n"))], &[]),
        "evaluation-missing",
    );
}

#[test]
fn evaluation_quarter_and_date() {
    let outside = evaluation("2025-12-20");
    fires(
        &check(&[("REL/evaluations/2025-Q4.yaml", Some(&outside))], &[]),
        "evaluation-quarter",
        "REL/evaluations/2025-Q4.yaml",
        1,
    );
    fires(
        &check(
            &[(
                "REL/evaluations/2026-Q2.yaml",
                Some(&evaluation("2026-03-31")),
            )],
            &[],
        ),
        "evaluation-quarter",
        "REL/evaluations/2026-Q2.yaml",
        2,
    );
    fires(
        &check(
            &[(
                "REL/evaluations/2026-Q2.yaml",
                Some(&evaluation("2026-07-31")),
            )],
            &[],
        ),
        "evaluation-quarter",
        "REL/evaluations/2026-Q2.yaml",
        2,
    );
    passes(
        &check(
            &[(
                "REL/evaluations/2026-Q2.yaml",
                Some(&evaluation("2026-07-30")),
            )],
            &[],
        ),
        "evaluation-quarter",
    );
    passes(
        &check(
            &[(
                "REL/evaluations/2026-Q2.yaml",
                Some(&evaluation("2026-04-01")),
            )],
            &[],
        ),
        "evaluation-quarter",
    );
}

#[test]
fn evaluation_compliance_and_representative() {
    let absent =
        evaluation("2026-04-05").replace("mentor_participated: true", "mentor_participated: false");
    fires(
        &check(&[("REL/evaluations/2026-Q1.yaml", Some(&absent))], &[]),
        "evaluation-compliance",
        "REL/evaluations/2026-Q1.yaml",
        3,
    );
    let by_mentee = evaluation("2026-04-05").replace("pat-kim", "sam-ortiz");
    fires(
        &check(&[("REL/evaluations/2026-Q1.yaml", Some(&by_mentee))], &[]),
        "evaluation-representative",
        "REL/evaluations/2026-Q1.yaml",
        1,
    );
}

#[test]
fn private_id_reveals_no_unpublished_participant() {
    let rel = "mentor: dana-whitfield\nmentee: quinn-hidden\nstart: 2026-11-01\nend: 2027-10-31\nstatus: active\n";
    let agreement = AGREEMENT.replace("2026-01-1", "2026-10-2");
    for id in ["r-2026-quinn", "r-hidden-2026", "r-x-quinn-hidden"] {
        let path = format!("relationships/{id}/relationship.yaml");
        let agreement_path = format!("relationships/{id}/agreement.md");
        let found = check(
            &[(&path, Some(rel)), (&agreement_path, Some(&agreement))],
            &[],
        );
        let d = fires(&found, "private-id", &path, 1);
        // The id itself is already public; the message adds nothing about the person.
        let rest = d.message.replace(id, "");
        assert!(
            !rest.to_lowercase().contains("quinn") && !rest.to_lowercase().contains("hidden"),
            "{}",
            d.message
        );
    }
    let path = "relationships/r-2026-002/relationship.yaml";
    let agreement_path = "relationships/r-2026-002/agreement.md";
    assert_eq!(
        check(
            &[(path, Some(rel)), (agreement_path, Some(&agreement))],
            &[]
        ),
        []
    );
}

/// Relationship `id` for `dana-whitfield` and an unpublished mentee named `name` (id
/// `mentee-9`): the `private-id` diagnostics.
fn private_id_with(id: &str, name: &str) -> Vec<Found> {
    let rel = "mentor: dana-whitfield\nmentee: mentee-9\nstart: 2026-11-01\nend: 2027-10-31\nstatus: active\n";
    let person = format!(
        "name: {name}\nroles: [mentee]\npublic_library: current\nmembership:\n  number: MLA-9\n  expires: 2027-12-31\n"
    );
    let agreement = AGREEMENT.replace("2026-01-1", "2026-10-2");
    let path = format!("relationships/{id}/relationship.yaml");
    let agreement_path = format!("relationships/{id}/agreement.md");
    let found = check(
        &[
            ("people/mentee-9.yaml", Some(&person)),
            (&path, Some(rel)),
            (&agreement_path, Some(&agreement)),
        ],
        &[],
    );
    of(&found, "private-id")
}

#[test]
fn private_id_folds_names_and_matches_short_words_as_whole_segments() {
    for (id, name) in [
        ("r-ines-munoz", "Inés Muñoz"),
        ("r-2026-bjorn", "Bjørn Dahl"),
        ("r-isil-2026", "Işıl Kaya"),
        ("r-2026-kaya", "Işıl Kaya"),
        ("r-2026-al-wu", "Al Wu"),
        ("r-2026-bo", "Bo Li"),
        ("r-zoe-2026", "Zoë Núñez"),
        ("r-2026-soren", "Søren Ægirsdóttir"),
        ("r-mentee-9-a", "Xu Yi"),
    ] {
        assert_eq!(private_id_with(id, name).len(), 1, "{id} reveals {name}");
    }
    // A short word inside a longer segment is a coincidence, not a name.
    for (id, name) in [
        ("r-2026-boli", "Bo Li"),
        ("r-2026-walnut", "Al Wu"),
        ("r-2026-014", "Inés Muñoz"),
    ] {
        assert_eq!(private_id_with(id, name), [], "{id} does not reveal {name}");
    }
}

#[test]
fn a_broken_relationship_feeds_no_rule() {
    let broken = "mentor: dana-whitfield\nmentee: sam-ortiz\nstart: 2026-01-15\nend: 2027-01-14\nstatus: actve\n";
    let found = check(
        &[
            ("REL/relationship.yaml", Some(broken)),
            ("REL/evaluations/2026-Q2.yaml", None),
            ("REL/meetings/2026-05-10.md", None),
        ],
        &[],
    );
    assert_eq!(
        found.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(),
        ["schema"],
        "{found:#?}"
    );
}

#[test]
fn severity_overrides_apply_to_cross_record_rules() {
    let no_topics = "---\nmode: email\n---\n";
    let toml =
        format!("{PROGRAM_TOML}[severity]\nmentee-agenda = \"error\"\nmeeting-cadence = \"off\"\n");
    let found = check(
        &[
            ("program.toml", Some(&toml)),
            ("REL/meetings/2026-03-10.md", Some(no_topics)),
            ("REL/meetings/2026-05-10.md", None),
        ],
        &[],
    );
    passes(&found, "meeting-cadence");
    let agenda = fires(&found, "mentee-agenda", "REL/meetings/2026-03-10.md", 1);
    assert_eq!(agenda.severity, "error", "raised from its default, warning");
    let program = Program::new();
    program.write("program.toml", &toml);
    program.write(
        "people/pat-kim.yaml",
        "name: Pat Kim\nroles: [representative]\n",
    );
    let json = program.check(&["--format", "json"]).json();
    assert_eq!(json["summary"]["errors"], 0);
}
