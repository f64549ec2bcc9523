//! Bringing an existing site up to date: refuse to replace a file the last build did not
//! write, write the changed files (each through a temporary file and a rename, so none is
//! ever seen half-written), remove the files the last build wrote and this one does not,
//! and list the new site's files in the marker.

use super::{Earlier, MARKER, Written, io_error, marker};
use crate::error::Error;
use crate::interrupt;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Brings an existing site up to date. Until it is done the marker lists the files of both
/// builds, so that a build stopped half-way still knows, next time, what it may remove.
pub(super) fn update(
    out: &Path,
    earlier: &Earlier,
    changed: &[(String, Vec<u8>)],
    paths: &BTreeSet<String>,
) -> Result<Written, Error> {
    if earlier.listed {
        refuse_foreign(out, &earlier.files, changed)?;
    }
    let marker_path = out.join(MARKER);
    if changed.iter().any(|(rel, _)| !earlier.files.contains(rel)) {
        let both: BTreeSet<&String> = earlier.files.iter().chain(paths).collect();
        put(&marker_path, marker::text(both)?.as_bytes())?;
    }
    if let Some(((rel, bytes), rest)) = changed.split_first() {
        put(&out.join(rel), bytes)?;
        // Test hook: one file is new, the others still old.
        interrupt::pause_point("updating");
        rest.par_iter()
            .try_for_each(|(rel, bytes)| put(&out.join(rel), bytes))?;
    }
    let removed = remove_stale(out, earlier.files.difference(paths))?;
    let listing = marker::text(paths)?;
    if std::fs::read(&marker_path).ok().as_deref() != Some(listing.as_bytes()) {
        put(&marker_path, listing.as_bytes())?;
    }
    Ok(Written {
        written: changed.len(),
        unchanged: paths.len().saturating_sub(changed.len()),
        removed,
    })
}

/// Refuses to replace a file that the last build did not write (one put there by hand).
fn refuse_foreign(
    out: &Path,
    earlier: &BTreeSet<String>,
    changed: &[(String, Vec<u8>)],
) -> Result<(), Error> {
    let foreign = changed
        .iter()
        .map(|(rel, _)| rel)
        .filter(|rel| !earlier.contains(*rel))
        .map(|rel| out.join(rel))
        .find(|path| std::fs::symlink_metadata(path).is_ok());
    match foreign {
        Some(path) => Err(Error::Output {
            message: format!(
                "{} was not written by mentorbook, and this build would replace it: move it out of --out and build again",
                path.display()
            ),
        }),
        None => Ok(()),
    }
}

/// Removes the files of `stale` that are still there, then the folders that removing them
/// emptied; returns how many files went.
fn remove_stale<'a>(out: &Path, stale: impl Iterator<Item = &'a String>) -> Result<usize, Error> {
    let mut removed = 0;
    let mut folders = BTreeSet::new();
    for rel in stale {
        let path = out.join(rel);
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        std::fs::remove_file(&path).map_err(|e| io_error(&path, e))?;
        removed += 1;
        let mut folder = rel.as_str();
        while let Some((parent, _)) = folder.rsplit_once('/') {
            folders.insert(parent);
            folder = parent;
        }
    }
    // Deepest first (a folder sorts before what is inside it); one still holding anything,
    // a file someone added say, stays.
    for folder in folders.iter().rev() {
        let _ = std::fs::remove_dir(out.join(folder));
    }
    Ok(removed)
}

/// Writes one file through a temporary file in the same folder and a rename, so that it is
/// never seen half-written; a failed write leaves no temporary file.
fn put(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = folder.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let _writing = interrupt::writing();
    std::fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
    let written =
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(path, e));
    }
    Ok(())
}
