//! What a diagnostic is about, as typed facts (just's `CompileErrorKind`, ruff's violations):
//! the people it names as `Subject`s, the dates and counts it turns on, and the text someone
//! typed only where a message must quote it. Its message and help are *rendered* from these
//! facts in a `Voice`: `check`'s voice for the private records repository, the dashboard's
//! (`crate::view`) for the published site. Nothing downstream parses a sentence back:
//! `check --base` matches problems on their facts, and the dashboard decides what it may say
//! from the subjects, never from the text.

use crate::dates::Quarter;
use crate::model::Role;
use chrono::NaiveDate;
use std::hash::{Hash, Hasher};

/// A person a diagnostic names, and how: by their part in a relationship or an evaluation.
#[derive(Clone, Debug)]
pub struct Subject {
    pub id: String,
    pub part: Role,
    pub of: Of,
    /// Whether they consented to publication (`publish: true`) when the check ran. Not part
    /// of the subject's identity, so a change of consent alone changes no problem.
    pub published: bool,
}

impl PartialEq for Subject {
    fn eq(&self, other: &Self) -> bool {
        (&self.id, self.part, &self.of) == (&other.id, other.part, &other.of)
    }
}

impl Eq for Subject {}

impl Hash for Subject {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (&self.id, self.part, &self.of).hash(state);
    }
}

/// What a subject's part is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Of {
    Relationship(String),
    /// The evaluation of a quarter ("the representative of the 2026-Q1 evaluation").
    Evaluation(Quarter),
}

/// How messages are worded for one audience.
pub trait Voice {
    /// A person: by id when they consented, else by their part ("the mentee of r-2026-001").
    fn who(&self, subject: &Subject) -> String;
    /// A relationship id as this audience may see it.
    fn relationship(&self, id: &str) -> String;
    /// Whether this audience may see the dates of this person's records.
    fn dates_of(&self, subject: &Subject) -> bool;
    /// Whether this audience may see text someone typed into a record (a mode's spelling).
    fn quotes_records(&self) -> bool;
}

/// `mentorbook check`'s voice (rules.md): dates and typed text allowed, people by id only
/// when they consented.
pub struct CheckVoice;

impl Voice for CheckVoice {
    fn who(&self, subject: &Subject) -> String {
        if subject.published {
            format!("`{}`", subject.id)
        } else {
            neutral(subject, &|id| id.to_owned())
        }
    }

    fn relationship(&self, id: &str) -> String {
        id.to_owned()
    }

    fn dates_of(&self, _: &Subject) -> bool {
        true
    }

    fn quotes_records(&self) -> bool {
        true
    }
}

/// "the mentor of r-2026-001", "the representative of the 2026-Q1 evaluation".
pub fn neutral(subject: &Subject, relationship: &dyn Fn(&str) -> String) -> String {
    let part = subject.part.label();
    match &subject.of {
        Of::Relationship(id) => format!("the {part} of {}", relationship(id)),
        Of::Evaluation(quarter) => format!("the {part} of the {quarter} evaluation"),
    }
}

/// Which experience a mentor lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Experience {
    Libraries,
    Field,
}

/// An agreement term that must be `true`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    Confidentiality,
    Voluntary,
}

