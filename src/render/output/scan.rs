//! Looking over an existing `--out` before anything is written. A symbolic link anywhere in it
//! is refused, never followed (a page written through `site/relationships` → elsewhere would
//! land outside the site), and so is a FIFO, socket or device (reading one to compare would
//! hang). On the way, the files of the kinds mentorbook writes are listed: a site whose marker
//! keeps no list may lose those, and only those.

use super::marker;
use crate::error::Error;
use std::path::Path;
use walkdir::WalkDir;

/// Checks every entry under `out`; returns its files of the kinds mentorbook writes (what a
/// site without a list may lose).
pub fn scan(out: &Path) -> Result<Vec<String>, Error> {
    refuse_link(out)?;
    let mut kinds = Vec::new();
    for entry in WalkDir::new(out).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| Error::Output {
            message: format!(
                "cannot look through {}: {e}; mentorbook writes only into a folder it can check",
                out.display()
            ),
        })?;
        let kind = entry.file_type();
        if kind.is_symlink() {
            return Err(Error::Output {
                message: format!(
                    "{} is a symbolic link inside --out, and mentorbook never writes through a link: replace it with a real folder or file, or build into another --out",
                    entry.path().display()
                ),
            });
        }
        if kind.is_file() {
            let rel = relative(out, entry.path());
            if marker::is_mentorbook_kind(&rel) {
                kinds.push(rel);
            }
        } else if !kind.is_dir() {
            return Err(Error::Output {
                message: format!(
                    "{} is not a file or a folder (a FIFO, socket or device): remove it from --out, or build into another --out",
                    entry.path().display()
                ),
            });
        }
    }
    Ok(kinds)
}

/// Refuses an `--out` that is itself a symbolic link, dangling or not.
pub fn refuse_link(out: &Path) -> Result<(), Error> {
    if std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::Output {
            message: format!(
                "{} is a symbolic link: pass the folder it leads to as --out, so that nothing is written through a link",
                out.display()
            ),
        });
    }
    Ok(())
}

/// `path` inside `out`, with `/` between folders.
fn relative(out: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(out).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}
