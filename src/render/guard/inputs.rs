//! What the guard is built from, typed: the values it watches and where each came from, the
//! public values someone typed that the view shows, the dates it shows, `guidelines.md`, and
//! the site's own text. `collect.rs` fills it from the records; tests fill it by hand.

use super::site_text::SiteText;
use crate::model::secrets::{Class, Key, Secret, Shape, Value};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashSet;

/// A record file, as a hit names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RecordFile {
    /// Its path, as `check` shows it (`records/people/dana-whitfield.yaml`).
    Path(String),
    /// The file of a person who has not consented to publication — or whose consent cannot be
    /// read because the file is broken (`unreadable`). Its path holds their id, so it is
    /// never printed.
    WithoutConsent { unreadable: bool },
}

/// A record file in the table of [`Inputs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(pub(super) u32);

/// Where a value came from: its record file and key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: FileId,
    pub key: Key,
}

/// A text the guard watches for.
pub(super) struct WatchedText<'a> {
    pub text: Cow<'a, str>,
    pub origin: Origin,
    pub class: Class,
    pub shape: Shape,
}

/// Everything a [`super::Guard`] is built from.
#[derive(Default)]
pub struct Inputs<'a> {
    pub(super) files: Vec<RecordFile>,
    pub(super) texts: Vec<WatchedText<'a>>,
    pub(super) dates: Vec<(NaiveDate, Origin, Class)>,
    pub(super) public: Vec<(Cow<'a, str>, Origin)>,
    pub(super) public_dates: HashSet<NaiveDate>,
    pub(super) guidelines: Option<(FileId, &'a str)>,
    pub(super) site: SiteText,
}

impl<'a> Inputs<'a> {
    /// A fingerprint of everything the guard is built from: equal fingerprints, equal guards
    /// (`serve` keeps its guard while a save changes nothing the guard reads).
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{BuildHasher, Hash, Hasher};
        let mut h = foldhash::quality::FixedState::with_seed(0x6d656e746f72).build_hasher();
        self.files.hash(&mut h);
        for text in &self.texts {
            (&text.text, text.origin, text.class, text.shape).hash(&mut h);
        }
        self.dates.hash(&mut h);
        self.public.hash(&mut h);
        let mut public_dates: Vec<&NaiveDate> = self.public_dates.iter().collect();
        public_dates.sort();
        public_dates.hash(&mut h);
        self.guidelines.hash(&mut h);
        for piece in self.site.pieces() {
            piece.hash(&mut h);
        }
        self.site.as_of().hash(&mut h);
        h.finish()
    }

    pub fn new(site: SiteText) -> Inputs<'a> {
        Inputs {
            site,
            ..Inputs::default()
        }
    }

    /// Adds a record file to the table; values and public values name it by the id returned.
    pub fn file(&mut self, file: RecordFile) -> FileId {
        self.files.push(file);
        FileId(u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX))
    }

    /// Watches a record's value (`crate::model::secrets`): a Markdown body line by line, a
    /// text of several lines line by line, an amount as the site would write it.
    pub fn watch(&mut self, file: FileId, secret: Secret<'a>) {
        let origin = Origin {
            file,
            key: secret.key,
        };
        match secret.value {
            Value::Text(text, shape) if text.contains('\n') => {
                let lines = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty());
                for (n, line) in lines {
                    let origin = Origin {
                        key: origin.key.at_line(n + 1),
                        ..origin
                    };
                    self.watch_text(origin, secret.class, shape, line);
                }
            }
            Value::Text(text, shape) => self.watch_text(origin, secret.class, shape, text),
            Value::Markdown(body) => {
                let lines = body
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty());
                for (n, line) in lines {
                    let line = line.trim_start_matches(['#', '-', '*', '>', ' ', '\t']);
                    let origin = Origin {
                        key: origin.key.at_line(n + 1),
                        ..origin
                    };
                    self.watch_text(origin, secret.class, Shape::Text, line);
                }
            }
            Value::Date(date) => self.watch_date(origin, secret.class, date),
            // Under 100 both forms ("99.50", "99.5") are shorter than six characters.
            Value::Amount(amount) if amount.abs() >= 100.0 => {
                for text in [format!("{amount:.2}"), amount.to_string()] {
                    self.watch_text(origin, secret.class, Shape::Identifier, text);
                }
            }
            Value::Amount(_) => {}
        }
    }

    /// Watches one text (trimmed; shorter than six characters it is not watched).
    pub fn watch_text(
        &mut self,
        origin: Origin,
        class: Class,
        shape: Shape,
        text: impl Into<Cow<'a, str>>,
    ) {
        self.texts.push(WatchedText {
            text: text.into(),
            origin,
            class,
            shape,
        });
    }

    /// Watches a date, in the forms the site writes dates.
    pub fn watch_date(&mut self, origin: Origin, class: Class, date: NaiveDate) {
        self.dates.push((date, origin, class));
    }

    /// A public value someone typed that the view shows: a published person's name, library,
    /// position, field or interests; the program's name, association or contact.
    pub fn public(&mut self, origin: Origin, text: impl Into<Cow<'a, str>>) {
        self.public.push((text.into(), origin));
    }

    /// A date the view shows.
    pub fn public_date(&mut self, date: NaiveDate) {
        self.public_dates.insert(date);
    }

    /// The text of `guidelines.md`, from `file`.
    pub fn guidelines(&mut self, file: FileId, text: &'a str) {
        self.guidelines = Some((file, text));
    }

    /// The site's own text, to add the view's labels to.
    pub fn site_text(&mut self) -> &mut SiteText {
        &mut self.site
    }
}
