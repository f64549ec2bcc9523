//! A row of meeting reports → `relationships/<id>/meetings/<date>.md`. The row names its
//! relationship (`relationship`) and day (`date`); a second row for the same relationship and
//! day is a second meeting that day (`<date>-2.md`). The n-th row of a relationship's day is
//! the meeting file with sequence n, so a meeting already recorded is reported as existing
//! and a grown export adds only its new rows.

use super::cells;
use super::row::RowReader;
use super::{Outcome, ReadRow};
use crate::model::Records;
use crate::scaffold::draft::Draft;
use crate::scaffold::records::{MeetingFields, meeting};
use chrono::NaiveDate;
use std::collections::HashMap;

pub const KEYS: &[&str] = &[
    "relationship",
    "date",
    "mode",
    "minutes",
    "working_hours",
    "manager_approval_by",
    "manager_approval_date",
    "topics",
    "notes",
];

pub struct Meetings<'r> {
    records: &'r Records,
    /// How many rows so far named each relationship and day.
    rows_of_day: HashMap<(String, NaiveDate), u32>,
}

impl<'r> Meetings<'r> {
    pub fn new(records: &'r Records) -> Self {
        Meetings {
            records,
            rows_of_day: HashMap::new(),
        }
    }
}

/// The relationship a meeting or evaluation row names: it must be in the records.
pub fn relationship(r: &mut RowReader, records: &Records) -> Option<String> {
    let id = r.required("relationship", cells::line, "")?;
    if records.relationships.contains_key(&id) {
        r.relationship = Some(id.clone());
        return Some(id);
    }
    r.refuse(
        "relationship",
        format!(
            "`relationship` `{}` is not a relationship in {}/relationships",
            id.escape_debug(),
            records.root
        ),
        Some("use the id of a relationship folder, such as r-2026-014".into()),
    );
    None
}

impl Meetings<'_> {
    /// This row's place among the rows of its relationship's day: 1, 2 …
    fn next_sequence(&mut self, id: &str, date: NaiveDate) -> u32 {
        let count = self.rows_of_day.entry((id.to_owned(), date)).or_default();
        *count += 1;
        *count
    }

    /// Whether the relationship has its `sequence`-th meeting file of that day.
    fn recorded(&self, id: &str, date: NaiveDate, sequence: u32) -> bool {
        self.records.relationships.get(id).is_some_and(|folder| {
            folder
                .meetings
                .iter()
                .any(|m| m.date == date && m.sequence == sequence)
        })
    }
}

impl ReadRow for Meetings<'_> {
    fn row(&mut self, r: &mut RowReader) -> Outcome {
        let id = relationship(r, self.records);
        let date = r.required("date", cells::date, "");
        let modes: Vec<&str> = self
            .records
            .config
            .rules
            .meeting_modes
            .iter()
            .map(String::as_str)
            .collect();
        let mode = mode(r, &modes);
        let fields = fields(r);
        let (Some(id), Some(date), Some(mode)) = (id, date, mode) else {
            return Outcome::Refused;
        };
        let sequence = self.next_sequence(&id, date);
        let place = |n: u32| match n {
            1 => format!("relationships/{id}/meetings/{date}.md"),
            n => format!("relationships/{id}/meetings/{date}-{n}.md"),
        };
        if self.recorded(&id, date, sequence) {
            let why = "a meeting of that relationship on that day";
            return Outcome::Exists {
                rel: place(sequence),
                why,
            };
        }
        let text = meeting(mode, &fields);
        let places: Vec<String> = (sequence..=99).map(place).collect();
        if !r.problems.is_empty() {
            return Outcome::Refused;
        }
        Outcome::New(Draft {
            places,
            contents: text,
        })
    }
}

/// One of the program's meeting modes, written any way (`In person`).
fn mode<'m>(r: &mut RowReader, modes: &[&'m str]) -> Option<&'m str> {
    if !r.has("mode") {
        r.missing("mode", "");
        return None;
    }
    r.optional("mode", |cell| Ok(cell.clone()))
        .and_then(|cell| match cells::one_of(&cell, modes) {
            Ok(mode) => Some(mode),
            Err(refusal) => {
                let message = format!("`mode` {}, the program's meeting_modes", refusal.message);
                r.refuse("mode", message, refusal.help);
                None
            }
        })
}

fn fields(r: &mut RowReader) -> MeetingFields {
    let working_hours = r.optional("working_hours", cells::boolean).unwrap_or(false);
    let approval = if r.has("manager_approval_by") || r.has("manager_approval_date") {
        let why = "when a manager's approval is given";
        let by = r.required("manager_approval_by", cells::line, why);
        by.zip(r.required("manager_approval_date", cells::date, why))
    } else {
        None
    };
    MeetingFields {
        minutes: r.optional("minutes", cells::whole_number),
        working_hours,
        manager_approval: approval,
        topics: r.optional("topics", cells::list).unwrap_or_default(),
        notes: r.optional("notes", cells::text),
    }
}

#[cfg(test)]
mod tests {
    /// Expenses are the one meeting key not imported (README: a list of blocks per row).
    #[test]
    fn every_other_key_the_loader_reads_can_be_imported() {
        for key in crate::model::keys::MEETING_KEYS {
            let columns = match *key {
                "manager_approval" => vec!["manager_approval_by", "manager_approval_date"],
                "expenses" => vec![],
                key => vec![key],
            };
            assert!(columns.iter().all(|c| super::KEYS.contains(c)), "{key}");
        }
    }
}
