//! The privacy guard, the last line of defence (dashboard.md, "The privacy guard"): before a
//! new site replaces the old one, every file about to be written — and its name — is scanned
//! for every value the build must not publish, and any hit fails the build without printing
//! the value.
//!
//! **What is watched** ([`Inputs`], filled from the model by `collect.rs`): the always
//! confidential values (notes and agreement bodies line by line, topics, goals, reasons,
//! comments, expense descriptions and amounts, manager approvals, email, phone, membership
//! numbers) and those confidential for want of consent (an unpublished person's name, id,
//! library, position, field, interests and dates; a relationship id published under a
//! substitute). A value shorter than six characters, once folded and without the punctuation
//! at its ends, is not watched.
//!
//! **How it is found**: as whole words — a match neither starts nor ends inside a run of
//! letters or digits, so a membership number inside `20261130T000000Z` is no hit — in any
//! letter case, folded like `private-id` folds names (`crate::fold`: "Ines Munoz" is found
//! for "Inés Muñoz"), in each file as its reader sees it (`read.rs`: HTML with character
//! references decoded, JSON, iCalendar and CSV unescaped), and in the file's name. Dates are
//! watched in the forms the site writes them (`2014-03-01`, `1 March 2014`, `20140301`).
//!
//! **What is excused** (`exempt.rs`, decided once per value as the guard is built): a free text
//! or attribute made of the site's own words in order, or that is only a date; any value that
//! equals a whole public value; an unpublished person's attribute found anywhere in the public
//! values or `guidelines.md`; a watched date the view shows anyway ([`Guard::allow_dates`]).
//! Identifiers are never excused by the site's own text.
//!
//! **The search** (`needles.rs`) is one rolling pass over each file; building the index is a
//! hash look-up or two per distinct value.

mod collect;
mod exempt;
mod hit;
mod inputs;
mod read;
mod shown;
mod site_text;
mod words;

pub use collect::inputs;
pub use hit::{Hit, Leak, describe};
pub use inputs::{FileId, Inputs, Origin, RecordFile};
pub use shown::dates_shown;
pub use site_text::SiteText;

use super::needles::Needles;
use crate::model::secrets::Class;
use chrono::NaiveDate;
use exempt::{Containers, Inside, Judge};
use foldhash::{HashMap, HashMapExt};

/// The shortest value watched: shorter ones ("Coffee" aside) are common words.
const MIN_CHARS: usize = 6;

/// What a needle reports when found.
struct Source {
    origin: Origin,
    class: Class,
    /// A date's written form: its origin never lies inside a public value.
    date: bool,
}

/// Knows every watched value and finds them in output files.
pub struct Guard {
    needles: Needles,
    /// One for each needle.
    sources: Vec<Source>,
    /// How many needles are still looked for.
    watched: usize,
    /// Each watched date's needles.
    date_needles: HashMap<NaiveDate, Vec<u32>>,
    files: Vec<RecordFile>,
    containers: Containers,
    /// The dates [`Guard::allow_shown`] excused: those the view showed.
    shown: std::collections::HashSet<NaiveDate>,
}

impl Guard {
    /// Indexes every watched value of `inputs` that no exemption excuses.
    pub fn new(inputs: Inputs) -> Guard {
        let containers = Containers::new(&inputs);
        let mut list = Watchlist {
            needles: Needles::new([]),
            sources: Vec::new(),
        };
        for piece in inputs.site.pieces() {
            list.needles.avoid(crate::fold::fold(piece).as_bytes());
        }
        let judge = Judge::new(&inputs);
        list.texts(&inputs, &judge, &containers);
        let date_needles = list.dates(&inputs, &judge);
        let mut guard = Guard {
            needles: list.needles,
            watched: list.sources.len(),
            sources: list.sources,
            date_needles,
            files: inputs.files,
            containers,
            shown: std::collections::HashSet::new(),
        };
        guard.allow_dates(inputs.site.as_of().into_iter().chain(inputs.public_dates));
        guard
    }

    /// Stops watching `dates` (and any watched date among them): the dates the view shows,
    /// which a page may show whoever else's date they also are (`dates_shown`).
    pub fn allow_dates(&mut self, dates: impl IntoIterator<Item = NaiveDate>) {
        for date in dates {
            for needle in self.date_needles.remove(&date).into_iter().flatten() {
                self.needles.remove(needle as usize);
                self.watched -= 1;
            }
        }
    }

    /// Excuses the dates the view shows (`dates_shown`), remembering them: a guard kept for
    /// the next build (`serve`) is the one built afresh only if that build's view shows at
    /// least these dates ([`Guard::shown_within`]).
    pub fn allow_shown(&mut self, dates: std::collections::HashSet<NaiveDate>) {
        self.allow_dates(dates.iter().copied());
        self.shown.extend(dates);
    }

    /// Whether every date this guard excused as shown is in `dates`.
    pub fn shown_within(&self, dates: &std::collections::HashSet<NaiveDate>) -> bool {
        self.shown.is_subset(dates)
    }

