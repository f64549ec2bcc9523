//! The privacy guard's property (issue #12): in generated programs where every confidential
//! value carries a marker, copy random confidential values into published people's public
//! fields (inside longer text, which no exemption excuses) and into choice fields (which never
//! reach the view as typed). The build then either refuses, naming only the public values the
//! markers were copied into, or publishes no marker at all. The positive control: every
//! marker is in the records, where the generator's manifest says.

use crate::support::{generate, run_in, tree};
use mentorbook::generate::{Canary, Options, Place};
use std::collections::BTreeSet;
use std::path::Path;

/// The confidential value that holds `canary`'s marker, as it was typed: the rest of its line
/// after the key or list dash, unquoted; or the id, for a marker in a file's name.
fn value_of(records: &Path, canary: &Canary) -> String {
    if canary.place == Place::FileName {
        let name = canary.file.rsplit('/').next().unwrap();
        return name.trim_end_matches(".yaml").to_owned();
    }
    let text = std::fs::read_to_string(records.join(&canary.file)).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains(&canary.marker))
        .unwrap_or_else(|| panic!("positive control: {canary:?} is not in its file"));
    let line = line
        .trim_start()
        .trim_start_matches("- ")
        .trim_start_matches('#');
    let value = match (&canary.place, line.split_once(": ")) {
        (Place::Key(_), Some((_, value))) => value,
        _ => line,
    };
    value.trim().trim_matches('"').to_owned()
}

/// An unpublished person's library, position, field or interests.
fn is_attribute(canary: &Canary) -> bool {
    let Place::Key(key) = &canary.place else {
        return false;
    };
    canary.file.starts_with("people/")
        && ["library", "position", "field", "interests"]
            .iter()
            .any(|a| key == a || key.starts_with(&format!("{a}[")))
}

/// YAML's double-quoted form of `text` (JSON's string is one).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// Replaces the first line of `file` whose key is `key` (at any indentation) by
/// `key: <value>`, indented the same; false when no line has it.
fn set(records: &Path, file: &str, key: &str, value: &str) -> bool {
    let path = records.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{key}:");
    let Some(line) = text.lines().find(|l| l.trim_start().starts_with(&prefix)) else {
        return false;
    };
    let indent = &line[..line.len() - line.trim_start().len()];
    let edited = text.replacen(line, &format!("{indent}{key}: {value}"), 1);
    std::fs::write(&path, edited).unwrap();
    true
}

/// Files under `records` whose path contains `part`, sorted.
fn files(records: &Path, part: &str) -> Vec<String> {
    let mut found: Vec<String> = crate::support::tree(records)
        .into_keys()
        .filter(|p| p.contains(part))
        .collect();
    found.sort();
    found
}

