//! Every example `mentorbook explain` shows is run through `check`: a rule's passing example
//! does not fire that rule, its failing example (the passing one with the failing one's
//! changes made) does. The examples are placed into tests/fixtures/explain/, a program with
//! the people and the relationship they name and no diagnostic of its own; the format they
//! follow is described at the top of src/rules/explain.rs.

use crate::support::{copy_records, fixture, found, run_in};
use std::collections::BTreeSet;
use std::path::Path;

/// One change an example makes to the program, in the order it shows them.
#[derive(Debug)]
enum Change {
    /// A file with these lines: keys over a valid record's (a copy of the fixture's record of
    /// that kind when the program has no such file), or a folder when the path ends in `/`.
    Write {
        path: String,
        lines: Vec<String>,
    },
    Remove(String),
    /// `FOLDER/ holds only FILE, FILE`.
    Only {
        folder: String,
        files: Vec<String>,
    },
}

#[derive(Debug, Default)]
struct Example {
    as_of: Option<String>,
    changes: Vec<Change>,
}

/// Every rule id, as `mentorbook rules` lists them.
fn rule_ids() -> Vec<String> {
    let run = run_in(&fixture("explain"), &["rules"]);
    let rows = run.stdout.lines().skip(1);
    rows.filter_map(|line| line.split_whitespace().next().map(String::from))
        .collect()
}

/// The example lines of a section (`Passes:`) of an explanation, their four spaces removed.
fn section<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let mut lines = text.lines().skip_while(|line| *line != name).skip(1);
    let body = lines
        .by_ref()
        .take_while(|line| line.is_empty() || line.starts_with(' '));
    let body: Vec<&str> = body.filter(|line| !line.trim().is_empty()).collect();
    for line in &body {
        assert!(
            line.starts_with("    "),
            "{name} {line:?}: examples are indented four spaces"
        );
    }
    body.into_iter().map(|line| &line[4..]).collect()
}

/// A `# PATH …` line: the path (inside records/) and the words after it.
fn header(line: &str) -> Option<(bool, String, &str)> {
    let rest = line.strip_prefix("# ")?;
    let (removed, rest) = match rest.strip_prefix("no ") {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let (path, words) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let path = path.trim_end_matches([':', ',']);
    let path = path.strip_prefix("records/").unwrap_or(path);
    let is_path =
        path == "program.toml" || path.starts_with("people/") || path.starts_with("relationships/");
    is_path.then(|| (removed, path.to_owned(), words.trim()))
}

/// The as-of date an `(as of YYYY-MM-DD)` note gives.
fn as_of_in(words: &str) -> Option<String> {
    let at = words.find("(as of ")? + "(as of ".len();
    words.get(at..at + 10).map(String::from)
}

fn parse(lines: &[&str]) -> Example {
    let mut example = Example::default();
    for line in lines {
        match header(line) {
            Some((removed, path, words)) => {
                example.as_of = as_of_in(words).or(example.as_of.take());
                example
                    .changes
                    .push(match (removed, words.strip_prefix("holds only ")) {
                        (true, _) => Change::Remove(path),
                        (false, Some(files)) => Change::Only {
                            folder: path,
                            files: files.split(", ").map(|f| f.trim().to_owned()).collect(),
                        },
                        (false, None) => Change::Write {
                            path,
                            lines: Vec::new(),
                        },
                    });
            }
            None if line.starts_with('#') => {} // a remark
            None => match example.changes.last_mut() {
                Some(Change::Write { lines, .. }) => lines.push((*line).to_owned()),
                _ => panic!("{line:?} belongs to no file"),
            },
        }
    }
    assert!(
        !example.changes.is_empty(),
        "an example without a file: {lines:?}"
    );
    example
}

/// The fixture's record a new file of this path starts from.
fn template(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["people", _] => Some("people/dana-whitfield.yaml"),
        ["relationships", _, "relationship.yaml"] => {
            Some("relationships/r-2026-014/relationship.yaml")
        }
        ["relationships", _, "agreement.md"] => Some("relationships/r-2026-014/agreement.md"),
        ["relationships", _, "meetings", _] => {
            Some("relationships/r-2026-014/meetings/2026-02-10.md")
        }
        ["relationships", _, "evaluations", _] => {
            Some("relationships/r-2026-014/evaluations/2026-Q1.yaml")
        }
        _ => None,
    }
}

/// A YAML text cut into top-level entries: (key, its lines), a key's block included.
fn entries(lines: &[String]) -> Vec<(Option<String>, Vec<String>)> {
    let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
    for line in lines {
        let top = !line.starts_with([' ', '-', '#']) && line.contains(':');
        match out.last_mut() {
            Some((_, block)) if !top => block.push(line.clone()),
            _ => out.push((
                line.split(':').next().filter(|_| top).map(String::from),
                vec![line.clone()],
            )),
        }
    }
    out
}

/// `base` with each key of `patch` put in place of the same key, or added at the end.
fn merge(base: &str, patch: &[String]) -> String {
    let base: Vec<String> = base.lines().map(String::from).collect();
    let mut merged = entries(&base);
    for (key, lines) in entries(patch).into_iter().filter(|(key, _)| key.is_some()) {
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = lines,
            None => merged.push((key, lines)),
        }
    }
    let lines: Vec<String> = merged.into_iter().flat_map(|(_, lines)| lines).collect();
    lines.join("\n") + "\n"
}

