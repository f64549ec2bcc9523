//! Writing a site to `--out`: each file is rendered, guarded and handed to the output target
//! in one parallel pass, so a large program never holds every page in memory; nothing under
//! `--out` changes until every file is rendered and guarded (`crate::render::output`).

use super::Site;
use crate::error::{Error, Result};
use crate::render::guard::Leak;
use crate::render::output;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

pub use output::Written;

/// What happened to one file of the site.
enum Outcome {
    Leak(Leak),
    Changed((String, Vec<u8>)),
    Kept,
}

impl Site {
    /// Renders, guards and writes every file into `out`. A template error or a privacy
    /// guard hit leaves `out` as it was; each hit is printed (never the value) and the build
    /// fails with `Error::Leak`.
    pub fn write(&self, out: &Path) -> Result<(Written, usize)> {
        let target = output::prepare(out)?;
        let pages = self.pages();
        target.make_folders(pages.jobs.iter().map(|j| j.path.as_str()))?;
        let outcomes: Result<Vec<Outcome>> = pages
            .jobs
            .par_iter()
            .map(|job| {
                let bytes = match self.render(&pages, job)? {
                    Ok(bytes) => bytes,
                    Err(leak) => return Ok(Outcome::Leak(leak)),
                };
                Ok(match target.accept(&job.path, bytes)? {
                    Some(changed) => Outcome::Changed(changed),
                    None => Outcome::Kept,
                })
            })
            .collect();
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
                eprintln!("error: {}", leak.describe());
            }
            return Err(Error::Leak { files: leaks.len() });
        }
        let paths: BTreeSet<String> = pages.jobs.iter().map(|j| j.path.clone()).collect();
        let written = target.commit(changed, &paths)?;
        Ok((written, paths.len()))
    }
}
