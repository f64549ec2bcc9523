//! Text the site writes whatever the records say (dashboard.md, the first exemption): the
//! built-in templates, the rule catalogue and its explanations, the choice values and their
//! labels, month and weekday names — and the as-of date, which excuses a watched date (its
//! written forms are dates, which `exempt.rs` judges by their shape, not site words). A
//! watched note that reads "Agenda", a comment "On track" or a private mentor's field
//! "Reference" occurs here, so it is never a hit.
//!
//! A user's own templates (`--templates`) are not site text: they are typed by someone, and a
//! value hard-coded in one is a leak like any other.

use crate::model::{Choice, ExpenseBearer, Frequency, Party, PublicLibrary, Rating, Role, Status};
use chrono::NaiveDate;
use std::borrow::Cow;

/// The site's own text, and the as-of date.
#[derive(Clone, Debug, Default)]
pub struct SiteText {
    pieces: Vec<Cow<'static, str>>,
    as_of: Option<NaiveDate>,
}

/// The forms in which the site and feeds write a date: `2026-11-30`, `30 November 2026`,
/// `November 30, 2026`, `20261130` (iCalendar).
pub fn written_forms(date: NaiveDate) -> [String; 4] {
    ["%Y-%m-%d", "%-d %B %Y", "%B %-d, %Y", "%Y%m%d"].map(|f| date.format(f).to_string())
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
        for month in 1..=12 {
            if let Some(first) = NaiveDate::from_ymd_opt(2000, month, 1) {
                site.add(first.format("%B %b").to_string());
            }
        }
        for day in 0..7 {
            if let Some(date) = NaiveDate::from_ymd_opt(2000, 1, 3 + day) {
                site.add(date.format("%A %a").to_string());
            }
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