/// A Markdown record with the patch's front matter keys and, if it shows one, its body.
fn merge_markdown(base: &str, patch: &[String]) -> String {
    let (front, body) = base
        .strip_prefix("---\n")
        .and_then(|b| b.split_once("---\n"))
        .unwrap_or(("", base));
    let (patch_front, patch_body) = match patch.first().map(String::as_str) {
        Some("---") => {
            let end = patch[1..]
                .iter()
                .position(|l| l == "---")
                .map_or(patch.len(), |i| i + 1);
            (&patch[1..end], patch.get(end + 1..).unwrap_or_default())
        }
        _ => (patch, &[][..]),
    };
    let body = if patch_body.is_empty() {
        body.to_owned()
    } else {
        patch_body.join("\n") + "\n"
    };
    format!("---\n{}---\n{body}", merge(front, patch_front))
}

fn apply(records: &Path, change: &Change) {
    match change {
        Change::Write { path, .. } if path.ends_with('/') => {
            std::fs::create_dir_all(records.join(path)).expect("a folder")
        }
        Change::Write { path, lines } => write(records, path, lines),
        Change::Remove(path) => {
            let target = records.join(path);
            let _ = std::fs::remove_file(&target).or_else(|_| std::fs::remove_dir_all(&target));
            assert!(!target.exists(), "{path} could not be removed");
        }
        Change::Only { folder, files } => {
            let _ = std::fs::remove_dir_all(records.join(folder));
            for file in files {
                write(records, &format!("{folder}{file}"), &[]);
            }
        }
    }
}

/// `records/<path>` with the example's `lines` over what it holds (or over the fixture's
/// record of its kind when it does not exist yet).
fn write(records: &Path, path: &str, lines: &[String]) {
    let target = records.join(path);
    let template = || {
        let base = fixture("explain").join("records");
        template(path).map(|t| std::fs::read_to_string(base.join(t)).expect("a template"))
    };
    let text = std::fs::read_to_string(&target)
        .ok()
        .or_else(template)
        .unwrap_or_default();
    let text = if path.ends_with(".toml") {
        text + &lines.join("\n") + "\n"
    } else if path.ends_with(".md") {
        merge_markdown(&text, lines)
    } else {
        merge(&text, lines)
    };
    std::fs::create_dir_all(target.parent().expect("a folder")).expect("folders");
    std::fs::write(target, text).expect("a written file");
}

/// The paths inside records/ an example names.
fn named(example: &Example) -> Vec<String> {
    let paths = example.changes.iter().flat_map(|change| match change {
        Change::Write { path, .. } | Change::Remove(path) => vec![path.clone()],
        Change::Only { folder, files } => files.iter().map(|f| format!("{folder}{f}")).collect(),
    });
    paths.collect()
}

/// (rule, file inside records/) of every diagnostic `check` reports on the program in `dir`,
/// as of `as_of` or program.toml's day.
fn fired(dir: &Path, as_of: Option<&str>) -> BTreeSet<(String, String)> {
    let mut args = vec!["check", "--format", "json"];
    args.extend(as_of.iter().flat_map(|day| ["--as-of", day]));
    let run = run_in(dir, &args);
    assert!(
        run.code == 0 || run.code == 1,
        "{}{}",
        run.stdout,
        run.stderr
    );
    let inside = |file: &str| file.strip_prefix("records/").unwrap_or(file).to_owned();
    found(&run.json())
        .into_iter()
        .map(|d| (d.rule, inside(&d.file)))
        .collect()
}

#[test]
fn the_program_the_examples_go_into_has_no_diagnostic() {
    assert_eq!(fired(&fixture("explain"), None), BTreeSet::new());
}

/// What is wrong with rule `id`'s examples: nothing, when its passing example does not fire
/// it and its failing one fires it on a file the examples show.
fn wrong_with(id: &str) -> Vec<String> {
    let text = run_in(&fixture("explain"), &["explain", id]).stdout;
    let (passes, fails) = (
        parse(&section(&text, "Passes:")),
        parse(&section(&text, "Fails:")),
    );
    let dir = copy_records(&fixture("explain").join("records"));
    let records = dir.path().join("records");
    passes
        .changes
        .iter()
        .for_each(|change| apply(&records, change));
    let on_pass = fired(dir.path(), passes.as_of.as_deref());
    fails
        .changes
        .iter()
        .for_each(|change| apply(&records, change));
    let on_fail = fired(
        dir.path(),
        fails.as_of.as_deref().or(passes.as_of.as_deref()),
    );
    let mut wrong = Vec::new();
    if on_pass.iter().any(|(rule, _)| rule == id) {
        wrong.push(format!("{id}: the passing example fires it ({on_pass:?})"));
    }
    let shown = [named(&passes), named(&fails)].concat();
    if !on_fail
        .iter()
        .any(|(rule, file)| rule == id && shown.contains(file))
    {
        wrong.push(format!(
            "{id}: the failing example does not fire it on {shown:?} ({on_fail:?})"
        ));
    }
    wrong
}

#[test]
fn every_passing_example_passes_its_rule_and_every_failing_one_fires_it() {
    let ids = rule_ids();
    assert!(ids.len() >= 29, "{ids:?}");
    let wrong: Vec<String> = ids.iter().flat_map(|id| wrong_with(id)).collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
