//! The dashboard as one value (Zola's `Site`): the records loaded and checked, their public
//! view, the templates and the privacy guard, and the files they make. `build` writes them,
//! `serve` keeps them in memory and renders again only what a change touches, and both go
//! through exactly this pipeline:
//!
//! ```text
//! load -> findings -> guard ─┐
//!                 \-> view -> render -> guard scan -> files
//! ```

mod write;

pub use write::Written;

use crate::diagnostics::Findings;
use crate::error::Result;
use crate::load::Loader;
use crate::model::Records;
use crate::render::guard::{Guard, Leak};
use crate::render::templates::Templates;
use crate::render::{self, Job, Links, Pages};
use crate::view;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What a build reads.
#[derive(Clone, Debug)]
pub struct Options {
    pub records: PathBuf,
    pub as_of: Option<NaiveDate>,
    pub templates: PathBuf,
    pub base_url: Option<String>,
}

/// A dashboard ready to render: everything its files are made from.
pub struct Site {
    pub as_of: NaiveDate,
    pub records: Arc<Records>,
    pub findings: Findings,
    pub view: view::Site,
    templates: Templates,
    links: Links,
    guard: Guard,
}

/// Every file of a site in memory, by path, with the view they were rendered from.
pub struct Rendered {
    pub files: HashMap<String, Arc<[u8]>>,
    view: view::Site,
    /// Whether the templates had to be rendered whole (a new or changed template set).
    templates: u64,
}

impl Site {
    /// Loads the records from disk and the templates, and prepares the site. Stops on a
    /// failure (exit 2): no records folder, a bad program.toml, a broken template.
    pub fn load(options: &Options) -> Result<Site> {
        let tree = crate::load::tree::Disk::new(&options.records);
        let templates = Templates::load(Some(&options.templates))?;
        let display = options.records.to_string_lossy();
        let loaded = Loader::new(false).load(&tree, &display)?;
        let records = Arc::new(loaded.records);
        Ok(Site::prepare(
            records,
            loaded.diagnostics,
            options,
            templates,
        ))
    }

    /// Checks `records`, builds their public view and the privacy guard.
    pub fn prepare(
        records: Arc<Records>,
        diagnostics: Vec<crate::diagnostics::Diagnostic>,
        options: &Options,
        templates: Templates,
    ) -> Site {
        let as_of = records.config.as_of(options.as_of);
        // The privacy guard learns every confidential value while the rules run and the
        // view is built: it needs only the records and the built-in (public) templates.
        let (guard, (findings, view)) = rayon::join(
            || guard(&records),
            || {
                let findings = crate::rules::findings(&records, diagnostics, as_of);
                let last_changed = render::git::last_changed(&options.records);
                let view = view::build(&records, &findings, as_of, last_changed);
                (findings, view)
            },
        );
        Site {
            as_of,
            records,
            findings,
            view,
            templates,
            links: Links {
                base_url: options.base_url.clone(),
            },
            guard,
        }
    }

    /// The site's files, not yet rendered.
    pub fn pages(&self) -> Pages<'_> {
        Pages::new(
            &self.view,
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

    /// Every file in memory, or every leak the guard found (sorted by output file).
    pub fn render_all(self) -> Result<std::result::Result<Rendered, Vec<Leak>>> {
        self.render_since(None)
    }

    /// Every file, rendering again only what changed since `previous`: the pages of
    /// relationships whose view changed, the overview pages and the feeds. A changed
    /// template set, program or base URL renders everything.
    pub fn render_since(
        self,
        previous: Option<Rendered>,
    ) -> Result<std::result::Result<Rendered, Vec<Leak>>> {
        let pages = self.pages();
        let mut previous = previous.filter(|p| {
            p.templates == self.templates.fingerprint() && p.view.program == self.view.program
        });
        let jobs: Vec<&Job> = pages
            .jobs
            .iter()
            .filter(|job| match (&previous, job.relationship()) {
                (Some(before), Some(i)) => {
                    before.view.relationships.get(i) != self.view.relationships.get(i)
                }
                _ => true,
            })
            .collect();
        let rendered: Vec<_> = jobs
            .par_iter()
            .map(|job| Ok((job.path.clone(), self.render(&pages, job)?)))
            .collect::<Result<_>>()?;
        let mut files = previous
            .as_mut()
            .map(|p| std::mem::take(&mut p.files))
            .unwrap_or_default();
        let wanted: std::collections::HashSet<&str> =
            pages.jobs.iter().map(|j| j.path.as_str()).collect();
        files.retain(|path, _| wanted.contains(path.as_str()));
        let mut leaks = Vec::new();
        for (path, outcome) in rendered {
            match outcome {
                Ok(bytes) => {
                    files.insert(path, Arc::from(bytes));
                }
                Err(leak) => leaks.push(leak),
            }
        }
        if !leaks.is_empty() {
            leaks.sort_by(|a, b| a.output.cmp(&b.output));
            return Ok(Err(leaks));
        }
        let templates = self.templates.fingerprint();
        drop(pages);
        Ok(Ok(Rendered {
            files,
            view: self.view,
            templates,
        }))
    }

    /// The templates, for a later `prepare` that did not change them.
    pub fn into_templates(self) -> Templates {
        self.templates
    }
}

fn guidelines(records: &Records) -> Option<&str> {
    records
        .guidelines
        .as_ref()
        .and_then(|g| g.record.as_deref())
}

/// The privacy guard: every confidential value of the records, less those in public text
/// (public fields, guidelines, the built-in templates, the rule explanations).
fn guard(records: &Records) -> Guard {
    let names = view::PublicIds::new(records);
    let public = render::guard::public_values(records, &names);
    let mut public_text: Vec<&str> = vec![&public];
    public_text.extend(guidelines(records));
    public_text.extend(render::templates::BUILTIN.iter().map(|(_, text)| *text));
    public_text.extend(
        crate::rules::ALL
            .iter()
            .map(|r| crate::rules::explain::explanation(*r)),
    );
    Guard::new(records, &public_text, &names)
}
