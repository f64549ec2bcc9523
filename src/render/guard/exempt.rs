//! dashboard.md's three exemptions, decided once per watched value when the guard is built,
//! on the value's words (`words.rs`):
//!
//! 1. **Site text.** A value whose words occur, as whole words in order, in the site's own
//!    text (`site_text.rs`) — a note "Agenda", a comment "On track", a private field
//!    "Reference", a broken person file named `broken.yaml` (the rules page says "broken") —
//!    and a free text or attribute that is only a date as people write one ("October 2026",
//!    "14 October 2026", "2026-10-14"): dates are not confidential, and a page shows many.
//!    The site's text holds no dates or numbers of the build (the as-of date excuses watched
//!    *dates* only), so an identifier — an email, a phone or membership number, a name, an
//!    id, an amount — is excused only when the site writes it word for word whatever the
//!    records say: a membership number of digits is neither a date nor a site word.
//! 2. **A whole public value.** Any watched value whose words equal those of a public value
//!    (a private mentee's library that a published mentor shares).
//! 3. **An unpublished person's attribute** (library, position, field, interests) whose words
//!    occur anywhere in the public values or `guidelines.md` ("Outreach" in a published
//!    "Outreach Assistant"). Only these: dashboard.md excuses no free text there, however
//!    short — a topic "Getting started" under the guidelines' heading of that name is a hit.
//!
//! Anything else found in an output file is a hit. For a hit, [`Containers`] says which
//! public value (or `guidelines.md`) holds the value, so the message can name both origins.

use super::inputs::{FileId, Inputs, Origin};
use super::words::{Phrases, is_written_date, words};
use crate::model::secrets::Shape;
use foldhash::HashSet;

/// What decides the exemptions; dropped once the guard is built.
pub struct Judge {
    site: Phrases,
    public_words: HashSet<String>,
}

/// Where a watched value lies inside a public value or `guidelines.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inside {
    Value(Origin),
    Guidelines(FileId),
}

/// The public values and `guidelines.md`, searchable for a value's words; kept by the guard
/// to name where a hit lies.
pub struct Containers {
    phrases: Phrases,
    /// One for each segment of `phrases`.
    origins: Vec<Inside>,
}

impl Judge {
    pub fn new(inputs: &Inputs) -> Judge {
        Judge {
            site: Phrases::new(inputs.site.pieces()),
            public_words: inputs
                .public
                .iter()
                .map(|(text, _)| words(&crate::fold::fold(text)).into_owned())
                .collect(),
        }
    }

    /// Whether the site writes `text` whatever the records say (a date in a rule's example).
    pub fn in_site_text(&self, text: &str) -> bool {
        self.site.find(&words(text)).is_some()
    }

    /// Whether `value` (folded), watched as `shape`, is exempt.
    pub fn exempt(&self, value: &str, shape: Shape, containers: &Containers) -> bool {
        let words = words(value);
        if self.public_words.contains(words.as_ref()) {
            return true;
        }
        let site_text = || is_written_date(&words) || self.site.find(&words).is_some();
        let public = || containers.phrases.find(&words).is_some();
        match shape {
            Shape::Identifier => self.site.find(&words).is_some(),
            Shape::Text => site_text(),
            Shape::Attribute => site_text() || public(),
        }
    }
}

impl Containers {
    pub fn new(inputs: &Inputs) -> Containers {
        let mut origins: Vec<Inside> = inputs
            .public
            .iter()
            .map(|(_, origin)| Inside::Value(*origin))
            .collect();
        let mut segments: Vec<&str> = inputs.public.iter().map(|(t, _)| t.as_ref()).collect();
        if let Some((file, text)) = inputs.guidelines {
            origins.push(Inside::Guidelines(file));
            segments.push(text);
        }
        Containers {
            phrases: Phrases::new(segments),
            origins,
        }
    }

    /// The public value or guidelines in which `value` (folded) occurs as whole words.
    pub fn inside(&self, value: &str) -> Option<Inside> {
        let segment = self.phrases.find(&words(value))?;
        self.origins.get(segment).copied()
    }
}
