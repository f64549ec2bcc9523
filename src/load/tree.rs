//! Where records are read from. The loader walks a `Tree` and reads files through it, so the
//! records in the work tree and the records at a git revision (`check --base`, `build --rev`)
//! go through the same layout rules and parsers — and a tree from git is read in memory,
//! never written anywhere.
//!
//! A tree tells the loader what each entry *is* without opening it: a regular file, a folder,
//! a symbolic link (and where it leads), or something else (a FIFO, socket or device, which
//! would block or never end if read). Only regular files, and links to regular files inside
//! the records folder, are ever read, and never more than the loader's limit.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What an entry of the tree is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file; `size` in bytes when known.
    File {
        size: Option<u64>,
    },
    Folder,
    /// A symbolic link to a regular file inside the records folder: read as that file.
    LinkToFile,
    /// A symbolic link to a folder: never followed, so a walk cannot loop.
    LinkToFolder,
    /// A symbolic link to a place outside the records folder: never followed.
    LinkOutside,
    /// A symbolic link to nothing.
    BrokenLink,
    /// A FIFO, socket or device: never opened.
    Special,
    /// The walk could not read this entry; the message says why.
    Unreadable(String),
}

/// One entry: its path inside the records folder as components, what it is, and how the
/// tree finds it again.
#[derive(Clone, Debug)]
pub struct Entry {
    pub parts: Vec<String>,
    pub kind: EntryKind,
    pub handle: Handle,
    /// What identifies this version of the file without reading it (size and time of the
    /// last change on disk), when the tree knows.
    pub stamp: Option<Stamp>,
}

/// A file's version: when it is the same, the file need not be read again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stamp {
    Disk {
        len: u64,
        modified: std::time::SystemTime,
    },
}

/// How a tree finds an entry's contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Handle {
    Path(PathBuf),
    /// A git blob and its size.
    Blob {
        object: String,
        size: u64,
    },
    None,
}

/// What a walk does after visiting a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visit {
    Enter,
    Skip,
}

/// A file's bytes, or the sign that it is over the limit (it was not read whole).
pub enum Contents {
    Bytes(Vec<u8>),
    TooLarge,
}

/// A records folder to load from.
pub trait Tree: Sync {
    /// Whether the records folder exists in this tree.
    fn exists(&self) -> bool;

    /// Visits every entry under the records folder, folders before their contents; a folder
    /// for which `visit` answers `Skip` is not entered.
    fn walk(&self, visit: &mut dyn FnMut(Entry) -> Visit) -> io::Result<()>;

    /// A top-level entry by name (`program.toml`), or `None` when there is none.
    fn top(&self, name: &str) -> io::Result<Option<Entry>>;

    /// Reads a regular file (or a link to one) found by the walk, at most `limit` bytes.
    fn read(&self, entry: &Entry, limit: u64) -> io::Result<Contents>;
}

/// A records folder on disk.
pub struct Disk {
    root: PathBuf,
    /// The root with every link resolved: where links must lead to be read.
    canonical: Option<PathBuf>,
    /// Whether entries carry stamps: one more system call a file, worth it only when the
    /// records are loaded again and again (`serve`).
    stamps: bool,
}

impl Disk {
    pub fn new(root: &Path) -> Disk {
        Disk {
            root: root.to_owned(),
            canonical: root.canonicalize().ok(),
            stamps: false,
        }
    }

    /// A folder whose files carry stamps, so that loading it again re-reads only changes.
    pub fn stamped(root: &Path) -> Disk {
        Disk {
            stamps: true,
            ..Disk::new(root)
        }
    }

    /// A path's components inside the records folder.
    fn parts(&self, path: &Path) -> Vec<String> {
        path.strip_prefix(&self.root)
            .map(|rel| {
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn entry(&self, path: &Path, file_type: std::fs::FileType) -> Entry {
        let parts = self.parts(path);
        let mut stamp = None;
        let kind = if file_type.is_dir() {
            EntryKind::Folder
        } else if file_type.is_file() {
            let meta = self
                .stamps
                .then(|| std::fs::symlink_metadata(path).ok())
                .flatten();
            stamp = meta.as_ref().and_then(|m| {
                Some(Stamp::Disk {
                    len: m.len(),
                    modified: m.modified().ok()?,
                })
            });
            EntryKind::File {
                size: meta.map(|m| m.len()),
            }
        } else if file_type.is_symlink() {
            self.link(path)
        } else {
            EntryKind::Special
        };
        Entry {
            parts,
            kind,
            handle: Handle::Path(path.to_owned()),
            stamp,
        }
    }

    /// Where a symbolic link leads, judged without reading through it.
    fn link(&self, path: &Path) -> EntryKind {
        let Ok(target) = path.canonicalize() else {
            return EntryKind::BrokenLink;
        };
        if !self
            .canonical
            .as_ref()
            .is_some_and(|root| target.starts_with(root))
        {
            return EntryKind::LinkOutside;
        }
        match std::fs::metadata(&target) {
            Ok(meta) if meta.is_dir() => EntryKind::LinkToFolder,
            Ok(meta) if meta.is_file() => EntryKind::LinkToFile,
            Ok(_) => EntryKind::Special,
            Err(_) => EntryKind::BrokenLink,
        }
    }
}

impl Tree for Disk {
    fn exists(&self) -> bool {
        self.root.is_dir()
    }

    fn walk(&self, visit: &mut dyn FnMut(Entry) -> Visit) -> io::Result<()> {
        let mut entries = WalkDir::new(&self.root)
            .min_depth(1)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let Some(path) = e.path().map(Path::to_owned) else {
                        return Err(e.into());
                    };
                    visit(Entry {
                        parts: self.parts(&path),
                        kind: EntryKind::Unreadable(e.to_string()),
                        handle: Handle::Path(path),
                        stamp: None,
                    });
                    continue;
                }
            };
            let is_dir = entry.file_type().is_dir();
            let answer = visit(self.entry(entry.path(), entry.file_type()));
            if is_dir && answer == Visit::Skip {
                entries.skip_current_dir();
            }
        }
        Ok(())
    }

    fn top(&self, name: &str) -> io::Result<Option<Entry>> {
        let path = self.root.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(meta) => Ok(Some(self.entry(&path, meta.file_type()))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn read(&self, entry: &Entry, limit: u64) -> io::Result<Contents> {
        let Handle::Path(path) = &entry.handle else {
            return Err(io::Error::other("not a file on disk"));
        };
        let file = std::fs::File::open(path)?;
        // Checked again on the open file: what the walk saw may have been replaced since.
        if !file.metadata()?.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes)?;
        Ok(if bytes.len() as u64 > limit {
            Contents::TooLarge
        } else {
            Contents::Bytes(bytes)
        })
    }
}
