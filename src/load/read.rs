//! Reading one file: its bytes through the tree (never past the size limit), its text
//! (UTF-8, with the position of the first bad byte), its front matter, and the record parsed
//! from its YAML — with every problem of the file reported, and the text kept for snippets.

use super::fields::Problems;
use super::kinds;
use super::tree::{Contents, Entry, EntryKind, Tree};
use super::walk::Found;
use super::yaml;
use crate::diagnostics::{Diagnostic, Pos};
use crate::error::{Error, Result};
use crate::model::*;
use crate::place::Place;
use crate::rules::Rule;
use crate::source::{FrontMatterError, front_matter};
use std::collections::HashMap;

/// A record file larger than this is refused unread: records are a few kilobytes. The same
/// limit holds for `program.toml` and `guidelines.md`.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A parsed record of any kind, or `None` when broken.
#[derive(Clone)]
pub enum Record {
    Person(Option<Person>),
    Relationship(Option<Relationship>),
    Agreement(Option<Agreement>),
    Meeting(Option<Meeting>),
    Evaluation(Option<Evaluation>),
    Guidelines(Option<String>),
    /// In a cache that does not keep records: the record is where it was filed.
    Kept,
}

/// One file, read and parsed.
#[derive(Clone)]
pub struct Parsed {
    pub record: Record,
    pub problems: Vec<Diagnostic>,
    /// The file's text, when it could be read as text.
    pub text: Option<String>,
}

/// Reads and validates `program.toml`: a regular file (or a link to one inside the records
/// folder) under the size limit. Any problem stops the command (exit 2).
pub fn program(tree: &dyn Tree, display: &str) -> Result<Config> {
    let config_error = |message: String| Error::Config {
        path: display.to_owned(),
        message,
    };
    let entry = tree
        .top("program.toml")
        .map_err(|e| config_error(format!("cannot be read: {e}")))?
        .ok_or_else(|| config_error("not found: every records folder needs a program.toml with a [program] table giving name and association".into()))?;
    let refused = match &entry.kind {
        EntryKind::File { .. } | EntryKind::LinkToFile => None,
        EntryKind::Folder => Some("is a folder: program.toml must be a file"),
        EntryKind::LinkToFolder | EntryKind::LinkOutside | EntryKind::BrokenLink => Some(
            "is a symbolic link that does not lead to a file inside the records folder: replace it with the file itself",
        ),
        EntryKind::Special => Some(
            "is not a regular file (a FIFO, socket or device): replace it with the program's settings file",
        ),
        EntryKind::Unreadable(_) => Some("cannot be read"),
    };
    if let Some(why) = refused {
        return Err(config_error(why.into()));
    }
    let bytes = match tree.read(&entry, MAX_FILE_BYTES) {
        Ok(Contents::Bytes(bytes)) => bytes,
        Ok(Contents::TooLarge) => {
            return Err(config_error(format!(
                "is over {} MiB, far larger than a program's settings: check that this is the right file",
                MAX_FILE_BYTES >> 20
            )));
        }
        Err(e) => return Err(config_error(format!("cannot be read: {e}"))),
    };
    let text = crate::source::decode(&bytes).map_err(|pos| Error::Config {
        path: format!("{display}:{}:{}", pos.line, pos.column),
        message: "not valid UTF-8 text: save the file as UTF-8".into(),
    })?;
    super::program::parse(text, display)
}

/// Reads and parses one file. When `cache` holds the same file with the same text (the
/// records at a git revision after the work tree's), its parse is reused.
pub fn read_and_parse(tree: &dyn Tree, found: &Found, cache: &HashMap<String, Parsed>) -> Parsed {
    let mut p = Problems::new(&found.display, &found.place);
    let text = read_text(tree, &found.entry, &mut p);
    if let (Some(text), Some(cached)) = (&text, cache.get(&found.display))
        && cached.text.as_ref() == Some(text)
        && p.list.is_empty()
    {
        return cached.clone();
    }
    let record = match &text {
        Some(text) => parse_record(&found.place, text, &mut p),
        None => broken(&found.place),
    };
    Parsed {
        record,
        text: text.or(p.lossy_text.take()),
        problems: p.list,
    }
}

/// The file's text, or `None` after reporting why it cannot be used.
fn read_text(tree: &dyn Tree, entry: &Entry, p: &mut Problems) -> Option<String> {
    let bytes = match tree.read(entry, MAX_FILE_BYTES) {
        Ok(Contents::Bytes(bytes)) => bytes,
        Ok(Contents::TooLarge) => {
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
        Err(e) => {
            p.whole_file(Rule::Yaml, format!("cannot be read: {e}"), None);
            return None;
        }
    };
    match crate::source::decode(&bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(pos) => {
            // The report still shows the line with the bad byte.
            let lossy = String::from_utf8_lossy(&bytes);
            p.lossy_text = Some(lossy.trim_start_matches('\u{feff}').to_owned());
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

/// The problems of `text` read as the record at `place` (shown as `display`).
pub fn parse_text(place: &Place, display: &str, text: &str) -> Vec<Diagnostic> {
    let mut p = Problems::new(display, place);
    parse_record(place, text, &mut p);
    p.list
}

fn broken(place: &Place) -> Record {
    match place {
        Place::Person { .. } => Record::Person(None),
        Place::Relationship { .. } => Record::Relationship(None),
        Place::Agreement { .. } => Record::Agreement(None),
        Place::Meeting { .. } => Record::Meeting(None),
        Place::Evaluation { .. } => Record::Evaluation(None),
        Place::Guidelines
        | Place::Program
        | Place::Misplaced { .. }
        | Place::Spreadsheet { .. } => Record::Guidelines(None),
    }
}

fn parse_record(place: &Place, text: &str, p: &mut Problems) -> Record {
    let markdown = matches!(place, Place::Agreement { .. } | Place::Meeting { .. });
    let mut body = "";
    let node = if markdown {
        match front_matter(text) {
            Ok(fm) => {
                body = fm.body;
                yaml::parse(fm.yaml, fm.line_offset)
            }
            Err(e) => {
                let message = match e {
                    FrontMatterError::Missing => {
                        "the file has no front matter: a Markdown record starts with a `---` line, its keys, and another `---` line"
                    }
                    FrontMatterError::Unterminated => {
                        "the front matter is not closed: add a `---` line after its last key"
                    }
                };
                p.whole_file(Rule::Yaml, message.into(), None);
                return broken(place);
            }
        }
    } else if matches!(place, Place::Guidelines) {
        return Record::Guidelines(Some(text.to_owned()));
    } else {
        yaml::parse(text, 0)
    };
    let node = match node {
        Ok(node) => node,
        Err(e) => {
            p.report(Rule::Yaml, e.pos, e.message, e.help);
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
        Place::Guidelines
        | Place::Program
        | Place::Misplaced { .. }
        | Place::Spreadsheet { .. } => broken(place),
    }
}
