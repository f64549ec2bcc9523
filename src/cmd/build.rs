//! `mentorbook build`: load and check the records, build the public view, render every page,
//! guard it, and write the site.

use crate::cli::BuildArgs;
use crate::diagnostics::Findings;
use crate::error::{Error, Result};
use crate::render::{self, Links, guard::Guard, templates::Templates};
use rayon::prelude::*;

pub fn run(args: &BuildArgs) -> Result<u8> {
    let mut progress = crate::progress::Progress::new();
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
    let site = crate::view::build(&records, &findings, as_of, render::git::last_changed(root));
    let templates = Templates::load(Some(&args.templates))?;
    let guidelines = records
        .guidelines
        .as_ref()
        .and_then(|g| g.record.as_deref());
    let links = Links {
        base_url: args.base_url.clone(),
    };
    progress.step(&format!(
        "rendering {} relationship pages",
        site.relationships.len()
    ));
    let target = render::output::prepare(&args.out)?;
    let pages = render::Pages::new(&site, guidelines, &templates, &links);
    let guard = guard(&records, guidelines, &templates);
    // Each file is rendered, guarded and handed to the target in one parallel pass, so a
    // large program never holds every page in memory.
    let outcomes: Vec<Outcome> = pages
        .jobs
        .par_iter()
        .map(|job| {
            let bytes = pages.render(job)?;
            if let Some(leak) = guard.scan(&job.path, &bytes) {
                return Ok(Outcome::Leak(leak));
            }
            Ok(match target.accept(&job.path, bytes)? {
                Some(changed) => Outcome::Changed(changed),
                None => Outcome::Kept,
            })
        })
        .collect::<Result<_>>()
        .inspect_err(|_| ())?;
    let mut leaks = Vec::new();
    let mut changed = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Leak(leak) => leaks.push(leak),
            Outcome::Changed(file) => changed.push(file),
            Outcome::Kept => {}
        }
    }
    if !leaks.is_empty() {
        target.abandon();
        leaks.sort_by(|a, b| a.output.cmp(&b.output));
        for leak in &leaks {
            eprintln!(
                "error: privacy guard: {} would contain a confidential value ({}) from {}",
                leak.output, leak.what, leak.record
            );
        }
        return Err(Error::Leak { files: leaks.len() });
    }
    progress.step("writing the site");
    let paths: std::collections::BTreeSet<String> =
        pages.jobs.iter().map(|j| j.path.clone()).collect();
    let written = target.commit(changed, &paths)?;
    drop(progress);
    println!(
        "built {} ({} files: {} written, {} unchanged, {} removed) as of {as_of}; {} errors, {} warnings in the records",
        args.out.display(),
        paths.len(),
        written.written,
        written.unchanged,
        written.removed,
        findings.errors(),
        findings.warnings()
    );
    Ok(0)
}

/// The privacy guard: every confidential value of the records, less those in public text
/// (public fields, guidelines, the built-in templates, the rule explanations).
fn guard(
    records: &crate::model::Records,
    guidelines: Option<&str>,
    templates: &Templates,
) -> Guard {
    let public = render::guard::public_values(records);
    let mut public_text: Vec<&str> = vec![&public];
    public_text.extend(guidelines);
    public_text.extend(templates.builtin_sources.iter().copied());
    public_text.extend(
        crate::rules::ALL
            .iter()
            .map(|r| crate::rules::explain::explanation(*r)),
    );
    Guard::new(records, &public_text)
}

/// What happened to one file of the site.
enum Outcome {
    Leak(render::guard::Leak),
    Changed((String, Vec<u8>)),
    Kept,
}
