//! `mentorbook schema`: the schemas it writes accept every demo record, refuse records with a
//! typo, and ask for exactly the keys `check` asks for.

use crate::support::{Program, run_in};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Runs `mentorbook schema --out schemas` in a temporary folder: each kind and its text.
fn schema_texts() -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["schema", "--out", "schemas"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut out = BTreeMap::new();
    for line in run.stdout.lines() {
        let text = std::fs::read_to_string(dir.path().join(line)).unwrap();
        let kind = line
            .trim_start_matches("schemas/")
            .trim_end_matches(".schema.json");
        out.insert(kind.to_owned(), text);
    }
    out
}

/// Every schema `mentorbook schema` writes, parsed.
fn schemas() -> BTreeMap<String, Value> {
    let texts = schema_texts().into_iter();
    texts
        .map(|(kind, text)| (kind, serde_json::from_str(&text).unwrap()))
        .collect()
}

/// Committed to records repositories, the schemas must not change from one run to the next.
#[test]
fn two_runs_write_the_same_bytes() {
    let first = schema_texts();
    assert_eq!(first.len(), 5, "{:?}", first.keys());
    assert_eq!(schema_texts(), first);
}

/// The schema kind for a path inside records/, or `None` for files without one.
fn kind_of(rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["people", _] => Some("person"),
        ["relationships", _, "relationship.yaml"] => Some("relationship"),
        ["relationships", _, "agreement.md"] => Some("agreement"),
        ["relationships", _, "meetings", _] => Some("meeting"),
        ["relationships", _, "evaluations", _] => Some("evaluation"),
        _ => None,
    }
}

/// A record's YAML (a Markdown record's front matter) as a JSON value; dates stay strings.
fn document(text: &str) -> Value {
    let yaml = match text.strip_prefix("---\n") {
        Some(rest) => rest.split("\n---\n").next().unwrap(),
        None => text,
    };
    serde_saphyr::from_str::<Value>(yaml).unwrap()
}

/// Validation errors of `instance`, as text.
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap();
    validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn every_demo_record_validates() {
    let schemas = schemas();
    assert_eq!(
        schemas.keys().collect::<Vec<_>>(),
        [
            "agreement",
            "evaluation",
            "meeting",
            "person",
            "relationship"
        ]
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
        let rel = entry.path().strip_prefix(&root).unwrap().to_string_lossy();
        let Some(kind) = kind_of(&rel).filter(|_| !rel.ends_with("README.md")) else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let found = errors(&schemas[kind], &document(&text));
        assert!(found.is_empty(), "{rel}: {found:?}");
        checked += 1;
    }
    assert!(checked > 90, "only {checked} records checked");
}

#[test]
fn a_typo_is_refused() {
    let schemas = schemas();
    let person = "name: Dana\nroles: [mentor]\npublic_library: current\nmembership: {number: 1, expires: 2027-01-01}\nlibrary_since: 2010-01-01\nfield: Youth\nfield_since: 2015-01-01\n";
    assert!(errors(&schemas["person"], &document(person)).is_empty());
    let cases = [
        ("person", person.replace("publ", "pubilc_l"), "unknown key"),
        ("person", person.replace("current", "currnt"), "bad enum"),
        ("person", person.replace("field: Youth\n", ""), "mentor without field"),
        ("person", person.replace("[mentor]", "[]"), "no role"),
        ("person", person.replace("2010-01-01", "2010-02-30"), "no such day"),
        (
            "evaluation",
            "representative: pat\ndate: 2026-04-08\nmentor_participated: true\nmentee_participated: true\nrating: on-trak\n".into(),
            "bad rating",
        ),
        (
            "meeting",
            "---\nmode: email\nminutes: 0\n---\n".into(),
            "zero minutes",
        ),
        (
            "agreement",
            "---\nsigned: {mentor: 2026-01-01}\nmeeting_frequency: monthly\nmeeting_modes: [email]\nconfidentiality: true\nvoluntary: true\nexpenses: participants\n---\n".into(),
            "one signature",
        ),
    ];
    for (kind, text, why) in cases {
        assert!(
            !errors(&schemas[kind], &document(&text)).is_empty(),
            "{why}: accepted\n{text}"
        );
    }
}

#[test]
fn interests_are_an_optional_list_of_text() {
    let schemas = schemas();
    let person = "name: Dana\nroles: [mentee]\npublic_library: current\nmembership: {number: 1, expires: 2027-01-01}\n";
    let with = format!("{person}interests: [budgeting, youth services]\n");
    assert!(errors(&schemas["person"], &document(&with)).is_empty());
    let wrong = format!("{person}interests: budgeting\n");
    assert!(!errors(&schemas["person"], &document(&wrong)).is_empty());
    let program = Program::new();
    program.write("people/dana.yaml", wrong);
    let found = program.diagnostics();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].rule.as_str(), found[0].line), ("schema", 5));
}

/// An empty mapping of each kind: `check` names every missing key, and the schema's
/// `required` lists exactly those.
#[test]
fn the_schemas_require_what_check_requires() {
    let schemas = schemas();
    let program = Program::new();
    program
        .write("people/p.yaml", "{}\n")
        .write("relationships/r-1/relationship.yaml", "{}\n")
        .write("relationships/r-1/agreement.md", "---\n{}\n---\n")
        .write("relationships/r-1/meetings/2026-01-01.md", "---\n{}\n---\n")
        .write("relationships/r-1/evaluations/2026-Q1.yaml", "{}\n");
    let mut missing: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for found in program.diagnostics() {
        let rel = found.file.trim_start_matches("records/");
        let Some(key) = found.message.strip_prefix("missing required key `") else {
            continue;
        };
        let kind = kind_of(rel).unwrap();
        missing
            .entry(kind)
            .or_default()
            .push(key.trim_end_matches('`').to_owned());
    }
    assert_eq!(missing.len(), 5, "{missing:?}");
    for (kind, mut keys) in missing {
        keys.sort();
        let mut required: Vec<String> = schemas[kind]["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect();
        required.sort();
        assert_eq!(keys, required, "{kind}");
    }
}
