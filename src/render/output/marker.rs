//! The site marker, `.mentorbook-site`: it says that a folder is a site mentorbook wrote (so a
//! build may update it), and it lists every file the last build wrote (so the next build
//! removes those it no longer writes, and nothing else).
//!
//! Its format is plain text, the same for the same site: the explanatory first line, a second
//! line that introduces the list, then one path a line — relative to the site, `/` between
//! folders, in byte order — each line ending in a newline. A marker without that second line
//! comes from a version that kept no list; the next build then removes only stale files of
//! the kinds mentorbook writes, in its own folders ([`is_mentorbook_kind`]).

use crate::error::Error;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

/// The marker's file name, at the root of the site.
pub const MARKER: &str = ".mentorbook-site";
const FIRST_LINE: &str =
    "This folder is written by `mentorbook build`; its files are replaced on every build.";
const LIST_LINE: &str = "Files the last build wrote (a build removes no other file):";
/// A marker is a list of paths; anything larger is not one mentorbook wrote.
const LONGEST: u64 = 64 << 20;

/// The folders a build writes in, besides the site's root.
const FOLDERS: [&str; 6] = [
    "relationships",
    "mentors",
    "compliance",
    "guidelines",
    "rules",
    "report",
];
/// The kinds of file a build writes.
const KINDS: [&str; 5] = ["html", "css", "json", "ics", "csv"];

/// What the marker of an existing site says about the last build.
#[derive(Debug, PartialEq, Eq)]
pub enum Previous {
    /// The files it wrote (none for a folder that had no site yet).
    Listed(BTreeSet<String>),
    /// A site from a version that kept no list.
    Unlisted,
}

/// The marker of a new site that holds `paths`.
pub fn text<P: AsRef<str>>(paths: impl IntoIterator<Item = P>) -> Result<String, Error> {
    let mut text = format!("{FIRST_LINE}\n{LIST_LINE}\n");
    for path in paths {
        let path = path.as_ref();
        if !is_site_path(path) {
            return Err(Error::Output {
                message: format!(
                    "`{path}` cannot be written into a site: it is not a plain path inside it"
                ),
            });
        }
        text.push_str(path);
        text.push('\n');
    }
    Ok(text)
}

/// Reads the marker at `path` (a regular file). Lines that are not plain paths inside the
/// site — `..`, a dot-file, an absolute path — are ignored, so an edited marker can never
/// make a build remove anything outside the site or a file it would not write.
pub fn read(path: &Path) -> Result<Previous, Error> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(LONGEST).read_to_end(&mut bytes))
        .map_err(|e| Error::Output {
            message: format!("{}: {e}", path.display()),
        })?;
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = text.lines();
    let _explanation = lines.next();
    if lines.next() != Some(LIST_LINE) {
        return Ok(Previous::Unlisted);
    }
    Ok(Previous::Listed(
        lines
            .filter(|line| is_site_path(line))
            .map(str::to_owned)
            .collect(),
    ))
}

/// A relative path of plain names: none empty, none starting with `.`, no `\`, `:` or
/// control character anywhere.
pub fn is_site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', ':'])
        && !path.chars().any(char::is_control)
        && path
            .split('/')
            .all(|name| !name.is_empty() && !name.starts_with('.'))
}

/// Whether a site without a list may remove `path` when no longer written: a `.html`,
/// `.css`, `.json`, `.ics` or `.csv` file at the root or under one of mentorbook's folders.
pub fn is_mentorbook_kind(path: &str) -> bool {
    let kind_ok = path
        .rsplit_once('.')
        .is_some_and(|(_, extension)| KINDS.contains(&extension));
    let folder_ok = match path.split_once('/') {
        None => true,
        Some((folder, _)) => FOLDERS.contains(&folder),
    };
    kind_ok && folder_ok && is_site_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_list_reads_back_and_edited_lines_are_ignored() {
        let paths: BTreeSet<String> = ["index.html", "relationships/r-1/index.html"]
            .map(String::from)
            .into();
        let text = text(&paths).unwrap();
        assert!(text.starts_with(FIRST_LINE));
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join(MARKER);
        std::fs::write(&marker, &text).unwrap();
        assert_eq!(read(&marker).unwrap(), Previous::Listed(paths.clone()));
        let edited = format!("{text}../records/program.toml\n.git/config\n/etc/passwd\n\n");
        std::fs::write(&marker, edited).unwrap();
        assert_eq!(read(&marker).unwrap(), Previous::Listed(paths));
        std::fs::write(&marker, format!("{FIRST_LINE}\n")).unwrap();
        assert_eq!(read(&marker).unwrap(), Previous::Unlisted);
    }

    #[test]
    fn only_mentorbook_kinds_in_its_folders_go_from_an_unlisted_site() {
        for path in [
            "index.html",
            "data.json",
            "mentors/index.html",
            "report/x/a.csv",
        ] {
            assert!(is_mentorbook_kind(path), "{path}");
        }
        for path in [
            "CNAME",
            ".nojekyll",
            ".git/index.html",
            "blog/index.html",
            "a.png",
        ] {
            assert!(!is_mentorbook_kind(path), "{path}");
        }
        assert!(!is_mentorbook_kind("relationships/.hidden/index.html"));
    }
}
