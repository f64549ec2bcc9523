//! `mentorbook status`: load the records and print what is due, most urgent first.

use crate::cli::{StatusArgs, StatusFormat};
use crate::due;
use crate::error::Result;
use crate::report::Styling;

pub fn run(args: &StatusArgs) -> Result<u8> {
    let root = &args.records.records;
    let records = crate::load::load(root, &root.to_string_lossy())?.records;
    let as_of = records.config.as_of(args.records.as_of);
    let report = due::report(&records, as_of);
    if report.unreadable > 0 {
        eprintln!(
            "note: {} could not be read and {} left out; `mentorbook check` names the problems",
            crate::diagnostics::plural(report.unreadable, "relationship"),
            if report.unreadable == 1 { "is" } else { "are" }
        );
    }
    let output = match args.format {
        StatusFormat::Table => due::table(&report, Styling::detect(args.color).color),
        StatusFormat::Json => due::json(&report),
        StatusFormat::Ics => due::ics(&report, &records.config.name),
        StatusFormat::Markdown => due::markdown(&report),
    };
    super::print(&output);
    Ok(0)
}
