//! Writing the site. Nothing under `--out` changes until every file is rendered and guarded;
//! then a new folder is moved into place, or an existing site is brought up to date: only
//! files whose bytes changed are rewritten (each through a temporary file and a rename), and
//! the files the last build wrote that this one does not are removed — nothing else. A folder
//! that is not a mentorbook site is never touched, a link inside `--out` is refused before
//! anything is written (`scan`), and a build stopped by a signal leaves no staging folder and
//! no temporary file (`crate::interrupt`).

mod marker;
mod scan;
mod update;

use crate::error::Error;
use crate::interrupt;
use marker::Previous;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use marker::MARKER;

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
    Update { out: PathBuf, earlier: Earlier },
}

/// The files of an existing site that an earlier build wrote, as far as its marker tells.
pub struct Earlier {
    files: BTreeSet<String>,
    /// Whether the marker listed them; if not, they are the files of mentorbook's kinds.
    listed: bool,
}

/// Checks `out` and chooses how to write it. A folder that holds anything but dot-files and
/// has no marker is refused, so nothing a user wrote is ever overwritten or removed; so is a
/// link (or a FIFO, socket or device) anywhere inside it.
pub fn prepare(out: &Path) -> Result<Target, Error> {
    interrupt::clean_up_on_signal();
    scan::refuse_link(out)?;
    match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return fresh(out),
        Err(e) => return Err(io_error(out, e)),
        Ok(meta) if !meta.is_dir() => {
            return Err(Error::Output {
                message: format!(
                    "{} is a file, not a folder: choose another --out",
                    out.display()
                ),
            });
        }
        Ok(_) => {}
    }
    Ok(Target::Update {
        out: out.to_owned(),
        earlier: earlier_files(out)?,
    })
}

/// What an existing folder's marker says an earlier build wrote; refuses a folder without a
/// marker that holds anything but dot-files, and a link anywhere inside.
fn earlier_files(out: &Path) -> Result<Earlier, Error> {
    let marker_path = out.join(MARKER);
    let has_marker = std::fs::symlink_metadata(&marker_path).is_ok_and(|m| m.is_file());
    if !has_marker && holds_visible_entries(out)? {
        return Err(Error::Output {
            message: format!(
                "{} is not empty and was not written by mentorbook (it has no {MARKER} file): choose an empty or new --out so nothing in it is lost",
                out.display()
            ),
        });
    }
    let kinds = scan::scan(out)?;
    let previous = if has_marker {
        marker::read(&marker_path)?
    } else {
        Previous::Listed(BTreeSet::new())
    };
    Ok(match previous {
        Previous::Listed(files) => Earlier {
            files,
            listed: true,
        },
        Previous::Unlisted => Earlier {
            files: kinds.into_iter().collect(),
            listed: false,
        },
    })
}

/// Whether `out` holds anything but dot-files (a deploy clone's `.git` is no site).
fn holds_visible_entries(out: &Path) -> Result<bool, Error> {
    let entries = std::fs::read_dir(out).map_err(|e| io_error(out, e))?;
    Ok(entries
        .flatten()
        .any(|entry| !entry.file_name().to_string_lossy().starts_with('.')))
}

/// A new site: an empty staging folder beside `out`, removed again if the build is stopped.
fn fresh(out: &Path) -> Result<Target, Error> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    let name = out
        .file_name()
        .map_or("site".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.mentorbook-{}", std::process::id()));
    let _writing = interrupt::writing();
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| io_error(&staging, e))?;
    interrupt::leave_behind(&staging);
    Ok(Target::Fresh {
        out: out.to_owned(),
        staging,
    })
}

impl Target {
    /// Takes one rendered, guarded file. A new site writes it to the staging folder at once
    /// (invisible until the rename); an existing site keeps it only when it changed.
    pub fn accept(&self, rel: &str, bytes: Vec<u8>) -> Result<Option<(String, Vec<u8>)>, Error> {
        match self {
            Target::Fresh { staging, .. } => {
                let path = staging.join(rel);
                let _writing = interrupt::writing();
                // The folders were made by `make_folders`; only a stray path needs one here.
                if let Err(e) = std::fs::write(&path, &bytes) {
                    let folder = path.parent().unwrap_or(staging);
                    std::fs::create_dir_all(folder).map_err(|e| io_error(folder, e))?;
                    std::fs::write(&path, bytes).map_err(|_| io_error(&path, e))?;
                }
                Ok(None)
            }
            Target::Update { out, .. } => {
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
        let _writing = interrupt::writing();
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
                let listing = marker::text(paths)?;
                {
                    let _writing = interrupt::writing();
                    let marker_path = staging.join(MARKER);
                    std::fs::write(&marker_path, listing).map_err(|e| io_error(&marker_path, e))?;
                }
                // Test hook: the whole site is staged, nothing is visible yet.
                interrupt::pause_point("staged");
                let _writing = interrupt::writing();
                let renamed = std::fs::rename(&staging, &out);
                if renamed.is_err() {
                    let _ = std::fs::remove_dir_all(&staging);
                }
                interrupt::forget(&staging);
                renamed.map_err(|e| io_error(&out, e))?;
                Ok(Written {
                    written: paths.len(),
                    ..Written::default()
                })
            }
            Target::Update { out, earlier } => update::update(&out, &earlier, &changed, paths),
        }
    }

    /// Leaves everything as it was: a failed build changes nothing under `--out`.
    pub fn abandon(self) {
        if let Target::Fresh { staging, .. } = self {
            let _writing = interrupt::writing();
            let _ = std::fs::remove_dir_all(&staging);
            interrupt::forget(&staging);
        }
    }
}
