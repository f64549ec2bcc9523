//! A person's standing for the program on a day: a mentor's experience (`mentor-library-years`,
//! `mentor-field-years`), membership (`membership`), a public-library connection
//! (`public-library`) — what the rules check at a relationship's start and the mentors page
//! shows on as-of.

use crate::dates::add_years;
use crate::model::{Person, PublicLibrary, RuleParams};
use chrono::NaiveDate;

/// The day `years` years of experience since `since` are reached.
pub fn experience_reached(since: NaiveDate, years: u32) -> NaiveDate {
    add_years(since, years)
}

/// A membership that has not expired by `day`.
pub fn member_on(person: &Person, day: NaiveDate) -> bool {
    person
        .membership
        .as_ref()
        .is_some_and(|m| m.value.expires.value >= day)
}

/// Whether `person` could start mentoring on `day`: the years the program requires in
/// libraries and in their field, a membership, and a public-library connection.
pub fn eligible_mentor_on(person: &Person, params: &RuleParams, day: NaiveDate) -> bool {
    let experienced = |since: Option<NaiveDate>, years| {
        since.is_some_and(|since| experience_reached(since, years) <= day)
    };
    let connected = person
        .public_library
        .as_ref()
        .is_some_and(|p| p.value != PublicLibrary::None);
    experienced(
        person.library_since.as_ref().map(|d| d.value),
        params.mentor_min_library_years,
    ) && experienced(
        person.field_since.as_ref().map(|d| d.value),
        params.mentor_min_field_years,
    ) && member_on(person, day)
        && connected
}
