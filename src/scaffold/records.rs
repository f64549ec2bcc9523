//! The text of each record `mentorbook new` writes: every required key present, filled from
//! the command line, or left empty with a `# TODO` comment so that `check` reports it as
//! missing until someone fills it in (a placeholder word such as `TODO` would pass as text).
//! Optional keys are shown as comments, so the file itself shows what may be added.

use crate::model::{Choice, Quarter, Role};
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
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '-' | '(' | ')'))
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

pub fn person(rel: &str, name: &str, roles: &[Role]) -> String {
    let has = |role| roles.contains(&role);
    let role_list: Vec<&str> = roles.iter().map(|r| r.name()).collect();
    let mut out = modeline(rel, Kind::Person);
    out += &format!("name: {}\n", yaml_text(name));
    out += &format!("roles: [{}]\n", role_list.join(", "));
    out += "# library: …                  # optional: the library they work at\n";
    out += "# position: …                 # optional: their job title\n";
    if has(Role::Mentor) || has(Role::Mentee) {
        out += &format!(
            "public_library:                # TODO: {}\n",
            names::<crate::model::PublicLibrary>()
        );
        out += "membership:                    # association membership\n";
        out += "  number:                      # TODO: membership number (confidential)\n";
        out += "  expires:                     # TODO: YYYY-MM-DD\n";
    }
    if has(Role::Mentor) {
        out +=
            "library_since:                 # TODO: YYYY-MM-DD, first day working in libraries\n";
        out += "field:                         # TODO: current field of work\n";
        out +=
            "field_since:                   # TODO: YYYY-MM-DD, first day in the current field\n";
    }
    out += "# email: …                    # optional; confidential\n";
    out += "# phone: …                    # optional; confidential\n";
    out += "publish: false                 # true = consents to show name, library, position and field on the dashboard\n";
    out
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

pub fn meeting(mode: &str) -> String {
    let mut out = String::from("---\n");
    out += &format!("mode: {mode}\n");
    out += "# minutes: 45                 # optional: how long it took\n";
    out += "working_hours: false           # true when held within working hours: then add manager_approval\n";
    out += "# manager_approval:\n";
    out += "#   by: …                     # the Library Service Manager who approved\n";
    out += "#   date: YYYY-MM-DD          # on or before the meeting\n";
    out += "topics:                        # TODO: the issues, questions and scenarios the mentee prepared, one `- item` a line (confidential)\n";
    out += "# expenses:                   # optional; each borne by a participant\n";
    out += "#   - amount: 12.50\n";
    out += "#     paid_by: mentee         # mentor | mentee\n";
    out += "#     what: …                 # confidential\n";
    out += "---\n";
    out += "TODO: the meeting notes, in Markdown. Confidential.\n";
    out
}

pub fn evaluation(rel: &str, quarter: Quarter, representative: &str) -> String {
    let mut out = modeline(rel, Kind::Evaluation);
    out += &format!("# The {quarter} evaluation.\n");
    out += &format!("representative: {representative}\n");
    out += "date:                          # TODO: YYYY-MM-DD, when the evaluation took place\n";
    out += "mentor_participated:           # TODO: true or false\n";
    out += "mentee_participated:           # TODO: true or false\n";
    out += &format!(
        "rating:                        # TODO: {}\n",
        names::<crate::model::Rating>()
    );
    out += "# comments: …                 # optional; confidential\n";
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
