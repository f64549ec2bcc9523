//! Text the site writes whatever the records say (dashboard.md, the first exemption): the
//! built-in templates, the rule catalogue and its explanations, the choice values and their
//! labels, month and weekday names — and the as-of date, which excuses a watched date (its
//! written forms are dates, which `exempt.rs` judges by their shape, not site words). A
//! watched note that reads "Agenda", a comment "On track" or a private mentor's field
//! "Reference" occurs here, so it is never a hit.
//!
//! A user's own templates (`--templates`) are not site text: they are typed by someone, and a
//! value hard-coded in one is a leak like any other.

use super::words::{MONTHS, WEEKDAYS};
use crate::model::{Choice, ExpenseBearer, Frequency, Party, PublicLibrary, Rating, Role, Status};
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// The site's own text, and the as-of date.
#[derive(Clone, Debug, Default)]
pub struct SiteText {
    pieces: Vec<Cow<'static, str>>,
    as_of: Option<NaiveDate>,
}

/// The forms in which the site and feeds write a date: `2026-11-30`, `30 November 2026`,
/// `20261130` (iCalendar).
pub fn written_forms(date: NaiveDate) -> [String; 3] {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let month = MONTHS[date.month0() as usize];
    [
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{d} {month} {y}"),
        format!("{y:04}{m:02}{d:02}"),
    ]
}

impl SiteText {
    /// What the built-in site writes, for a build as of `as_of`.
    pub fn builtin(as_of: NaiveDate) -> SiteText {
        let mut site = SiteText {
            pieces: Vec::new(),
            as_of: Some(as_of),
        };
        for (_, template) in crate::render::templates::BUILTIN {
            site.add(*template);
        }
        for &rule in crate::rules::ALL {
            site.add(rule.id());
            site.add(rule.summary());
            site.add(crate::rules::explain::explanation(rule));
        }
        site.add_choices::<Role>();
        site.add_choices::<PublicLibrary>();
        site.add_choices::<Status>();
        site.add_choices::<Party>();
        site.add_choices::<Frequency>();
        site.add_choices::<ExpenseBearer>();
        site.add_choices::<Rating>();
        for mode in crate::model::RuleParams::default().meeting_modes {
            site.add(mode);
        }
        for name in MONTHS.iter().chain(&WEEKDAYS) {
            site.add(*name);
            site.add(&name[..3]);
        }
        site
    }

    /// Adds a text the site writes whatever the records say: a label of the view, a neutral
    /// label ("a mode the program does not allow"), a heading.
    pub fn add(&mut self, text: impl Into<Cow<'static, str>>) {
        self.pieces.push(text.into());
    }

    /// A choice's values as the records spell them ("on-track"); as words they are also its
    /// labels ("On track").
    fn add_choices<T: Choice>(&mut self) {
        for (name, _) in T::CHOICES {
            self.add(*name);
        }
    }

    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().map(|p| p.as_ref())
    }

    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }
}
