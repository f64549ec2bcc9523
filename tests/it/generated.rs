//! Programs written by the project's generator (`mentorbook::generate`): rule-abiding at any
//! size, seed and as-of, the same files for the same seed, every kind of record in them, and
//! a canary program whose confidential values no message quotes.

use crate::support::{generate, parse_record, run_in, sized};
use chrono::NaiveDate;
use mentorbook::generate::Options;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// `check --format json` of the generated program in `dir`: zero diagnostics, exit 0.
fn assert_clean(dir: &Path, what: &str) -> Value {
    let run = run_in(dir, &["check", "--format", "json"]);
    let json = run.json();
    assert_eq!(
        json["diagnostics"],
        Value::Array(vec![]),
        "{what}: {}",
        run.stdout
    );
    assert_eq!(run.code, 0, "{what}");
    json
}

#[test]
fn a_generated_program_of_300_relationships_passes() {
    let (dir, manifest) = generate(&sized(300, false));
    let json = assert_clean(dir.path(), "300 relationships");
    assert_eq!(
        json["summary"]["files"].as_u64(),
        Some(manifest.files as u64)
    );
    assert!(manifest.files > 4000, "{}", manifest.summary());
}

/// Month ends, a leap day and a year's end as as-of, canaries or not: still no diagnostic.
#[test]
fn generated_programs_pass_on_other_seeds_and_days() {
    let days = [
        (2, "2028-02-29"),
        (3, "2027-01-31"),
        (4, "2025-12-31"),
        (5, "2026-06-30"),
    ];
    for (seed, as_of) in days {
        let options = Options {
            relationships: 80,
            seed,
            as_of: as_of.parse().expect("a date"),
            canary: seed % 2 == 1,
        };
        let (dir, _) = generate(&options);
        assert_clean(dir.path(), &format!("{options:?}"));
    }
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let files = |seed| {
        let options = Options {
            seed,
            ..sized(40, true)
        };
        let program = mentorbook::generate::generate(&options).expect("a program");
        program
            .files
            .into_iter()
            .map(|file| (file.path, file.text))
            .collect::<Vec<_>>()
    };
    let first = files(7);
    assert_eq!(first, files(7));
    assert_ne!(first, files(8));
}

/// What one record shows of the variety the generator promises.
fn kinds_in(path: &str, keys: &Value, as_of: &str) -> Vec<String> {
    let text = |key: &str| keys[key].as_str().unwrap_or_default().to_owned();
    let given = |key: &str| {
        let given = if keys.get(key).is_some() {
            "given"
        } else {
            "left out"
        };
        format!("{key} {given}")
    };
    if path.starts_with("people/") {
        let roles = keys["roles"].as_array().cloned().unwrap_or_default();
        let roles: Vec<&str> = roles.iter().filter_map(Value::as_str).collect();
        let shown = match keys["publish"] {
            Value::Bool(true) => "published",
            _ => "unpublished",
        };
        vec![format!("{shown} {}", roles.join(" and ")), given("publish")]
    } else if path.ends_with("relationship.yaml") {
        let upcoming = text("start").as_str() > as_of;
        let status = if upcoming {
            "not yet started".into()
        } else {
            text("status")
        };
        let reason = keys["dissolution"]
            .get("reason")
            .map(|_| "dissolution reason".into());
        [Some(status), reason].into_iter().flatten().collect()
    } else if path.ends_with("agreement.md") {
        vec![format!("meets {}", text("meeting_frequency"))]
    } else if path.contains("/meetings/") {
        let second = path
            .ends_with("-2.md")
            .then(|| "second meeting on a day".into());
        let keys = ["minutes", "working_hours", "manager_approval", "expenses"].map(given);
        let mode = format!("mode {}", text("mode"));
        keys.into_iter().chain([mode]).chain(second).collect()
    } else {
        let took_part = format!("mentee took part: {}", keys["mentee_participated"]);
        vec![format!("rated {}", text("rating")), took_part]
    }
}

