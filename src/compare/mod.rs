//! `check --base REF`: the diagnostics of the records now, compared with those of the records
//! at a git revision checked with the same as-of. Each is **new** (introduced by the change),
//! **fixed** (at REF, gone now) or **existing** (both), so a pull request fails only on what
//! it breaks, not on a relationship that time has made overdue elsewhere.
//!
//! A diagnostic's identity is its rule, file and message — not its line, which edits move.
//! One refinement: a missed deadline that moves (an overdue relationship whose late meeting
//! or evaluation is now recorded) stays existing; see [`carry_over`].

pub mod git;
mod impact;

pub use impact::{Changes, StandingChange};

use crate::diagnostics::{Diagnostic, Findings, Severity};
use crate::model::Records;
use crate::rules::Rule;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet, VecDeque};

/// Where a diagnostic stands relative to the base revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    New,
    Fixed,
    Existing,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Fixed => "fixed",
            Status::Existing => "existing",
        }
    }
}

/// Records and their findings, as `check` produces them.
pub struct Checked {
    pub records: Records,
    pub findings: Findings,
}

/// The comparison every `--base` output format renders.
pub struct Comparison {
    /// REF as the user gave it.
    pub reference: String,
    /// Why nothing at REF was compared with (absent or unreadable there), when so.
    pub note: Option<String>,
    /// Each list sorted like any output (file, line, rule). Fixed ones come from REF, with
    /// REF's line numbers; new and existing ones from the records now.
    pub new: Vec<Diagnostic>,
    pub fixed: Vec<Diagnostic>,
    pub existing: Vec<Diagnostic>,
    /// Files checked now.
    pub files: usize,
    /// Errors and warnings now (new and existing), as a check without --base counts them.
    pub errors: usize,
    pub warnings: usize,
    pub changes: Changes,
}

impl Comparison {
    /// Compares `now` with `base` (`None`: nothing at REF, so everything is new).
    pub fn new(
        reference: &str,
        now: &Checked,
        base: Option<&Checked>,
        note: Option<String>,
        as_of: NaiveDate,
    ) -> Comparison {
        let before = base.map_or(&[][..], |b| &b.findings.diagnostics[..]);
        let people: HashSet<&str> = base
            .into_iter()
            .chain([now])
            .flat_map(|c| c.records.people.keys().map(String::as_str))
            .collect();
        let (new, fixed, existing) = classify(&now.findings.diagnostics, before, &people);
        Comparison {
            reference: reference.to_owned(),
            note,
            new,
            fixed,
            existing,
            files: now.findings.files,
            errors: now.findings.errors(),
            warnings: now.findings.warnings(),
            changes: Changes::between(base, now, as_of),
        }
    }

    pub fn new_errors(&self) -> usize {
        count(&self.new, Severity::Error)
    }

    pub fn new_warnings(&self) -> usize {
        count(&self.new, Severity::Warning)
    }

    /// 1 only when the change introduces an error (or a warning, when they are denied).
    pub fn exit_code(&self, deny_warnings: bool) -> u8 {
        let failed = self.new_errors() > 0 || (deny_warnings && self.new_warnings() > 0);
        u8::from(failed)
    }

    /// Every diagnostic with its status: new, fixed, existing, each in output order.
    pub fn all(&self) -> impl Iterator<Item = (Status, &Diagnostic)> {
        fn with(
            status: Status,
            list: &[Diagnostic],
        ) -> impl Iterator<Item = (Status, &Diagnostic)> {
            list.iter().map(move |d| (status, d))
        }
        with(Status::New, &self.new)
            .chain(with(Status::Fixed, &self.fixed))
            .chain(with(Status::Existing, &self.existing))
    }
}

fn count(list: &[Diagnostic], severity: Severity) -> usize {
    list.iter().filter(|d| d.severity == severity).count()
}

type Identity<'a> = (Rule, &'a str, String);

