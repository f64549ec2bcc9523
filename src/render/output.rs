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

/// Where a build's files go, decided before any page is rendered.
pub enum Target {
    /// No site yet: files go into a staging folder beside `out`, renamed into place at the end.
    Fresh { out: PathBuf, staging: PathBuf },
    /// A previous site: only files whose bytes changed are kept, and written at the end.
    Update { out: PathBuf },
}

/// Checks `out` and chooses how to write it. A folder that is not empty and has no marker
/// is refused, so nothing a user wrote is ever overwritten or removed.
pub fn prepare(out: &Path) -> Result<Target, Error> {
    if !out.exists() {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        let name = out
            .file_name()
            .map_or("site".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.mentorbook-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&staging);
        std::fs::create_dir_all(&staging).map_err(|e| io_error(&staging, e))?;
        return Ok(Target::Fresh {
            out: out.to_owned(),
            staging,
        });
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
    Ok(Target::Update {
        out: out.to_owned(),
    })
}

impl Target {
    /// Takes one rendered, guarded file. A new site writes it to the staging folder at once
    /// (invisible until the rename); an existing site keeps it only when it changed.
    pub fn accept(&self, rel: &str, bytes: Vec<u8>) -> Result<Option<(String, Vec<u8>)>, Error> {
        match self {
            Target::Fresh { staging, .. } => {
                let path = staging.join(rel);
                // The folders were made by `make_folders`; only a stray path needs one here.
                if let Err(e) = std::fs::write(&path, &bytes) {
                    let folder = path.parent().unwrap_or(staging);
                    std::fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
                    std::fs::write(&path, bytes).map_err(|_| io_error(&path, e))?;
                }
                Ok(None)
            }
            Target::Update { out } => {
                let unchanged = std::fs::read(out.join(rel)).is_ok_and(|old| old == bytes);
                Ok((!unchanged).then(|| (rel.to_owned(), bytes)))
            }
        }
    }

    /// Creates, once, every folder the files will go in (a new site only), so that the
    /// parallel writes that follow are a single system call each.
    pub fn make_folders<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Result<(), Error> {
        let Target::Fresh { staging, .. } = self else {
            return Ok(());
        };
        let folders: BTreeSet<&str> = paths
            .into_iter()
            .filter_map(|p| p.rsplit_once('/').map(|(folder, _)| folder))
            .collect();
        // One after another: parallel mkdirs in one parent only contend for its lock.
        for folder in folders {
            let path = staging.join(folder);
            std::fs::create_dir_all(&path).map_err(|e| io_error(&path, e))?;
        }
        Ok(())
    }

    /// Makes the new site visible: renames the staging folder into place, or writes the
    /// changed files and removes stale ones. `paths` is every file of the new site.
    pub fn commit(
        self,
        changed: Vec<(String, Vec<u8>)>,
        paths: &BTreeSet<String>,
    ) -> Result<Written, Error> {
        match self {
            Target::Fresh { out, staging } => {
                put(&staging.join(MARKER), MARKER_TEXT.as_bytes())?;
                if let Err(e) = std::fs::rename(&staging, &out) {
                    let _ = std::fs::remove_dir_all(&staging);
                    return Err(io_error(&out, e));
                }
                Ok(Written {
                    written: paths.len(),
                    ..Written::default()
                })
            }
            Target::Update { out } => update(&out, &changed, paths),
        }
    }

    /// Leaves everything as it was: a failed build changes nothing under `--out`.
    pub fn abandon(self) {
        if let Target::Fresh { staging, .. } = self {
            let _ = std::fs::remove_dir_all(staging);
        }
    }
}

/// Brings an existing site up to date.
fn update(
    out: &Path,
    changed: &[(String, Vec<u8>)],
    paths: &BTreeSet<String>,
) -> Result<Written, Error> {
    changed
        .par_iter()
        .try_for_each(|(rel, bytes)| put(&out.join(rel), bytes))?;
    if !out.join(MARKER).is_file() {
        put(&out.join(MARKER), MARKER_TEXT.as_bytes())?;
    }
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
        let rel = rel.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            folders.push(entry.path().to_owned());
        } else if rel != MARKER && !paths.contains(&rel) {
            std::fs::remove_file(entry.path()).map_err(|e| io_error(entry.path(), e))?;
            removed += 1;
        }
    }
    for folder in folders {
        // Only empty folders go; a failure just means something is still inside.
        let _ = std::fs::remove_dir(folder);
    }
    Ok(Written {
        written: changed.len(),
        unchanged: paths.len().saturating_sub(changed.len()),
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
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = folder.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes).map_err(|e| io_error(&temporary, e))?;
    std::fs::rename(&temporary, path).map_err(|e| io_error(path, e))
}
