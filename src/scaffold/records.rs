//! The text of each record `mentorbook new` writes: every required key present, filled from
//! the command line, or left empty with a `# TODO` comment so that `check` reports it as
//! missing until someone fills it in (a placeholder word such as `TODO` would pass as text).
//! Optional keys are shown as comments, so the file itself shows what may be added.

use crate::model::{Choice, PublicLibrary, Quarter, Rating, Role};
use crate::schema::Kind;
use chrono::NaiveDate;

/// The first line of a YAML record: tells yaml-language-server which schema to check it
/// against. `rel` is the record's path inside records/; the schemas are expected in
/// `schemas/` beside the records folder, where `mentorbook schema` and `init` write them.
pub fn modeline(rel: &str, kind: Kind) -> String {
    let up = "../".repeat(rel.split('/').count());
    format!(
        "# yaml-language-server: $schema={up}schemas/{}\n",
        kind.file_name()
    )
}

/// A YAML scalar for free text: plain when that reads back as the same text, else quoted.
pub fn yaml_text(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '-' | '(' | ')' | '@'))
        && text.starts_with(char::is_alphabetic)
        && !text.ends_with(' ')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "yes" | "no" | "y" | "n" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        text.to_owned()
    } else {
        // A JSON string is a valid YAML double-quoted scalar.
        serde_json::Value::from(text).to_string()
    }
}

fn names<T: Choice>() -> String {
    T::CHOICES
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(" | ")
}

/// What a person record says beyond `name` and `roles`. A field left `None` is written as
/// `new person` writes it: a `# TODO` line when the roles require it, else a comment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonFields {
    pub library: Option<String>,
    pub position: Option<String>,
    pub public_library: Option<PublicLibrary>,
    pub membership_number: Option<String>,
    pub membership_expires: Option<NaiveDate>,
    pub library_since: Option<NaiveDate>,
    pub field: Option<String>,
    pub field_since: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub interests: Vec<String>,
    pub publish: bool,
}

/// `key: value`, or the comment that shows the optional key.
fn optional(key: &str, value: Option<String>, comment: &str) -> String {
    match value {
        Some(value) => format!("{key}: {value}\n"),
        None => format!("{comment}\n"),
    }
}

/// `key: value`; without a value, the `# TODO` line when the key is `needed`, else nothing.
fn required(key: &str, value: Option<String>, needed: bool, todo: &str) -> String {
    match value {
        Some(value) => format!("{key}: {value}\n"),
        None if needed => format!("{:<31}# TODO: {todo}\n", format!("{key}:")),
        None => String::new(),
    }
}

/// A flow list, `[first, second]`, each item quoted only when it must be.
fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| yaml_text(item)).collect();
    format!("[{}]", items.join(", "))
}

fn text(value: &Option<String>) -> Option<String> {
    value.as_deref().map(yaml_text)
}

fn day(value: Option<NaiveDate>) -> Option<String> {
    value.map(|d| d.to_string())
}

pub fn person(rel: &str, name: &str, roles: &[Role], fields: &PersonFields) -> String {
    let has = |role| roles.contains(&role);
    let (mentor, party) = (has(Role::Mentor), has(Role::Mentor) || has(Role::Mentee));
    let f = fields;
    let role_list: Vec<&str> = roles.iter().map(|r| r.name()).collect();
    let mut out = modeline(rel, Kind::Person);
    out += &format!("name: {}\n", yaml_text(name));
    out += &format!("roles: [{}]\n", role_list.join(", "));
    out += &optional(
        "library",
        text(&f.library),
        "# library: …                  # optional: the library they work at",
    );
    out += &optional(
        "position",
        text(&f.position),
        "# position: …                 # optional: their job title",
    );
    let connection = f.public_library.map(|c| c.name().to_owned());
    out += &required(
        "public_library",
        connection,
        party,
        &names::<PublicLibrary>(),
    );
    out += &membership(f, party);
    let since = |value| (mentor, day(value));
    for (key, (needed, value), todo) in [
        (
            "library_since",
            since(f.library_since),
            "YYYY-MM-DD, first day working in libraries",
        ),
        ("field", (mentor, text(&f.field)), "current field of work"),
        (
            "field_since",
            since(f.field_since),
            "YYYY-MM-DD, first day in the current field",
        ),
    ] {
        out += &required(key, value, needed, todo);
    }
    out += &optional(
        "email",
        text(&f.email),
        "# email: …                    # optional; confidential",
    );
    out += &optional(
        "phone",
        text(&f.phone),
        "# phone: …                    # optional; confidential",
    );
    let interests = (!f.interests.is_empty()).then(|| flow_list(&f.interests));
    out += &optional(
        "interests",
        interests,
        "# interests: […]              # optional: what they want to develop, or offer (used by `match`)",
    );
    out += &format!(
        "{:<31}# true = consents to show name, library, position, field and interests on the dashboard\n",
        format!("publish: {}", f.publish)
    );
    out
}

