//! Rendering the dashboard: every page from the public view through the templates, the
//! feeds, the privacy guard over everything written, and the atomic write.

pub(crate) mod feeds;
pub mod git;
pub mod guard;
mod markdown;
mod needles;
pub mod output;
pub mod templates;

use crate::error::Error;
use crate::view::Site;
use templates::Templates;

/// A rendered file: its path inside the site, and its bytes.
pub type File = (String, Vec<u8>);

/// How links are written: relative (the default) or under a base URL.
#[derive(Clone, Debug, Default)]
pub struct Links {
    pub base_url: Option<String>,
}

impl Links {
    /// The prefix that leads from a page at `path` to the site root.
    fn root(&self, path: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{}/", base.trim_end_matches('/')),
            None => "../".repeat(path.matches('/').count()),
        }
    }
}

/// Writes a feed from the view.
type Feed = fn(&Site) -> String;

/// One file of the site, not yet rendered.
pub struct Job {
    pub path: String,
    kind: JobKind,
}

impl Job {
    /// The index of the relationship whose page this is, for a relationship page.
    pub fn relationship(&self) -> Option<usize> {
        match self.kind {
            JobKind::Page { relationship, .. } => relationship,
            _ => None,
        }
    }
}

enum JobKind {
    /// A page: its template, its name for the navigation, and for a relationship page the
    /// index of the relationship.
    Page {
        template: &'static str,
        name: &'static str,
        relationship: Option<usize>,
    },
    /// A file whose bytes are already known (the stylesheet).
    Ready(Vec<u8>),
    /// A feed, written from the view in the same parallel pass as the pages.
    Feed(Feed),
}

/// The site's files, rendered one at a time (in parallel) so that a large program never
/// holds every page in memory at once.
pub struct Pages<'a> {
    site: &'a Site,
    templates: &'a Templates,
    links: &'a Links,
    base: tera::Context,
    pub jobs: Vec<Job>,
}

impl<'a> Pages<'a> {
    pub fn new(
        site: &'a Site,
        guidelines: Option<&str>,
        templates: &'a Templates,
        links: &'a Links,
    ) -> Pages<'a> {
        // The view becomes a template value once and every page shares it (tera values are
        // reference-counted); relationship details go only to their own page.
        let mut base = tera::Context::new();
        base.insert_value(
            "site",
            tera::Value::from_serializable(&crate::view::Summary(site)),
        );
        base.insert("guidelines_html", &guidelines.map(markdown::to_html));
        let page = |path: &str, template, name| Job {
            path: path.to_owned(),
            kind: JobKind::Page {
                template,
                name,
                relationship: None,
            },
        };
        let mut jobs = vec![
            page("index.html", "index.html", "overview"),
            page(
                "relationships/index.html",
                "relationships.html",
                "relationships",
            ),
            page("mentors/index.html", "mentors.html", "mentors"),
            page("compliance/index.html", "compliance.html", "compliance"),
            page("guidelines/index.html", "guidelines.html", "guidelines"),
            page("rules/index.html", "rules.html", "rules"),
            page("report/index.html", "report.html", "report"),
        ];
        jobs.extend(site.relationships.iter().enumerate().map(|(i, r)| Job {
            path: format!("relationships/{}/index.html", r.id),
            kind: JobKind::Page {
                template: "relationship.html",
                name: "relationship",
                relationship: Some(i),
            },
        }));
        jobs.push(Job {
            path: "style.css".to_owned(),
            kind: JobKind::Ready(templates.stylesheet.clone().into_bytes()),
        });
        let feeds: [(&str, Feed); 4] = [
            ("data.json", feeds::data_json),
            ("calendar.ics", feeds::calendar_ics),
            ("relationships.csv", feeds::relationships_csv),
            ("report.csv", feeds::report_csv),
        ];
        jobs.extend(feeds.into_iter().map(|(path, feed)| Job {
            path: path.to_owned(),
            kind: JobKind::Feed(feed),
        }));
        Pages {
            site,
            templates,
            links,
            base,
            jobs,
        }
    }

    /// The bytes of one file.
    pub fn render(&self, job: &Job) -> Result<Vec<u8>, Error> {
        let (template, name, relationship) = match &job.kind {
            JobKind::Ready(bytes) => return Ok(bytes.clone()),
            JobKind::Feed(feed) => return Ok(feed(self.site).into_bytes()),
            JobKind::Page {
                template,
                name,
                relationship,
            } => (template, name, relationship),
        };
        let mut context = self.base.clone();
        context.insert("root", &self.links.root(&job.path));
        context.insert("page", name);
        if let Some(r) = relationship.and_then(|i| self.site.relationships.get(i)) {
            context.insert("relationship", r);
        }
        Ok(self.templates.render(template, &context)?.into_bytes())
    }
}