#[test]
fn copied_confidential_values_are_refused_where_typed_or_never_published() {
    let mut refused = 0;
    let mut built = 0;
    for seed in 1..=8u64 {
        let options = Options {
            relationships: 10,
            seed,
            canary: true,
            ..Options::default()
        };
        let (dir, manifest) = generate(&options);
        let records = dir.path().join("records");
        assert!(manifest.canaries.len() > 100, "{}", manifest.summary());
        let values: Vec<(String, &Canary)> = manifest
            .canaries
            .iter()
            .map(|c| (value_of(&records, c), c))
            .collect();
        let mut rng = fastrand::Rng::with_seed(seed);
        let pick = |rng: &mut fastrand::Rng| values[rng.usize(..values.len())].0.clone();
        // dashboard.md's third exemption: an unpublished person's library, position, field or
        // interests identify nobody, and may occur inside public values. Everything else
        // typed inside one is a hit.
        let identifying: Vec<&String> = values
            .iter()
            .filter(|(_, c)| !is_attribute(c))
            .map(|(v, _)| v)
            .collect();
        let pick_identifying =
            |rng: &mut fastrand::Rng| identifying[rng.usize(..identifying.len())].clone();

        // Choice fields: what someone typed there never reaches the view.
        for file in files(&records, "/meetings/").iter().step_by(3) {
            set(
                &records,
                file,
                "mode",
                &quoted(&format!("telephone, {}", pick(&mut rng))),
            );
        }
        for file in files(&records, "agreement.md").iter().step_by(2) {
            set(
                &records,
                file,
                "meeting_frequency",
                &quoted(&pick(&mut rng)),
            );
            let modes = format!("[in-person, {}]", quoted(&pick(&mut rng)));
            set(&records, file, "meeting_modes", &modes);
        }
        for file in files(&records, "/evaluations/").iter().step_by(3) {
            set(&records, file, "rating", &quoted(&pick(&mut rng)));
        }
        for file in files(&records, "/meetings/").iter().skip(1).step_by(3) {
            set(&records, file, "paid_by", &quoted(&pick(&mut rng)));
        }
        for (i, file) in files(&records, "relationship.yaml").iter().enumerate() {
            match i % 4 {
                0 => {
                    set(&records, file, "status", &quoted(&pick(&mut rng)));
                }
                1 => {
                    // Dissolved, by someone who is neither party.
                    set(&records, file, "status", "dissolved");
                    let path = records.join(file);
                    let mut text = std::fs::read_to_string(&path).unwrap();
                    text.push_str(&format!(
                        "dissolution:\n  date: 2026-06-19\n  by: {}\n  committee_contacted: 2026-06-05\n  reason: {}\n",
                        quoted(&pick(&mut rng)),
                        quoted(&pick(&mut rng)),
                    ));
                    std::fs::write(&path, text).unwrap();
                }
                _ => {}
            }
        }
        let people = files(&records, "people/");
        for file in people.iter().step_by(5) {
            set(&records, file, "public_library", &quoted(&pick(&mut rng)));
            set(
                &records,
                file,
                "roles",
                &format!("[mentee, {}]", quoted(&pick(&mut rng))),
            );
        }

        // Public fields, in odd rounds only: a confidential value typed inside a longer
        // public value is a hit.
        let mut typed_into = BTreeSet::new();
        if seed % 2 == 1 {
            let published: Vec<&String> = people
                .iter()
                .filter(|f| {
                    let text = std::fs::read_to_string(records.join(f)).unwrap();
                    text.contains("publish: true")
                })
                .collect();
            assert!(!published.is_empty(), "seed {seed}: no published person");
            for _ in 0..3 {
                let file = published[rng.usize(..published.len())];
                let key = ["position", "library", "field", "name"][rng.usize(..4)];
                let value = quoted(&format!(
                    "Branch services ({}) team",
                    pick_identifying(&mut rng)
                ));
                if set(&records, file, key, &value) {
                    typed_into.insert(format!("records/{file} (key {key})"));
                }
            }
        }

        let run = run_in(dir.path(), &["build"]);
        assert!(
            !run.stderr.to_lowercase().contains("canary"),
            "a value printed:\n{}",
            run.stderr
        );
        if run.code == 0 {
            built += 1;
            for (path, bytes) in tree(&dir.path().join("site")) {
                let text = String::from_utf8_lossy(&bytes).to_lowercase();
                if let Some(at) = text.find("canary") {
                    let around = text.get(at.saturating_sub(160)..at + 40).unwrap_or(&text);
                    panic!("seed {seed}: {path} publishes a marker: …{around}…");
                }
            }
            continue;
        }
        refused += 1;
        assert_eq!(run.code, 1, "seed {seed}:\n{}{}", run.stdout, run.stderr);
        assert!(
            !typed_into.is_empty(),
            "seed {seed}: refused with only choices edited:\n{}",
            run.stderr
        );
        assert!(
            !dir.path().join("site").exists(),
            "seed {seed}: a refused build wrote a site"
        );
        let hits: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error: privacy guard:"))
            .collect();
        assert!(!hits.is_empty(), "seed {seed}:\n{}", run.stderr);
        for hit in hits {
            assert!(
                typed_into
                    .iter()
                    .any(|t| hit.ends_with(&format!("typed inside the public value of {t}"))),
                "seed {seed}: a hit that names no public value a marker was typed into ({typed_into:?}):\n{hit}"
            );
        }
    }
    eprintln!("guard property: {refused} refused, {built} built");
    // Both outcomes were tried: the property is not vacuous.
    assert!(
        refused >= 2 && built >= 2,
        "{refused} refused, {built} built"
    );
}
