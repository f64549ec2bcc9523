//! Loading `records/`: walk the tree once, classify every path by the layout, read and parse
//! the record files in parallel, and collect every problem as a diagnostic (the loader never
//! stops at the first). Symbolic links are never followed out of `records/`, and links to
//! folders are never followed at all, so the walk cannot loop.

mod fields;
pub(crate) mod kinds;
mod layout;
pub mod program;
pub mod yaml;

pub use fields::parse_date;
pub use layout::is_valid_id;

use crate::diagnostics::{Diagnostic, Pos};
use crate::error::{Error, Result};
use crate::model::*;
use crate::rules::Rule;
use fields::Problems;
use layout::{Misplaced, Place};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use walkdir::WalkDir;

/// A record file larger than this is refused unread: records are a few kilobytes.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What loading found: the records, and every structural problem (`yaml`, `schema`, `layout`).
pub struct Loaded {
    pub records: Records,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file to read, found by the walk.
struct Found {
    place: Place,
    path: PathBuf,
    display: String,
}

/// Loads the records folder `root`; `root_display` is how the user named it.
pub fn load(root: &Path, root_display: &str) -> Result<Loaded> {
    if !root.is_dir() {
        return Err(Error::NoRecords {
            path: root_display.to_owned(),
        });
    }
    let display = |rel: &str| format!("{}/{rel}", root_display.trim_end_matches(['/', '\\']));
    let config = program::read(&root.join("program.toml"), &display("program.toml"))?;
    // The walk hands each record file over as soon as it is found, so files are read and
    // parsed on the other cores while the walk goes on.
    let (sender, receiver) = std::sync::mpsc::channel::<Found>();
    let (walk, parsed) = rayon::join(
        move || walk(root, &display, &sender),
        move || {
            receiver
                .into_iter()
                .par_bridge()
                .map(|found| {
                    let parsed = read_and_parse(&found);
                    (found, parsed)
                })
                .collect::<Vec<(Found, Parsed)>>()
        },
    );
    let walk = walk?;
    let mut diagnostics = walk.diagnostics;
    let mut records = Records {
        root: root_display.to_owned(),
        config,
        people: BTreeMap::new(),
        relationships: walk
            .folders
            .into_iter()
            .map(|id| (id, RelationshipFolder::default()))
            .collect(),
        guidelines: None,
        files: walk.files,
    };
    for (found, parsed) in parsed {
        diagnostics.extend(parsed.problems);
        place(&mut records, found, parsed.record);
    }
    for (id, folder) in &mut records.relationships {
        folder.meetings.sort_by_key(|m| (m.date, m.sequence));
        folder.evaluations.sort_by_key(|e| e.quarter);
        if folder.relationship.is_none() {
            diagnostics.push(
                Diagnostic::new(
                    Rule::Layout,
                    display(&format!("relationships/{id}/relationship.yaml")),
                    Pos::START,
                    format!("relationship folder `{id}` has no relationship.yaml"),
                )
                .with_help("add relationship.yaml with mentor, mentee, start, end and status")
                .whole_file()
                .in_relationship(Some(id)),
            );
        }
    }
    Ok(Loaded {
        records,
        diagnostics,
    })
}

struct Walk {
    folders: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    files: usize,
}

fn walk(root: &Path, display: &dyn Fn(&str) -> String, found: &Sender<Found>) -> Result<Walk> {
    let canonical_root = root.canonicalize().map_err(|source| Error::Io {
        path: display(""),
        source,
    })?;
    let mut out = Walk {
        folders: Vec::new(),
        diagnostics: Vec::new(),
        files: 0,
    };
    let mut entries = WalkDir::new(root)
        .min_depth(1)
        .follow_links(false)
        .into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .map_or(String::new(), |p| p.to_string_lossy().replace('\\', "/"));
                out.diagnostics.push(
                    Diagnostic::new(
                        Rule::Layout,
                        display(&rel),
                        Pos::START,
                        format!("cannot be read: {e}"),
                    )
                    .whole_file(),
                );
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let names: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let parts: Vec<&str> = names.iter().map(String::as_str).collect();
        let rel = parts.join("/");
        let name = parts.last().copied().unwrap_or_default();
        let is_dir = entry.file_type().is_dir();
        if layout::is_ignored(name) {
            if is_dir {
                entries.skip_current_dir();
            }
            continue;
        }
        let shown = if is_dir {
            format!("{rel}/")
        } else {
            rel.clone()
        };
        let misplaced = |message: String| {
            Diagnostic::new(Rule::Layout, display(&shown), Pos::START, message).whole_file()
        };
        if is_dir {
            match layout::folder(&parts) {
                Ok(()) => {
                    if let ["relationships", id] = parts.as_slice() {
                        out.folders.push((*id).to_owned());
                    }
                }
                Err(Misplaced(message)) => {
                    out.diagnostics
                        .push(misplaced(format!("{message} (its contents are not read)")));
                    entries.skip_current_dir();
                }
            }
            continue;
        }
        out.files += 1;
        if entry.path_is_symlink()
            && let Err(message) = check_link(entry.path(), &canonical_root)
        {
            out.diagnostics.push(misplaced(message));
            continue;
        }
        match layout::file(&parts) {
            Ok(Place::Program) => {}
            Ok(place) => {
                // The receiver lives until the walk is over, so a send cannot fail.
                let _ = found.send(Found {
                    place,
                    path: entry.path().to_owned(),
                    display: display(&rel),
                });
            }
            Err(Misplaced(message)) => out.diagnostics.push(misplaced(message)),
        }
    }
    Ok(out)
}

