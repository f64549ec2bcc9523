//! Which column gives which record key. A header names a key when it spells it with any
//! letter case, spaces, `_`, `-` or `.` (`Library since`, `membership number`); other
//! headers ("What is your full name?") are named in a `--columns MAP.toml` file:
//!
//! ```toml
//! [columns]
//! name = "What is your full name?"
//! ```
//!
//! Columns that give no key (a form's `Timestamp`) are ignored, and named once in a note.

use super::sheet::{Cell, Table};
use crate::suggest::did_you_mean;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The column of each key, and the columns that give none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    pub of_key: BTreeMap<&'static str, usize>,
    pub ignored: Vec<usize>,
}

impl Columns {
    pub fn get(&self, key: &str) -> Option<usize> {
        self.of_key.get(key).copied()
    }
}

/// `--columns MAP.toml`: each key with the header of its column, and the line it is on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnMap {
    pub file: String,
    pub entries: Vec<(String, String, u32)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    columns: BTreeMap<String, toml::Spanned<String>>,
}

impl ColumnMap {
    /// Reads MAP.toml; the error is one sentence naming the file and line.
    pub fn parse(text: &str, file: &str) -> Result<ColumnMap, String> {
        let parsed: MapFile = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|span| crate::source::position(text, span.start));
            let place = at.map_or(String::new(), |p| format!(":{}:{}", p.line, p.column));
            let why = e.message().trim_end_matches('\n');
            format!(
                "{file}{place}: {why}: the file holds `[columns]` and then lines `key = \"header\"`"
            )
        })?;
        let entries = parsed
            .columns
            .into_iter()
            .map(|(key, header)| {
                let line = crate::source::position(text, header.span().start).line;
                (key, header.into_inner(), line)
            })
            .collect();
        Ok(ColumnMap {
            file: file.to_owned(),
            entries,
        })
    }
}

/// A header with case, spaces, `_`, `-` and `.` taken out: `Library since` → `librarysince`.
pub fn squash(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Maps the table's columns to `keys` (`aliases` are other spellings of a key, such as
/// `role` for `roles`); `what` names the records for messages ("people").
pub fn map(
    table: &Table,
    keys: &'static [&'static str],
    aliases: &[(&str, &'static str)],
    given: Option<&ColumnMap>,
    what: &str,
) -> Result<Columns, String> {
    let mut columns = Columns::default();
    let mut mapped = vec![false; table.headers.len()];
    if let Some(given) = given {
        for (key, header, line) in &given.entries {
            let place = format!("{}:{line}", given.file);
            let key = known_key(keys, key).ok_or_else(|| {
                let hint = did_you_mean(key, keys.iter().copied())
                    .map_or(String::new(), |k| format!("did you mean `{k}`? "));
                format!(
                    "{place}: `{key}` is not a column key for {what}: {hint}the keys are {}",
                    keys.join(", ")
                )
            })?;
            let column = table
                .headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(header.trim()))
                .ok_or_else(|| {
                    format!(
                        "{place}: no column is headed \"{header}\"; the headers are {}",
                        headers(table)
                    )
                })?;
            if mapped[column] {
                return Err(format!(
                    "{place}: {} is mapped to two keys: map each column once",
                    table.column_label(column)
                ));
            }
            mapped[column] = true;
            columns.of_key.insert(key, column);
        }
    }
    let mut by_header: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (column, header) in table.headers.iter().enumerate() {
        if mapped[column] {
            continue;
        }
        let squashed = squash(header);
        let key = keys
            .iter()
            .copied()
            .find(|k| squash(k) == squashed)
            .or_else(|| {
                aliases
                    .iter()
                    .find(|(a, _)| squash(a) == squashed)
                    .map(|(_, k)| *k)
            });
        match key {
            Some(key) if !columns.of_key.contains_key(key) => {
                if let Some(first) = by_header.insert(key, column) {
                    return Err(format!(
                        "{} and {} both give `{key}`: rename one, or name the one to use in --columns MAP.toml",
                        table.column_label(first),
                        table.column_label(column)
                    ));
                }
            }
            _ if header.trim().is_empty() && !has_values(table, column) => {}
            _ => columns.ignored.push(column),
        }
    }
    columns.of_key.extend(by_header);
    Ok(columns)
}

fn known_key(keys: &'static [&'static str], key: &str) -> Option<&'static str> {
    keys.iter().copied().find(|k| *k == key)
}

fn has_values(table: &Table, column: usize) -> bool {
    table
        .rows
        .iter()
        .any(|row| !matches!(row.cell(column), Cell::Empty))
}

fn headers(table: &Table) -> String {
    let names: Vec<String> = table
        .headers
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| format!("\"{h}\""))
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_squashed() {
        assert_eq!(squash("Library since"), "librarysince");
        assert_eq!(squash("membership.number"), "membershipnumber");
        assert_eq!(squash(" Public-Library "), "publiclibrary");
        assert_eq!(squash("field_since"), "fieldsince");
    }

    #[test]
    fn a_map_names_its_line() {
        let map = ColumnMap::parse("[columns]\nname = \"Full name\"\n", "map.toml").unwrap();
        assert_eq!(map.entries, [("name".into(), "Full name".into(), 2)]);
        let bad = ColumnMap::parse("[columns]\nname = 3\n", "map.toml").unwrap_err();
        assert!(bad.starts_with("map.toml:2:"), "{bad}");
    }
}
