//! `mentorbook import`: a spreadsheet of applications or reports turned into records, one a
//! row, each exactly as `new` would write it. Every row is read whole before anything is
//! decided: it becomes a record that passes `check`'s `schema` rule (the loader reads each
//! record's text before anything is written), or it is refused with a diagnostic at the spreadsheet's own
//! row and column. A row whose record exists already is reported, never written twice, so a
//! grown export can be imported again.
//!
//! This module plans; `cmd::import` writes and reports.

pub mod cells;
pub mod columns;
mod evaluations;
mod meetings;
mod people;
mod row;
pub mod sheet;

use crate::diagnostics::{Diagnostic, Pos};
use crate::model::Records;
use crate::rules::Rule;
use crate::scaffold::draft::Draft;
use columns::{ColumnMap, Columns};
use rayon::prelude::*;
use row::RowReader;
use sheet::Table;

/// What a spreadsheet holds: one record kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Applicants and participants: people/<id>.yaml.
    People,
    /// Meeting reports: relationships/<id>/meetings/<date>.md.
    Meetings,
    /// Quarterly evaluations: relationships/<id>/evaluations/<YYYY>-Q<n>.yaml.
    Evaluations,
}

impl Kind {
    /// The keys a column can give.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::People => people::KEYS,
            Kind::Meetings => meetings::KEYS,
            Kind::Evaluations => evaluations::KEYS,
        }
    }

    /// Other spellings of a key that a header may use.
    fn aliases(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::People => &[("role", "roles")],
            _ => &[],
        }
    }

    /// Keys every row needs: a sheet without a column for one cannot be imported at all.
    fn needed(self) -> &'static [&'static str] {
        match self {
            Kind::People => &["name", "roles"],
            Kind::Meetings => &["relationship", "date", "mode"],
            Kind::Evaluations => evaluations::NEEDED,
        }
    }

    /// "person" or "people", "meeting" or "meetings" …
    pub fn noun(self, n: usize) -> &'static str {
        match (self, n) {
            (Kind::People, 1) => "person",
            (Kind::People, _) => "people",
            (Kind::Meetings, 1) => "meeting",
            (Kind::Meetings, _) => "meetings",
            (Kind::Evaluations, 1) => "evaluation",
            (Kind::Evaluations, _) => "evaluations",
        }
    }
}

/// What becomes of one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A record to write.
    New(Draft),
    /// Its record exists already, at this path inside the records folder.
    Exists { rel: String, why: &'static str },
    /// It repeats an earlier row of the same spreadsheet.
    Repeats { row: u32, why: &'static str },
    /// Refused: the diagnostics say why.
    Refused,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowOutcome {
    /// The row number the spreadsheet shows.
    pub row: u32,
    pub outcome: Outcome,
}

/// Every row's outcome, the refusals, and the columns that were ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub rows: Vec<RowOutcome>,
    pub diagnostics: Vec<Diagnostic>,
    /// "column A (Timestamp)": columns that give no key.
    pub ignored: Vec<String>,
}

/// Reads the rows of one record kind, in order: earlier rows are remembered, so a row that
/// repeats one is not written twice and ids made from names stay unique.
trait ReadRow {
    fn row(&mut self, r: &mut RowReader) -> Outcome;
}

/// Decides every row of `table`; `file` is the spreadsheet as the user named it. The error
/// (the sheet cannot be imported at all: a column map that does not fit it, a column every
/// row needs missing) is one sentence.
pub fn plan(
    records: &Records,
    kind: Kind,
    table: &Table,
    map: Option<&ColumnMap>,
    file: &str,
) -> Result<Plan, String> {
    let columns = columns::map(table, kind.keys(), kind.aliases(), map, kind.noun(2))?;
    needed_columns(kind, table, &columns, file)?;
    let mut plan = Plan {
        ignored: columns
            .ignored
            .iter()
            .map(|&c| table.column_label(c))
            .collect(),
        ..Plan::default()
    };
    let mut reader: Box<dyn ReadRow> = match kind {
        Kind::People => Box::new(people::People::new(records)),
        Kind::Meetings => Box::new(meetings::Meetings::new(records)),
        Kind::Evaluations => Box::new(evaluations::Evaluations::new(records)),
    };
    for row in &table.rows {
        let mut r = RowReader::new(table, &columns, row, file);
        let mut outcome = reader.row(&mut r);
        if !r.problems.is_empty() {
            outcome = Outcome::Refused;
        }
        plan.diagnostics.append(&mut r.problems);
        plan.rows.push(RowOutcome {
            row: row.number,
            outcome,
        });
    }
    refuse_what_the_loader_would(&mut plan, file);
    Ok(plan)
}

fn needed_columns(kind: Kind, table: &Table, columns: &Columns, file: &str) -> Result<(), String> {
    let missing: Vec<&str> = kind
        .needed()
        .iter()
        .copied()
        .filter(|key| columns.get(key).is_none())
        .collect();
    if missing.is_empty() || table.rows.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
    Err(format!(
        "{file} has no column for {}, which every {} needs: head a column with the key's name (e.g. \"{}\"), or name the column in --columns MAP.toml",
        names.join(", "),
        kind.noun(1),
        row::header_for(missing[0])
    ))
}

/// Checks each record about to be written with the loader's own reading of its place, so
/// nothing is written that `check` would refuse. What it finds refuses the row; it would be
/// a bug in the import's own checks, which come first and point at the cell.
fn refuse_what_the_loader_would(plan: &mut Plan, file: &str) {
    let refused: Vec<(usize, Vec<Diagnostic>)> = plan
        .rows
        .par_iter()
        .enumerate()
        .filter_map(|(k, row)| match &row.outcome {
            Outcome::New(draft) => {
                let problems = crate::load::problems_of(&draft.places[0], &draft.contents);
                (!problems.is_empty()).then_some((k, problems))
            }
            _ => None,
        })
        .collect();
    for (k, problems) in refused {
        let row = &mut plan.rows[k];
        row.outcome = Outcome::Refused;
        for problem in problems {
            let message = format!(
                "row {}: the record would not pass `check`: {}",
                row.row, problem.message
            );
            let at = Pos::new(row.row, 1);
            let place = crate::place::Place::Spreadsheet {
                path: file.to_owned(),
            };
            let d = Diagnostic::structure(Rule::Schema, place, file, at, message, None);
            plan.diagnostics.push(d.whole_file());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_the_loader_would_refuse_is_not_written() {
        let draft = |text: &str| Outcome::New(Draft::at("people/jo.yaml".into(), text.into()));
        let mut plan = Plan {
            rows: vec![
                RowOutcome {
                    row: 2,
                    outcome: draft("name: Jo\nroles: [representative]\n"),
                },
                RowOutcome {
                    row: 3,
                    outcome: draft("name: Jo\nroles: [tutor]\n"),
                },
            ],
            ..Plan::default()
        };
        refuse_what_the_loader_would(&mut plan, "p.csv");
        assert!(matches!(plan.rows[0].outcome, Outcome::New(_)));
        assert_eq!(plan.rows[1].outcome, Outcome::Refused);
        let d = &plan.diagnostics[0];
        assert_eq!((d.file.as_str(), d.pos), ("p.csv", Pos::new(3, 1)));
        assert!(
            d.message
                .starts_with("row 3: the record would not pass `check`: "),
            "{}",
            d.message
        );
    }
}
