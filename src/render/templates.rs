//! The templates: built-in ones compiled into the binary from `templates/`, each replaced by a
//! file of the same name in the user's templates folder when there is one (so a program can
//! restyle one page, or only the CSS, without copying the rest).

use crate::error::Error;
use std::path::Path;

/// Every built-in template and asset, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    (
        "relationships.html",
        include_str!("../../templates/relationships.html"),
    ),
    (
        "relationship.html",
        include_str!("../../templates/relationship.html"),
    ),
    ("mentors.html", include_str!("../../templates/mentors.html")),
    (
        "compliance.html",
        include_str!("../../templates/compliance.html"),
    ),
    (
        "guidelines.html",
        include_str!("../../templates/guidelines.html"),
    ),
    ("rules.html", include_str!("../../templates/rules.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("style.css", include_str!("../../templates/style.css")),
];

/// The templates in use: the built-ins, with the user's overrides.
pub struct Templates {
    pub tera: tera::Tera,
    /// `style.css`, as it will be written.
    pub stylesheet: String,
    /// Identifies the template texts: equal fingerprints render equal pages from equal views.
    fingerprint: u64,
}

impl Templates {
    /// Loads the built-ins, replacing each by `dir/<name>` when that file exists.
    pub fn load(dir: Option<&Path>) -> Result<Templates, Error> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        let mut stylesheet = String::new();
        let mut named = Vec::new();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for &(name, builtin) in BUILTIN {
            let text = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => std::fs::read_to_string(&path).map_err(|e| Error::Template {
                    message: format!("{}: cannot be read: {e}", path.display()),
                })?,
                None => builtin.to_owned(),
            };
            std::hash::Hash::hash(&(name, &text), &mut hasher);
            if name == "style.css" {
                stylesheet = text.clone();
            } else {
                named.push((name, text.clone()));
            }
        }
        tera.add_raw_templates(named.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| template_error(&e))?;
        let fingerprint = std::hash::Hasher::finish(&hasher);
        Ok(Templates {
            tera,
            stylesheet,
            fingerprint,
        })
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Error> {
        self.tera
            .render(name, context)
            .map_err(|e| template_error(&e))
    }
}

/// "template `index.html`, line 12: …" — the name and line, without the template source.
fn template_error(error: &tera::Error) -> Error {
    let message = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => format!(
            "template `{}`, line {}: {}",
            report.filename(),
            report.span().start_line,
            report.message()
        ),
        other => format!("templates: {other}"),
    };
    Error::Template { message }
}