/// Rule, file and message — with people written the same way whether or not they have
/// consented to publication (`dana-whitfield` or "the mentee of r-2026-001"), so that a
/// change of consent alone turns no existing problem into a new one.
fn identity<'a>(d: &'a Diagnostic, people: &HashSet<&str>) -> Identity<'a> {
    (d.rule, &d.file, neutral(&d.message, people))
}

fn neutral(message: &str, people: &HashSet<&str>) -> String {
    const PERSON: &str = "a person";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    loop {
        let quoted = rest.find('`').and_then(|open| {
            let close = open + 1 + rest[open + 1..].find('`')?;
            Some((open, close))
        });
        let label = ["the mentor of ", "the mentee of ", "the representative of "]
            .iter()
            .filter_map(|l| rest.find(l).map(|at| (at, l.len())))
            .min();
        match (quoted, label) {
            (Some((open, close)), l) if l.is_none_or(|(at, _)| open < at) => {
                out.push_str(&rest[..open]);
                let token = &rest[open + 1..close];
                if people.contains(token) {
                    out.push_str(PERSON);
                } else {
                    out.push_str(&rest[open..=close]);
                }
                rest = &rest[close + 1..];
            }
            (_, Some((at, len))) => {
                out.push_str(&rest[..at]);
                out.push_str(PERSON);
                let after = &rest[at + len..];
                // "the representative of the 2026-Q1 evaluation", else one word.
                let end = if let Some(x) = after.strip_prefix("the ") {
                    4 + x
                        .find(" evaluation")
                        .map_or(x.len(), |i| i + " evaluation".len())
                } else {
                    after
                        .find(|c: char| c.is_whitespace() || c == ',' || c == ':')
                        .unwrap_or(after.len())
                };
                rest = &after[end..];
            }
            _ => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// Splits into (new, fixed, existing). Equal identities pair up in line order, so a problem
/// reported twice at REF and three times now is two existing and one new.
fn classify(
    now: &[Diagnostic],
    before: &[Diagnostic],
    people: &HashSet<&str>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut unmatched: HashMap<Identity, VecDeque<usize>> = HashMap::new();
    for (i, d) in before.iter().enumerate() {
        unmatched
            .entry(identity(d, people))
            .or_default()
            .push_back(i);
    }
    let mut matched = vec![false; before.len()];
    let (mut new, mut existing) = (Vec::new(), Vec::new());
    for d in now {
        match unmatched
            .get_mut(&identity(d, people))
            .and_then(VecDeque::pop_front)
        {
            Some(i) => {
                matched[i] = true;
                existing.push(d.clone());
            }
            None => new.push(d.clone()),
        }
    }
    let mut fixed: Vec<Diagnostic> = before
        .iter()
        .zip(&matched)
        .filter(|(_, matched)| !**matched)
        .map(|(d, _)| d.clone())
        .collect();
    carry_over(&mut new, &mut fixed, &mut existing);
    existing.sort();
    (new, fixed, existing)
}

/// A missed deadline moves when the late meeting or evaluation is finally recorded: "no
/// meeting since 09-10: … due by 10-10" on relationship.yaml becomes "no meeting between
/// 09-10 and 11-20: … due by 10-10" on the new meeting file, and "no evaluation for 2026-Q2:
/// it was due by …" becomes "the 2026-Q2 evaluation is dated …, after it was due by …". The
/// change records what happened; it does not make it happen. So a new diagnostic that names
/// the same relationship, kind of deadline and due date as a fixed one is that one, moved:
/// existing, and the fixed one is not listed.
fn carry_over(
    new: &mut Vec<Diagnostic>,
    fixed: &mut Vec<Diagnostic>,
    existing: &mut Vec<Diagnostic>,
) {
    let mut i = 0;
    while i < new.len() {
        let moved =
            deadline(&new[i]).and_then(|key| fixed.iter().position(|f| deadline(f) == Some(key)));
        match moved {
            Some(j) => {
                fixed.remove(j);
                existing.push(new.remove(i));
            }
            None => i += 1,
        }
    }
}

/// (relationship, meeting or evaluation, due date) of a missed-deadline diagnostic.
fn deadline(d: &Diagnostic) -> Option<(&str, bool, NaiveDate)> {
    let meeting = match d.rule {
        Rule::MeetingCadence => true,
        Rule::EvaluationMissing | Rule::EvaluationQuarter => false,
        _ => return None,
    };
    let (_, due) = d.message.rsplit_once("due by ")?;
    let due = NaiveDate::parse_from_str(due, "%Y-%m-%d").ok()?;
    Some((d.relationship.as_deref()?, meeting, due))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Pos;

    fn diagnostic(rule: Rule, file: &str, line: u32, message: &str) -> Diagnostic {
        Diagnostic::new(rule, file, Pos::new(line, 1), message).in_relationship(Some("r-1"))
    }

    #[test]
    fn identity_ignores_lines_and_pairs_repeats_in_order() {
        let before = [
            diagnostic(Rule::Schema, "a.yaml", 3, "x"),
            diagnostic(Rule::Schema, "a.yaml", 5, "x"),
            diagnostic(Rule::Role, "b.yaml", 1, "gone"),
        ];
        let now = [
            diagnostic(Rule::Schema, "a.yaml", 4, "x"),
            diagnostic(Rule::Schema, "a.yaml", 6, "x"),
            diagnostic(Rule::Schema, "a.yaml", 9, "x"),
        ];
        let (new, fixed, existing) = classify(&now, &before, &HashSet::new());
        assert_eq!(new.iter().map(|d| d.pos.line).collect::<Vec<_>>(), [9]);
        assert_eq!(
            fixed.iter().map(|d| d.rule).collect::<Vec<_>>(),
            [Rule::Role]
        );
        assert_eq!(
            existing.iter().map(|d| d.pos.line).collect::<Vec<_>>(),
            [4, 6]
        );
    }

    #[test]
    fn a_recorded_late_meeting_carries_its_deadline_over() {
        let before = [diagnostic(
            Rule::MeetingCadence,
            "rel.yaml",
            1,
            "no meeting since 2026-09-10: the next meeting was due by 2026-10-10",
        )];
        let now = [diagnostic(
            Rule::MeetingCadence,
            "meetings/2026-11-20.md",
            1,
            "no meeting between 2026-09-10 and 2026-11-20: the next meeting was due by 2026-10-10",
        )];
        let (new, fixed, existing) = classify(&now, &before, &HashSet::new());
        assert!(new.is_empty() && fixed.is_empty());
        assert_eq!(existing.len(), 1);
        let late = [diagnostic(
            Rule::EvaluationQuarter,
            "2026-Q2.yaml",
            2,
            "the 2026-Q2 evaluation is dated 2026-09-01, after it was due by 2026-07-30",
        )];
        let missing = [diagnostic(
            Rule::EvaluationMissing,
            "rel.yaml",
            1,
            "no evaluation for 2026-Q2: it was due by 2026-07-30",
        )];
        let (new, _, existing) = classify(&late, &missing, &HashSet::new());
        assert!(new.is_empty() && existing.len() == 1);
        // A different deadline is a new problem.
        let (new, fixed, _) = classify(&late, &before, &HashSet::new());
        assert_eq!((new.len(), fixed.len()), (1, 1));
    }
}

#[cfg(test)]
mod neutral_tests {
    use super::neutral;
    use std::collections::HashSet;

    #[test]
    fn people_read_the_same_with_or_without_consent() {
        let people: HashSet<&str> = ["dana-whitfield"].into_iter().collect();
        let published = "the membership of `dana-whitfield` expired on 2026-06-30, but r-2026-001 is still active";
        let withdrawn = "the membership of the mentor of r-2026-001 expired on 2026-06-30, but r-2026-001 is still active";
        assert_eq!(neutral(published, &people), neutral(withdrawn, &people));
        assert_eq!(
            neutral(
                "the representative of the 2026-Q1 evaluation does not have the `representative` role",
                &people
            ),
            "a person does not have the `representative` role"
        );
        assert_eq!(
            neutral("`status` must be one of active", &people),
            "`status` must be one of active"
        );
    }
}
