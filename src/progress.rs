//! A progress line on stderr, only when stderr is a terminal and the work takes longer than
//! a moment; nothing on stdout but the result.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Shown after this long, so quick runs print nothing extra.
const DELAY: Duration = Duration::from_millis(300);

pub struct Progress {
    started: Instant,
    enabled: bool,
    shown: bool,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            started: Instant::now(),
            enabled: std::io::stderr().is_terminal(),
            shown: false,
        }
    }

    /// Replaces the progress line with `step` ("rendering 5,012 pages").
    pub fn step(&mut self, step: &str) {
        if self.enabled && self.started.elapsed() >= DELAY {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[Kmentorbook: {step}…");
            let _ = stderr.flush();
            self.shown = true;
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new()
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
