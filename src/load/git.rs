//! The records folder as it is at a git revision, read in memory: one `git ls-tree` lists its
//! entries with their sizes, one `git cat-file --batch` streams the contents of every blob
//! within the loader's limit. Nothing is written anywhere, so nothing can be written through
//! a link, and nothing is left behind if the process is killed. Links at the revision are
//! judged by the same layout rules as on disk — where they lead, resolved by path inside the
//! tree — and never followed out of it.

use super::tree::{Contents, Entry, EntryKind, Handle, Tree, Visit};
use crate::error::{Error, Result};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The records at a revision.
pub enum AtRevision {
    Present(GitTree),
    /// The revision has no such folder (or an empty one): a brand-new program.
    Absent,
}

/// A records folder at a git revision, in memory.
pub struct GitTree {
    /// The commit the revision names.
    pub commit: String,
    /// Every blob entry by its path inside the records folder.
    entries: BTreeMap<String, Blob>,
    /// Every folder implied by the entries' paths.
    folders: BTreeSet<String>,
    /// Blob contents within the size limit, by object id.
    contents: HashMap<String, Vec<u8>>,
}

#[derive(Clone, Debug)]
struct Blob {
    mode: String,
    object: String,
    size: u64,
}

/// Reads the records folder `records` as it is at `revision` (a branch, tag or commit).
/// Fails (exit 2) when `records` is not in a git work tree or `revision` names no commit;
/// `what` names the flag in messages (`--base`, `--rev`).
pub fn records_at(records: &Path, display: &str, revision: &str, what: &str) -> Result<AtRevision> {
    let inside = git(records, &["rev-parse", "--is-inside-work-tree"], what)?;
    if !inside.status.success() || text(&inside.stdout).trim() != "true" {
        let (lacks, command) = match what {
            "--base" => ("nothing to compare with", "the check"),
            _ => ("no revision to read", "mentorbook"),
        };
        return Err(Error::Usage(format!(
            "`{display}` is not in a git work tree, so {what} has {lacks}: run {command} in a clone of the records repository, or without {what}"
        )));
    }
    let commit = resolve(records, revision, what)?;
    let listing = git(records, &["ls-tree", "-r", "-z", "-l", &commit], what)?;
    if !listing.status.success() {
        return Err(failed("ls-tree", &listing.stderr, what));
    }
    let entries = parse_listing(&listing.stdout);
    if entries.is_empty() {
        return Ok(AtRevision::Absent);
    }
    let wanted: Vec<&str> = entries
        .values()
        .filter(|b| b.size <= super::MAX_FILE_BYTES)
        .map(|b| b.object.as_str())
        .collect();
    let contents = cat_blobs(records, &wanted, what)?;
    let folders = entries
        .keys()
        .flat_map(|path| {
            let parts: Vec<&str> = path.split('/').collect();
            (1..parts.len())
                .map(|n| parts[..n].join("/"))
                .collect::<Vec<_>>()
        })
        .collect();
    Ok(AtRevision::Present(GitTree {
        commit,
        entries,
        folders,
        contents,
    }))
}

/// The commit `revision` names.
fn resolve(records: &Path, revision: &str, what: &str) -> Result<String> {
    let not_a_revision = || {
        Error::Usage(format!(
            "`{revision}` ({what}) is not a revision in this git repository: name a branch, tag or commit that exists here (in CI, fetch the history first, e.g. `git fetch origin main`)"
        ))
    };
    // A leading `-` would be read as an option by git.
    if revision.is_empty() || revision.starts_with('-') {
        return Err(not_a_revision());
    }
    let spec = format!("{revision}^{{commit}}");
    let output = git(records, &["rev-parse", "--verify", "--quiet", &spec], what)?;
    let commit = text(&output.stdout).trim().to_owned();
    if !output.status.success() || commit.is_empty() {
        return Err(not_a_revision());
    }
    Ok(commit)
}

impl GitTree {
    /// The day of the commit (`YYYY-MM-DD`, committer date), for `build --rev`.
    pub fn commit_date(&self, records: &Path) -> Option<chrono::NaiveDate> {
        let output = git(
            records,
            &["show", "-s", "--format=%cs", &self.commit],
            "--rev",
        )
        .ok()?;
        text(&output.stdout).trim().parse().ok()
    }

    /// The day of the last commit up to this one that changed the records folder, as a
    /// checkout of this commit would give it (`crate::render::git::last_changed`).
    pub fn last_changed(&self, records: &Path) -> Option<String> {
        let args = ["log", "-1", "--format=%cs", &self.commit, "--", "."];
        let output = git(records, &args, "--rev").ok()?;
        let date = text(&output.stdout).trim().to_owned();
        (output.status.success() && !date.is_empty()).then_some(date)
    }

