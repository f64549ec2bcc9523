//! `mentorbook new`: write one correctly named, correctly shaped record. Every flag is checked
//! against the loaded records first (ids, roles, the program's meeting modes); nothing is
//! written unless all are valid, and an existing file is never overwritten.

use crate::cli::NewCommand;
use crate::error::{Error, Result};
use crate::load::is_valid_id;
use crate::model::{Choice, Person, Quarter, Records, Role};
use crate::scaffold::draft::{Draft, shown};
use crate::scaffold::records as text;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

pub fn run(command: &NewCommand) -> Result<u8> {
    let root = records_dir(command);
    let loaded = crate::load::load(root, &root.to_string_lossy())?;
    let records = &loaded.records;
    let draft = match command {
        NewCommand::Person {
            id, name, roles, ..
        } => person(records, id, name, roles)?,
        NewCommand::Relationship {
            mentor,
            mentee,
            start,
            id,
            ..
        } => {
            let pairing = Pairing {
                mentor,
                mentee,
                start: *start,
            };
            relationship(records, &pairing, id.as_deref())?
        }
        NewCommand::Meeting {
            relationship,
            date,
            mode,
            ..
        } => meeting(records, relationship, *date, mode)?,
        NewCommand::Evaluation {
            relationship,
            quarter,
            representative,
            ..
        } => evaluation(records, relationship, *quarter, representative)?,
        NewCommand::Agreement { relationship, .. } => agreement(records, relationship)?,
    };
    let rel = draft.write(root)?;
    super::say!("{}", shown(root, &rel));
    Ok(0)
}

fn records_dir(command: &NewCommand) -> &Path {
    match command {
        NewCommand::Person { records, .. }
        | NewCommand::Relationship { records, .. }
        | NewCommand::Meeting { records, .. }
        | NewCommand::Evaluation { records, .. }
        | NewCommand::Agreement { records, .. } => &records.records,
    }
}

fn refuse(message: String) -> Error {
    Error::Usage(message)
}

fn valid_id(id: &str, what: &str, example: &str) -> Result<()> {
    if is_valid_id(id) {
        return Ok(());
    }
    Err(refuse(format!(
        "`{id}` is not a valid {what} id: use 1 to 64 lowercase letters, digits and `-`, starting with a letter or digit, like {example}"
    )))
}

fn person(records: &Records, id: &str, name: &str, roles: &[Role]) -> Result<Draft> {
    valid_id(id, "person", "dana-whitfield")?;
    if name.trim().is_empty() || name.contains(['\n', '\r']) {
        return Err(refuse(
            "--name must be the person's name on one line".into(),
        ));
    }
    if records.people.contains_key(id) {
        return Err(refuse(format!(
            "a person `{id}` already exists in {}: edit that file instead",
            records.root
        )));
    }
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    let rel = format!("people/{id}.yaml");
    let contents = text::person(&rel, name, &roles, &text::PersonFields::default());
    Ok(Draft::at(rel, contents))
}

/// A person named on the command line must exist and, when their record loaded, have the role.
fn known_person(records: &Records, id: &str, role: Role, flag: &str) -> Result<()> {
    let Some(file) = records.people.get(id) else {
        return Err(refuse(format!(
            "{flag} `{id}` is not a person in {}: add them first with `mentorbook new person {id} --name NAME --role {}`",
            records.root,
            role.name()
        )));
    };
    match &file.record {
        Some(person) if !Person::has_role(person, role) => Err(refuse(format!(
            "{flag} `{id}` does not have the {} role: add it to `roles` in {} first",
            role.name(),
            file.file
        ))),
        _ => Ok(()),
    }
}

fn known_relationship(records: &Records, id: &str) -> Result<()> {
    valid_id(id, "relationship", "r-2026-014")?;
    if records.relationships.contains_key(id) {
        return Ok(());
    }
    Err(refuse(format!(
        "`{id}` is not a relationship in {}/relationships: `mentorbook new relationship` starts one",
        records.root
    )))
}

/// A new relationship: who, and from when.
pub struct Pairing<'a> {
    pub mentor: &'a str,
    pub mentee: &'a str,
    pub start: NaiveDate,
}

/// The relationship.yaml `new relationship` writes: both people checked, the next free id
/// unless one is given, the longest term, `status: active`.
pub fn relationship(records: &Records, new: &Pairing, id: Option<&str>) -> Result<Draft> {
    known_person(records, new.mentor, Role::Mentor, "--mentor")?;
    known_person(records, new.mentee, Role::Mentee, "--mentee")?;
    if new.mentor == new.mentee {
        return Err(refuse(
            "--mentor and --mentee must be two different people".into(),
        ));
    }
    let id = match id {
        Some(id) => {
            valid_id(id, "relationship", "r-2026-014")?;
            id.to_owned()
        }
        None => next_relationship_id(records, new.start.year()),
    };
    let months = records.config.rules.max_relationship_months;
    let end = text::planned_end(new.start, months);
    if end > NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX) {
        return Err(refuse(format!(
            "--start {} is too late: a relationship of {months} months from then would end after 9999-12-31, which records cannot hold",
            new.start
        )));
    }
    let rel = format!("relationships/{id}/relationship.yaml");
    let contents = text::relationship(&rel, new.mentor, new.mentee, new.start, end);
    Ok(Draft::at(rel, contents))
}

/// `r-YYYY-NNN`: one more than the highest NNN of that year, at least three digits.
pub fn next_relationship_id(records: &Records, year: i32) -> String {
    let prefix = format!("r-{year}-");
    let highest = records
        .relationships
        .keys()
        .filter_map(|id| id.strip_prefix(&prefix))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", highest + 1)
}

/// A meeting log: `meetings/<date>.md`, or `<date>-2.md`, `-3` … when that day has one.
fn meeting(records: &Records, id: &str, date: NaiveDate, mode: &str) -> Result<Draft> {
    known_relationship(records, id)?;
    let modes = &records.config.rules.meeting_modes;
    if !modes.iter().any(|m| m == mode) {
        return Err(refuse(format!(
            "--mode `{mode}` is not one of the program's meeting_modes: {}",
            modes.join(", ")
        )));
    }
    let places = (1..=99)
        .map(|n| match n {
            1 => format!("relationships/{id}/meetings/{date}.md"),
            n => format!("relationships/{id}/meetings/{date}-{n}.md"),
        })
        .collect();
    Ok(Draft {
        places,
        contents: text::meeting(mode, &text::MeetingFields::default()),
    })
}

fn agreement(records: &Records, id: &str) -> Result<Draft> {
    known_relationship(records, id)?;
    let rel = format!("relationships/{id}/agreement.md");
    let contents = text::agreement(&records.config.rules.meeting_modes);
    Ok(Draft::at(rel, contents))
}

fn evaluation(
    records: &Records,
    id: &str,
    quarter: Quarter,
    representative: &str,
) -> Result<Draft> {
    known_relationship(records, id)?;
    known_person(
        records,
        representative,
        Role::Representative,
        "--representative",
    )?;
    let rel = format!("relationships/{id}/evaluations/{quarter}.yaml");
    let contents = text::evaluation(&rel, quarter, representative, &Default::default());
    Ok(Draft::at(rel, contents))
}
