//! What each record holds that the dashboard must never show, visited field by field next to
//! the record types, so that the privacy guard learns a new confidential or consent-dependent
//! field the day it is added (records.md, "Confidentiality"; dashboard.md, "The privacy
//! guard").
//!
//! Every `Confidential<T>` field is visited as [`Class::Always`], every `Consented<T>` field
//! (what a person must consent to show: name, library, position, field, interests and their
//! dates) as [`Class::WithoutConsent`] — only a `Consented` value can be. A test
//! (`tests/it/guard_model.rs`) fills every key the JSON Schemas list with a distinct marker
//! and fails when one is neither visited nor known to be public.

use super::{
    Agreement, Consented, Dissolution, Evaluation, Expense, Located, Meeting, Person, Relationship,
};
use chrono::NaiveDate;
use std::fmt;

/// Why a value must not be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Never published, whoever it belongs to.
    Always,
    /// Published only when its person has consented (`publish: true`).
    WithoutConsent,
}

/// What a text is, which decides how the guard may excuse it (dashboard.md's exemptions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Identifies someone by itself: an email, a phone or membership number, a name, an id.
    /// Never excused by the site's own text.
    Identifier,
    /// Free text someone wrote: notes, topics, goals, reasons, comments, expenses.
    Text,
    /// What an unpublished person does — library, position, field, interests — which
    /// identifies nobody by itself.
    Attribute,
}

/// A value to watch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Text(&'a str, Shape),
    /// A Markdown body (notes, agreed terms), watched line by line.
    Markdown(&'a str),
    Date(NaiveDate),
    /// An expense amount.
    Amount(f64),
}

/// Where in its record a value is: a key path, and for a list its item (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub path: &'static str,
    pub item: Option<u32>,
    /// For a Markdown body or a text of several lines: the line (from 1).
    pub line: Option<u32>,
}

impl Key {
    pub const fn new(path: &'static str) -> Key {
        Key {
            path,
            item: None,
            line: None,
        }
    }

    /// Item `index` (from 0) of the list at `path`.
    pub fn item(path: &'static str, index: usize) -> Key {
        Key {
            item: Some(u32::try_from(index + 1).unwrap_or(u32::MAX)),
            ..Key::new(path)
        }
    }

    pub fn at_line(self, line: usize) -> Key {
        Key {
            line: Some(u32::try_from(line).unwrap_or(u32::MAX)),
            ..self
        }
    }
}

/// `membership.number`, `topics (item 2)`, `notes line 3`.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path)?;
        if let Some(item) = self.item {
            write!(f, " (item {item})")?;
        }
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        Ok(())
    }
}

/// One value of a record that must not be published, with its key and class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Secret<'a> {
    pub key: Key,
    pub class: Class,
    pub value: Value<'a>,
}

/// A record that holds values the dashboard must not show.
pub trait Secrets {
    /// Calls `visit` once for every such value, `Confidential` and consent-dependent alike.
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>));
}

fn always<'a>(key: Key, value: Value<'a>) -> Secret<'a> {
    Secret {
        key,
        class: Class::Always,
        value,
    }
}

/// A `Consented` value as the guard watches it: text in `shape`, or a date.
pub trait ConsentedValue {
    fn watched(&self, shape: Shape) -> Value<'_>;
}

impl ConsentedValue for Consented<Located<String>> {
    fn watched(&self, shape: Shape) -> Value<'_> {
        Value::Text(&self.value, shape)
    }
}

impl ConsentedValue for Consented<String> {
    fn watched(&self, shape: Shape) -> Value<'_> {
        Value::Text(self, shape)
    }
}

impl ConsentedValue for Consented<Located<NaiveDate>> {
    fn watched(&self, _: Shape) -> Value<'_> {
        Value::Date(self.value)
    }
}

/// Only a `Consented` value is watched for want of consent.
fn without_consent<'a>(key: Key, value: &'a impl ConsentedValue, shape: Shape) -> Secret<'a> {
    Secret {
        key,
        class: Class::WithoutConsent,
        value: value.watched(shape),
    }
}

