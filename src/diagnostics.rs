//! Content problems found in the records: one `Diagnostic` each, with the rule that found it,
//! where to fix it, and a message a committee member can act on.
//!
//! A diagnostic is created with its rule only; its severity comes later from the rule
//! registry and the program's `[severity]` overrides (`Findings::resolve`).

pub use crate::catalogue::Severity;
use crate::catalogue::{Level, Rule};
pub use crate::source::Pos;
use std::cmp::Ordering;

/// One problem in the records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    /// Filled in by `Findings::resolve`; `Error` until then.
    pub severity: Severity,
    /// The file to edit, as shown to the user: the records folder as given joined with the
    /// path inside it, with `/` separators.
    pub file: String,
    pub pos: Pos,
    pub relationship: Option<String>,
    pub message: String,
    pub help: Option<String>,
    /// Whether the human report shows the source line: not when the problem is the whole
    /// file (a missing key, a misplaced file) rather than the key at `pos`.
    pub snippet: bool,
}

impl Diagnostic {
    pub fn new(rule: Rule, file: impl Into<String>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Error,
            file: file.into(),
            pos,
            relationship: None,
            message: message.into(),
            help: None,
            snippet: true,
        }
    }

    /// A problem with the whole file: reported at 1:1 without a source line.
    pub fn whole_file(mut self) -> Self {
        self.snippet = false;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn in_relationship(mut self, id: Option<&str>) -> Self {
        self.relationship = id.map(str::to_owned);
        self
    }

    /// The order of every output: file, line, rule, then column and message for ties.
    fn sort_key(&self) -> (&str, u32, &str, u32, &str) {
        (
            &self.file,
            self.pos.line,
            self.rule.id(),
            self.pos.column,
            &self.message,
        )
    }
}

impl Ord for Diagnostic {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The outcome of a check: sorted diagnostics with their final severities, and counts.
#[derive(Debug, Default)]
pub struct Findings {
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl Findings {
    /// Applies each rule's level (default or overridden), drops rules turned off, and sorts.
    pub fn resolve(
        mut diagnostics: Vec<Diagnostic>,
        level_of: impl Fn(Rule) -> Level,
        files: usize,
    ) -> Findings {
        diagnostics.retain_mut(|d| match level_of(d.rule) {
            Level::Off => false,
            Level::Warning => {
                d.severity = Severity::Warning;
                true
            }
            Level::Error => {
                d.severity = Severity::Error;
                true
            }
        });
        diagnostics.sort();
        diagnostics.dedup();
        Findings { diagnostics, files }
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// 0 when clean (warnings allowed unless denied), 1 when rule violations were found.
    pub fn exit_code(&self, deny_warnings: bool) -> u8 {
        if self.errors() > 0 || (deny_warnings && self.warnings() > 0) {
            1
        } else {
            0
        }
    }
}

/// "1 error", "2 warnings": a count with its noun.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
