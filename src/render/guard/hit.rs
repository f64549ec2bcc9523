//! A hit, and how `build` and `serve` say it: the output file, the record file and key the
//! value came from and, when it lies inside a public value, that value's file and key —
//! never the value, and never the file of a person who has not consented by its name.

use super::inputs::RecordFile;
use crate::model::secrets::{Class, Key};
use std::fmt;

/// A watched value found in an output file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The output file, inside the site. When the value is in the file's name, each part of
    /// the name that holds it is shown as `…`.
    pub output: String,
    pub in_file_name: bool,
    pub class: Class,
    /// The record file the value came from, and its key.
    pub record: RecordFile,
    pub key: Key,
    /// The public value (file and key) or `guidelines.md` the value was typed into, if any.
    pub inside: Option<(RecordFile, Option<Key>)>,
}

/// The name `build` and `serve` have always used for a hit.
pub type Leak = Hit;

impl fmt::Display for RecordFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordFile::Path(path) => f.write_str(path),
            RecordFile::WithoutConsent { .. } => {
                f.write_str("the file of a person who has not consented")
            }
        }
    }
}

impl Hit {
    /// One line for `build`'s stderr and `serve`'s error page: where, never the value.
    pub fn describe(&self) -> String {
        format!("privacy guard: {}", describe(self))
    }
}

/// One line for a hit, as `build` prints it and `serve`'s error page shows it:
/// "relationships/r-2026-001/index.html would contain a confidential value from
/// records/people/sam-ortiz.yaml (key email), inside the public value of
/// records/people/dana-whitfield.yaml (key position)".
pub fn describe(hit: &Hit) -> String {
    let what = match hit.class {
        Class::Always => "a confidential value",
        Class::WithoutConsent => "a value its person has not consented to publish",
    };
    let output = if hit.in_file_name {
        format!("the name of {}", hit.output)
    } else {
        hit.output.clone()
    };
    let mut line = format!(
        "{output} would contain {what} from {} (key {})",
        hit.record, hit.key
    );
    match &hit.inside {
        Some((file, Some(key))) => line.push_str(&format!(
            ", typed inside the public value of {file} (key {key})"
        )),
        Some((file, None)) => line.push_str(&format!(", typed inside {file}")),
        None => {}
    }
    line
}
