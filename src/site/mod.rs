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
    /// Build the records as they are at this git revision instead of the work tree's.
    pub revision: Option<String>,
}

/// A dashboard ready to render: everything its files are made from.
pub struct Site {
    pub as_of: NaiveDate,
    pub records: Arc<Records>,
    pub findings: Findings,
    pub view: view::Site,
    templates: Templates,
    links: Links,
    guard: KeptGuard,
}

/// A privacy guard with the fingerprint of the inputs it was built from.
pub struct KeptGuard {
    key: u64,
    guard: Guard,
}

/// Every file of a site in memory, by path, with what is needed to tell which of its pages
/// a later view changes: a fingerprint of each relationship's view and of the program.
pub struct Rendered {
    /// Each file gzip-compressed (`serve` keeps a large program's site in a tenth of the
    /// memory, and sends it compressed to browsers that accept it).
    pub files: HashMap<String, Arc<[u8]>>,
    relationships: Vec<u64>,
    program: u64,
    /// Whether the templates had to be rendered whole (a new or changed template set).
    templates: u64,
    /// The guard that checked these files, for the next build to keep if it can.
    guard: Option<KeptGuard>,
}

impl Rendered {
    /// The guard that checked these files (once).
    pub fn take_guard(&mut self) -> Option<KeptGuard> {
        self.guard.take()
    }
}

impl Site {
    /// Loads the records from disk and the templates, and prepares the site. Stops on a
    /// failure (exit 2): no records folder, a bad program.toml, a broken template.
    pub fn load(options: &Options) -> Result<Site> {
        let templates = Templates::load(Some(&options.templates))?;
        let display = options.records.to_string_lossy();
        let Some(revision) = &options.revision else {
            let tree = crate::load::tree::Disk::new(&options.records);
            let loaded = Loader::once(false).load(&tree, &display)?;
            let records = Arc::new(loaded.records);
            return Ok(Site::prepare(
                records,
                loaded.diagnostics,
                options,
                templates,
            ));
        };
        let (loaded, shown) = at_revision(&options.records, &display, revision)?;
        let options = Options {
            as_of: options.as_of.or(loaded.records.config.as_of).or(shown.date),
            ..options.clone()
        };
        let records = Arc::new(loaded.records);
        let mut site = Site::prepare(records, loaded.diagnostics, &options, templates);
        site.view.program.last_changed = shown.last_changed.clone();
        site.view.program.revision = Some(shown);
        Ok(site)
    }

    /// Checks `records`, builds their public view and the privacy guard.
    pub fn prepare(
        records: Arc<Records>,
        diagnostics: Vec<crate::diagnostics::Diagnostic>,
        options: &Options,
        templates: Templates,
    ) -> Site {
        Site::prepare_reusing(records, diagnostics, options, templates, None)
    }

