//! `mentorbook build`: load and check the records, build the public view, render every page,
//! guard it, and write the site. `serve` runs the same pipeline and keeps the files in memory.

use crate::cli::BuildArgs;
use crate::diagnostics::Findings;
use crate::error::{Error, Result};
use crate::render::{self, Job, Links, Pages, guard::Guard, guard::Leak, templates::Templates};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::path::Path;

pub fn run(args: &BuildArgs) -> Result<u8> {
    let mut progress = crate::progress::Progress::new();
    let prepared = Prepared::new(&SiteOptions {
        records: &args.records.records,
        as_of: args.records.as_of,
        templates: &args.templates,
        base_url: args.base_url.clone(),
    })?;
    let as_of = prepared.as_of;
    let findings = &prepared.findings;
    progress.step(&format!(
        "rendering {} relationship pages",
        prepared.site.relationships.len()
    ));
    let target = render::output::prepare(&args.out)?;
    let pages = prepared.pages();
    target.make_folders(pages.jobs.iter().map(|j| j.path.as_str()))?;
    // Each file is rendered, guarded and handed to the target in one parallel pass, so a
    // large program never holds every page in memory.
    let outcomes: Result<Vec<Outcome>> = pages
        .jobs
        .par_iter()
        .map(|job| {
            let bytes = match prepared.render(&pages, job)? {
                Ok(bytes) => bytes,
                Err(leak) => return Ok(Outcome::Leak(leak)),
            };
            Ok(match target.accept(&job.path, bytes)? {
                Some(changed) => Outcome::Changed(changed),
                None => Outcome::Kept,
            })
        })
        .collect::<Result<_>>();
    // A failed render (a template error) leaves `--out` as it was, staging folder and all.
    let outcomes = match outcomes {
        Ok(outcomes) => outcomes,
        Err(error) => {
            target.abandon();
            return Err(error);
        }
    };
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
            eprintln!("error: privacy guard: {}", render::guard::describe(leak));
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
    // The process ends here: freeing the records, the view and the guard piece by piece
    // would only delay the exit.
    std::mem::forget(pages);
    std::mem::forget(prepared);
    Ok(0)
}

/// What one build reads (`build` and `serve` alike).
pub struct SiteOptions<'a> {
    pub records: &'a Path,
    pub as_of: Option<NaiveDate>,
    pub templates: &'a Path,
    pub base_url: Option<String>,
}

/// A build up to its files: the records loaded and checked, their public view, the templates
/// and the privacy guard.
pub struct Prepared {
    pub as_of: NaiveDate,
    pub findings: Findings,
    records: crate::model::Records,
    site: crate::view::Site,
    templates: Templates,
    links: Links,
    guard: Guard,
}

impl Prepared {
    /// Loads and checks the records and the templates; stops on a failure (exit 2).
    pub fn new(options: &SiteOptions) -> Result<Prepared> {
        let root = options.records;
        let loaded = crate::load::load(root, &root.to_string_lossy())?;
        let records = loaded.records;
        let as_of = options
            .as_of
            .or(records.config.as_of)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        // The privacy guard learns every confidential value while the rules run and the
        // view is built: it needs only the records and the built-in (public) templates.
        let (mut guard, rest) = rayon::join(
            || guard(&records, &crate::view::PublicIds::new(&records), as_of),
            || -> Result<_> {
                let findings = crate::rules::findings(&records, loaded.diagnostics, as_of);
                let last_changed = render::git::last_changed(root);
                let site = crate::view::build(&records, &findings, as_of, last_changed);
                let templates = Templates::load(Some(options.templates))?;
                Ok((findings, site, templates))
            },
        );
        let (findings, site, templates) = rest?;
        // A watched date the pages show anyway (a relationship's end, a meeting due) is no leak.
        guard.allow_dates(render::guard::dates_shown(&site));
        Ok(Prepared {
            as_of,
            findings,
            site,
            templates,
            links: Links {
                base_url: options.base_url.clone(),
            },
            guard,
            records,
        })
    }

    /// The site's files, not yet rendered.
    pub fn pages(&self) -> Pages<'_> {
        Pages::new(
            &self.site,
            guidelines(&self.records),
            &self.templates,
            &self.links,
        )
    }

    /// One file, rendered and guarded: its bytes, or the confidential value found in them.
    pub fn render(&self, pages: &Pages, job: &Job) -> Result<std::result::Result<Vec<u8>, Leak>> {
        let bytes = pages.render(job)?;
        Ok(match self.guard.scan(&job.path, &bytes) {
            Some(leak) => Err(leak),
            None => Ok(bytes),
        })
    }

    /// Every file of the site in memory, in path order, or every leak the guard found.
    pub fn render_all(&self) -> Result<std::result::Result<Vec<render::File>, Vec<Leak>>> {
        let pages = self.pages();
        let rendered: Vec<_> = pages
            .jobs
            .par_iter()
            .map(|job| Ok((job.path.clone(), self.render(&pages, job)?)))
            .collect::<Result<_>>()?;
        let mut files = Vec::new();
        let mut leaks = Vec::new();
        for (path, outcome) in rendered {
            match outcome {
                Ok(bytes) => files.push((path, bytes)),
                Err(leak) => leaks.push(leak),
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        leaks.sort_by(|a, b| a.output.cmp(&b.output));
        Ok(if leaks.is_empty() {
            Ok(files)
        } else {
            Err(leaks)
        })
    }
}

fn guidelines(records: &crate::model::Records) -> Option<&str> {
    records
        .guidelines
        .as_ref()
        .and_then(|g| g.record.as_deref())
}

/// The privacy guard: every value of the records the site must not show, less those the
/// site's own text, a public value or guidelines.md excuse (`render::guard`).
fn guard(
    records: &crate::model::Records,
    names: &crate::view::PublicIds,
    as_of: NaiveDate,
) -> Guard {
    let site_text = render::guard::SiteText::builtin(as_of);
    Guard::new(render::guard::inputs(records, names, site_text))
}

/// What happened to one file of the site.
enum Outcome {
    Leak(Leak),
    Changed((String, Vec<u8>)),
    Kept,
}
