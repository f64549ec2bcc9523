//! The generator's canary mode, held to records.md "Confidentiality" by reading the files it
//! wrote: every confidential value carries a marker of its own, no public value carries one,
//! and the manifest says truly where each marker is.

use crate::support::{generate, parse_record, sized};
use mentorbook::generate::{Manifest, Place};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every string in `value` with its key path (`membership.number`, `topics[1]`).
fn strings(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::String(text) => out.push((path, text.clone())),
        Value::Array(items) => {
            for (k, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{k}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                strings(item, join(key), out);
            }
        }
        _ => {}
    }
}

/// Whether records.md calls the value at `key` of a record of this kind confidential. Keys
/// that name a person are decided by that person's consent instead (`ids`).
fn confidential(file: &str, key: &str, published: bool) -> bool {
    let always = [
        "email",
        "phone",
        "membership.number",
        "dissolution.reason",
        "comments",
    ];
    let unless_published = ["name", "library", "position", "field"];
    let list_item = |list: &str| key.starts_with(&format!("{list}[")) && !key.contains("].");
    always.contains(&key)
        || (file.starts_with("people/") && !published && unless_published.contains(&key))
        || list_item("goals")
        || list_item("topics")
        || key == "manager_approval.by"
        || (key.starts_with("expenses[") && key.ends_with("].what"))
}

/// Person id → published, from the people files.
fn consent(dir: &Path) -> BTreeMap<String, bool> {
    let mut ids = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("people"))
        .expect("people/")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let (keys, _) = parse_record(&std::fs::read_to_string(entry.path()).expect("a file"));
        let id = name.trim_end_matches(".yaml").to_owned();
        ids.insert(id, keys["publish"] == Value::Bool(true));
    }
    ids
}

/// The markers in `text` (`canary-<kind>-<7 digits>`).
fn markers_in(text: &str) -> Vec<&str> {
    text.match_indices("canary")
        .map(|(start, _)| {
            let rest = &text[start..];
            let digits = rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len());
            &rest[..(digits + 7).min(rest.len())]
        })
        .collect()
}

/// One value in the records, and whether records.md calls it confidential.
struct Seen {
    file: String,
    place: Place,
    value: String,
    secret: bool,
}

/// Every value of the generated records.
fn values(records: &Path) -> Vec<Seen> {
    let ids = consent(records);
    let files = walkdir::WalkDir::new(records).into_iter().flatten();
    let mut out = Vec::new();
    for entry in files.filter(|e| e.file_type().is_file()) {
        let inside = entry.path().strip_prefix(records).expect("inside records/");
        let file = inside.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(entry.path()).expect("a file");
        out.extend(values_of(&file, &text, &ids));
    }
    out
}

/// The values of one file: its name, its keys and its body.
fn values_of(file: &str, text: &str, ids: &BTreeMap<String, bool>) -> Vec<Seen> {
    let seen = |place, value: &str, secret| Seen {
        file: file.to_owned(),
        place,
        value: value.to_owned(),
        secret,
    };
    if !file.starts_with("people/") && !file.starts_with("relationships/") {
        return vec![seen(Place::Body, text, false)]; // program.toml, guidelines.md
    }
    let (keys, body) = parse_record(text);
    let published = keys["publish"] == Value::Bool(true);
    let person = file
        .strip_prefix("people/")
        .and_then(|f| f.strip_suffix(".yaml"));
    let mut out = vec![match person {
        Some(id) => seen(Place::FileName, id, !published),
        None => seen(Place::FileName, file, false),
    }];
    out.extend(body.map(|body| seen(Place::Body, body, true)));
    let mut found = Vec::new();
    strings(&keys, String::new(), &mut found);
    for (key, value) in found {
        let names_someone = ["mentor", "mentee", "representative"].contains(&key.as_str());
        let secret = match ids.get(&value) {
            Some(published) if names_someone => !published,
            _ => confidential(file, &key, published),
        };
        out.push(seen(Place::Key(key), &value, secret));
    }
    out
}

#[test]
fn every_confidential_value_has_a_marker_of_its_own_and_no_public_value_has_one() {
    let (dir, manifest) = generate(&sized(120, true));
    let records = dir.path().join("records");
    let mut markers: BTreeMap<String, Vec<(String, Place)>> = BTreeMap::new();
    let mut kinds = BTreeSet::new();
    for Seen {
        file,
        place,
        value,
        secret,
    } in values(&records)
    {
        let found = markers_in(&value);
        assert_eq!(!found.is_empty(), secret, "{file} {place:?}: {value}");
        assert!(
            found.len() <= 1 || place == Place::Body,
            "{file} {place:?}: {value}"
        );
        for marker in found {
            kinds.insert(marker.split('-').nth(1).unwrap_or_default().to_owned());
            markers
                .entry(marker.to_owned())
                .or_default()
                .push((file.clone(), place.clone()));
        }
    }
    for (marker, places) in &markers {
        // Only an id stands in several places: its file name and the records naming it.
        let id = places.iter().any(|(_, place)| *place == Place::FileName);
        assert!(places.len() == 1 || id, "{marker} is in {places:?}");
    }
    let expected = [
        "comment", "email", "expense", "field", "goal", "id", "library", "manager", "member",
        "name", "note", "phone", "position", "reason", "terms", "topic",
    ];
    assert_eq!(
        kinds,
        expected.map(String::from).into(),
        "the kinds of markers"
    );
    assert_manifest_is_true(&manifest, &records, &markers);
}

/// Each entry of the manifest names a place that holds its marker, and it lists every marker
/// found in the records.
fn assert_manifest_is_true(
    manifest: &Manifest,
    records: &Path,
    found: &BTreeMap<String, Vec<(String, Place)>>,
) {
    let listed: BTreeSet<(String, String, Place)> = manifest
        .canaries
        .iter()
        .map(|c| (c.marker.clone(), c.file.clone(), c.place.clone()))
        .collect();
    let seen: BTreeSet<(String, String, Place)> = found
        .iter()
        .flat_map(|(marker, places)| {
            places
                .iter()
                .map(|(f, p)| (marker.clone(), f.clone(), p.clone()))
        })
        .collect();
    assert_eq!(
        listed.len(),
        manifest.canaries.len(),
        "an entry is listed twice"
    );
    assert_eq!(listed, seen, "the manifest and the records disagree");
    assert!(records.join(&manifest.canaries[0].file).exists());
}
