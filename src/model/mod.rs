//! The program's records as plain data: no I/O, dates as `chrono::NaiveDate`, and for every
//! value the position of its key (or list item) so rules can point at it.
//!
//! Confidential values are wrapped in `Confidential`, which has no `Display` and prints as
//! `<confidential>` in debug output, so they cannot slip into a message or a page by accident.
//!
//! The record types also derive `JsonSchema`: `mentorbook schema` writes the JSON Schema of
//! each record kind from these very types (see `crate::schema`), so the schema editors use
//! and the loader's reading cannot describe two different formats.

mod config;
pub mod keys;
mod schema;
pub mod secrets;

pub use crate::dates::Quarter;
pub use config::{Config, RuleParams};

use crate::place::Place;
use crate::source::Pos;
use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// A value with the position of the key or list item it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Pos,
}

impl<T> Located<T> {
    pub fn new(value: T, at: Pos) -> Self {
        Located { value, at }
    }
}

/// A value the dashboard and every message must never show (records.md, "Confidentiality").
#[derive(Clone, PartialEq)]
pub struct Confidential<T>(T);

impl<T> Confidential<T> {
    pub fn new(value: T) -> Self {
        Confidential(value)
    }

    /// The value itself, for code that must compare or scan it (never to display it).
    pub fn expose(&self) -> &T {
        &self.0
    }
}

/// A value the dashboard may show only when its person has consented (`publish: true`):
/// records.md, "Confidentiality". Rules, `check` and `match` read it freely — the records
/// repository is private — so it derefs to the value; the public view takes it only through
/// [`Consented::if_published`], and the privacy guard watches every one of an unpublished
/// person's (`model/secrets.rs`).
#[derive(Clone, PartialEq)]
pub struct Consented<T>(T);

impl<T> Consented<T> {
    pub fn new(value: T) -> Self {
        Consented(value)
    }

    /// The value, for a page: only when its person consented.
    pub fn if_published(&self, publish: bool) -> Option<&T> {
        publish.then_some(&self.0)
    }
}

impl<T> std::ops::Deref for Consented<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Consented<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A wrapper written in a record as the value itself: its schema is its value's.
macro_rules! transparent_schema {
    ($($wrapper:ident),*) => {$(
        impl<T: JsonSchema> JsonSchema for $wrapper<T> {
            fn inline_schema() -> bool {
                T::inline_schema()
            }

            fn schema_name() -> Cow<'static, str> {
                T::schema_name()
            }

            fn schema_id() -> Cow<'static, str> {
                T::schema_id()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                T::json_schema(generator)
            }
        }
    )*};
}

transparent_schema!(Located, Confidential, Consented);

impl<T> fmt::Debug for Confidential<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<confidential>")
    }
}

/// Enumerations whose YAML spelling is fixed by records.md.
pub trait Choice: Sized + Copy + 'static {
    /// Every value with its spelling in the records.
    const CHOICES: &'static [(&'static str, Self)];

    fn parse(text: &str) -> Option<Self> {
        Self::CHOICES
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, value)| *value)
    }

    fn name(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::CHOICES
            .iter()
            .find(|(_, value)| *value == self)
            .map_or("", |(name, _)| name)
    }
}

macro_rules! choice {
    ($name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),* }
        impl Choice for $name {
            const CHOICES: &'static [(&'static str, Self)] = &[$(($text, $name::$variant)),*];
        }
        /// A choice is published as its spelling in the records: one of the allowed values,
        /// never text someone typed.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                self::schema::choice_schema::<$name>()
            }
        }
    };
}

choice!(Role { Mentor = "mentor", Mentee = "mentee", Representative = "representative" });
choice!(PublicLibrary { Current = "current", Former = "former", Planned = "planned", None = "none" });
choice!(Status { Active = "active", Completed = "completed", Dissolved = "dissolved" });
choice!(Party { Mentor = "mentor", Mentee = "mentee" });
choice!(Frequency { Weekly = "weekly", Fortnightly = "fortnightly", Monthly = "monthly", Quarterly = "quarterly" });
choice!(ExpenseBearer { Participants = "participants", Program = "program" });
choice!(Rating { OnTrack = "on-track", NeedsAttention = "needs-attention", AtRisk = "at-risk" });

#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Membership {
    #[schemars(with = "self::schema::TextOrNumber")]
    pub number: Confidential<String>,
    pub expires: Consented<Located<NaiveDate>>,
}

/// `people/<id>.yaml`.
#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields, transform = self::schema::role_requirements)]
pub struct Person {
    pub name: Consented<Located<String>>,
    #[schemars(length(min = 1))]
    pub roles: Vec<Located<Role>>,
    pub library: Option<Consented<Located<String>>>,
    pub position: Option<Consented<Located<String>>>,
    pub public_library: Option<Located<PublicLibrary>>,
    pub membership: Option<Located<Membership>>,
    pub library_since: Option<Consented<Located<NaiveDate>>>,
    pub field: Option<Consented<Located<String>>>,
    pub field_since: Option<Consented<Located<NaiveDate>>>,
    pub email: Option<Confidential<String>>,
    #[schemars(with = "Option<self::schema::TextOrNumber>")]
    pub phone: Option<Confidential<String>>,
    /// What a mentee wants to develop or a mentor offers; `match` scores shared ones.
    #[schemars(default)]
    pub interests: Vec<Consented<String>>,
    #[schemars(default)]
    pub publish: bool,
}

