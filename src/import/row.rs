//! One spreadsheet row read key by key: each value converted as its key needs, every
//! problem of the row reported at once, at `FILE:ROW:COLUMN` as the spreadsheet shows them,
//! with the column's letter and header and what to fix.

use super::cells::Convert;
use super::columns::Columns;
use super::sheet::{Cell, Row, Table};
use crate::diagnostics::{Diagnostic, Pos};
use crate::place::Place;
use crate::rules::Rule;

pub struct RowReader<'a> {
    table: &'a Table,
    columns: &'a Columns,
    pub row: &'a Row,
    /// The spreadsheet as the user named it.
    pub file: &'a str,
    /// The relationship the row belongs to, once known (meetings and evaluations).
    pub relationship: Option<String>,
    pub problems: Vec<Diagnostic>,
}

impl<'a> RowReader<'a> {
    pub fn new(table: &'a Table, columns: &'a Columns, row: &'a Row, file: &'a str) -> Self {
        RowReader {
            table,
            columns,
            row,
            file,
            relationship: None,
            problems: Vec::new(),
        }
    }

    /// The key's column and its cell, when the sheet has the column and the cell a value.
    fn cell(&self, key: &str) -> Option<(usize, &'a Cell)> {
        let column = self.columns.get(key)?;
        let cell = self.row.cell(column);
        (!cell.is_blank()).then_some((column, cell))
    }

    pub fn has(&self, key: &str) -> bool {
        self.cell(key).is_some()
    }

    /// The key's value, or `None` when its cell is empty or refused (reported).
    pub fn optional<T>(&mut self, key: &str, convert: Convert<T>) -> Option<T> {
        let (column, cell) = self.cell(key)?;
        match convert(cell) {
            Ok(value) => Some(value),
            Err(refusal) => {
                let message = format!("`{key}` {}", refusal.message);
                self.report(Some(column), message, refusal.help);
                None
            }
        }
    }

    /// The key's value; an empty cell or a missing column is reported as missing, `why`
    /// completing "required …" (e.g. "for mentors").
    pub fn required<T>(&mut self, key: &str, convert: Convert<T>, why: &str) -> Option<T> {
        if !self.has(key) {
            self.missing(key, why);
            return None;
        }
        self.optional(key, convert)
    }

    pub fn missing(&mut self, key: &str, why: &str) {
        let why = if why.is_empty() {
            String::new()
        } else {
            format!(" {why}")
        };
        match self.columns.get(key) {
            Some(column) => self.report(
                Some(column),
                format!("`{key}` is empty; it is required{why}"),
                Some("fill in the cell".into()),
            ),
            None => self.report(
                None,
                format!("no column gives `{key}`, which is required{why}"),
                Some(format!(
                    "add a column headed \"{}\", or name the column that has it in --columns MAP.toml",
                    header_for(key)
                )),
            ),
        }
    }

    /// A problem with the key's cell (or with the row, when no column gives the key).
    pub fn refuse(&mut self, key: &str, message: String, help: Option<String>) {
        let column = self.columns.get(key);
        self.report(column, message, help);
    }

    fn report(&mut self, column: Option<usize>, message: String, help: Option<String>) {
        let (number, place) = match column {
            Some(column) => (
                self.table.column_number(column),
                format!(
                    "row {}, {}",
                    self.row.number,
                    self.table.column_label(column)
                ),
            ),
            None => (1, format!("row {}", self.row.number)),
        };
        // No snippet: the report would read a line of the spreadsheet file as text, and an
        // .xlsx file is binary.
        let spreadsheet = Place::Spreadsheet {
            path: self.file.to_owned(),
        };
        let at = Pos::new(self.row.number, number);
        let message = format!("{place}: {message}");
        let d = Diagnostic::structure(Rule::Schema, spreadsheet, self.file, at, message, help)
            .whole_file()
            .in_relationship(self.relationship.as_deref());
        self.problems.push(d);
    }
}

/// How a column for `key` would be headed: `membership_expires` → "Membership expires".
pub fn header_for(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}
