//! `mentorbook check`: load, run the rules, report — and with `--base REF`, the same for the
//! records at REF (read from git) with the same as-of, reported as new, fixed or existing.

use crate::cli::{CheckArgs, Deny};
use crate::compare::git::{self, AtRevision};
use crate::compare::{Checked, Comparison};
use crate::error::Result;
use crate::report::{self, Styling};
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;

pub fn run(args: &CheckArgs) -> Result<u8> {
    let root = &args.records.records;
    let display = root.to_string_lossy();
    let loaded = crate::load::load(root, &display)?;
    let as_of = args
        .records
        .as_of
        .or(loaded.records.config.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let now = checked(loaded, as_of);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    let styling = Styling::detect(args.color);
    let (output, code) = match &args.base {
        None => (
            report::render(args.format, &now.findings, as_of, styling),
            now.findings.exit_code(deny_warnings),
        ),
        Some(reference) => {
            let comparison = compare(root, &display, reference, &now, as_of)?;
            (
                report::render_compared(args.format, &comparison, as_of, styling),
                comparison.exit_code(deny_warnings),
            )
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure of the check.
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    // The process ends here: freeing a large program's records piece by piece would only
    // delay the exit (tens of milliseconds at 80,000 files).
    std::mem::forget(now);
    Ok(code)
}

/// Runs the rules over loaded records and resolves the program's severities.
fn checked(loaded: crate::load::Loaded, as_of: NaiveDate) -> Checked {
    let records = loaded.records;
    let findings = crate::rules::findings(&records, loaded.diagnostics, as_of);
    Checked { records, findings }
}

/// Checks the records at `reference` as if they were here (same display paths, same as-of)
/// and compares. Records absent at REF, or unreadable there (a broken program.toml), leave
/// nothing to compare with: everything is new, and the output says why.
fn compare(
    root: &Path,
    display: &str,
    reference: &str,
    now: &Checked,
    as_of: NaiveDate,
) -> Result<Comparison> {
    let base = match git::records_at(root, display, reference)? {
        AtRevision::Absent => Err(format!(
            "there are no records at `{reference}` (no `{display}` folder there): every problem counts as new"
        )),
        AtRevision::Present(copy) => crate::load::load(copy.path(), display)
            .map(|loaded| checked(loaded, as_of))
            .map_err(|e| {
                format!("the records at `{reference}` could not be read ({e}): every problem counts as new")
            }),
    };
    Ok(match base {
        Ok(base) => Comparison::new(reference, now, Some(&base), None, as_of),
        Err(note) => Comparison::new(reference, now, None, Some(note), as_of),
    })
}
