//! A spreadsheet as rows of cells: a `.csv` file (the `csv` crate) or one sheet of an
//! `.xlsx` workbook (`calamine`). The first row holds the headers. Row and column numbers
//! are the ones the spreadsheet shows, so a refused row can be found where it is typed:
//! row 1 is the header row, blank rows count, and a line break inside a quoted CSV cell
//! does not.

use chrono::NaiveDate;
use std::path::Path;

/// A spreadsheet this large is not a form export: refuse it rather than read it all.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One cell's value, as the spreadsheet typed it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A checkbox or TRUE/FALSE cell.
    Bool(bool),
    /// A date cell.
    Date(NaiveDate),
    /// An error cell (`#N/A`) or a date cell that names no day: what to say about it.
    Invalid(String),
}

impl Cell {
    /// Empty, or text that is only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as the spreadsheet shows it, for messages.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Date(day) => day.to_string(),
            Cell::Invalid(why) => why.clone(),
        }
    }
}

/// A number as a person writes it: `10234`, not `10234.0`.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The row number the spreadsheet shows (the header row is 1).
    pub number: u32,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// A spreadsheet's headers and data rows; rows with no value at all are left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The 0-based index of the table's first column in the sheet (a used range may start
    /// right of column A), so that column letters are the sheet's.
    pub first_column: u32,
}

impl Table {
    /// "column C (Email)": the letter the spreadsheet shows, and the header.
    pub fn column_label(&self, column: usize) -> String {
        let letter = column_letter(self.first_column + column as u32);
        match self.headers.get(column).map(|h| h.trim()) {
            Some(header) if !header.is_empty() => format!("column {letter} ({header})"),
            _ => format!("column {letter}"),
        }
    }

    /// The 1-based column number the spreadsheet shows.
    pub fn column_number(&self, column: usize) -> u32 {
        self.first_column + column as u32 + 1
    }
}

/// `A`, …, `Z`, `AA`, … for a 0-based column index.
pub fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Why a spreadsheet could not be read at all: one sentence, naming what to do.
pub type Unreadable = String;

/// Reads `path` by its extension; `sheet` picks a workbook's sheet (default: the first).
pub fn read(path: &Path, shown: &str, sheet: Option<&str>) -> Result<Table, Unreadable> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{shown} cannot be read: {e}"))?
        .len();
    if size > MAX_BYTES {
        return Err(format!(
            "{shown} is over {} MiB, far larger than a form export: check that it is the right file",
            MAX_BYTES >> 20
        ));
    }
    match extension.as_str() {
        "csv" if sheet.is_some() => Err(format!(
            "{shown} is a CSV file, which has no sheets: leave out --sheet"
        )),
        "csv" => csv_table(path, shown),
        "xlsx" | "xlsm" => xlsx_table(path, shown, sheet),
        _ => Err(format!(
            "{shown} is not a .csv or .xlsx file: save the spreadsheet as CSV UTF-8 or as an Excel workbook (.xlsx)"
        )),
    }
}

fn csv_table(path: &Path, shown: &str) -> Result<Table, Unreadable> {
    let bytes = std::fs::read(path).map_err(|e| format!("{shown} cannot be read: {e}"))?;
    let text = crate::source::decode(&bytes).map_err(|pos| {
        format!(
            "{shown}:{}:{}: the file is not UTF-8 text: in Excel, save it as \"CSV UTF-8 (Comma delimited)\"",
            pos.line, pos.column
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    // csv counts lines; the spreadsheet counts records. A line break inside a quoted cell
    // is a line but not a row, so it is taken off the line number of the records after it.
    let mut breaks_inside_cells = 0u64;
    for record in reader.records() {
        let record = record.map_err(|e| format!("{shown}: {e}"))?;
        let line = record.position().map_or(1, |p| p.line());
        let number = u32::try_from(line - breaks_inside_cells).unwrap_or(u32::MAX);
        breaks_inside_cells += record
            .iter()
            .map(|field| field.matches('\n').count() as u64)
            .sum::<u64>();
        let cells = record
            .iter()
            .map(|field| match field {
                "" => Cell::Empty,
                text => Cell::Text(text.to_owned()),
            })
            .collect();
        grid.push(Row { number, cells });
    }
    Ok(table(grid, 0))
}

/// `,` unless the header line has more `;` (Excel's CSV where the decimal mark is a comma)
/// or tabs.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.matches(c).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b','))
        .unwrap_or(b',')
}

fn xlsx_table(path: &Path, shown: &str, sheet: Option<&str>) -> Result<Table, Unreadable> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut workbook: Xlsx<_> = open_workbook(path).map_err(|e| {
        format!("{shown} cannot be read as an Excel workbook ({e}): open it in a spreadsheet program and save it again as .xlsx")
    })?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
            .ok_or_else(|| {
                format!(
                    "{shown} has no sheet named \"{wanted}\": its sheets are {}",
                    quoted(&names)
                )
            })?,
        None => names
            .first()
            .ok_or_else(|| format!("{shown} has no sheets"))?,
    }
    .clone();
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| format!("{shown}: sheet \"{name}\" cannot be read: {e}"))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let grid = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row + i as u32 + 1,
            cells: cells.iter().map(workbook_cell).collect(),
        })
        .collect();
    Ok(table(grid, first_column))
}

fn quoted(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    names.join(", ")
}

fn workbook_cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(when) if when.is_datetime() => {
            let (year, month, day, ..) = when.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(year.into(), month.into(), day.into()).map_or_else(
                || Cell::Invalid("a date cell that names no real day".into()),
                Cell::Date,
            )
        }
        Data::DateTime(_) | Data::DurationIso(_) => {
            Cell::Invalid("a duration cell, not a date".into())
        }
        Data::DateTimeIso(text) => text
            .get(..10)
            .and_then(|day| crate::load::parse_date(day).ok())
            .map_or_else(|| Cell::Text(text.clone()), Cell::Date),
        Data::Error(e) => Cell::Invalid(format!("an error cell ({e})")),
    }
}

/// The first row is the headers; rows without any value are dropped.
fn table(mut grid: Vec<Row>, first_column: u32) -> Table {
    let headers = if grid.is_empty() {
        Vec::new()
    } else {
        grid.remove(0).cells.iter().map(Cell::shown).collect()
    };
    grid.retain(|row| !row.cells.iter().all(Cell::is_blank));
    Table {
        headers,
        rows: grid,
        first_column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        let letters: Vec<String> = [0, 2, 25, 26, 27, 701, 702].map(column_letter).to_vec();
        assert_eq!(letters, ["A", "C", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn the_delimiter_is_what_the_header_line_uses() {
        assert_eq!(delimiter("Name,Email\n"), b',');
        assert_eq!(delimiter("Name;Email;Roles\n"), b';');
        assert_eq!(delimiter("Name\tEmail\n"), b'\t');
        assert_eq!(delimiter("Name\n"), b',');
    }
}
