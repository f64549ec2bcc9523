//! Cell values read the way spreadsheet users write them: dates as `YYYY-MM-DD`, `M/D/YYYY`
//! (the United States form) or a date cell; yes/no, true/false and checkbox cells; choices
//! in any letter case and with spaces for dashes (`In person`); lists separated by `;` or
//! `,`. Each conversion says, when it refuses a value, what would be accepted.

use super::sheet::{Cell, number_text};
use crate::model::{Choice, Quarter};
use crate::suggest::did_you_mean;
use chrono::NaiveDate;

/// Why a value was refused: completes "`key` …", with a hint for the fix.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub message: String,
    pub help: Option<String>,
}

impl Refusal {
    fn new(message: impl Into<String>, help: Option<String>) -> Refusal {
        Refusal {
            message: message.into(),
            help,
        }
    }
}

pub type Convert<T> = fn(&Cell) -> Result<T, Refusal>;

/// Free text on any number of lines; a number cell as it is shown (`10234`).
pub fn text(cell: &Cell) -> Result<String, Refusal> {
    match cell {
        Cell::Invalid(why) => Err(Refusal::new(
            format!("is {why}"),
            Some("type the value into the cell".into()),
        )),
        other => Ok(other.shown()),
    }
}

/// Text on one line: a name.
pub fn line(cell: &Cell) -> Result<String, Refusal> {
    let text = text(cell)?;
    if text.contains(['\n', '\r']) {
        return Err(Refusal::new(
            "must be on one line",
            Some("remove the line breaks from the cell".into()),
        ));
    }
    Ok(text)
}

pub fn date(cell: &Cell) -> Result<NaiveDate, Refusal> {
    let help = || {
        Some(
            "write it as YYYY-MM-DD (2027-01-15) or M/D/YYYY (1/15/2027), or make it a date cell"
                .into(),
        )
    };
    match cell {
        Cell::Date(day) => Ok(*day),
        Cell::Text(text) => text_date(text.trim()).ok_or_else(|| {
            Refusal::new(
                format!("must be a date; found `{}`", text.trim().escape_debug()),
                help(),
            )
        }),
        Cell::Number(n) => Err(Refusal::new(
            format!("must be a date; found the number {}", number_text(*n)),
            help(),
        )),
        other => Err(Refusal::new(
            format!("must be a date; found {}", described(other)),
            help(),
        )),
    }
}

/// `YYYY-MM-DD` (with a time after it, as forms write timestamps) or `M/D/YYYY`.
fn text_date(text: &str) -> Option<NaiveDate> {
    let day = match text.get(10..11) {
        Some("T" | " ") => &text[..10],
        _ => text,
    };
    if let Ok(day) = crate::load::parse_date(day) {
        return Some(day);
    }
    let parts: Vec<&str> = text.split('/').collect();
    let [month, day, year] = parts.as_slice() else {
        return None;
    };
    let digits =
        |s: &str, most| !s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(month, 2) && digits(day, 2) && year.len() == 4 && digits(year, 4)) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

const YES: &[&str] = &["yes", "y", "true", "1", "x", "checked", "✓", "✔", "☑"];
const NO: &[&str] = &["no", "n", "false", "0", "unchecked", "☐"];

pub fn boolean(cell: &Cell) -> Result<bool, Refusal> {
    let help = Some("write yes or no (or true or false), or use a checkbox".into());
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 || *n == 0.0 => Ok(*n == 1.0),
        Cell::Text(text) => {
            let word = text.trim().to_lowercase();
            if YES.contains(&word.as_str()) {
                Ok(true)
            } else if NO.contains(&word.as_str()) {
                Ok(false)
            } else {
                Err(Refusal::new(
                    format!("must be yes or no; found `{}`", text.trim().escape_debug()),
                    help,
                ))
            }
        }
        other => Err(Refusal::new(
            format!("must be yes or no; found {}", described(other)),
            help,
        )),
    }
}

/// A choice written any way a person would: `In person`, `ON_TRACK`, `Mentee`.
pub fn spelled(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

pub fn choice<T: Choice>(cell: &Cell) -> Result<T, Refusal> {
    let names: Vec<&str> = T::CHOICES.iter().map(|(name, _)| *name).collect();
    one_of(cell, &names).map(|name| T::parse(name).unwrap_or(T::CHOICES[0].1))
}

/// One of `names`, as `spelled` writes it; returns the name.
pub fn one_of<'n>(cell: &Cell, names: &[&'n str]) -> Result<&'n str, Refusal> {
    let found = text(cell)?;
    let wanted = spelled(&found);
    names
        .iter()
        .copied()
        .find(|name| spelled(name) == wanted)
        .ok_or_else(|| {
            let help = did_you_mean(&wanted, names.iter().copied())
                .map(|n| format!("did you mean `{n}`?"));
            Refusal::new(
                format!(
                    "must be one of {}; found `{}`",
                    names.join(", "),
                    found.escape_debug()
                ),
                help,
            )
        })
}

