//! A row of quarterly evaluations → `relationships/<id>/evaluations/<YYYY>-Q<n>.yaml`. The
//! row names its relationship (`relationship`) and quarter (`quarter`, `2026-Q4`); the
//! representative must be a person with that role, as `new evaluation` requires. A quarter
//! already evaluated is reported as existing.

use super::cells;
use super::meetings::relationship;
use super::row::RowReader;
use super::{Outcome, ReadRow};
use crate::model::{Quarter, Rating, Records, Role};
use crate::scaffold::draft::Draft;
use crate::scaffold::records::{EvaluationFields, evaluation};
use std::collections::HashMap;

pub const KEYS: &[&str] = &[
    "relationship",
    "quarter",
    "representative",
    "date",
    "mentor_participated",
    "mentee_participated",
    "rating",
    "comments",
];

/// Every key but `comments` (the last): an evaluation row without them cannot become a
/// record.
pub const NEEDED: &[&str] = KEYS.split_at(KEYS.len() - 1).0;

pub struct Evaluations<'r> {
    records: &'r Records,
    /// The row that gave each relationship's quarter.
    rows: HashMap<(String, Quarter), u32>,
}

impl<'r> Evaluations<'r> {
    pub fn new(records: &'r Records) -> Self {
        Evaluations {
            records,
            rows: HashMap::new(),
        }
    }

    fn representative(&self, r: &mut RowReader) -> Option<String> {
        let id = r.required("representative", cells::line, "")?;
        let person = self.records.people.get(&id);
        let problem = match person.map(|file| file.record.as_ref()) {
            None => "is not a person in people/",
            Some(Some(p)) if !p.has_role(Role::Representative) => {
                "does not have the representative role"
            }
            _ => return Some(id),
        };
        let message = format!("`representative` `{}` {problem}", id.escape_debug());
        let help = "name a PLCI representative by their person id, such as pat-kim";
        r.refuse("representative", message, Some(help.into()));
        None
    }
}

impl ReadRow for Evaluations<'_> {
    fn row(&mut self, r: &mut RowReader) -> Outcome {
        let id = relationship(r, self.records);
        let quarter = r.required("quarter", cells::quarter, "");
        let representative = self.representative(r);
        let fields = EvaluationFields {
            date: r.required("date", cells::date, ""),
            mentor_participated: r.required("mentor_participated", cells::boolean, ""),
            mentee_participated: r.required("mentee_participated", cells::boolean, ""),
            rating: r.required("rating", cells::choice::<Rating>, ""),
            comments: r.optional("comments", cells::text),
        };
        let (Some(id), Some(quarter), Some(representative)) = (id, quarter, representative) else {
            return Outcome::Refused;
        };
        let rel = format!("relationships/{id}/evaluations/{quarter}.yaml");
        if let Some(&row) = self.rows.get(&(id.clone(), quarter)) {
            return Outcome::Repeats {
                row,
                why: "the same relationship and quarter",
            };
        }
        let evaluated = self
            .records
            .relationships
            .get(&id)
            .is_some_and(|folder| folder.evaluations.iter().any(|e| e.quarter == quarter));
        if evaluated {
            return Outcome::Exists {
                rel,
                why: "that quarter's evaluation",
            };
        }
        let text = evaluation(&rel, quarter, &representative, &fields);
        if !r.problems.is_empty() {
            return Outcome::Refused;
        }
        self.rows.insert((id, quarter), r.row.number);
        Outcome::New(Draft::at(rel, text))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_the_loader_reads_can_be_imported() {
        for key in crate::model::keys::EVALUATION_KEYS {
            assert!(super::KEYS.contains(key), "{key}");
        }
        assert!(!super::NEEDED.contains(&"comments"));
    }
}