/// The `membership` block: for mentors and mentees, or when a value is given.
fn membership(f: &PersonFields, party: bool) -> String {
    if !party && f.membership_number.is_none() && f.membership_expires.is_none() {
        return String::new();
    }
    let mut out = String::from("membership:                    # association membership\n");
    out += &required(
        "  number",
        text(&f.membership_number),
        true,
        "membership number (confidential)",
    );
    out += &required("  expires", day(f.membership_expires), true, "YYYY-MM-DD");
    out
}

/// The planned end of a relationship that starts on `start`: the longest term less a day,
/// as `new relationship` writes it and `match` proposes it.
pub fn planned_end(start: NaiveDate, months: u32) -> NaiveDate {
    crate::rules::dates::add_months(start, months)
        .pred_opt()
        .unwrap_or(start)
}

pub fn relationship(
    rel: &str,
    mentor: &str,
    mentee: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> String {
    let mut out = modeline(rel, Kind::Relationship);
    out += &format!("mentor: {mentor}\n");
    out += &format!("mentee: {mentee}\n");
    out += &format!("start: {start}\n");
    out += &format!(
        "end: {end}                # the planned end (the longest term); the actual end once completed\n"
    );
    out += &format!(
        "status: active                 # {}\n",
        names::<crate::model::Status>()
    );
    out += "# goals:                      # optional; confidential\n";
    out += "#   - …\n";
    out += "# dissolution:                # when, and only when, status is dissolved\n";
    out += "#   date: YYYY-MM-DD          # the day the relationship ended\n";
    out += "#   by: mentor | mentee       # who dissolved it\n";
    out += "#   committee_contacted: YYYY-MM-DD   # when the committee was first contacted\n";
    out += "#   reason: …                 # optional; confidential\n";
    out
}

/// Markdown records carry no modeline: their front matter must start on line 1, and
/// yaml-language-server does not read Markdown files.
pub fn agreement(modes: &[String]) -> String {
    let mut out = String::from("---\n");
    out += "signed:\n";
    out += "  mentor:                      # TODO: YYYY-MM-DD, the day the mentor signed\n";
    out += "  mentee:                      # TODO: YYYY-MM-DD, the day the mentee signed\n";
    out += "meeting_frequency:             # TODO: weekly | fortnightly | monthly\n";
    out += &format!(
        "meeting_modes: [{}]   # the ways they agreed to meet: remove any they did not\n",
        modes.join(", ")
    );
    out += "confidentiality: true          # both keep the relationship confidential (a program term)\n";
    out += "voluntary: true                # both take part voluntarily (a program term)\n";
    out += "expenses: participants         # the participants bear any expenses (a program term)\n";
    out += "---\n";
    out += "TODO: the agreed terms and goals, in Markdown. Confidential.\n";
    out
}

/// What a meeting log says beyond its mode; `None` and empty lists are written as
/// `new meeting` writes them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeetingFields {
    pub minutes: Option<u32>,
    pub working_hours: bool,
    /// Who approved a meeting in working hours, and when.
    pub manager_approval: Option<(String, NaiveDate)>,
    pub topics: Vec<String>,
    /// The Markdown body.
    pub notes: Option<String>,
}

