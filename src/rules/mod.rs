//! The rule catalogue: every rule id, its default severity and a one-line summary.
//!
//! The ids are public and stable (CI logs, `[severity]` overrides and `explain` use them).
//! The cross-record rules themselves arrive rule family by rule family; the structural rules
//! (`yaml`, `schema`, `layout`) are reported by the loader.

mod catalogue;
pub mod explain;

pub use catalogue::{ALL, Rule};

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Records;
use chrono::NaiveDate;

/// How a program wants a rule reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Off,
}

impl Level {
    pub const NAMES: [&'static str; 3] = ["error", "warning", "off"];

    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "off" => Some(Level::Off),
            _ => None,
        }
    }
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Level {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        }
    }
}

/// Runs the cross-record rules over loaded records. Records that failed to load (`yaml` or
/// `schema` errors) are present but carry no contents, so no rule reads them.
pub fn check(_records: &Records, _as_of: NaiveDate) -> Vec<Diagnostic> {
    Vec::new()
}
