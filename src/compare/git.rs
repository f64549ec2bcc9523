//! The records folder as it is at a git revision, read without touching the work tree or the
//! index: one `git ls-tree` lists its files at the revision, one `git cat-file --batch`
//! streams their contents into a private temporary folder, which the loader then reads like
//! any records folder. git is run as a program; nothing else is needed.

use crate::error::{Error, Result};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The records folder at a revision.
pub enum AtRevision {
    /// A copy of the folder, removed when dropped.
    Present(TempFolder),
    /// The revision has no such folder (or an empty one): a brand-new program.
    Absent,
}

/// Copies the records folder `records` as it is at `revision` (a branch, tag or commit) into
/// a temporary folder. Fails (exit 2) when `records` is not in a git work tree or `revision`
/// names no commit.
pub fn records_at(records: &Path, display: &str, revision: &str) -> Result<AtRevision> {
    let inside = git(records, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() || text(&inside.stdout).trim() != "true" {
        return Err(Error::Usage(format!(
            "`{display}` is not in a git work tree, so --base has nothing to compare with: run the check in a clone of the records repository, or without --base"
        )));
    }
    let commit = resolve(records, revision)?;
    let listing = git(records, &["ls-tree", "-r", "-z", &commit])?;
    if !listing.status.success() {
        return Err(failed("ls-tree", &listing.stderr));
    }
    let entries = parse_listing(&listing.stdout);
    if entries.is_empty() {
        return Ok(AtRevision::Absent);
    }
    let folder = TempFolder::create().map_err(|source| Error::Io {
        path: std::env::temp_dir().to_string_lossy().into_owned(),
        source,
    })?;
    write_blobs(records, &entries, folder.path())?;
    Ok(AtRevision::Present(folder))
}

/// The commit `revision` names.
fn resolve(records: &Path, revision: &str) -> Result<String> {
    let not_a_revision = || {
        Error::Usage(format!(
            "`{revision}` (--base) is not a revision in this git repository: name a branch, tag or commit that exists here (in CI, fetch the history first, e.g. `git fetch origin main`)"
        ))
    };
    // A leading `-` would be read as an option by git.
    if revision.is_empty() || revision.starts_with('-') {
        return Err(not_a_revision());
    }
    let spec = format!("{revision}^{{commit}}");
    let output = git(records, &["rev-parse", "--verify", "--quiet", &spec])?;
    let commit = text(&output.stdout).trim().to_owned();
    if !output.status.success() || commit.is_empty() {
        return Err(not_a_revision());
    }
    Ok(commit)
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Usage(format!("--base needs git, which could not be run: {e}")))
}

fn failed(what: &str, stderr: &[u8]) -> Error {
    Error::Usage(format!(
        "git {what} failed while reading the records at --base: {}",
        text(stderr).trim()
    ))
}

fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// One file of the listing: its object id, whether it is a symbolic link, and its path
/// inside the records folder.
#[derive(Debug, PartialEq)]
struct Entry {
    object: String,
    link: bool,
    path: PathBuf,
}

/// `<mode> SP <type> SP <object> TAB <path> NUL`, run in the records folder so paths are
/// relative to it. Submodules are skipped, and so is any path that could leave the folder.
fn parse_listing(listing: &[u8]) -> Vec<Entry> {
    listing
        .split(|&b| b == 0)
        .filter_map(|line| {
            let tab = line.iter().position(|&b| b == b'\t')?;
            let (head, path) = (text(&line[..tab]), &line[tab + 1..]);
            let mut fields = head.split(' ');
            let (mode, kind, object) = (fields.next()?, fields.next()?, fields.next()?);
            if kind != "blob" {
                return None;
            }
            Some(Entry {
                object: object.to_owned(),
                link: mode == "120000",
                path: safe_path(path)?,
            })
        })
        .collect()
}

/// A relative path of plain names, or `None`.
fn safe_path(bytes: &[u8]) -> Option<PathBuf> {
    let path = text(bytes);
    let mut out = PathBuf::new();
    for part in path.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.contains(['\\', ':']) {
            return None;
        }
        out.push(part);
    }
    Some(out)
}

/// Streams every blob through one `git cat-file --batch` and writes it under `into`.
fn write_blobs(records: &Path, entries: &[Entry], into: &Path) -> Result<()> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(records)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Usage(format!("--base needs git, which could not be run: {e}")))?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(failed("cat-file", b"no pipes"));
    };
    let request: String = entries.iter().map(|e| format!("{}\n", e.object)).collect();
    // Written from another thread: git answers while it reads, and both pipes are bounded.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut reader = BufReader::new(stdout);
    let copied = entries
        .iter()
        .try_for_each(|entry| copy_blob(&mut reader, entry, into));
    drop(reader);
    let wrote = writer.join();
    let output = child.wait_with_output();
    let io_error = |source: io::Error| Error::Io {
        path: into.to_string_lossy().into_owned(),
        source,
    };
    match (copied, output) {
        (Ok(()), Ok(output)) if output.status.success() && matches!(wrote, Ok(Ok(()))) => Ok(()),
        (Ok(()), Ok(output)) => Err(failed("cat-file", &output.stderr)),
        (Err(source), _) | (Ok(()), Err(source)) => Err(io_error(source)),
    }
}

/// Reads one `<object> SP blob SP <size> LF <contents> LF` answer and writes the file.
fn copy_blob(reader: &mut impl BufRead, entry: &Entry, into: &Path) -> io::Result<()> {
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
    let path = into.join(&entry.path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if entry.link {
        return link(&contents, &path);
    }
    std::fs::write(path, contents)
}

/// A symbolic link, recreated so the loader judges it as it would in a checkout.
#[cfg(unix)]
fn link(target: &[u8], path: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    std::os::unix::fs::symlink(std::ffi::OsStr::from_bytes(target), path)
}

/// Elsewhere symbolic links are left out: git writes them as plain files there anyway.
#[cfg(not(unix))]
fn link(_target: &[u8], _path: &Path) -> io::Result<()> {
    Ok(())
}

/// A folder only this user can read (the records are confidential), removed when dropped.
pub struct TempFolder(PathBuf);

impl TempFolder {
    fn create() -> io::Result<TempFolder> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        let mut attempt = 0;
        loop {
            let name = format!("mentorbook-base-{}-{nanos}-{attempt}", std::process::id());
            let path = std::env::temp_dir().join(name);
            match builder.create(&path) {
                Ok(()) => return Ok(TempFolder(path)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_keeps_files_and_links_and_drops_the_rest() {
        let listing = [
            "100644 blob aa\tpeople/pat.yaml",
            "120000 blob bb\tpeople/link.yaml",
            "160000 commit cc\tvendor",
            "100644 blob dd\t../escape",
            "100644 blob ee\tpeople/./x",
        ]
        .join("\0");
        let listing = listing.as_bytes();
        assert_eq!(
            parse_listing(listing),
            [
                Entry {
                    object: "aa".into(),
                    link: false,
                    path: Path::new("people").join("pat.yaml"),
                },
                Entry {
                    object: "bb".into(),
                    link: true,
                    path: Path::new("people").join("link.yaml"),
                },
            ]
        );
    }

    #[test]
    fn a_temporary_folder_is_private_and_removed() {
        let folder = TempFolder::create().unwrap();
        let path = folder.path().to_owned();
        assert!(path.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        drop(folder);
        assert!(!path.exists());
    }
}
