//! Content problems found in the records: one `Diagnostic` each, with the rule that found it,
//! where to fix it, and a message a committee member can act on.
//!
//! A diagnostic is a value (just's and ruff's way): its rule, where it is (`Place`, a
//! position, the key), the relationship it belongs to, and what it is about as typed facts
//! (`Kind`), from which its message is rendered. Its severity comes later from the rule
//! catalogue and the program's `[severity]` overrides (`Findings::resolve`).

mod kind;
mod messages;

pub use crate::catalogue::Severity;
pub use crate::source::Pos;
pub use kind::{CheckVoice, Experience, Flag, Kind, Of, Subject, Voice, neutral};

use crate::catalogue::{Level, Rule};
use crate::place::Place;
use std::cmp::Ordering;

/// One problem in the records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    /// Filled in by `Findings::resolve`; `Error` until then.
    pub severity: Severity,
    /// The file to edit, in the layout's terms.
    pub place: Place,
    /// The file to edit, as shown to the user: the records folder as given joined with the
    /// path inside it, with `/` separators.
    pub file: String,
    pub pos: Pos,
    /// The key at fault, when a rule names one (`membership.expires`).
    pub key: Option<&'static str>,
    pub relationship: Option<String>,
    /// What it is about, as typed facts; `message` and `help` are rendered from it.
    pub kind: Kind,
    /// The message in `check`'s voice.
    pub message: String,
    pub help: Option<String>,
    /// Whether the human report shows the source line: not when the problem is the whole
    /// file (a missing key, a misplaced file) rather than the key at `pos`.
    pub snippet: bool,
}

impl Diagnostic {
    /// A problem with typed facts, its message and help rendered in `check`'s voice.
    /// Text from records in it (a file name, a key, a value) is made inert here, once, for
    /// every output format (`crate::inert`).
    pub fn new(rule: Rule, place: Place, file: impl Into<String>, pos: Pos, kind: Kind) -> Self {
        let message = inert(kind.message(&CheckVoice));
        let help = kind.help(&CheckVoice).map(inert);
        let file: String = file.into();
        Diagnostic {
            rule,
            severity: Severity::Error,
            relationship: place.relationship().map(str::to_owned),
            place,
            file: inert(file),
            pos,
            key: None,
            kind,
            message,
            help,
            snippet: true,
        }
    }

    /// A structural problem the loader found: its words are the facts.
    pub fn structure(
        rule: Rule,
        place: Place,
        file: impl Into<String>,
        pos: Pos,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let kind = Kind::Structure {
            message: message.into(),
            help,
        };
        Diagnostic::new(rule, place, file, pos, kind)
    }

    /// A problem with the whole file: reported at 1:1 without a source line.
    pub fn whole_file(mut self) -> Self {
        self.snippet = false;
        self
    }

    pub fn in_relationship(mut self, id: Option<&str>) -> Self {
        self.relationship = id.map(str::to_owned);
        self
    }

    pub fn at_key(mut self, key: &'static str) -> Self {
        self.key = Some(key);
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

fn inert(text: String) -> String {
    match crate::inert::escaped(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
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
