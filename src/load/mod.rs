//! Loading `records/`: walk the tree once, classify every path by the layout, read and parse
//! the record files in parallel, and collect every problem as a diagnostic (the loader never
//! stops at the first). The records come from a `Tree` — a folder on disk, or a git
//! revision read in memory — and go through the same walk and parsers either way. Only
//! regular files (and links to regular files inside `records/`) are read, never past the size
//! limit; links to folders are never followed, so the walk cannot loop.

mod fields;
pub(crate) mod kinds;
mod layout;
pub mod program;
mod read;
pub mod tree;
mod walk;
pub mod yaml;

pub use fields::parse_date;
pub use layout::is_valid_id;
pub use read::MAX_FILE_BYTES;

use crate::diagnostics::{Diagnostic, Pos};
use crate::error::{Error, Result};
use crate::model::*;
use crate::place::Place;
use crate::rules::Rule;
use crate::source::Sources;
use rayon::prelude::*;
use read::{Parsed, Record};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tree::{Disk, Stamp, Tree};
use walk::Found;

/// What loading found: the records, every structural problem (`yaml`, `schema`, `layout`),
/// and the text of every record file for the report's snippets.
pub struct Loaded {
    pub records: Records,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Loads the records folder `root` from disk; `root_display` is how the user named it.
pub fn load(root: &Path, root_display: &str) -> Result<Loaded> {
    Loader::new(true).load(&Disk::new(root), root_display)
}

/// Loads the records of `tree`; `root_display` is how the user named the records folder.
pub fn load_tree(tree: &dyn Tree, root_display: &str) -> Result<Loaded> {
    Loader::new(true).load(tree, root_display)
}

/// A loader that remembers what it parsed: loading again re-reads only files whose stamp
/// changed (`serve`, on every save) or, for a tree without stamps, re-parses only files
/// whose text changed (`check --base`, the records at REF after the work tree's).
pub struct Loader {
    cache: HashMap<String, Parsed>,
    stamps: HashMap<String, Stamp>,
    /// Keep each file's text for the report's snippets (`check`), or not (`serve`).
    keep_text: bool,
}

impl Loader {
    pub fn new(keep_text: bool) -> Loader {
        Loader {
            cache: HashMap::new(),
            stamps: HashMap::new(),
            keep_text,
        }
    }

    /// Loads the records of `tree`; `root_display` is how the user named the records folder.
    pub fn load(&mut self, tree: &dyn Tree, root_display: &str) -> Result<Loaded> {
        if !tree.exists() {
            return Err(Error::NoRecords {
                path: root_display.to_owned(),
            });
        }
        let display = |rel: &str| display_path(root_display, rel);
        let config = read::program(tree, &display("program.toml"))?;
        // The walk hands each record file over as soon as it is found, so files are read
        // and parsed on the other cores while the walk goes on.
        let (sender, receiver) = std::sync::mpsc::channel::<Found>();
        let (cache, stamps) = (&self.cache, &self.stamps);
        let (walk, parsed) = rayon::join(
            move || walk::walk(tree, &display, &sender),
            move || {
                receiver
                    .into_iter()
                    .par_bridge()
                    .map(|found| {
                        let parsed = reuse(cache, stamps, &found)
                            .unwrap_or_else(|| read::read_and_parse(tree, &found, cache));
                        (found, parsed)
                    })
                    .collect::<Vec<(Found, Parsed)>>()
            },
        );
        let walk = walk.map_err(|source| Error::Io {
            path: root_display.to_owned(),
            source,
        })?;
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
        let mut diagnostics = walk.diagnostics;
        let mut sources = Sources::default();
        self.stamps.clear();
        let mut cache = HashMap::with_capacity(parsed.len());
        for (found, parsed) in parsed {
            diagnostics.extend(parsed.problems.iter().cloned());
            if let (true, Some(text)) = (self.keep_text, &parsed.text) {
                sources.insert(found.display.clone(), text.clone());
            }
            if let Some(stamp) = &found.entry.stamp {
                self.stamps.insert(found.display.clone(), stamp.clone());
            }
            file(&mut records, &found, parsed.record.clone());
            let mut kept = parsed;
            if !self.keep_text && found.entry.stamp.is_some() {
                kept.text = None;
            }
            cache.insert(found.display, kept);
        }
        self.cache = cache;
        diagnostics.extend(finish(&mut records));
        Ok(Loaded {
            records,
            diagnostics,
            sources,
        })
    }
}

/// A file parsed before whose stamp has not changed.
fn reuse(
    cache: &HashMap<String, Parsed>,
    stamps: &HashMap<String, Stamp>,
    found: &Found,
) -> Option<Parsed> {
    let stamp = found.entry.stamp.as_ref()?;
    (stamps.get(&found.display) == Some(stamp))
        .then(|| cache.get(&found.display).cloned())
        .flatten()
}

/// The path shown to the user: the records folder as given, joined with the path inside it.
pub fn display_path(root_display: &str, rel: &str) -> String {
    format!("{}/{rel}", root_display.trim_end_matches(['/', '\\']))
}

/// Sorts each folder's meetings and evaluations, and reports folders without their
/// relationship.yaml.
fn finish(records: &mut Records) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (id, folder) in &mut records.relationships {
        folder.meetings.sort_by_key(|m| (m.date, m.sequence));
        folder.evaluations.sort_by_key(|e| e.quarter);
        if folder.relationship.is_none() {
            let place = Place::Relationship { id: id.clone() };
            let file = display_path(&records.root, &place.path());
            diagnostics.push(
                Diagnostic::structure(
                    Rule::Layout,
                    place,
                    file,
                    Pos::START,
                    format!("relationship folder `{id}` has no relationship.yaml"),
                    Some("add relationship.yaml with mentor, mentee, start, end and status".into()),
                )
                .whole_file(),
            );
        }
    }
    diagnostics
}

/// Files a parsed record under its id.
fn file(records: &mut Records, found: &Found, record: Record) {
    let (place, display) = (&found.place, found.display.clone());
    match (place, record) {
        (Place::Person { id }, Record::Person(record)) => {
            records
                .people
                .insert(id.clone(), RecordFile::new(display, place.clone(), record));
        }
        (Place::Relationship { id }, Record::Relationship(record)) => {
            records.folder(id).relationship = Some(RecordFile::new(display, place.clone(), record));
        }
        (Place::Agreement { id }, Record::Agreement(record)) => {
            records.folder(id).agreement = Some(RecordFile::new(display, place.clone(), record));
        }
        (Place::Meeting { id, date, sequence }, Record::Meeting(record)) => {
            let (date, sequence) = (*date, *sequence);
            let loaded = RecordFile::new(display, place.clone(), record);
            records.folder(id).meetings.push(MeetingFile {
                date,
                sequence,
                loaded,
            });
        }
        (Place::Evaluation { id, quarter }, Record::Evaluation(record)) => {
            let quarter = *quarter;
            let loaded = RecordFile::new(display, place.clone(), record);
            records
                .folder(id)
                .evaluations
                .push(EvaluationFile { quarter, loaded });
        }
        (Place::Guidelines, Record::Guidelines(record)) => {
            records.guidelines = Some(RecordFile::new(display, place.clone(), record));
        }
        _ => {}
    }
}

impl Records {
    /// The folder of relationship `id`, made when it is not there yet.
    fn folder(&mut self, id: &str) -> &mut RelationshipFolder {
        self.relationships.entry(id.to_owned()).or_default()
    }
}
