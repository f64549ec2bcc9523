//! Ctrl-C, SIGTERM and SIGHUP. A build that is stopped must leave no staging folder and no
//! half-written file behind, so its writes happen inside [`writing`], and what would be left
//! over (the staging folder) is registered with [`leave_behind`]. When a signal arrives, a
//! thread of its own waits for the writes under way to finish (each file is then old or new,
//! never half), removes what is registered, and lets the process die of the signal it got, as
//! it would have without this module (a shell then reports 130 for Ctrl-C, 143 for SIGTERM).
//! `serve` writes nothing and just stops ([`exit_on_signal`]).
//!
//! Signals are caught only on Unix (signal-hook); elsewhere the default behaviour stays.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, RwLock, RwLockReadGuard};

/// Held by every write of a build; the signal thread takes it exclusively.
static WRITES: RwLock<()> = RwLock::new(());
/// Set once a signal has arrived: no write starts after it.
static STOPPING: AtomicBool = AtomicBool::new(false);
/// What an interrupted build removes.
static LEFTOVERS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The test hook: `MENTORBOOK_TEST_PAUSE=<point>` makes a build stop at the named point,
/// say so on stderr and wait for a signal, so that a test can interrupt it there without
/// guessing at timing. The points are named where [`pause_point`] is called.
pub const PAUSE_VARIABLE: &str = "MENTORBOOK_TEST_PAUSE";

/// Permission to write one thing; a signal waits until it is dropped.
pub struct Writing {
    _held: RwLockReadGuard<'static, ()>,
}

/// Waits for permission to write. After a signal no permission is given: the calling thread
/// waits here until the signal thread has ended the process.
pub fn writing() -> Writing {
    let guard = WRITES.read().unwrap_or_else(PoisonError::into_inner);
    if STOPPING.load(Ordering::SeqCst) {
        drop(guard);
        wait_forever();
    }
    Writing { _held: guard }
}

/// Removes `path` (a folder) if the build is interrupted; call while [`writing`].
pub fn leave_behind(path: &Path) {
    let mut leftovers = LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner);
    leftovers.push(path.to_owned());
}

/// `path` is no longer the build's to remove (it was renamed into place, or removed).
pub fn forget(path: &Path) {
    let mut leftovers = LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner);
    leftovers.retain(|p| p != path);
}

/// Makes Ctrl-C, SIGTERM and SIGHUP clean up before the process ends (once per process).
pub fn clean_up_on_signal() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        if let Err(e) = platform::on_signal(|signal| {
            STOPPING.store(true, Ordering::SeqCst);
            let _all_writes_done = WRITES.write().unwrap_or_else(PoisonError::into_inner);
            let leftovers = LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner);
            for path in leftovers.iter() {
                let _ = std::fs::remove_dir_all(path);
            }
            platform::die_of(signal);
        }) {
            eprintln!("warning: cannot catch Ctrl-C ({e}): an interrupted build may leave a staging folder behind");
        }
    });
}

/// Makes Ctrl-C, SIGTERM and SIGHUP end the process with exit code 0 after `message`.
pub fn exit_on_signal(message: &'static str) -> std::io::Result<()> {
    platform::on_signal(move |_| {
        eprintln!("{message}");
        std::process::exit(0);
    })
}

/// The test hook (see [`PAUSE_VARIABLE`]): waits here, forever, when asked to pause at `point`.
pub fn pause_point(point: &str) {
    if std::env::var_os(PAUSE_VARIABLE).is_some_and(|asked| asked == point) {
        eprintln!("mentorbook: paused at {point} ({PAUSE_VARIABLE}); waiting for a signal");
        wait_forever();
    }
}

fn wait_forever() -> ! {
    loop {
        std::thread::park();
    }
}

#[cfg(unix)]
mod platform {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    /// Runs `handle(signal)` on a thread of its own when the first of the signals arrives.
    pub fn on_signal(handle: impl FnOnce(i32) + Send + 'static) -> std::io::Result<()> {
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    handle(signal);
                }
            })?;
        Ok(())
    }

    /// Ends the process as `signal` would have without a handler.
    pub fn die_of(signal: i32) -> ! {
        let _ = signal_hook::low_level::emulate_default_handler(signal);
        std::process::exit(128 + signal);
    }
}

#[cfg(not(unix))]
mod platform {
    /// Signals are left to their default behaviour here.
    pub fn on_signal(_handle: impl FnOnce(i32) + Send + 'static) -> std::io::Result<()> {
        Ok(())
    }

    pub fn die_of(signal: i32) -> ! {
        std::process::exit(128 + signal);
    }
}
