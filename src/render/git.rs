//! When the records were last changed, from git: one `git log` call for the whole folder.

use std::path::Path;
use std::process::Command;

/// The date of the last commit that touched `records`, or `None` outside a git work tree
/// (or without git).
pub fn last_changed(records: &Path) -> Option<String> {
    let output = Command::new("git")
        .args(["log", "-1", "--format=%cs", "--", "."])
        .current_dir(records)
        .output()
        .ok()?;
    let date = String::from_utf8(output.stdout).ok()?;
    let date = date.trim();
    (output.status.success() && !date.is_empty()).then(|| date.to_owned())
}