/// The items of a list cell: split at `;` or line breaks when it has any, else at `,`.
pub fn list(cell: &Cell) -> Result<Vec<String>, Refusal> {
    let text = text(cell)?;
    let items: Vec<&str> = if text.contains([';', '\n']) {
        text.split([';', '\n']).collect()
    } else {
        text.split(',').collect()
    };
    Ok(items
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect())
}

/// Each item of a list cell as one of the choices, in their order, without repeats.
pub fn choices<T: Choice + Ord>(cell: &Cell) -> Result<Vec<T>, Refusal> {
    let mut values = Vec::new();
    for item in list(cell)? {
        values.push(choice::<T>(&Cell::Text(item)).map_err(|r| Refusal {
            message: format!("has an item that {}", r.message),
            help: r.help,
        })?);
    }
    values.sort();
    values.dedup();
    Ok(values)
}

pub fn whole_number(cell: &Cell) -> Result<u32, Refusal> {
    let n = match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(text) => text.trim().parse::<f64>().ok(),
        _ => None,
    };
    n.filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
        .map(|n| n as u32)
        .ok_or_else(|| {
            Refusal::new(
                format!(
                    "must be a whole number of at least 1; found `{}`",
                    cell.shown()
                ),
                None,
            )
        })
}

/// `2026-Q4`, also `2026 Q4`, `Q4 2026` or `2026q4`.
pub fn quarter(cell: &Cell) -> Result<Quarter, Refusal> {
    let found = text(cell)?;
    let squashed: String = found
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    let (year, number) = match squashed.split_once('Q') {
        Some(("", rest)) if rest.len() == 5 => (&rest[1..], &rest[..1]),
        Some((year, number)) => (year, number),
        None => ("", ""),
    };
    let quarter = (year.len() == 4 && number.len() == 1)
        .then(|| {
            Some(Quarter {
                year: year.parse().ok()?,
                number: number.parse().ok()?,
            })
        })
        .flatten()
        .filter(|q| (1..=4).contains(&q.number));
    quarter.ok_or_else(|| {
        Refusal::new(
            format!(
                "must be a calendar quarter; found `{}`",
                found.escape_debug()
            ),
            Some("write it as YYYY-Qn, e.g. 2026-Q4".into()),
        )
    })
}

fn described(cell: &Cell) -> String {
    match cell {
        Cell::Bool(_) => format!("the checkbox value {}", cell.shown()),
        Cell::Date(day) => format!("the date {day}"),
        Cell::Invalid(why) => why.clone(),
        Cell::Number(n) => format!("the number {}", number_text(*n)),
        Cell::Text(text) => format!("`{}`", text.escape_debug()),
        Cell::Empty => "nothing".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PublicLibrary, Role};

    fn t(text: &str) -> Cell {
        Cell::Text(text.into())
    }

    #[test]
    fn dates_in_every_form() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        for cell in [
            t("2027-01-05"),
            t("1/5/2027"),
            t("01/05/2027"),
            t("2027-01-05T10:30:00"),
            Cell::Date(day),
        ] {
            assert_eq!(date(&cell), Ok(day), "{cell:?}");
        }
        for cell in [
            t("5.1.2027"),
            t("2/30/2027"),
            t("1/5/27"),
            t("2027-1-5"),
            Cell::Number(46000.0),
        ] {
            assert!(date(&cell).is_err(), "{cell:?}");
        }
    }

    #[test]
    fn booleans_choices_lists_and_quarters() {
        assert_eq!(boolean(&t(" Yes ")), Ok(true));
        assert_eq!(boolean(&Cell::Bool(false)), Ok(false));
        assert_eq!(boolean(&t("FALSE")), Ok(false));
        assert!(boolean(&t("maybe")).is_err());
        assert_eq!(
            one_of(&t("In person"), &["in-person", "email"]),
            Ok("in-person")
        );
        assert_eq!(
            choice::<PublicLibrary>(&t("Current")),
            Ok(PublicLibrary::Current)
        );
        let wrong = choice::<PublicLibrary>(&t("currnt")).unwrap_err();
        assert_eq!(wrong.help.as_deref(), Some("did you mean `current`?"));
        assert_eq!(
            choices::<Role>(&t("Mentor, mentee")),
            Ok(vec![Role::Mentor, Role::Mentee])
        );
        assert_eq!(
            list(&t("budgeting; youth services, teens")).unwrap(),
            ["budgeting", "youth services, teens"]
        );
        assert_eq!(
            list(&t("budgeting, grants")).unwrap(),
            ["budgeting", "grants"]
        );
        let q4 = Quarter {
            year: 2026,
            number: 4,
        };
        for text in ["2026-Q4", "2026 q4", "Q4 2026", "2026Q4"] {
            assert_eq!(quarter(&t(text)), Ok(q4), "{text}");
        }
        assert!(quarter(&t("2026-Q5")).is_err());
        assert_eq!(whole_number(&Cell::Number(45.0)), Ok(45));
        assert!(whole_number(&t("0")).is_err());
    }
}