pub fn meeting(mode: &str, fields: &MeetingFields) -> String {
    let mut out = String::from("---\n");
    out += &format!("mode: {mode}\n");
    out += &match fields.minutes {
        Some(minutes) => format!("minutes: {minutes}\n"),
        None => "# minutes: 45                 # optional: how long it took\n".into(),
    };
    out += &format!(
        "{:<31}# true when held within working hours: then add manager_approval\n",
        format!("working_hours: {}", fields.working_hours)
    );
    out += &match &fields.manager_approval {
        Some((by, date)) => format!("manager_approval:\n  by: {}\n  date: {date}\n", yaml_text(by)),
        None => "# manager_approval:\n#   by: …                     # the Library Service Manager who approved\n#   date: YYYY-MM-DD          # on or before the meeting\n".into(),
    };
    if fields.topics.is_empty() {
        out += "topics:                        # TODO: the issues, questions and scenarios the mentee prepared, one `- item` a line (confidential)\n";
    } else {
        out += "topics:                        # the issues, questions and scenarios the mentee prepared (confidential)\n";
        for topic in &fields.topics {
            out += &format!("  - {}\n", yaml_text(topic));
        }
    }
    out += "# expenses:                   # optional; each borne by a participant\n";
    out += "#   - amount: 12.50\n";
    out += "#     paid_by: mentee         # mentor | mentee\n";
    out += "#     what: …                 # confidential\n";
    out += "---\n";
    out += &body(
        fields.notes.as_deref(),
        "TODO: the meeting notes, in Markdown. Confidential.",
    );
    out
}

/// A Markdown record's body: the text given, ending in a newline, or the `TODO` line.
fn body(text: Option<&str>, todo: &str) -> String {
    match text.map(str::trim_end).filter(|t| !t.is_empty()) {
        Some(text) => format!("{text}\n"),
        None => format!("{todo}\n"),
    }
}

/// What an evaluation says beyond its quarter and representative; `None` is written as
/// `new evaluation` writes it (a `# TODO` line).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvaluationFields {
    pub date: Option<NaiveDate>,
    pub mentor_participated: Option<bool>,
    pub mentee_participated: Option<bool>,
    pub rating: Option<Rating>,
    pub comments: Option<String>,
}

pub fn evaluation(
    rel: &str,
    quarter: Quarter,
    representative: &str,
    fields: &EvaluationFields,
) -> String {
    let f = fields;
    let todo = |key, value, todo: &str| required(key, value, true, todo);
    let mut out = modeline(rel, Kind::Evaluation);
    out += &format!("# The {quarter} evaluation.\n");
    out += &format!("representative: {representative}\n");
    let rating = f.rating.map(|r| r.name().to_owned());
    let booleans = [
        ("mentor_participated", f.mentor_participated),
        ("mentee_participated", f.mentee_participated),
    ];
    out += &todo(
        "date",
        day(f.date),
        "YYYY-MM-DD, when the evaluation took place",
    );
    for (key, value) in booleans {
        out += &todo(key, value.map(|b| b.to_string()), "true or false");
    }
    out += &todo("rating", rating, &names::<Rating>());
    out += &optional(
        "comments",
        text(&f.comments),
        "# comments: …                 # optional; confidential",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_only_when_needed() {
        assert_eq!(yaml_text("Dana Whitfield"), "Dana Whitfield");
        assert_eq!(yaml_text("Seán O'Brien-Lee"), "Seán O'Brien-Lee");
        assert_eq!(yaml_text("No"), "\"No\"");
        assert_eq!(yaml_text("Lee: Jr. #2"), "\"Lee: Jr. #2\"");
        assert_eq!(yaml_text("- x \"y\""), "\"- x \\\"y\\\"\"");
    }

    #[test]
    fn the_modeline_climbs_out_of_the_records_folder() {
        assert_eq!(
            modeline(
                "relationships/r-1/evaluations/2026-Q1.yaml",
                Kind::Evaluation
            ),
            "# yaml-language-server: $schema=../../../../schemas/evaluation.schema.json\n"
        );
    }
}