/// A symbolic link is read only when it points at a file inside the records folder.
fn check_link(path: &Path, root: &Path) -> std::result::Result<(), String> {
    let target = path
        .canonicalize()
        .map_err(|_| "broken symbolic link: replace it with the file itself".to_owned())?;
    if !target.starts_with(root) {
        return Err("symbolic link to a place outside records/ is not followed: replace it with the file itself".into());
    }
    if target.is_dir() {
        return Err(
            "symbolic link to a folder is not followed: move the folder here instead".into(),
        );
    }
    Ok(())
}

/// The `yaml` and `schema` problems the loader would report for `text` as the record at
/// `rel` inside the records folder (a `layout` problem when `rel` is no record's place):
/// `import` checks each record it is about to write with the loader's own reading.
pub fn problems_of(rel: &str, text: &str) -> Vec<Diagnostic> {
    let parts: Vec<&str> = rel.split('/').collect();
    let place = match layout::file(&parts) {
        Ok(place) => place,
        Err(Misplaced(message)) => {
            return vec![Diagnostic::new(Rule::Layout, rel, Pos::START, message).whole_file()];
        }
    };
    let mut p = Problems::new(rel, place.relationship());
    parse_record(&place, text, &mut p);
    p.list
}

/// A parsed record of any kind, or `None` when broken.
enum Record {
    Person(Option<Person>),
    Relationship(Option<Relationship>),
    Agreement(Option<Agreement>),
    Meeting(Option<Meeting>),
    Evaluation(Option<Evaluation>),
    Guidelines(Option<String>),
}

struct Parsed {
    record: Record,
    problems: Vec<Diagnostic>,
}

fn read_and_parse(found: &Found) -> Parsed {
    let mut p = Problems::new(&found.display, found.place.relationship());
    let record = match read_text(&found.path, &mut p) {
        Some(text) => parse_record(&found.place, &text, &mut p),
        None => broken(&found.place),
    };
    Parsed {
        record,
        problems: p.list,
    }
}

/// The file's text, or `None` after reporting why it cannot be used.
fn read_text(path: &Path, p: &mut Problems) -> Option<String> {
    let mut bytes = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        p.whole_file(Rule::Yaml, format!("cannot be read: {e}"), None);
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        p.report(
            Rule::Yaml,
            Pos::START,
            format!(
                "the file is over {} MiB, far larger than any record should be",
                MAX_FILE_BYTES >> 20
            ),
            Some(
                "check that this is the right file; a record holds a few keys and short notes"
                    .into(),
            ),
        );
        return None;
    }
    match crate::source::decode(&bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(pos) => {
            p.report(
                Rule::Yaml,
                pos,
                "the file is not UTF-8 text".into(),
                Some("save it as UTF-8 (the first byte that is not is here)".into()),
            );
            None
        }
    }
}