/// The kinds of diagnostic, one variant a distinct message. Relationship ids are the ids as
/// in the records; a voice decides how each is shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A structural problem the loader found (`yaml`, `schema`, `layout`): its words quote
    /// file names, keys and values someone typed, so the dashboard never shows them.
    Structure {
        message: String,
        help: Option<String>,
    },
    NoPerson {
        key: Role,
    },
    MissingRole {
        person: Subject,
    },
    SelfMentoring,
    NoMembership {
        person: Subject,
        relationship: String,
    },
    MembershipBeforeStart {
        person: Subject,
        expires: NaiveDate,
        relationship: String,
        start: NaiveDate,
    },
    MembershipExpired {
        person: Subject,
        expires: NaiveDate,
        relationship: String,
        as_of: NaiveDate,
    },
    NoPublicLibrary {
        person: Subject,
        relationship: String,
    },
    TooLittleExperience {
        mentor: Subject,
        what: Experience,
        since: NaiveDate,
        years: u32,
        reached: NaiveDate,
        relationship: String,
        start: NaiveDate,
    },
    MenteeMoreSenior {
        mentee: Subject,
        mentee_since: NaiveDate,
        mentor: Subject,
        mentor_since: NaiveDate,
    },
    OverCapacity {
        mentor: Subject,
        active: usize,
        as_of: NaiveDate,
        limit: u32,
    },
    EndsBeforeStart {
        start: NaiveDate,
        end: NaiveDate,
        latest: NaiveDate,
    },
    TooLong {
        start: NaiveDate,
        end: NaiveDate,
        months: u32,
        latest: NaiveDate,
    },
    ActiveAfterEnd {
        end: NaiveDate,
        as_of: NaiveDate,
    },
    CompletedBeforeEnd {
        end: NaiveDate,
        as_of: NaiveDate,
    },
    ClosedBeforeStart {
        start: NaiveDate,
        as_of: NaiveDate,
        dissolved: bool,
    },
    DissolvedWithoutBlock,
    BlockWithoutDissolved,
    DissolvedOutside {
        date: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
    CommitteeContactedLate {
        contacted: NaiveDate,
        date: NaiveDate,
    },
    NoAgreement {
        relationship: String,
        start: NaiveDate,
    },
    SignedAfterFirstMeeting {
        party: Role,
        signed: NaiveDate,
        first: NaiveDate,
    },
    SignedAfterAsOf {
        party: Role,
        signed: NaiveDate,
        as_of: NaiveDate,
    },
    TermNotTrue {
        flag: Flag,
    },
    ExpensesNotParticipants,
    QuarterlyFrequency,
    /// A meeting's or agreement's mode the program does not allow. `typed` is what was
    /// written: free text, quoted only in voices that may quote records.
    ModeNotAllowed {
        in_agreement: bool,
        typed: String,
        allowed: Vec<String>,
    },
    MeetingBeforeStart {
        day: NaiveDate,
        start: NaiveDate,
    },
    MeetingAfterClose {
        day: NaiveDate,
        close: NaiveDate,
    },
    MeetingAfterAsOf {
        day: NaiveDate,
        as_of: NaiveDate,
    },
    NoApproval {
        day: NaiveDate,
    },
    ApprovedAfter {
        approved: NaiveDate,
        day: NaiveDate,
    },
    PaidByOther,
    NoTopics {
        day: NaiveDate,
    },
    /// A meeting held after the previous one's deadline.
    LateMeeting {
        previous: NaiveDate,
        day: NaiveDate,
        due: NaiveDate,
        gap: u32,
    },
    /// No meeting since `previous` (the start when `since_start`), and one is overdue.
    MeetingOverdue {
        previous: NaiveDate,
        since_start: bool,
        due: NaiveDate,
        gap: u32,
    },
    NoEvaluation {
        quarter: Quarter,
        due: NaiveDate,
        relationship: String,
    },
    QuarterOutside {
        quarter: Quarter,
        last: NaiveDate,
        start: NaiveDate,
        close: NaiveDate,
    },
    EvaluatedBefore {
        quarter: Quarter,
        date: NaiveDate,
        first: NaiveDate,
        latest: NaiveDate,
    },
    EvaluatedLate {
        quarter: Quarter,
        date: NaiveDate,
        first: NaiveDate,
        latest: NaiveDate,
    },
    EvaluatedAfterAsOf {
        quarter: Quarter,
        date: NaiveDate,
        as_of: NaiveDate,
        first: NaiveDate,
        latest: NaiveDate,
    },
    MentorAbsent {
        mentor: Subject,
        quarter: Quarter,
    },
    RepresentativeIsParty {
        quarter: Quarter,
        relationship: String,
    },
    NotRepresentative {
        person: Subject,
    },
    IdReveals {
        relationship: String,
    },
}

impl Kind {
    /// The deadline a missed-deadline problem is about: (a meeting rather than an
    /// evaluation, the due date). `check --base` carries such a problem over when the late
    /// record is finally added (`crate::compare`).
    pub fn deadline(&self) -> Option<(bool, NaiveDate)> {
        match self {
            Kind::LateMeeting { due, .. } | Kind::MeetingOverdue { due, .. } => Some((true, *due)),
            Kind::NoEvaluation { due, .. } => Some((false, *due)),
            Kind::EvaluatedLate { latest, .. } => Some((false, *latest)),
            _ => None,
        }
    }

    /// Every person the problem names, to reword it when consent changes.
    pub fn subjects_mut(&mut self) -> Vec<&mut Subject> {
        match self {
            Kind::MenteeMoreSenior { mentee, mentor, .. } => vec![mentee, mentor],
            Kind::MissingRole { person }
            | Kind::NoMembership { person, .. }
            | Kind::MembershipBeforeStart { person, .. }
            | Kind::MembershipExpired { person, .. }
            | Kind::NoPublicLibrary { person, .. }
            | Kind::NotRepresentative { person } => vec![person],
            Kind::TooLittleExperience { mentor, .. }
            | Kind::OverCapacity { mentor, .. }
            | Kind::MentorAbsent { mentor, .. } => vec![mentor],
            _ => Vec::new(),
        }
    }
}

impl Role {
    /// The part's name in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
            Role::Representative => "representative",
        }
    }
}
