//! `mentorbook build`: prepare the site (`crate::site`) and write it into `--out`.

use crate::cli::BuildArgs;
use crate::diagnostics::plural;
use crate::error::Result;
use crate::site::{Options, Site};

pub fn run(args: &BuildArgs) -> Result<u8> {
    let mut progress = crate::progress::Progress::new();
    let site = Site::load(&Options {
        records: args.records.records.clone(),
        as_of: args.records.as_of,
        templates: args.templates.clone(),
        base_url: args.base_url.clone(),
        revision: args.rev.clone(),
    })?;
    progress.step(&format!(
        "rendering {} relationship pages",
        site.view.relationships.len()
    ));
    let (written, files) = site.write(&args.out)?;
    drop(progress);
    super::say!(
        "built {} ({files} files: {} written, {} unchanged, {} removed) as of {}; {}, {} in the records",
        args.out.display(),
        written.written,
        written.unchanged,
        written.removed,
        site.as_of,
        plural(site.findings.errors(), "error"),
        plural(site.findings.warnings(), "warning")
    );
    super::exit_without_freeing(site);
    Ok(0)
}
