//! Writing a new record into the records folder: at the first free place of a list (a
//! meeting's day may already have one: then `-2`, `-3` …), atomically, never over an
//! existing file and never through a folder that is a symbolic link. `new`, `import` and
//! `match --write` all write through here, so they cannot disagree on what "never
//! overwritten" means.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// A record to write: its contents, and where, in order of preference.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub places: Vec<String>,
    pub contents: String,
}

impl Draft {
    pub fn at(rel: String, contents: String) -> Draft {
        Draft {
            places: vec![rel],
            contents,
        }
    }

    /// Writes the file at the first free place and returns it; never replaces a file.
    pub fn write(&self, root: &Path) -> Result<String> {
        self.write_if_free(root)?.ok_or_else(|| {
            let last = self
                .places
                .last()
                .map_or(String::new(), |rel| shown(root, rel));
            Error::Usage(format!(
                "{last} already exists: mentorbook never overwrites a record, so edit it instead"
            ))
        })
    }

    /// Writes the file at the first free place and returns it, or `None` when every place
    /// is taken.
    pub fn write_if_free(&self, root: &Path) -> Result<Option<String>> {
        for rel in &self.places {
            refuse_linked_folders(root, rel)?;
            match create(root, rel, &self.contents) {
                Ok(()) => return Ok(Some(rel.clone())),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(source) => {
                    return Err(Error::Io {
                        path: shown(root, rel),
                        source,
                    });
                }
            }
        }
        Ok(None)
    }

    /// Where `write` would put the file now, without writing: `None` when every place is
    /// taken.
    pub fn free_place(&self, root: &Path) -> Result<Option<&str>> {
        for rel in &self.places {
            refuse_linked_folders(root, rel)?;
            if std::fs::symlink_metadata(root.join(rel)).is_err() {
                return Ok(Some(rel));
            }
        }
        Ok(None)
    }
}

/// How a path inside the records folder is shown: the folder as given, then the path.
pub fn shown(root: &Path, rel: &str) -> String {
    let root = root.to_string_lossy();
    format!("{}/{rel}", root.trim_end_matches(['/', '\\']))
}

/// Refuses a record whose folder (below the records folder) is a symbolic link: writing
/// through it would put the record somewhere the loader never reads, or outside records/.
fn refuse_linked_folders(root: &Path, rel: &str) -> Result<()> {
    let mut folder = root.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for (depth, part) in parts.iter().enumerate().take(parts.len().saturating_sub(1)) {
        folder.push(part);
        let linked = std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink());
        if linked {
            let inside = parts[..=depth].join("/");
            return Err(Error::Usage(format!(
                "{} is a symbolic link: mentorbook does not write records through one; replace it with the folder itself",
                shown(root, &inside)
            )));
        }
    }
    Ok(())
}

/// Creates the file and its folders. The contents go to a hidden temporary file beside it
/// first, which is then renamed into place only if the name is free, so a record is either
/// whole or absent; fails with `AlreadyExists` rather than replace a file.
fn create(root: &Path, rel: &str, contents: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    let parent = path.parent().unwrap_or(root);
    if !parent.is_dir() {
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mentorbook-");
    // Like any new file (0666 less the umask), not a temporary file's owner-only 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(parent)?;
    file.write_all(contents.as_bytes())?;
    file.persist_noclobber(&path).map_err(|e| e.error)?;
    Ok(())
}
