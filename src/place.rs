//! Where a file is, in the records layout's own terms (records.md, "Layout"): which record of
//! which relationship or person, or a path the layout does not allow and the part of the
//! tree it is in. Diagnostics carry a `Place`, so later stages — `check --base` matching
//! problems, the dashboard deciding what it may name — ask typed questions instead of
//! splitting path strings. A leaf module.

use crate::dates::Quarter;
use chrono::NaiveDate;

/// A file (or folder) under `records/`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Program,
    Guidelines,
    Person {
        id: String,
    },
    Relationship {
        id: String,
    },
    Agreement {
        id: String,
    },
    Meeting {
        id: String,
        date: NaiveDate,
        sequence: u32,
    },
    Evaluation {
        id: String,
        quarter: Quarter,
    },
    /// A path the layout does not allow, a misnamed one, or one that cannot be read: its
    /// name is whatever someone typed, so only its area is safe to show.
    Misplaced {
        area: Area,
        path: String,
    },
    /// A file outside the records folder: the spreadsheet `import` reads.
    Spreadsheet {
        path: String,
    },
}

/// The part of the records tree a misplaced path is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// Directly under `records/`, or somewhere unknown.
    Records,
    People,
    Relationships,
    /// Inside the folder of a relationship (a valid id).
    Relationship(String),
}

impl Area {
    /// The area of a path given as its components inside `records/`.
    pub fn of(parts: &[&str]) -> Area {
        match parts {
            ["people", _, ..] => Area::People,
            ["relationships", id, _, ..] if crate::place::is_valid_id(id) => {
                Area::Relationship((*id).to_owned())
            }
            ["relationships", _, ..] => Area::Relationships,
            _ => Area::Records,
        }
    }
}

impl Place {
    /// The relationship a file belongs to, for diagnostics.
    pub fn relationship(&self) -> Option<&str> {
        match self {
            Place::Relationship { id }
            | Place::Agreement { id }
            | Place::Meeting { id, .. }
            | Place::Evaluation { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The person whose record this is.
    pub fn person(&self) -> Option<&str> {
        match self {
            Place::Person { id } => Some(id),
            _ => None,
        }
    }

    /// The path inside `records/`, with `/` separators (a folder ends in `/`).
    pub fn path(&self) -> String {
        match self {
            Place::Program => "program.toml".into(),
            Place::Guidelines => "guidelines.md".into(),
            Place::Person { id } => format!("people/{id}.yaml"),
            Place::Relationship { id } => format!("relationships/{id}/relationship.yaml"),
            Place::Agreement { id } => format!("relationships/{id}/agreement.md"),
            Place::Meeting { id, date, sequence } => match sequence {
                1 => format!("relationships/{id}/meetings/{}.md", date.format("%Y-%m-%d")),
                n => format!(
                    "relationships/{id}/meetings/{}-{n}.md",
                    date.format("%Y-%m-%d")
                ),
            },
            Place::Evaluation { id, quarter } => {
                format!("relationships/{id}/evaluations/{quarter}.yaml")
            }
            Place::Misplaced { path, .. } | Place::Spreadsheet { path } => path.clone(),
        }
    }
}

/// An id: 1–64 characters of `a-z`, `0-9` and `-`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_layout() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        let meeting = |sequence| Place::Meeting {
            id: "r-1".into(),
            date,
            sequence,
        };
        assert_eq!(
            meeting(1).path(),
            "relationships/r-1/meetings/2026-03-05.md"
        );
        assert_eq!(
            meeting(2).path(),
            "relationships/r-1/meetings/2026-03-05-2.md"
        );
        let quarter = Quarter {
            year: 2026,
            number: 4,
        };
        let evaluation = Place::Evaluation {
            id: "r-1".into(),
            quarter,
        };
        assert_eq!(
            evaluation.path(),
            "relationships/r-1/evaluations/2026-Q4.yaml"
        );
        assert_eq!(
            Area::of(&["relationships", "r-1", "Meetings"]),
            Area::Relationship("r-1".into())
        );
        assert_eq!(
            Area::of(&["relationships", "R 1", "x"]),
            Area::Relationships
        );
        assert_eq!(Area::of(&["people", "Dana.yml"]), Area::People);
        assert_eq!(Area::of(&["notes.txt"]), Area::Records);
    }
}
