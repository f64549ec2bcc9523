//! The walk: every entry of the tree judged by the layout (`layout.rs`), once. Record files
//! are handed to the parsers as they are found; everything the layout does not allow — a
//! misnamed file or folder, a link that leads out of `records/` or to a folder, a FIFO — is
//! one `layout` diagnostic, and a misplaced folder's contents are not read.

use super::layout::{self, Misplaced};
use super::tree::{Entry, EntryKind, Tree, Visit};
use crate::diagnostics::{Diagnostic, Pos};
use crate::place::{Area, Place};
use crate::rules::Rule;
use std::sync::mpsc::Sender;

/// A record file to read, found by the walk.
pub struct Found {
    pub place: Place,
    pub entry: Entry,
    pub display: String,
}

/// What the walk found besides the record files.
pub struct Walk {
    /// Relationship folders with a valid id.
    pub folders: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file visited that is not ignored.
    pub files: usize,
}

/// Walks `tree`, sending each record file to `found`; `display` turns a path inside the
/// records folder into the path shown to the user.
pub fn walk(
    tree: &dyn Tree,
    display: &dyn Fn(&str) -> String,
    found: &Sender<Found>,
) -> std::io::Result<Walk> {
    let mut out = Walk {
        folders: Vec::new(),
        diagnostics: Vec::new(),
        files: 0,
    };
    tree.walk(&mut |entry| visit(entry, display, found, &mut out))?;
    Ok(out)
}

fn visit(
    entry: Entry,
    display: &dyn Fn(&str) -> String,
    found: &Sender<Found>,
    out: &mut Walk,
) -> Visit {
    let parts: Vec<&str> = entry.parts.iter().map(String::as_str).collect();
    let rel = parts.join("/");
    let name = parts.last().copied().unwrap_or_default();
    if layout::is_ignored(name) {
        return Visit::Skip;
    }
    let folder = entry.kind == EntryKind::Folder;
    let shown = if folder {
        format!("{rel}/")
    } else {
        rel.clone()
    };
    let misplaced = |message: String| {
        let place = Place::Misplaced {
            area: Area::of(&parts),
            path: shown.clone(),
        };
        Diagnostic::structure(
            Rule::Layout,
            place,
            display(&shown),
            Pos::START,
            message,
            None,
        )
        .whole_file()
    };
    let problem = match &entry.kind {
        EntryKind::Folder => {
            return match layout::folder(&parts) {
                Ok(()) => {
                    if let ["relationships", id] = parts.as_slice() {
                        out.folders.push((*id).to_owned());
                    }
                    Visit::Enter
                }
                Err(Misplaced(message)) => {
                    let message = format!("{message} (its contents are not read)");
                    out.diagnostics.push(misplaced(message));
                    Visit::Skip
                }
            };
        }
        EntryKind::Unreadable(why) => {
            out.diagnostics
                .push(misplaced(format!("cannot be read: {why}")));
            return Visit::Skip;
        }
        EntryKind::File { .. } | EntryKind::LinkToFile => None,
        EntryKind::LinkToFolder => {
            Some("symbolic link to a folder is not followed: move the folder here instead")
        }
        EntryKind::LinkOutside => Some(
            "symbolic link to a place outside records/ is not followed: replace it with the file itself",
        ),
        EntryKind::BrokenLink => Some("broken symbolic link: replace it with the file itself"),
        EntryKind::Special => Some(
            "not a regular file (a FIFO, socket or device), so it is not read: records are plain text files",
        ),
    };
    out.files += 1;
    if let Some(problem) = problem {
        out.diagnostics.push(misplaced(problem.to_owned()));
        return Visit::Enter;
    }
    match layout::file(&parts) {
        Ok(Place::Program) => {}
        Ok(place) => {
            // The receiver lives until the walk is over, so a send cannot fail.
            let _ = found.send(Found {
                place,
                entry,
                display: display(&rel),
            });
        }
        Err(Misplaced(message)) => out.diagnostics.push(misplaced(message)),
    }
    Visit::Enter
}