#[test]
fn a_generated_program_has_every_kind_of_record() {
    let program = mentorbook::generate::generate(&sized(300, false)).expect("a program");
    let mut seen = BTreeSet::new();
    for file in program
        .files
        .iter()
        .filter(|f| f.path.starts_with("people/") || f.path.starts_with("relationships/"))
    {
        let (keys, _) = parse_record(&file.text);
        seen.extend(kinds_in(&file.path, &keys, "2026-11-30"));
    }
    let expected = [
        "published representative",
        "unpublished representative",
        "published mentor",
        "unpublished mentor",
        "published mentor and representative",
        "published mentee",
        "unpublished mentee",
        "publish left out",
        "active",
        "completed",
        "dissolved",
        "not yet started",
        "dissolution reason",
        "meets weekly",
        "meets fortnightly",
        "meets monthly",
        "mode in-person",
        "mode telephone",
        "mode email",
        "minutes given",
        "minutes left out",
        "working_hours given",
        "working_hours left out",
        "manager_approval given",
        "manager_approval left out",
        "expenses given",
        "expenses left out",
        "second meeting on a day",
        "rated on-track",
        "rated needs-attention",
        "rated at-risk",
        "mentee took part: true",
        "mentee took part: false",
    ];
    let missing: Vec<&str> = expected
        .into_iter()
        .filter(|k| !seen.contains(*k))
        .collect();
    assert!(missing.is_empty(), "no {missing:?} among {seen:?}");
}

#[test]
fn the_generator_never_writes_into_a_folder_that_holds_files() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("a file");
    let error = mentorbook::generate::write(&sized(1, false), dir.path())
        .expect_err("a folder with a file in it is refused");
    assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("a folder")
        .flatten()
        .collect();
    assert_eq!(names.len(), 1, "the generator wrote into the folder");
    let late = Options {
        as_of: NaiveDate::MAX,
        ..sized(1, false)
    };
    let error = mentorbook::generate::generate(&late).expect_err("an as-of out of range");
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn diagnostics_never_quote_confidential_values() {
    let (dir, _) = generate(&sized(40, true));
    let records = dir.path().join("records");
    // Break every relationship in many ways: two years on, everything is overdue and every
    // membership has lapsed; agreements disappear; every meeting is in working hours without
    // approval and every expense is paid by the program.
    for entry in walkdir::WalkDir::new(&records).into_iter().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name == "agreement.md" {
            std::fs::remove_file(path).unwrap();
        } else if path.extension().is_some_and(|e| e == "md")
            && path.parent().is_some_and(|p| p.ends_with("meetings"))
        {
            let text = unapproved(&std::fs::read_to_string(path).unwrap())
                .replace("paid_by: mentor", "paid_by: program")
                .replace("paid_by: mentee", "paid_by: program");
            std::fs::write(path, text).unwrap();
        }
    }
    let mut rules = BTreeSet::new();
    for format in ["json", "human", "github", "markdown"] {
        let run = run_in(
            dir.path(),
            &["check", "--format", format, "--as-of", "2028-12-31"],
        );
        assert_eq!(run.code, 1);
        if format == "json" {
            for d in run.json()["diagnostics"].as_array().unwrap() {
                rules.insert(d["rule"].as_str().unwrap().to_owned());
                let message = d["message"].as_str().unwrap();
                assert!(!message.to_lowercase().contains("canary"), "{message}");
            }
        } else if format != "human" {
            // The human report shows source lines of the (private) records; every other
            // format carries messages only, and the path of the file to fix — which for a
            // person is their id, so those paths are taken out before looking.
            let text = without_person_paths(&run.stdout);
            assert!(
                !text.to_lowercase().contains("canary"),
                "{format} quotes a confidential value"
            );
        }
    }
    for rule in [
        "agreement-missing",
        "status",
        "meeting-cadence",
        "membership",
        "working-hours-approval",
        "expenses",
        "evaluation-missing",
    ] {
        assert!(rules.contains(rule), "{rule} did not fire: {rules:?}");
    }
}

/// A meeting's text held in working hours without approval: its own `working_hours` and
/// `manager_approval` (a block of indented lines) replaced by `working_hours: true`.
fn unapproved(meeting: &str) -> String {
    let mut out = String::from("---\nworking_hours: true\n");
    let mut in_approval = false;
    for line in meeting.strip_prefix("---\n").unwrap_or(meeting).lines() {
        in_approval =
            line.starts_with("manager_approval:") || (in_approval && line.starts_with(' '));
        if !in_approval && !line.starts_with("working_hours:") {
            out += line;
            out += "\n";
        }
    }
    out
}

/// The text with every `people/<id>.yaml` path removed.
fn without_person_paths(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("people/") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after
            .find(".yaml")
            .map_or(after.len(), |i| i + ".yaml".len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}
