//! Records kept loaded between saves (`serve`): a change to a record file re-reads that file
//! alone and files it in place, so a save costs one parse instead of a walk of the whole
//! tree. Anything the layout has a say in — a new or removed folder, a misnamed file,
//! program.toml, a link — loads everything again (still re-reading only files whose stamp
//! changed).

use super::layout;
use super::read::{self, Parsed, Record};
use super::tree::{Disk, EntryKind, Tree};
use super::walk::Found;
use super::{Loader, display_path, file, sort, unfile};
use crate::diagnostics::Diagnostic;
use crate::error::Result;
use crate::model::Records;
use crate::place::Place;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The records of a folder on disk, loaded and kept up to date.
pub struct Session {
    root: PathBuf,
    /// The records folder with every link resolved, to find changed paths in it.
    absolute: PathBuf,
    display: String,
    loader: Loader,
    records: Arc<Records>,
}

impl Session {
    /// Loads the records folder `root`; `display` is how the user named it.
    pub fn open(root: &Path, display: &str) -> Result<Session> {
        let mut loader = Loader::new(false);
        loader.keep_records = false;
        let (mut records, _) = loader.read_all(&Disk::stamped(root), display, None)?;
        sort(&mut records);
        Ok(Session {
            root: root.to_owned(),
            absolute: absolute(root),
            display: display.to_owned(),
            loader,
            records: Arc::new(records),
        })
    }

    pub fn records(&self) -> Arc<Records> {
        Arc::clone(&self.records)
    }

    /// Every structural problem of the records as they are now.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.loader.diagnostics(&self.records)
    }

    /// Brings the records up to date after `changed` paths changed (`None`: anything may
    /// have changed). Files re-read in place when each is a record file the layout already
    /// knows a place for; otherwise everything is loaded again.
    pub fn update(&mut self, changed: Option<&[PathBuf]>) -> Result<()> {
        let in_place = changed.is_some_and(|paths| {
            let records = Arc::make_mut(&mut self.records);
            paths
                .iter()
                .all(|path| refresh(&self.root, &self.absolute, records, &mut self.loader, path))
        });
        if !in_place {
            let tree = Disk::stamped(&self.root);
            let previous = Some(&*self.records);
            let (mut records, _) = self.loader.read_all(&tree, &self.display, previous)?;
            sort(&mut records);
            self.records = Arc::new(records);
        }
        Ok(())
    }
}

fn absolute(root: &Path) -> PathBuf {
    root.canonicalize()
        .or_else(|_| std::path::absolute(root))
        .unwrap_or_else(|_| root.to_owned())
}

/// Re-reads one changed path in place; false when only a full load can say what it means.
fn refresh(
    root: &Path,
    absolute: &Path,
    records: &mut Records,
    loader: &mut Loader,
    path: &Path,
) -> bool {
    let Ok(inside) = path.strip_prefix(absolute) else {
        // Not under the records folder (a template, say): nothing to re-read.
        return true;
    };
    let parts: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let names: Vec<&str> = parts.iter().map(String::as_str).collect();
    if names.iter().any(|name| layout::is_ignored(name)) {
        return true;
    }
    let place = match layout::file(&names) {
        Ok(Place::Program) | Err(_) => return false,
        Ok(place) => place,
    };
    // A file in a relationship folder the walk has not seen: the folder is new.
    if let Some(id) = place.relationship()
        && !records.relationships.contains_key(id)
    {
        return false;
    }
    let display = display_path(&records.root, &names.join("/"));
    let tree = Disk::stamped(root);
    let entry = match tree.top(&names.join("/")) {
        Ok(entry) => entry,
        Err(_) => return false,
    };
    match entry {
        None => {
            if unfile(records, &place) {
                records.files = records.files.saturating_sub(1);
            }
            loader.cache.remove(&display);
            loader.stamps.remove(&display);
            true
        }
        Some(entry) if matches!(entry.kind, EntryKind::File { .. }) => {
            let found = Found {
                place,
                entry,
                display,
            };
            let parsed: Parsed = read::read_and_parse(&tree, &found, &Default::default());
            let mut kept = loader.remember(&found, parsed);
            let new = !loader.cache.contains_key(&found.display);
            file(
                records,
                &found,
                std::mem::replace(&mut kept.record, Record::Kept),
            );
            if new {
                records.files += 1;
                sort(records);
            }
            loader.cache.insert(found.display, kept);
            true
        }
        // A link, a folder or something odd where a record was: the layout decides.
        Some(_) => false,
    }
}
