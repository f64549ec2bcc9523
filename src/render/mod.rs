//! Rendering the dashboard: every page from the public view through the templates, the
//! feeds, the privacy guard over everything written, and the atomic write.

pub(crate) mod feeds;
pub mod git;
pub mod guard;
mod markdown;
pub mod output;
pub mod templates;

use crate::error::Error;
use crate::view::Site;
use rayon::prelude::*;
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

/// Every page and file of the site.
pub fn render(
    site: &Site,
    guidelines: Option<&str>,
    templates: &Templates,
    links: &Links,
) -> Result<Vec<File>, Error> {
    let mut base = tera::Context::new();
    base.insert("site", site);
    base.insert("guidelines_html", &guidelines.map(markdown::to_html));
    let page =
        |path: String, template: &str, name: &str, extra: tera::Context| -> Result<File, Error> {
            let mut context = base.clone();
            context.insert("root", &links.root(&path));
            context.insert("page", name);
            context.extend(extra);
            let html = templates.render(template, &context)?;
            Ok((path, html.into_bytes()))
        };
    let mut files = Vec::new();
    for (path, template, name) in [
        ("index.html", "index.html", "overview"),
        (
            "relationships/index.html",
            "relationships.html",
            "relationships",
        ),
        ("mentors/index.html", "mentors.html", "mentors"),
        ("compliance/index.html", "compliance.html", "compliance"),
        ("guidelines/index.html", "guidelines.html", "guidelines"),
        ("rules/index.html", "rules.html", "rules"),
    ] {
        files.push(page(path.to_owned(), template, name, tera::Context::new())?);
    }
    let relationships: Vec<File> = site
        .relationships
        .par_iter()
        .map(|r| {
            let mut extra = tera::Context::new();
            extra.insert("relationship", r);
            page(
                format!("relationships/{}/index.html", r.id),
                "relationship.html",
                "relationship",
                extra,
            )
        })
        .collect::<Result<_, Error>>()?;
    files.extend(relationships);
    files.push((
        "style.css".into(),
        templates.stylesheet.clone().into_bytes(),
    ));
    files.push(("data.json".into(), feeds::data_json(site).into_bytes()));
    files.push((
        "calendar.ics".into(),
        feeds::calendar_ics(site).into_bytes(),
    ));
    files.push((
        "relationships.csv".into(),
        feeds::relationships_csv(site).into_bytes(),
    ));
    Ok(files)
}
