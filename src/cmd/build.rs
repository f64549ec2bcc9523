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
    let files = render::render(&site, guidelines, &templates, &links)?;
    progress.step("checking every page for confidential values");

    let public = render::guard::public_values(&records);
    let explanations: Vec<&str> = crate::rules::ALL
        .iter()
        .map(|r| crate::rules::explain::explanation(*r))
        .collect();
    let mut public_text: Vec<&str> = vec![&public];
    public_text.extend(guidelines);
    public_text.extend(templates.builtin_sources.iter().copied());
    public_text.extend(explanations);
    let guard = Guard::new(&records, &public_text);
    let mut leaks: Vec<_> = files
        .par_iter()
        .filter_map(|(path, bytes)| guard.scan(path, bytes))
        .collect();
    if !leaks.is_empty() {
        leaks.sort_by(|a, b| a.output.cmp(&b.output));
        for leak in &leaks {
            eprintln!(
                "error: privacy guard: {} would contain a confidential value ({}) from {}",
                leak.output, leak.what, leak.record
            );
        }
        return Err(Error::Leak { files: leaks.len() });
    }

    progress.step(&format!("writing {} files", files.len()));
    let written = render::output::write(&args.out, &files)?;
    drop(progress);
    println!(
        "built {} ({} files: {} written, {} unchanged, {} removed) as of {as_of}; {} errors, {} warnings in the records",
        args.out.display(),
        files.len(),
        written.written,
        written.unchanged,
        written.removed,
        findings.errors(),
        findings.warnings()
    );
    Ok(0)
}
