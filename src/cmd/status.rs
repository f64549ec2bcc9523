//! `mentorbook status`: load the records and print what is due, most urgent first.

use crate::cli::{StatusArgs, StatusFormat};
use crate::due;
use crate::error::Result;
use crate::report::Styling;
use std::io::Write;

pub fn run(args: &StatusArgs) -> Result<u8> {
    let root = &args.records.records;
    let records = crate::load::load(root, &root.to_string_lossy())?.records;
    let as_of = args
        .records
        .as_of
        .or(records.config.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
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
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure.
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(0)
}
