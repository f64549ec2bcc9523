//! `check --base REF`: the diagnostics of the records now, compared with those of the records
//! at a git revision checked with the same as-of. Each is **new** (introduced by the change),
//! **fixed** (at REF, gone now) or **existing** (both), so a pull request fails only on what
//! it breaks, not on a relationship that time has made overdue elsewhere.
//!
//! A diagnostic's identity is its rule, its place in the layout and its typed facts — not its
//! line, which edits move, nor its wording, which a change of consent alters.
//! One refinement: a missed deadline that moves (an overdue relationship whose late meeting
//! or evaluation is now recorded) stays existing; see [`carry_over`].

mod impact;

pub use impact::{Changes, StandingChange};

use crate::diagnostics::{Diagnostic, Findings, Kind, Severity};
use crate::model::Records;
use crate::place::Place;
use crate::rules::Rule;
use chrono::NaiveDate;
use std::collections::{HashMap, VecDeque};

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
        let (new, fixed, existing) = classify(&now.findings.diagnostics, before);
        let fixed = in_todays_words(fixed, &now.records);
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

/// A diagnostic's identity: its rule, the file it is on (in the layout's terms) and its typed
/// facts — not its line, which edits move, and not its wording: a subject's consent is no
/// part of the facts' identity, so a change of consent alone turns no existing problem into
/// a new one.
type Identity<'a> = (Rule, &'a Place, &'a Kind);

fn identity(d: &Diagnostic) -> Identity<'_> {
    (d.rule, &d.place, &d.kind)
}

/// Problems fixed by the change come from REF, where someone may still have consented to
/// publication who has withdrawn since: their messages are worded with today's consent.
fn in_todays_words(mut fixed: Vec<Diagnostic>, now: &Records) -> Vec<Diagnostic> {
    for d in &mut fixed {
        for subject in d.kind.subjects_mut() {
            subject.published = now
                .people
                .get(&subject.id)
                .and_then(|f| f.record.as_ref())
                .is_some_and(|p| p.publish);
        }
        let reworded = Diagnostic::new(d.rule, d.place.clone(), "", d.pos, d.kind.clone());
        d.message = reworded.message;
        d.help = reworded.help;
    }
    fixed
}

/// Splits into (new, fixed, existing). Equal identities pair up in line order, so a problem
/// reported twice at REF and three times now is two existing and one new.
fn classify(
    now: &[Diagnostic],
    before: &[Diagnostic],
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut unmatched: HashMap<Identity, VecDeque<usize>> = HashMap::new();
    for (i, d) in before.iter().enumerate() {
        unmatched.entry(identity(d)).or_default().push_back(i);
    }
    let mut matched = vec![false; before.len()];
    let (mut new, mut existing) = (Vec::new(), Vec::new());
    for d in now {
        match unmatched
            .get_mut(&identity(d))
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
    let (meeting, due) = d.kind.deadline()?;
    Some((d.relationship.as_deref()?, meeting, due))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Pos;
    use crate::place::Area;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    fn at(place: Place, line: u32, rule: Rule, kind: Kind) -> Diagnostic {
        Diagnostic::new(rule, place, "f", Pos::new(line, 1), kind).in_relationship(Some("r-1"))
    }

    fn structural(path: &str, line: u32, message: &str) -> Diagnostic {
        let place = Place::Misplaced {
            area: Area::Records,
            path: path.into(),
        };
        let kind = Kind::Structure {
            message: message.into(),
            help: None,
        };
        at(place, line, Rule::Schema, kind)
    }

    fn relationship() -> Place {
        Place::Relationship { id: "r-1".into() }
    }

    #[test]
    fn identity_ignores_lines_and_pairs_repeats_in_order() {
        let before = [
            structural("a.yaml", 3, "x"),
            structural("a.yaml", 5, "x"),
            structural("b.yaml", 1, "gone"),
        ];
        let now = [
            structural("a.yaml", 4, "x"),
            structural("a.yaml", 6, "x"),
            structural("a.yaml", 9, "x"),
        ];
        let (new, fixed, existing) = classify(&now, &before);
        assert_eq!(new.iter().map(|d| d.pos.line).collect::<Vec<_>>(), [9]);
        assert_eq!(
            fixed.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
            ["gone"]
        );
        assert_eq!(
            existing.iter().map(|d| d.pos.line).collect::<Vec<_>>(),
            [4, 6]
        );
    }

    #[test]
    fn a_recorded_late_meeting_carries_its_deadline_over() {
        let overdue = Kind::MeetingOverdue {
            previous: date("2026-09-10"),
            since_start: false,
            due: date("2026-10-10"),
            gap: 1,
        };
        let before = [at(relationship(), 1, Rule::MeetingCadence, overdue)];
        let meeting = Place::Meeting {
            id: "r-1".into(),
            date: date("2026-11-20"),
            sequence: 1,
        };
        let late = Kind::LateMeeting {
            previous: date("2026-09-10"),
            day: date("2026-11-20"),
            due: date("2026-10-10"),
            gap: 1,
        };
        let now = [at(meeting, 1, Rule::MeetingCadence, late)];
        let (new, fixed, existing) = classify(&now, &before);
        assert!(new.is_empty() && fixed.is_empty());
        assert_eq!(existing.len(), 1);
        let quarter = crate::dates::Quarter {
            year: 2026,
            number: 2,
        };
        let evaluation = Place::Evaluation {
            id: "r-1".into(),
            quarter,
        };
        let dated = Kind::EvaluatedLate {
            quarter,
            date: date("2026-09-01"),
            first: date("2026-04-01"),
            latest: date("2026-07-30"),
        };
        let late = [at(evaluation, 2, Rule::EvaluationQuarter, dated)];
        let none = Kind::NoEvaluation {
            quarter,
            due: date("2026-07-30"),
            relationship: "r-1".into(),
        };
        let missing = [at(relationship(), 1, Rule::EvaluationMissing, none)];
        let (new, _, existing) = classify(&late, &missing);
        assert!(new.is_empty() && existing.len() == 1);
        // A different deadline is a new problem.
        let (new, fixed, _) = classify(&late, &before);
        assert_eq!((new.len(), fixed.len()), (1, 1));
    }

    #[test]
    fn consent_is_no_part_of_a_problem() {
        let subject = |published| crate::diagnostics::Subject {
            id: "dana-whitfield".into(),
            part: crate::model::Role::Mentor,
            of: crate::diagnostics::Of::Relationship("r-1".into()),
            published,
        };
        let expired = |published| Kind::MembershipExpired {
            person: subject(published),
            expires: date("2026-06-30"),
            relationship: "r-1".into(),
            as_of: date("2026-11-30"),
        };
        let person = Place::Person {
            id: "dana-whitfield".into(),
        };
        let before = [at(person.clone(), 4, Rule::Membership, expired(true))];
        let now = [at(person, 4, Rule::Membership, expired(false))];
        assert_ne!(before[0].message, now[0].message);
        let (new, fixed, existing) = classify(&now, &before);
        assert!(new.is_empty() && fixed.is_empty());
        assert_eq!(existing.len(), 1);
    }
}
