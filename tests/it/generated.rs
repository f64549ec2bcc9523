//! Programs written by `../shared/bench/gen_program.py`: a large rule-abiding program passes
//! with zero diagnostics, and a canary program never has a confidential value quoted.

use crate::support::{generate, run_in};

#[test]
fn a_generated_program_of_300_relationships_passes() {
    let Some((dir, _)) = generate(&["--relationships", "300"]) else {
        return;
    };
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    let json = run.json();
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(0));
    assert!(json["summary"]["files"].as_u64().unwrap_or(0) > 4000);
}

#[test]
fn diagnostics_never_quote_confidential_values() {
    let Some((dir, records)) = generate(&["--relationships", "40", "--canary"]) else {
        return;
    };
    // Break every relationship in many ways: two years on, everything is overdue and every
    // membership has lapsed; agreements and some meetings disappear; every meeting is in
    // working hours without approval and every expense is paid by the program.
    for entry in walkdir::WalkDir::new(&records).into_iter().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name == "agreement.md" {
            std::fs::remove_file(path).unwrap();
        } else if path.extension().is_some_and(|e| e == "md")
            && path.parent().is_some_and(|p| p.ends_with("meetings"))
        {
            let text = std::fs::read_to_string(path).unwrap();
            let text = text
                .replacen("---\n", "---\nworking_hours: true\n", 1)
                .replace("paid_by: mentor", "paid_by: program")
                .replace("paid_by: mentee", "paid_by: program");
            std::fs::write(path, text).unwrap();
        }
    }
    let mut rules = std::collections::BTreeSet::new();
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
        "evaluation-missing",
    ] {
        assert!(rules.contains(rule), "{rule} did not fire: {rules:?}");
    }
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
