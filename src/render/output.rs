//! Writing the site. Nothing under `--out` changes until every file is rendered and guarded;
//! then a new folder is moved into place, or an existing site is brought up to date: only
//! files whose bytes changed are rewritten (each through a temporary file and a rename), and
//! stale files are removed. A folder that is not a mentorbook site is never touched.

use crate::error::Error;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Marks a folder as written by mentorbook, so it may be updated and cleaned.
pub const MARKER: &str = ".mentorbook-site";
const MARKER_TEXT: &str =
    "This folder is written by `mentorbook build`; its files are replaced on every build.\n";

/// What a write did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::Output {
        message: format!("{}: {e}", path.display()),
    }
}

/// Writes `files` (path inside the site → bytes) to `out`.
pub fn write(out: &Path, files: &[(String, Vec<u8>)]) -> Result<Written, Error> {
    if !out.exists() {
        return write_fresh(out, files);
    }
    if !out.is_dir() {
        return Err(Error::Output {
            message: format!(
                "{} is a file, not a folder: choose another --out",
                out.display()
            ),
        });
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| io_error(out, e))?
        .next()
        .is_none();
    if !empty && !out.join(MARKER).is_file() {
        return Err(Error::Output {
            message: format!(
                "{} is not empty and was not written by mentorbook (it has no {MARKER} file): choose an empty or new --out so nothing in it is lost",
                out.display()
            ),
        });
    }
    update(out, files)
}

/// A new folder, written beside `out` and renamed into place.
fn write_fresh(out: &Path, files: &[(String, Vec<u8>)]) -> Result<Written, Error> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    let name = out
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.mentorbook-{}", std::process::id()));
    let result = (|| {
        files
            .par_iter()
            .try_for_each(|(rel, bytes)| put(&staging.join(rel), bytes))?;
        put(&staging.join(MARKER), MARKER_TEXT.as_bytes())?;
        std::fs::rename(&staging, out).map_err(|e| io_error(out, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result.map(|()| Written {
        written: files.len(),
        ..Written::default()
    })
}

/// Brings an existing site up to date.
fn update(out: &Path, files: &[(String, Vec<u8>)]) -> Result<Written, Error> {
    let changed: Vec<bool> = files
        .par_iter()
        .map(|(rel, bytes)| {
            let path = out.join(rel);
            if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
                return Ok(false);
            }
            put(&path, bytes).map(|()| true)
        })
        .collect::<Result<_, Error>>()?;
    if !out.join(MARKER).is_file() {
        put(&out.join(MARKER), MARKER_TEXT.as_bytes())?;
    }
    let keep: BTreeSet<PathBuf> = files
        .iter()
        .map(|(rel, _)| PathBuf::from(rel))
        .chain([PathBuf::from(MARKER)])
        .collect();
    let mut removed = 0;
    let mut folders = Vec::new();
    for entry in WalkDir::new(out)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .flatten()
    {
        let Ok(rel) = entry.path().strip_prefix(out) else {
            continue;
        };
        if entry.file_type().is_dir() {
            folders.push(entry.path().to_owned());
        } else if !keep.contains(rel) {
            std::fs::remove_file(entry.path()).map_err(|e| io_error(entry.path(), e))?;
            removed += 1;
        }
    }
    for folder in folders {
        // Only empty folders go; a failure just means something is still inside.
        let _ = std::fs::remove_dir(folder);
    }
    let written = changed.iter().filter(|&&c| c).count();
    Ok(Written {
        written,
        unchanged: files.len() - written,
        removed,
    })
}

/// Writes one file through a temporary file in the same folder and a rename.
fn put(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.tmp"));
    std::fs::write(&temporary, bytes).map_err(|e| io_error(&temporary, e))?;
    std::fs::rename(&temporary, path).map_err(|e| io_error(path, e))
}