    /// [`Site::prepare`], keeping `kept` — the guard of an earlier build ([`Rendered::take_guard`])
    /// — when it is exactly the guard this build would make: built from the same inputs
    /// (same fingerprint) and with no date excused that this view does not show. Otherwise
    /// the guard is built afresh, as always.
    pub fn prepare_reusing(
        records: Arc<Records>,
        diagnostics: Vec<crate::diagnostics::Diagnostic>,
        options: &Options,
        templates: Templates,
        kept: Option<KeptGuard>,
    ) -> Site {
        let as_of = records.config.as_of(options.as_of);
        // The privacy guard learns every confidential value while the rules run and the
        // view is built: it needs only the records and the built-in (public) templates.
        let (guard, (findings, view)) = rayon::join(
            || guard(&records, as_of, kept),
            || {
                let findings = crate::rules::findings(&records, diagnostics, as_of);
                let last_changed = render::git::last_changed(&options.records);
                let view = view::build(&records, &findings, as_of, last_changed);
                (findings, view)
            },
        );
        // A watched date the pages show anyway (a relationship's end, a meeting due) is no leak.
        let shown = render::guard::dates_shown(&view);
        // A kept guard excused the dates of the view it was built for: if one of them is not
        // shown now, only a new guard watches it again. (A new guard has excused none yet.)
        let mut guard = match guard.guard.shown_within(&shown) {
            true => guard,
            false => self::guard(&records, as_of, None),
        };
        guard.guard.allow_shown(shown);
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
        Ok(match self.guard.guard.scan(&job.path, &bytes) {
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
        let relationships: Vec<u64> = self
            .view
            .relationships
            .par_iter()
            .map(fingerprint)
            .collect();
        let program = fingerprint(&self.view.program);
        let mut previous = previous
            .filter(|p| p.templates == self.templates.fingerprint() && p.program == program);
        let jobs: Vec<&Job> = pages
            .jobs
            .iter()
            .filter(|job| match (&previous, job.relationship()) {
                (Some(before), Some(i)) => before.relationships.get(i) != relationships.get(i),
                _ => true,
            })
            .collect();
        let rendered: Vec<_> = jobs
            .par_iter()
            .map(|job| {
                let outcome = self.render(&pages, job)?.map(|bytes| gzip(&bytes));
                Ok((job.path.clone(), outcome))
            })
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
                Ok(compressed) => {
                    files.insert(path, compressed);
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
        let Site {
            guard,
            records,
            findings,
            view,
            ..
        } = self;
        // The records, findings and view of a large program take tens of milliseconds to
        // free: `serve` shows the new site without waiting for that.
        // Should no thread be had, the closure is dropped here, and the values with it.
        let _ = std::thread::Builder::new().spawn(move || drop((records, findings, view)));
        Ok(Ok(Rendered {
            files,
            relationships,
            program,
            templates,
            guard: Some(guard),
        }))
    }

    /// The templates, for a later `prepare` that did not change them.
    pub fn into_templates(self) -> Templates {
        self.templates
    }
}

/// The records at `revision`, read from git, and the commit every page names.
pub fn at_revision(
    records: &std::path::Path,
    display: &str,
    revision: &str,
) -> Result<(crate::load::Loaded, view::Revision)> {
    use crate::load::git::{self, AtRevision};
    match git::records_at(records, display, revision, "--rev")? {
        AtRevision::Present(tree) => {
            let shown = view::Revision {
                commit: tree.commit.chars().take(12).collect(),
                date: tree.commit_date(records),
                last_changed: tree.last_changed(records),
            };
            let loaded = Loader::once(false).load(&tree, display)?;
            Ok((loaded, shown))
        }
        AtRevision::Absent => Err(crate::error::Error::Usage(format!(
            "there are no records at `{revision}` (no `{display}` folder there): name a commit that has them"
        ))),
    }
}

/// `bytes` gzip-compressed, fast: the same bytes always give the same result.
fn gzip(bytes: &[u8]) -> Arc<[u8]> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::fast(),
    );
    // Writing to a vector cannot fail.
    let _ = encoder.write_all(bytes);
    Arc::from(encoder.finish().unwrap_or_default())
}

/// The bytes of a file of `Rendered::files`.
pub fn gunzip(compressed: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(compressed.len() * 4);
    // The files were compressed by `gzip` above: reading them back cannot fail.
    let _ = flate2::read::GzDecoder::new(compressed).read_to_end(&mut bytes);
    bytes
}

/// A value's fingerprint: equal views render equal pages.
/// A 64-bit fingerprint, compared only within one process (`serve`'s builds). foldhash's
/// quality hasher, fixed seed: SipHash showed in the profile of a rebuild that fingerprints
/// 5,000 relationship views.
fn fingerprint(value: &impl std::hash::Hash) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6d62).hash_one(value)
}

fn guidelines(records: &Records) -> Option<&str> {
    records
        .guidelines
        .as_ref()
        .and_then(|g| g.record.as_deref())
}

/// The privacy guard: every value of the records the site must not show, less those the
/// site's own text, a public value or guidelines.md excuse (`render::guard`), with the
/// fingerprint of its inputs; `kept` when built from the same inputs. The dates the view
/// shows anyway are excused once the view is built ([`Guard::allow_shown`]).
fn guard(records: &Records, as_of: NaiveDate, kept: Option<KeptGuard>) -> KeptGuard {
    let names = view::PublicIds::new(records);
    let site_text = render::guard::SiteText::builtin(as_of);
    let inputs = render::guard::inputs(records, &names, site_text);
    let key = inputs.fingerprint();
    match kept {
        Some(kept) if kept.key == key => kept,
        _ => KeptGuard {
            key,
            guard: Guard::new(inputs),
        },
    }
}
