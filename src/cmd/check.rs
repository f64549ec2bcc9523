//! `mentorbook check`: load, run the rules, report — and with `--base REF`, the same for the
//! records at REF (read from git) with the same as-of, reported as new, fixed or existing.

use crate::cli::{CheckArgs, Deny};
use crate::compare::{Checked, Comparison};
use crate::error::Result;
use crate::load::Loader;
use crate::load::git::{self, AtRevision};
use crate::load::tree::Disk;
use crate::report::{self, Styling};
use chrono::NaiveDate;
use std::path::Path;

pub fn run(args: &CheckArgs) -> Result<u8> {
    let root = &args.records.records;
    let display = root.to_string_lossy();
    // With --base the work tree's parses are reused for the files REF has unchanged.
    let mut loader = match args.base {
        Some(_) => Loader::new(true),
        None => Loader::once(true),
    };
    let loaded = loader.load(&Disk::new(root), &display)?;
    let as_of = loaded.records.config.as_of(args.records.as_of);
    let sources = loaded.sources;
    let now = checked(loaded.records, loaded.diagnostics, as_of);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    let styling = Styling::detect(args.color);
    let (output, code) = match &args.base {
        None => (
            report::render(args.format, &now.findings, &sources, as_of, styling),
            now.findings.exit_code(deny_warnings),
        ),
        Some(reference) => {
            let comparison = compare(root, &display, reference, &now, as_of, &mut loader)?;
            (
                report::render_compared(args.format, &comparison, &sources, as_of, styling),
                comparison.exit_code(deny_warnings),
            )
        }
    };
    super::print(&output);
    super::exit_without_freeing((now, sources, loader));
    Ok(code)
}

/// Runs the rules over loaded records and resolves the program's severities.
fn checked(
    records: crate::model::Records,
    diagnostics: Vec<crate::diagnostics::Diagnostic>,
    as_of: NaiveDate,
) -> Checked {
    let findings = crate::rules::findings(&records, diagnostics, as_of);
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
    loader: &mut Loader,
) -> Result<Comparison> {
    let base = match git::records_at(root, display, reference, "--base")? {
        AtRevision::Absent => Err(format!(
            "there are no records at `{reference}` (no `{display}` folder there): every problem counts as new"
        )),
        AtRevision::Present(tree) => loader
            .load(&tree, display)
            .map(|loaded| checked(loaded.records, loaded.diagnostics, as_of))
            .map_err(|e| {
                format!("the records at `{reference}` could not be read ({e}): every problem counts as new")
            }),
    };
    Ok(match base {
        Ok(base) => Comparison::new(reference, now, Some(&base), None, as_of),
        Err(note) => Comparison::new(reference, now, None, Some(note), as_of),
    })
}
