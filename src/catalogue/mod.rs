//! The rule catalogue (rules.md): each rule's id, default severity, one-line summary and
//! explanation, and the levels a program may set. A leaf module: the loader, the rules, the
//! diagnostics and the view all name rules, and it depends on none of them.

pub mod explain;

use std::fmt;

/// How bad a reported problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a program wants a rule reported (`[severity]` in program.toml).
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

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Off => "off",
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

macro_rules! catalogue {
    ($($variant:ident = $id:literal, $severity:ident, $summary:literal;)*) => {
        /// A rule of the catalogue (rules.md).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant),* }

        /// Every rule, in catalogue order.
        pub const ALL: &[Rule] = &[$(Rule::$variant),*];

        impl Rule {
            /// The public id, e.g. `meeting-cadence`.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity),* }
            }

            /// One line: what the rule checks.
            pub fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary),* }
            }
        }
    };
}

catalogue! {
    Yaml = "yaml", Error, "a file is valid YAML, and a Markdown record has its front matter block";
    Schema = "schema", Error, "every record has its required keys, no unknown ones, and values of the right type";
    Layout = "layout", Error, "every file and folder is where the records layout puts it, with a valid name";
    Reference = "reference", Error, "mentors, mentees and representatives named in records exist";
    Role = "role", Error, "each person named in a relationship or evaluation has the matching role";
    SelfMentoring = "self-mentoring", Error, "a mentor does not mentor themselves";
    Membership = "membership", Error, "both parties are association members for the relationship";
    PublicLibrary = "public-library", Error, "both parties have a connection to a public library";
    MentorLibraryYears = "mentor-library-years", Error, "a mentor has the required years of library experience";
    MentorFieldYears = "mentor-field-years", Error, "a mentor has the required years in their current field";
    MentorSeniority = "mentor-seniority", Warning, "a mentor has worked in libraries at least as long as the mentee";
    MentorCapacity = "mentor-capacity", Error, "a mentor has no more active mentees than the program allows";
    Duration = "duration", Error, "a relationship ends after it starts and lasts no longer than allowed";
    Status = "status", Error, "a relationship's status agrees with its dates";
    Dissolution = "dissolution", Error, "a dissolved relationship records when, by whom, and when the committee was contacted";
    AgreementMissing = "agreement-missing", Error, "every started relationship has a mentoring agreement";
    AgreementUnsigned = "agreement-unsigned", Error, "both parties signed the agreement before meeting";
    AgreementTerms = "agreement-terms", Error, "the agreement keeps the program's terms";
    MeetingCadence = "meeting-cadence", Error, "the pair meets at least as often as the program requires";
    MeetingMode = "meeting-mode", Error, "meetings use a mode the program allows";
    MeetingDate = "meeting-date", Error, "meetings fall within the relationship and not in the future";
    WorkingHoursApproval = "working-hours-approval", Error, "meetings in working hours have a manager's prior approval";
    Expenses = "expenses", Error, "expenses are borne by the participants";
    MenteeAgenda = "mentee-agenda", Warning, "the mentee prepares topics for each meeting";
    EvaluationMissing = "evaluation-missing", Error, "every quarter of a relationship has its evaluation";
    EvaluationQuarter = "evaluation-quarter", Error, "an evaluation belongs to a quarter of the relationship and is dated in it";
    EvaluationCompliance = "evaluation-compliance", Error, "the mentor took part in the quarterly evaluation";
    EvaluationRepresentative = "evaluation-representative", Error, "the evaluating representative is not a party to the relationship";
    PrivateId = "private-id", Error, "a relationship id reveals nobody who has not consented to publication";
}

impl Rule {
    pub fn from_id(id: &str) -> Option<Rule> {
        ALL.iter().copied().find(|rule| rule.id() == id)
    }
}
