//! People as the dashboard may show them: published people by name, library, position and
//! field; everyone else only as "Mentor of r-2026-014".

use crate::dates::add_years;
use crate::facts;
use crate::model::{Consented, Located, Person, Records, Role};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;

/// A participant of a relationship.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct PersonRef {
    /// The name when published, else a neutral label.
    pub label: String,
    pub published: bool,
    pub library: Option<String>,
    pub position: Option<String>,
    pub field: Option<String>,
}

impl PersonRef {
    /// `part` is "Mentor" or "Mentee"; `relationship` the public id.
    pub fn new(person: Option<&Person>, part: &str, relationship: &str) -> PersonRef {
        match person.and_then(|p| Some((p, p.name.if_published(p.publish)?))) {
            Some((p, name)) => PersonRef {
                label: name.value.clone(),
                published: true,
                library: shown(&p.library, p.publish),
                position: shown(&p.position, p.publish),
                field: shown(&p.field, p.publish),
            },
            None => PersonRef {
                label: format!("{part} of {relationship}"),
                published: false,
                library: None,
                position: None,
                field: None,
            },
        }
    }
}

/// A consent-dependent text, for a page: only when its person consented.
fn shown(value: &Option<Consented<Located<String>>>, publish: bool) -> Option<String> {
    let value = value.as_ref()?.if_published(publish)?;
    Some(value.value.clone())
}

/// A published mentor in the directory.
#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct MentorView {
    pub name: String,
    pub library: Option<String>,
    pub position: Option<String>,
    pub field: Option<String>,
    /// What they offer as a mentor (records.md `interests`), as they wrote it.
    pub interests: Vec<String>,
    pub years_in_libraries: Option<u32>,
    pub years_in_field: Option<u32>,
    pub active_mentees: usize,
    /// Meets the program's experience, membership and public-library requirements on as-of.
    pub eligible: bool,
}

/// Whole years from `since` to `as_of`.
pub fn full_years(since: NaiveDate, as_of: NaiveDate) -> u32 {
    let mut years = (as_of.year() - since.year()).max(0) as u32;
    while years > 0 && add_years(since, years) > as_of {
        years -= 1;
    }
    years
}

pub fn mentors(records: &Records, as_of: NaiveDate) -> Vec<MentorView> {
    let params = &records.config.rules;
    // Each mentor's relationships running on as-of, counted in one pass.
    let mut running: HashMap<&str, usize> = HashMap::new();
    for rel in records
        .relationships
        .values()
        .filter_map(|f| f.relationship.as_ref()?.record.as_ref())
        .filter(|r| facts::running_on(r, as_of))
    {
        *running.entry(rel.mentor.value.as_str()).or_default() += 1;
    }
    let mut views = Vec::new();
    for (id, file) in &records.people {
        let Some(person) = file
            .record
            .as_ref()
            .filter(|p| p.publish && p.has_role(Role::Mentor))
        else {
            continue;
        };
        // Every consent-dependent value through `if_published`: the filter above is the
        // reason, and the type says so where the value is read.
        let publish = person.publish;
        let years = |since: &Option<Consented<Located<NaiveDate>>>| {
            let since = since.as_ref()?.if_published(publish)?;
            Some(full_years(since.value, as_of))
        };
        let active_mentees = running.get(id.as_str()).copied().unwrap_or(0);
        views.push(MentorView {
            name: person
                .name
                .if_published(publish)
                .map_or_else(String::new, |n| n.value.clone()),
            library: shown(&person.library, publish),
            position: shown(&person.position, publish),
            field: shown(&person.field, publish),
            interests: person
                .interests
                .iter()
                .filter_map(|i| i.if_published(publish).cloned())
                .collect(),
            years_in_libraries: years(&person.library_since),
            years_in_field: years(&person.field_since),
            active_mentees,
            eligible: facts::eligible_mentor_on(person, params, as_of),
        });
    }
    views.sort_by(|a, b| a.name.cmp(&b.name));
    views
}

#[cfg(test)]
mod tests {
    use super::full_years;

    #[test]
    fn whole_years_count_only_completed_anniversaries() {
        let d = |s: &str| s.parse().unwrap();
        assert_eq!(full_years(d("2014-03-01"), d("2026-02-28")), 11);
        assert_eq!(full_years(d("2014-03-01"), d("2026-03-01")), 12);
        assert_eq!(full_years(d("2027-01-01"), d("2026-03-01")), 0);
    }
}
