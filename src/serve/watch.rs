//! Watching the records and templates folders. A burst of changes (saving ten files, a git
//! checkout) asks for one rebuild, once the files have been quiet for a moment. A folder that
//! is missing, or removed while watched, is looked for again every second, so creating
//! `templates/` later or checking out a branch that replaces `records/` is picked up too.

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// A burst ends when nothing has changed for this long.
const QUIET: Duration = Duration::from_millis(100);
/// ...or after this long, so a file written without pause does not hold the rebuild back.
const LONGEST_BURST: Duration = Duration::from_secs(2);
/// How often a folder that is not watched yet is looked for.
const TICK: Duration = Duration::from_secs(1);

type Message = notify::Result<Event>;

/// A watched folder.
struct Root {
    path: PathBuf,
    watched: bool,
    /// Watching it failed (too many folders for the system's limit, say): not tried again,
    /// since every try walks the whole folder.
    failed: bool,
}

/// Starts watching `folders` and calls `rebuild` on a thread of its own after each burst of
/// changes, with the paths that changed (`None` when that is not known: a folder appeared
/// or vanished, or the watcher reported an error). Fails only when the system gives no way
/// to watch files at all.
pub fn start(
    folders: &[PathBuf],
    mut rebuild: impl FnMut(Option<&[PathBuf]>) + Send + 'static,
) -> notify::Result<()> {
    let (sender, events) = mpsc::channel::<Message>();
    let mut watcher = new_watcher(sender)?;
    let mut roots: Vec<Root> = folders
        .iter()
        .map(|folder| Root {
            path: std::path::absolute(folder).unwrap_or_else(|_| folder.clone()),
            watched: false,
            failed: false,
        })
        .collect();
    watch_missing(watcher.as_mut(), &mut roots);
    std::thread::spawn(move || {
        loop {
            let burst = match events.recv_timeout(TICK) {
                Ok(first) => settle(first, &events),
                Err(RecvTimeoutError::Timeout) => Vec::new(),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let lost = forget_lost(watcher.as_mut(), &mut roots, &burst);
            let found = watch_missing(watcher.as_mut(), &mut roots);
            if lost || found {
                rebuild(None);
            } else if burst.iter().any(relevant) {
                rebuild(changed_paths(&burst).as_deref());
            }
        }
    });
    Ok(())
}

/// The system's watcher (inotify, FSEvents, …), or polling where there is none.
fn new_watcher(sender: mpsc::Sender<Message>) -> notify::Result<Box<dyn Watcher + Send>> {
    match notify::RecommendedWatcher::new(sender.clone(), notify::Config::default()) {
        Ok(watcher) => Ok(Box::new(watcher)),
        Err(_) => {
            let config = notify::Config::default().with_poll_interval(TICK);
            Ok(Box::new(notify::PollWatcher::new(sender, config)?))
        }
    }
}

/// `first` and every event after it until the files have been quiet for `QUIET`.
fn settle(first: Message, events: &Receiver<Message>) -> Vec<Message> {
    let started = Instant::now();
    let mut burst = vec![first];
    while started.elapsed() < LONGEST_BURST {
        match events.recv_timeout(QUIET) {
            Ok(event) => burst.push(event),
            Err(_) => break,
        }
    }
    burst
}

/// Whether an event can change the site: reads don't, nor editors' dot-files and backups
/// (the loader skips those). A watcher's own error might hide a change, so it counts.
fn relevant(event: &Message) -> bool {
    let Ok(event) = event else {
        return true;
    };
    !matches!(event.kind, EventKind::Access(_)) && event.paths.iter().any(|p| !skipped(p))
}

/// Every path the burst's events name, or `None` when an event does not say (an error, or
/// a rescan the system asks for).
fn changed_paths(burst: &[Message]) -> Option<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for event in burst {
        let event = event.as_ref().ok()?;
        if event.need_rescan() || event.paths.is_empty() {
            return None;
        }
        if !matches!(event.kind, EventKind::Access(_)) {
            paths.extend(event.paths.iter().cloned());
        }
    }
    paths.sort();
    paths.dedup();
    Some(paths)
}

fn skipped(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// Stops watching a folder that was removed or moved away (the system forgets it then), so
/// that `watch_missing` watches whatever stands at its path next. True if one was lost.
fn forget_lost(watcher: &mut dyn Watcher, roots: &mut [Root], burst: &[Message]) -> bool {
    let mut lost = false;
    for root in roots.iter_mut().filter(|r| r.watched) {
        let touched = burst.iter().flatten().any(|event| {
            let gone = matches!(
                event.kind,
                EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
            );
            gone && event.paths.contains(&root.path)
        });
        if touched || !root.path.is_dir() {
            let _ = watcher.unwatch(&root.path);
            root.watched = false;
            lost = true;
        }
    }
    lost
}

/// Watches every folder not watched yet that exists now. True if one was added.
fn watch_missing(watcher: &mut dyn Watcher, roots: &mut [Root]) -> bool {
    let mut found = false;
    let waiting = roots
        .iter_mut()
        .filter(|r| !r.watched && !r.failed && r.path.is_dir());
    for root in waiting {
        match watcher.watch(&root.path, RecursiveMode::Recursive) {
            Ok(()) => {
                root.watched = true;
                found = true;
            }
            Err(e) => {
                root.failed = true;
                eprintln!(
                    "warning: cannot watch {}: {e}; restart serve to see changes there",
                    root.path.display()
                );
            }
        }
    }
    found
}
