//! Loading `records/`: walk the tree once, classify every path by the layout, read and parse
//! the record files in parallel, and collect every problem as a diagnostic (the loader never
//! stops at the first). The records come from a `Tree` — a folder on disk, or a git
//! revision read in memory — and go through the same walk and parsers either way. Only
//! regular files (and links to regular files inside `records/`) are read, never past the size
//! limit; links to folders are never followed, so the walk cannot loop.

mod fields;
pub mod git;
pub(crate) mod kinds;
mod layout;
pub mod program;
mod read;
mod session;
pub mod tree;
mod walk;
pub mod yaml;

pub use fields::parse_date;
pub use layout::is_valid_id;
pub use read::MAX_FILE_BYTES;
pub use session::Session;

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
    Loader::once(true).load(&Disk::new(root), root_display)
}

/// Loads the records of `tree`; `root_display` is how the user named the records folder.
pub fn load_tree(tree: &dyn Tree, root_display: &str) -> Result<Loaded> {
    Loader::once(true).load(tree, root_display)
}

/// A loader that remembers what it parsed: loading again re-reads only files whose stamp
/// changed (`serve`, on every save) or, for a tree without stamps, re-parses only files
/// whose text changed (`check --base`, the records at REF after the work tree's).
pub struct Loader {
    /// Every record file of the last load, parsed, by the path shown to the user.
    cache: HashMap<String, Parsed>,
    stamps: HashMap<String, Stamp>,
    /// What the last walk found wrong with the layout.
    walk: Vec<Diagnostic>,
    /// Keep each file's text for the report's snippets (`check`), or not (`serve`).
    keep_text: bool,
    /// Keep each record in the cache too, or only in the records loaded (`Session`, which
    /// keeps them and hands them back for the next load).
    keep_records: bool,
    /// Another load will follow (`check --base`, `Session`): the cache keeps what it needs to
    /// reuse a parse. A single load keeps only each file's problems, and hands its texts to
    /// the `Sources` rather than copying them: a record and a text once each.
    again: bool,
}

impl Loader {
    /// A loader for more than one load: the cache keeps texts and records for reuse.
    pub fn new(keep_text: bool) -> Loader {
        Loader {
            cache: HashMap::new(),
            stamps: HashMap::new(),
            walk: Vec::new(),
            keep_text,
            keep_records: true,
            again: true,
        }
    }

    /// A loader for one load (`check` without `--base`, `build`, `status`…).
    pub fn once(keep_text: bool) -> Loader {
        Loader {
            keep_records: false,
            again: false,
            ..Loader::new(keep_text)
        }
    }

    /// Loads the records of `tree`; `root_display` is how the user named the records folder.
    pub fn load(&mut self, tree: &dyn Tree, root_display: &str) -> Result<Loaded> {
        let (mut records, sources) = self.read_all(tree, root_display, None)?;
        sort(&mut records);
        let diagnostics = self.diagnostics(&records);
        Ok(Loaded {
            records,
            diagnostics,
            sources,
        })
    }

    /// Every structural problem of the records last loaded (now `records`).
    pub fn diagnostics(&self, records: &Records) -> Vec<Diagnostic> {
        let mut diagnostics = self.walk.clone();
        diagnostics.extend(self.cache.values().flat_map(|p| p.problems.iter().cloned()));
        diagnostics.extend(missing_relationship_files(records));
        diagnostics
    }

    /// Reads every file of `tree`, reusing what was parsed before when a file's stamp has
    /// not changed (its record from the cache, or from `previous` when the cache keeps none).
    fn read_all(
        &mut self,
        tree: &dyn Tree,
        root_display: &str,
        previous: Option<&Records>,
    ) -> Result<(Records, Sources)> {
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
                        let parsed = reuse(cache, stamps, &found, previous)
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
        self.walk = walk.diagnostics;
        let mut sources = Sources::default();
        self.stamps.clear();
        let mut cache = HashMap::with_capacity(parsed.len());
        for (found, mut parsed) in parsed {
            if self.keep_text {
                let text = match self.again {
                    true => parsed.text.clone(),
                    false => parsed.text.take(),
                };
                if let Some(text) = text {
                    sources.insert(found.display.clone(), text);
                }
            }
            let mut kept = self.remember(&found, parsed);
            if self.keep_records {
                file(&mut records, &found, kept.record.clone());
            } else {
                let record = std::mem::replace(&mut kept.record, Record::Kept);
                file(&mut records, &found, record);
            }
            cache.insert(found.display, kept);
        }
        self.cache = cache;
        Ok((records, sources))
    }

    /// What the cache keeps of a parsed file: the text only when it may be compared with
    /// another tree's (no stamp) or quoted (`keep_text`).
    fn remember(&mut self, found: &Found, mut parsed: Parsed) -> Parsed {
        if !self.again {
            parsed.text = None;
        }
        if let Some(stamp) = &found.entry.stamp {
            self.stamps.insert(found.display.clone(), stamp.clone());
            if !self.keep_text {
                parsed.text = None;
            }
        }
        parsed
    }
}

/// A file parsed before whose stamp has not changed.
fn reuse(
    cache: &HashMap<String, Parsed>,
    stamps: &HashMap<String, Stamp>,
    found: &Found,
    previous: Option<&Records>,
) -> Option<Parsed> {
    let stamp = found.entry.stamp.as_ref()?;
    if stamps.get(&found.display) != Some(stamp) {
        return None;
    }
    let mut parsed = cache.get(&found.display)?.clone();
    if let Record::Kept = parsed.record {
        parsed.record = record_at(previous?, &found.place)?;
    }
    Some(parsed)
}