    fn kind(&self, path: &str, blob: &Blob) -> EntryKind {
        match blob.mode.as_str() {
            "120000" => self.link(path, blob),
            "100644" | "100755" => EntryKind::File {
                size: Some(blob.size),
            },
            _ => EntryKind::Special,
        }
    }

    /// Where a link leads, resolved by path inside the tree (never outside it).
    fn link(&self, path: &str, blob: &Blob) -> EntryKind {
        let Some(target) = self.contents.get(&blob.object) else {
            return EntryKind::BrokenLink;
        };
        let target = String::from_utf8_lossy(target);
        match self.target_path(path, &target) {
            None => EntryKind::LinkOutside,
            Some(resolved) if self.folders.contains(&resolved) => EntryKind::LinkToFolder,
            Some(resolved) => match self.entries.get(&resolved) {
                Some(b) if matches!(b.mode.as_str(), "100644" | "100755") => EntryKind::LinkToFile,
                Some(_) => EntryKind::LinkOutside,
                None => EntryKind::BrokenLink,
            },
        }
    }

    /// The path inside the records folder a link at `path` to `target` names, or `None`
    /// when it leaves the folder (an absolute target, or too many `..`).
    fn target_path(&self, path: &str, target: &str) -> Option<String> {
        if target.starts_with('/') || target.contains('\\') {
            return None;
        }
        let mut parts: Vec<&str> = path.split('/').collect();
        parts.pop();
        for part in target.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                name => parts.push(name),
            }
        }
        Some(parts.join("/"))
    }

    /// The blob an entry's contents come from: a link's target for a link to a file.
    fn blob_of(&self, path: &str) -> Option<&Blob> {
        let blob = self.entries.get(path)?;
        if blob.mode != "120000" {
            return Some(blob);
        }
        let target = String::from_utf8_lossy(self.contents.get(&blob.object)?);
        self.entries.get(&self.target_path(path, &target)?)
    }

    fn entry(&self, path: &str) -> Entry {
        let parts: Vec<String> = path.split('/').map(str::to_owned).collect();
        match self.entries.get(path) {
            Some(blob) => {
                let kind = self.kind(path, blob);
                let handle = self.blob_of(path).map_or(Handle::None, |b| Handle::Blob {
                    object: b.object.clone(),
                    size: b.size,
                });
                Entry {
                    parts,
                    kind,
                    handle,
                    stamp: None,
                }
            }
            None => Entry {
                parts,
                kind: EntryKind::Folder,
                handle: Handle::None,
                stamp: None,
            },
        }
    }
}

impl Tree for GitTree {
    fn exists(&self) -> bool {
        true
    }

    fn walk(&self, visit: &mut dyn FnMut(Entry) -> Visit) -> io::Result<()> {
        // Folders and files in one sorted list, each folder before what is inside it; a
        // path that is both a link and a folder (a crafted tree) is visited as both.
        let mut paths: Vec<(&str, bool)> = self
            .folders
            .iter()
            .map(|f| (f.as_str(), true))
            .chain(self.entries.keys().map(|p| (p.as_str(), false)))
            .collect();
        paths.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')).then(b.1.cmp(&a.1)));
        let mut skipped: Option<String> = None;
        for (path, folder) in paths {
            if let Some(skip) = &skipped {
                if path.starts_with(skip.as_str()) {
                    continue;
                }
                skipped = None;
            }
            let entry = if folder {
                Entry {
                    parts: path.split('/').map(str::to_owned).collect(),
                    kind: EntryKind::Folder,
                    handle: Handle::None,
                    stamp: None,
                }
            } else {
                self.entry(path)
            };
            if visit(entry) == Visit::Skip && folder {
                skipped = Some(format!("{path}/"));
            }
        }
        Ok(())
    }

    fn top(&self, name: &str) -> io::Result<Option<Entry>> {
        Ok(self.entries.contains_key(name).then(|| self.entry(name)))
    }

    fn read(&self, entry: &Entry, limit: u64) -> io::Result<Contents> {
        let Handle::Blob { object, size } = &entry.handle else {
            return Err(io::Error::other("not a file at this revision"));
        };
        if *size > limit {
            return Ok(Contents::TooLarge);
        }
        match self.contents.get(object) {
            Some(bytes) => Ok(Contents::Bytes(bytes.clone())),
            None => Err(io::Error::other("git did not give this file's contents")),
        }
    }
}

fn git(dir: &Path, args: &[&str], what: &str) -> Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Usage(format!("{what} needs git, which could not be run: {e}")))
}

fn failed(command: &str, stderr: &[u8], what: &str) -> Error {
    Error::Usage(format!(
        "git {command} failed while reading the records at {what}: {}",
        text(stderr).trim()
    ))
}

fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL`, run in the records folder so
/// paths are relative to it. Submodules are left out, and so is any path that could leave
/// the folder or is not plain names.
fn parse_listing(listing: &[u8]) -> BTreeMap<String, Blob> {
    listing
        .split(|&b| b == 0)
        .filter_map(|line| {
            let tab = line.iter().position(|&b| b == b'\t')?;
            let (head, path) = (text(&line[..tab]), &line[tab + 1..]);
            let mut fields = head.split_whitespace();
            let (mode, kind, object, size) = (
                fields.next()?,
                fields.next()?,
                fields.next()?,
                fields.next()?,
            );
            if kind != "blob" {
                return None;
            }
            Some((
                safe_path(path)?,
                Blob {
                    mode: mode.to_owned(),
                    object: object.to_owned(),
                    size: size.parse().ok()?,
                },
            ))
        })
        .collect()
}

/// A relative path of plain names, or `None`.
fn safe_path(bytes: &[u8]) -> Option<String> {
    let path = std::str::from_utf8(bytes).ok()?;
    path.split('/')
        .all(|part| !(part.is_empty() || part == "." || part == ".." || part.contains(['\\', ':'])))
        .then(|| path.to_owned())
}

/// The contents of every blob in `objects`, through one `git cat-file --batch`.
fn cat_blobs(records: &Path, objects: &[&str], what: &str) -> Result<HashMap<String, Vec<u8>>> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(records)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Usage(format!("{what} needs git, which could not be run: {e}")))?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(failed("cat-file", b"no pipes", what));
    };
    let unique: BTreeSet<&str> = objects.iter().copied().collect();
    let request: String = unique.iter().map(|o| format!("{o}\n")).collect();
    // Written from another thread: git answers while it reads, and both pipes are bounded.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut reader = BufReader::new(stdout);
    let mut contents = HashMap::with_capacity(unique.len());
    let mut read = || -> io::Result<()> {
        for object in &unique {
            contents.insert((*object).to_owned(), read_blob(&mut reader)?);
        }
        Ok(())
    };
    let copied = read();
    drop(reader);
    let wrote = writer.join();
    let output = child.wait_with_output();
    match (copied, output) {
        (Ok(()), Ok(output)) if output.status.success() && matches!(wrote, Ok(Ok(()))) => {
            Ok(contents)
        }
        (Ok(()), Ok(output)) => Err(failed("cat-file", &output.stderr, what)),
        (Err(e), _) | (Ok(()), Err(e)) => Err(failed("cat-file", e.to_string().as_bytes(), what)),
    }
}

/// Reads one `<object> SP blob SP <size> LF <contents> LF` answer.
fn read_blob(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut header = String::new();
    reader.read_line(&mut header)?;
    let size = header
        .trim_end()
        .rsplit(' ')
        .next()
        .and_then(|size| size.parse::<u64>().ok())
        .filter(|_| header.split(' ').nth(1) == Some("blob"))
        .ok_or_else(|| io::Error::other(format!("unexpected answer from git: {header}")))?;
    let mut contents = Vec::new();
    reader.by_ref().take(size).read_to_end(&mut contents)?;
    let mut newline = [0u8; 1];
    reader.read_exact(&mut newline)?;
    Ok(contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_keeps_files_and_links_and_drops_the_rest() {
        let listing = [
            "100644 blob aa      12\tpeople/pat.yaml",
            "120000 blob bb       9\tpeople/link.yaml",
            "160000 commit cc       -\tvendor",
            "100644 blob dd       3\t../escape",
            "100644 blob ee       3\tpeople/./x",
        ]
        .join("\0");
        let entries = parse_listing(listing.as_bytes());
        let paths: Vec<&str> = entries.keys().map(String::as_str).collect();
        assert_eq!(paths, ["people/link.yaml", "people/pat.yaml"]);
        assert_eq!(entries["people/pat.yaml"].size, 12);
        assert_eq!(entries["people/link.yaml"].mode, "120000");
    }

    #[test]
    fn links_resolve_inside_the_tree_only() {
        let tree = GitTree {
            commit: String::new(),
            entries: BTreeMap::new(),
            folders: BTreeSet::new(),
            contents: HashMap::new(),
        };
        assert_eq!(
            tree.target_path("people/a.yaml", "b.yaml").as_deref(),
            Some("people/b.yaml")
        );
        assert_eq!(
            tree.target_path("people/a.yaml", "../guidelines.md")
                .as_deref(),
            Some("guidelines.md")
        );
        assert_eq!(tree.target_path("people/a.yaml", "../../etc/passwd"), None);
        assert_eq!(tree.target_path("people/a.yaml", "/etc/passwd"), None);
    }
}
