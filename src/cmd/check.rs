//! `mentorbook check`: load, run the rules, report.

use crate::cli::{CheckArgs, Deny};
use crate::diagnostics::Findings;
use crate::error::Result;
use crate::report::{self, Styling};
use std::io::Write;

pub fn run(args: &CheckArgs) -> Result<u8> {
    let root = &args.records.records;
    let loaded = crate::load::load(root, &root.to_string_lossy())?;
    let records = loaded.records;
    let as_of = args
        .records
        .as_of
        .or(records.config.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(crate::rules::check(&records, as_of));
    let findings = Findings::resolve(
        diagnostics,
        |rule| records.config.level(rule),
        records.files,
    );
    let styling = Styling::detect(args.color);
    let output = report::render(args.format, &findings, as_of, styling);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure of the check.
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(findings.exit_code(args.deny == Some(Deny::Warnings)))
}