    /// How many values (and date forms) are watched.
    pub fn len(&self) -> usize {
        self.watched
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first watched value in the file at `output` (inside the site) with `bytes`, or in
    /// its name, if any.
    pub fn scan(&self, output: &str, bytes: &[u8]) -> Option<Hit> {
        if let Some(hit) = self.scan_name(output) {
            return Some(hit);
        }
        let read = read::as_read(output, bytes);
        let text = read::folded(&read);
        let needle = self.find(&text)?;
        Some(self.hit(needle, output.to_owned(), false))
    }

    /// A watched value in a part of `output`'s name; the parts that hold one print as `…`.
    fn scan_name(&self, output: &str) -> Option<Hit> {
        let needle = output
            .split('/')
            .find_map(|part| self.find(&read::folded(part.as_bytes())))?;
        Some(self.hit(needle, self.shown_path(output), true))
    }

    /// `path` with each part that holds a watched value shown as `…`, so that a message never
    /// prints one (a folder named after a membership number, say).
    fn shown_path(&self, path: &str) -> String {
        let parts: Vec<&str> = path
            .split('/')
            .map(|part| match self.find(&read::folded(part.as_bytes())) {
                Some(_) => "…",
                None => part,
            })
            .collect();
        parts.join("/")
    }

    /// A record file as a hit names it.
    fn shown_file(&self, id: FileId) -> RecordFile {
        match &self.files[id.0 as usize] {
            RecordFile::Path(path) => RecordFile::Path(self.shown_path(path)),
            other => other.clone(),
        }
    }

    /// The first needle in `text` as whole words.
    fn find(&self, text: &[u8]) -> Option<usize> {
        self.needles.find(text, |needle, start| {
            let end = start + self.needles.value(needle).len();
            !read::word_char_before(text, start) && !read::word_char_at(text, end)
        })
    }

    fn hit(&self, needle: usize, output: String, in_file_name: bool) -> Hit {
        let source = &self.sources[needle];
        let file = |id: FileId| self.shown_file(id);
        let inside = std::str::from_utf8(self.needles.value(needle))
            .ok()
            .filter(|_| !source.date)
            .and_then(|value| self.containers.inside(value))
            .map(|inside| match inside {
                Inside::Value(origin) => (file(origin.file), Some(origin.key)),
                Inside::Guidelines(id) => (file(id), None),
            });
        Hit {
            output,
            in_file_name,
            class: source.class,
            record: file(source.origin.file),
            key: source.origin.key,
            inside,
        }
    }
}

/// The needles being indexed, and what each reports.
struct Watchlist {
    needles: Needles,
    sources: Vec<Source>,
}

impl Watchlist {
    fn push(&mut self, value: &str, source: Source) {
        self.needles.push(value.as_bytes());
        self.sources.push(source);
    }

    /// Each distinct watched text once, unless every shape it is watched as is exempt; the
    /// first origin not exempt is the one a hit names.
    fn texts(&mut self, inputs: &Inputs, judge: &Judge, containers: &Containers) {
        let mut buffer = String::new();
        for watched in &inputs.texts {
            let Some(value) = prepared(&watched.text, &mut buffer) else {
                continue;
            };
            if self.needles.contains(value.as_bytes())
                || judge.exempt(value, watched.shape, containers)
            {
                continue;
            }
            let source = Source {
                origin: watched.origin,
                class: watched.class,
                date: false,
            };
            self.push(value, source);
        }
    }

    /// Each distinct watched date in its written forms, but for those the site writes whatever
    /// the records say (a rule's example): the needles of each date.
    fn dates(&mut self, inputs: &Inputs, judge: &Judge) -> HashMap<NaiveDate, Vec<u32>> {
        let mut needles: HashMap<NaiveDate, Vec<u32>> = HashMap::new();
        for &(date, origin, class) in &inputs.dates {
            if needles.contains_key(&date) {
                continue;
            }
            let forms = site_text::written_forms(date);
            if forms.iter().any(|form| judge.in_site_text(form)) {
                needles.insert(date, Vec::new());
                continue;
            }
            let first = self.sources.len();
            for form in forms {
                let source = Source {
                    origin,
                    class,
                    date: true,
                };
                self.push(&form, source);
            }
            let ids = (first..self.sources.len()).filter_map(|i| u32::try_from(i).ok());
            needles.insert(date, ids.collect());
        }
        needles
    }
}

/// A watched text as it is searched for: folded, without the punctuation at its ends (so
/// "Meeting regularly." is found without its full stop), or `None` when shorter than
/// `MIN_CHARS`.
/// An ASCII text is lower-cased into `buffer`, so most values cost no allocation.
fn prepared<'b>(text: &str, buffer: &'b mut String) -> Option<&'b str> {
    let edge = |c: char| !c.is_alphanumeric();
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text.trim_matches(edge));
        buffer.make_ascii_lowercase();
    } else {
        *buffer = crate::fold::fold(text);
        buffer.truncate(buffer.trim_end_matches(edge).len());
        buffer.drain(..buffer.len() - buffer.trim_start_matches(edge).len());
    }
    (buffer.chars().count() >= MIN_CHARS).then_some(buffer.as_str())
}

#[cfg(test)]
mod tests;