fn broken(place: &Place) -> Record {
    match place {
        Place::Person { .. } => Record::Person(None),
        Place::Relationship { .. } => Record::Relationship(None),
        Place::Agreement { .. } => Record::Agreement(None),
        Place::Meeting { .. } => Record::Meeting(None),
        Place::Evaluation { .. } => Record::Evaluation(None),
        Place::Guidelines | Place::Program => Record::Guidelines(None),
    }
}

fn parse_record(place: &Place, text: &str, p: &mut Problems) -> Record {
    let markdown = matches!(place, Place::Agreement { .. } | Place::Meeting { .. });
    let mut body = "";
    let node = if markdown {
        match crate::source::front_matter(text) {
            Ok(fm) => {
                body = fm.body;
                yaml::parse(fm.yaml, fm.line_offset)
            }
            Err(e) => {
                let message = match e {
                    crate::source::FrontMatterError::Missing => {
                        "the file has no front matter: a Markdown record starts with a `---` line, its keys, and another `---` line"
                    }
                    crate::source::FrontMatterError::Unterminated => {
                        "the front matter is not closed: add a `---` line after its last key"
                    }
                };
                p.whole_file(Rule::Yaml, message.into(), None);
                return broken(place);
            }
        }
    } else if matches!(place, Place::Guidelines | Place::Program) {
        return Record::Guidelines(Some(text.to_owned()));
    } else {
        yaml::parse(text, 0)
    };
    let node = match node {
        Ok(node) => node,
        Err(e) => {
            p.report(
                Rule::Yaml,
                e.pos,
                format!("invalid YAML: {}", e.message),
                None,
            );
            return broken(place);
        }
    };
    match place {
        Place::Person { .. } => Record::Person(kinds::person(&node, p)),
        Place::Relationship { .. } => Record::Relationship(kinds::relationship(&node, p)),
        Place::Agreement { .. } => Record::Agreement(kinds::agreement(&node, p).map(|mut a| {
            a.terms = Confidential::new(body.to_owned());
            a
        })),
        Place::Meeting { .. } => Record::Meeting(kinds::meeting(&node, p).map(|mut m| {
            m.notes = Confidential::new(body.to_owned());
            m
        })),
        Place::Evaluation { .. } => Record::Evaluation(kinds::evaluation(&node, p)),
        Place::Guidelines | Place::Program => Record::Guidelines(None),
    }
}

/// Files a parsed record under its id.
fn place(records: &mut Records, found: Found, record: Record) {
    let file = found.display;
    match (found.place, record) {
        (Place::Person { id }, Record::Person(record)) => {
            records.people.insert(id, RecordFile { file, record });
        }
        (Place::Relationship { id }, Record::Relationship(record)) => {
            records.relationships.entry(id).or_default().relationship =
                Some(RecordFile { file, record });
        }
        (Place::Agreement { id }, Record::Agreement(record)) => {
            records.relationships.entry(id).or_default().agreement =
                Some(RecordFile { file, record });
        }
        (Place::Meeting { id, date, sequence }, Record::Meeting(record)) => {
            records
                .relationships
                .entry(id)
                .or_default()
                .meetings
                .push(MeetingFile {
                    date,
                    sequence,
                    loaded: RecordFile { file, record },
                });
        }
        (Place::Evaluation { id, quarter }, Record::Evaluation(record)) => {
            records
                .relationships
                .entry(id)
                .or_default()
                .evaluations
                .push(EvaluationFile {
                    quarter,
                    loaded: RecordFile { file, record },
                });
        }
        (Place::Guidelines, Record::Guidelines(record)) => {
            records.guidelines = Some(RecordFile { file, record });
        }
        _ => {}
    }
}