impl Person {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }
}

#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Dissolution {
    pub date: Located<NaiveDate>,
    pub by: Located<Party>,
    pub committee_contacted: Located<NaiveDate>,
    pub reason: Option<Confidential<String>>,
}

/// `relationships/<id>/relationship.yaml`.
#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Relationship {
    pub mentor: Located<String>,
    pub mentee: Located<String>,
    pub start: Located<NaiveDate>,
    pub end: Located<NaiveDate>,
    pub status: Located<Status>,
    #[schemars(default)]
    pub goals: Vec<Confidential<String>>,
    pub dissolution: Option<Located<Dissolution>>,
}

/// `relationships/<id>/agreement.md` (the schema describes its front matter).
#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Agreement {
    /// Written as `signed: {mentor: DATE, mentee: DATE}`: the schema shows the whole block here.
    #[schemars(rename = "signed", with = "self::schema::Signed")]
    pub signed_mentor: Located<NaiveDate>,
    #[schemars(skip)]
    pub signed_mentee: Located<NaiveDate>,
    pub meeting_frequency: Located<Frequency>,
    #[schemars(length(min = 1))]
    pub meeting_modes: Vec<Located<String>>,
    pub confidentiality: Located<bool>,
    pub voluntary: Located<bool>,
    pub expenses: Located<ExpenseBearer>,
    /// The agreed terms (the Markdown body).
    #[schemars(skip)]
    pub terms: Confidential<String>,
}

#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ManagerApproval {
    pub by: Confidential<String>,
    pub date: Located<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Expense {
    #[schemars(range(min = 0))]
    pub amount: Confidential<f64>,
    /// Free text, judged by rule `expenses` (records.md: mentor | mentee).
    pub paid_by: Located<String>,
    pub what: Option<Confidential<String>>,
}

/// `relationships/<id>/meetings/<date>.md` (the schema describes its front matter).
#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Meeting {
    pub mode: Located<String>,
    #[schemars(range(min = 1))]
    pub minutes: Option<Located<u32>>,
    /// Where `working_hours` is written, or `None` when absent (false).
    pub working_hours: Option<Located<bool>>,
    pub manager_approval: Option<Located<ManagerApproval>>,
    #[schemars(default)]
    pub topics: Vec<Confidential<String>>,
    #[schemars(default)]
    pub expenses: Vec<Expense>,
    /// The meeting notes (the Markdown body).
    #[schemars(skip)]
    pub notes: Confidential<String>,
}

/// `relationships/<id>/evaluations/<YYYY>-Q<n>.yaml`.
#[derive(Clone, Debug, PartialEq, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Evaluation {
    pub representative: Located<String>,
    pub date: Located<NaiveDate>,
    pub mentor_participated: Located<bool>,
    pub mentee_participated: Located<bool>,
    pub rating: Located<Rating>,
    pub comments: Option<Confidential<String>>,
}

impl<T> RecordFile<T> {
    pub fn new(file: String, place: Place, record: Option<T>) -> Self {
        RecordFile {
            file,
            place,
            record,
        }
    }
}

/// A record file: where it is, and its contents unless it failed to load (`yaml`/`schema`).
/// A broken record still counts as present (rules.md, "Precise readings").
#[derive(Clone, Debug)]
pub struct RecordFile<T> {
    /// As shown to the user: the records folder as given joined with the path inside it.
    pub file: String,
    pub place: Place,
    pub record: Option<T>,
}

#[derive(Clone, Debug)]
pub struct MeetingFile {
    /// From the file name only.
    pub date: NaiveDate,
    /// 1 for `<date>.md`, N for `<date>-N.md`.
    pub sequence: u32,
    pub loaded: RecordFile<Meeting>,
}

#[derive(Clone, Debug)]
pub struct EvaluationFile {
    /// From the file name only.
    pub quarter: Quarter,
    pub loaded: RecordFile<Evaluation>,
}

/// One `relationships/<id>/` folder.
#[derive(Clone, Debug, Default)]
pub struct RelationshipFolder {
    /// `None` when the folder has no relationship.yaml (a `layout` error).
    pub relationship: Option<RecordFile<Relationship>>,
    pub agreement: Option<RecordFile<Agreement>>,
    /// Sorted by date, then sequence.
    pub meetings: Vec<MeetingFile>,
    /// Sorted by quarter.
    pub evaluations: Vec<EvaluationFile>,
}

/// Everything under `records/`, indexed by id.
#[derive(Clone, Debug)]
pub struct Records {
    /// The records folder as given on the command line, for display.
    pub root: String,
    pub config: Config,
    pub people: BTreeMap<String, RecordFile<Person>>,
    pub relationships: BTreeMap<String, RelationshipFolder>,
    /// guidelines.md, when present: its display path and text.
    pub guidelines: Option<RecordFile<String>>,
    /// Every file visited that is not ignored.
    pub files: usize,
}
