//! `mentorbook serve`'s machinery: the site held in memory, the HTTP server that answers from
//! it (`http.rs` decides the answers, `server.rs` and `connections.rs` keep the wire safe), and
//! the watcher that asks for a rebuild when a record or template changes. Nothing is
//! written to disk, so stopping the process (Ctrl-C) leaves nothing behind to clean up.

mod connections;
pub mod http;
mod pages;
pub mod server;
pub mod watch;

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

/// What the last build gave: every file of the site, or why there is no site.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Each file shared with the last build's copy: a rebuild replaces only what changed.
    Site(HashMap<String, Arc<[u8]>>),
    /// The build stopped (a template or `program.toml` error, a privacy-guard hit): the
    /// message, shown on every page until the next good build.
    Failed(String),
}

/// The site as served. `version` changes whenever what is served changes; open pages poll
/// it and reload.
#[derive(Debug)]
pub struct Preview {
    pub version: u64,
    pub outcome: Outcome,
}

/// The preview shared by the server's threads and the rebuilder: readers take the current
/// one, a rebuild swaps in the next.
pub struct Current(RwLock<Arc<Preview>>);

impl Current {
    pub fn new(outcome: Outcome) -> Current {
        Current(RwLock::new(Arc::new(Preview {
            version: 1,
            outcome,
        })))
    }

    pub fn get(&self) -> Arc<Preview> {
        Arc::clone(&self.0.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Serves `outcome` from now on; true when it differs from what was served, so that
    /// saving a file without changing the site does not reload every open page.
    pub fn replace(&self, outcome: Outcome) -> bool {
        let mut current = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if current.outcome == outcome {
            return false;
        }
        *current = Arc::new(Preview {
            version: current.version + 1,
            outcome,
        });
        true
    }
}