impl Secrets for Person {
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>)) {
        let identifier = |text| Value::Text(text, Shape::Identifier);
        if let Some(email) = &self.email {
            visit(always(Key::new("email"), identifier(email.expose())));
        }
        if let Some(phone) = &self.phone {
            visit(always(Key::new("phone"), identifier(phone.expose())));
        }
        if let Some(membership) = &self.membership {
            let membership = &membership.value;
            visit(always(
                Key::new("membership.number"),
                identifier(membership.number.expose()),
            ));
            let expires = &membership.expires;
            visit(without_consent(
                Key::new("membership.expires"),
                expires,
                Shape::Identifier,
            ));
        }
        // Every `Consented` field: the type is what makes a value consent-dependent.
        visit(without_consent(
            Key::new("name"),
            &self.name,
            Shape::Identifier,
        ));
        for (key, value) in [
            ("library", &self.library),
            ("position", &self.position),
            ("field", &self.field),
        ] {
            if let Some(value) = value {
                visit(without_consent(Key::new(key), value, Shape::Attribute));
            }
        }
        for (i, interest) in self.interests.iter().enumerate() {
            let key = Key::item("interests", i);
            visit(without_consent(key, interest, Shape::Attribute));
        }
        for (key, date) in [
            ("library_since", &self.library_since),
            ("field_since", &self.field_since),
        ] {
            if let Some(date) = date {
                visit(without_consent(Key::new(key), date, Shape::Identifier));
            }
        }
    }
}

impl Secrets for Relationship {
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>)) {
        for (i, goal) in self.goals.iter().enumerate() {
            let value = Value::Text(goal.expose(), Shape::Text);
            visit(always(Key::item("goals", i), value));
        }
        if let Some(dissolution) = &self.dissolution {
            dissolution.value.secrets(visit);
        }
    }
}

impl Secrets for Dissolution {
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>)) {
        if let Some(reason) = &self.reason {
            let value = Value::Text(reason.expose(), Shape::Text);
            visit(always(Key::new("dissolution.reason"), value));
        }
    }
}

impl Secrets for Agreement {
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>)) {
        let terms = Value::Markdown(self.terms.expose());
        visit(always(Key::new("terms"), terms));
    }
}

impl Secrets for Meeting {
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>)) {
        for (i, topic) in self.topics.iter().enumerate() {
            let value = Value::Text(topic.expose(), Shape::Text);
            visit(always(Key::item("topics", i), value));
        }
        for (i, expense) in self.expenses.iter().enumerate() {
            expense.visit_item(i, visit);
        }
        if let Some(approval) = &self.manager_approval {
            let by = Value::Text(approval.value.by.expose(), Shape::Identifier);
            visit(always(Key::new("manager_approval.by"), by));
        }
        let notes = Value::Markdown(self.notes.expose());
        visit(always(Key::new("notes"), notes));
    }
}

impl Expense {
    /// Item `index` of a meeting's `expenses`.
    fn visit_item<'a>(&'a self, index: usize, visit: &mut dyn FnMut(Secret<'a>)) {
        let amount = Value::Amount(*self.amount.expose());
        visit(always(Key::item("expenses.amount", index), amount));
        if let Some(what) = &self.what {
            let what = Value::Text(what.expose(), Shape::Text);
            visit(always(Key::item("expenses.what", index), what));
        }
    }
}

impl Secrets for Evaluation {
    fn secrets<'a>(&'a self, visit: &mut dyn FnMut(Secret<'a>)) {
        if let Some(comments) = &self.comments {
            let value = Value::Text(comments.expose(), Shape::Text);
            visit(always(Key::new("comments"), value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn keys_read_as_paths_with_items_and_lines() {
        assert_eq!(
            Key::new("membership.number").to_string(),
            "membership.number"
        );
        assert_eq!(Key::item("topics", 1).to_string(), "topics (item 2)");
        assert_eq!(Key::new("notes").at_line(3).to_string(), "notes line 3");
    }
}