/// A copy of the record filed at `place`, when there is one.
fn record_at(records: &Records, place: &Place) -> Option<Record> {
    let folder = |id: &str| records.relationships.get(id);
    Some(match place {
        Place::Person { id } => Record::Person(records.people.get(id)?.record.clone()),
        Place::Relationship { id } => {
            Record::Relationship(folder(id)?.relationship.as_ref()?.record.clone())
        }
        Place::Agreement { id } => {
            Record::Agreement(folder(id)?.agreement.as_ref()?.record.clone())
        }
        Place::Meeting { id, .. } => {
            let meeting = folder(id)?
                .meetings
                .iter()
                .find(|m| m.loaded.place == *place)?;
            Record::Meeting(meeting.loaded.record.clone())
        }
        Place::Evaluation { id, .. } => {
            let evaluation = folder(id)?
                .evaluations
                .iter()
                .find(|e| e.loaded.place == *place)?;
            Record::Evaluation(evaluation.loaded.record.clone())
        }
        Place::Guidelines => Record::Guidelines(records.guidelines.as_ref()?.record.clone()),
        Place::Program | Place::Misplaced { .. } | Place::Spreadsheet { .. } => return None,
    })
}

/// The settings of the records folder `root` alone (its program.toml), read with the same
/// rules as a full load (`rules`, `explain`).
pub fn program_of(root: &Path, root_display: &str) -> Result<Config> {
    let tree = Disk::new(root);
    if !tree.exists() {
        return Err(Error::NoRecords {
            path: root_display.to_owned(),
        });
    }
    read::program(&tree, &display_path(root_display, "program.toml"))
}

/// The `yaml` and `schema` problems the loader would report for `text` as the record at
/// `rel` inside the records folder (a `layout` problem when `rel` is no record's place):
/// `import` checks each record it is about to write with the loader's own reading.
pub fn problems_of(rel: &str, text: &str) -> Vec<Diagnostic> {
    let parts: Vec<&str> = rel.split('/').collect();
    let place = match layout::file(&parts) {
        Ok(place) => place,
        Err(layout::Misplaced(message)) => {
            let place = Place::Misplaced {
                area: crate::place::Area::of(&parts),
                path: rel.to_owned(),
            };
            let d = Diagnostic::structure(Rule::Layout, place, rel, Pos::START, message, None);
            return vec![d.whole_file()];
        }
    };
    read::parse_text(&place, rel, text)
}

/// The path shown to the user: the records folder as given, joined with the path inside it.
pub fn display_path(root_display: &str, rel: &str) -> String {
    format!("{}/{rel}", root_display.trim_end_matches(['/', '\\']))
}

/// Sorts each folder's meetings by date and sequence, and its evaluations by quarter.
fn sort(records: &mut Records) {
    for folder in records.relationships.values_mut() {
        folder.meetings.sort_by_key(|m| (m.date, m.sequence));
        folder.evaluations.sort_by_key(|e| e.quarter);
    }
}

/// A `layout` problem for each relationship folder without its relationship.yaml.
fn missing_relationship_files(records: &Records) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (id, folder) in &records.relationships {
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

/// Files a parsed record under its id, replacing the record at the same place.
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
            let meeting = MeetingFile {
                date: *date,
                sequence: *sequence,
                loaded: RecordFile::new(display, place.clone(), record),
            };
            let meetings = &mut records.folder(id).meetings;
            match meetings.iter_mut().find(|m| m.loaded.place == *place) {
                Some(old) => *old = meeting,
                None => meetings.push(meeting),
            }
        }
        (Place::Evaluation { id, quarter }, Record::Evaluation(record)) => {
            let evaluation = EvaluationFile {
                quarter: *quarter,
                loaded: RecordFile::new(display, place.clone(), record),
            };
            let evaluations = &mut records.folder(id).evaluations;
            match evaluations.iter_mut().find(|e| e.loaded.place == *place) {
                Some(old) => *old = evaluation,
                None => evaluations.push(evaluation),
            }
        }
        (Place::Guidelines, Record::Guidelines(record)) => {
            records.guidelines = Some(RecordFile::new(display, place.clone(), record));
        }
        _ => {}
    }
}

/// Removes the record at `place`; false when there was none.
fn unfile(records: &mut Records, place: &Place) -> bool {
    fn folder<'r>(records: &'r mut Records, id: &str) -> Option<&'r mut RelationshipFolder> {
        records.relationships.get_mut(id)
    }
    match place {
        Place::Person { id } => records.people.remove(id).is_some(),
        Place::Relationship { id } => folder(records, id)
            .and_then(|f| f.relationship.take())
            .is_some(),
        Place::Agreement { id } => folder(records, id)
            .and_then(|f| f.agreement.take())
            .is_some(),
        Place::Meeting { id, .. } => folder(records, id).is_some_and(|f| {
            let before = f.meetings.len();
            f.meetings.retain(|m| m.loaded.place != *place);
            f.meetings.len() < before
        }),
        Place::Evaluation { id, .. } => folder(records, id).is_some_and(|f| {
            let before = f.evaluations.len();
            f.evaluations.retain(|e| e.loaded.place != *place);
            f.evaluations.len() < before
        }),
        Place::Guidelines => records.guidelines.take().is_some(),
        Place::Program | Place::Misplaced { .. } | Place::Spreadsheet { .. } => false,
    }
}

impl Records {
    /// The folder of relationship `id`, made when it is not there yet.
    fn folder(&mut self, id: &str) -> &mut RelationshipFolder {
        self.relationships.entry(id.to_owned()).or_default()
    }
}
