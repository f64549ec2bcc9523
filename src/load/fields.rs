//! Reading a YAML mapping into typed values, reporting every `schema` problem of a file at
//! once (missing keys, unknown keys with a "did you mean", wrong types, enum values, dates
//! that do not exist) rather than stopping at the first as a serde derive would. Each value
//! is converted by `values.rs`, which says what YAML read when it is not what was meant;
//! `dates.rs` knows the dates someone may have meant.

mod dates;
mod values;

pub use dates::{date_from_parts, parse_date};
pub use values::{amount, boolean, choice, date, text, text_or_number, whole_number};

use super::yaml::{Node, Value};
use crate::diagnostics::{Diagnostic, Pos};
use crate::model::Located;
use crate::place::Place;
use crate::rules::Rule;
use crate::suggest::did_you_mean;

/// The diagnostics of one file.
pub struct Problems<'a> {
    pub file: &'a str,
    pub place: &'a Place,
    pub list: Vec<Diagnostic>,
    /// The text of a file that is not UTF-8, with the bad bytes replaced: for snippets only.
    pub lossy_text: Option<String>,
}

impl<'a> Problems<'a> {
    pub fn new(file: &'a str, place: &'a Place) -> Self {
        Problems {
            file,
            place,
            list: Vec::new(),
            lossy_text: None,
        }
    }

    pub fn report(&mut self, rule: Rule, pos: Pos, message: String, help: Option<String>) {
        self.push(rule, pos, message, help, true);
    }

    /// A problem with the whole file, at 1:1 without a source snippet.
    pub fn whole_file(&mut self, rule: Rule, message: String, help: Option<String>) {
        self.push(rule, Pos::START, message, help, false);
    }

    fn push(&mut self, rule: Rule, pos: Pos, message: String, help: Option<String>, snippet: bool) {
        let mut d = Diagnostic::structure(rule, self.place.clone(), self.file, pos, message, help);
        d.snippet = snippet;
        self.list.push(d);
    }

    pub fn schema(&mut self, pos: Pos, message: String, help: Option<String>) {
        self.report(Rule::Schema, pos, message, help);
    }

    pub fn is_clean(&self) -> bool {
        self.list.is_empty()
    }
}

/// Why a value was refused: completes "`key` …", e.g. "must be true or false".
pub struct Refusal {
    pub message: String,
    pub help: Option<Help>,
}

/// How to fix a refused value.
pub enum Help {
    /// Advice that stands alone: "did you mean `current`?".
    Says(String),
    /// What to write instead, shown after `lead` as the line to write (`key: value`), or as
    /// the value alone for a list item.
    Write { lead: &'static str, value: String },
}

impl Help {
    /// The help line, for the value of `key` (`None` for a list item).
    fn render(self, key: Option<&str>) -> String {
        match (self, key) {
            (Help::Says(text), _) => text,
            (Help::Write { lead, value }, Some(key)) => format!("{lead} `{key}: {value}`"),
            (Help::Write { lead, value }, None) => format!("{lead} `{value}`"),
        }
    }
}

impl Refusal {
    fn new(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            help: None,
        }
    }

    fn says(mut self, help: impl Into<String>) -> Self {
        self.help = Some(Help::Says(help.into()));
        self
    }

    fn write(mut self, lead: &'static str, value: impl Into<String>) -> Self {
        self.help = Some(Help::Write {
            lead,
            value: value.into(),
        });
        self
    }
}

pub type Convert<T> = fn(&Node) -> Result<T, Refusal>;

struct Entry<'n> {
    name: String,
    at: Pos,
    value: &'n Node,
}

/// The keys of one mapping: the whole record, or a nested block such as `membership`.
pub struct Keys<'n> {
    entries: Vec<Entry<'n>>,
    /// Where a missing key is reported: 1:1 for the record, the parent key for a block.
    owner: Pos,
    /// `""` for the record, `"membership."` for a block: how keys are named in messages.
    prefix: String,
    known: &'static [&'static str],
}

impl<'n> Keys<'n> {
    /// The top-level mapping of a record; `what` names the record kind for messages.
    pub fn record(
        node: &'n Node,
        what: &str,
        known: &'static [&'static str],
        p: &mut Problems,
    ) -> Option<Keys<'n>> {
        if let Value::Null = node.value {
            p.schema(
                Pos::START,
                format!(
                    "the file is empty: {what} needs the keys {}",
                    known.join(", ")
                ),
                None,
            );
            return None;
        }
        Keys::of(node, Pos::START, String::new(), known, p)
    }

    fn of(
        node: &'n Node,
        owner: Pos,
        prefix: String,
        known: &'static [&'static str],
        p: &mut Problems,
    ) -> Option<Keys<'n>> {
        let Value::Map(pairs) = &node.value else {
            let name = prefix.trim_end_matches('.');
            let subject = if name.is_empty() {
                "the record".to_owned()
            } else {
                format!("`{name}`")
            };
            let help = match &node.value {
                Value::Str(s) => {
                    glued_key(s).map(|key| format!("put a space after the colon: `{key}: …`"))
                }
                _ => None,
            };
            p.schema(
                if name.is_empty() { node.pos } else { owner },
                format!(
                    "{subject} must be a set of `key: value` lines, found {}",
                    node.value.kind()
                ),
                help,
            );
            return None;
        };
        let mut entries = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let name = match &key.value {
                Value::Str(s) => s.clone(),
                Value::Int(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Null => String::new(),
                Value::Seq(_) | Value::Map(_) => {
                    p.schema(key.pos, "a key must be a plain name".into(), None);
                    continue;
                }
            };
            entries.push(Entry {
                name,
                at: key.pos,
                value,
            });
        }
        Some(Keys {
            entries,
            owner,
            prefix,
            known,
        })
    }

    fn full(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// The key's position and value; `None` when absent or empty (`key:` / `key: null`).
    pub fn get(&self, key: &str) -> Option<(Pos, &'n Node)> {
        self.entries
            .iter()
            .find(|e| e.name == key)
            .filter(|e| e.value.value != Value::Null)
            .map(|e| (e.at, e.value))
    }

    /// Reports a missing key: at 1:1 for the record, at the parent key inside a block.
    pub fn missing(&self, p: &mut Problems, key: &str, why: Option<&str>) {
        if let Some(entry) = self
            .entries
            .iter()
            .find(|e| e.name == key && e.value.value == Value::Null)
        {
            return self.empty(p, entry, why);
        }
        let message = match (self.prefix.is_empty(), why) {
            (true, None) => format!("missing required key `{key}`"),
            (true, Some(why)) => format!("missing key `{key}`, required {why}"),
            (false, _) => format!(
                "`{}` is missing its required key `{key}`",
                self.prefix.trim_end_matches('.')
            ),
        };
        let help = Some(format!("add `{key}: …`"));
        if self.prefix.is_empty() {
            p.whole_file(Rule::Schema, message, help);
        } else {
            p.schema(self.owner, message, help);
        }
    }

    /// Reports a required key written without a value (`name:`, `name: ~`), at the key.
    fn empty(&self, p: &mut Problems, entry: &Entry, why: Option<&str>) {
        let key = &entry.name;
        let required = match why {
            Some(why) => format!("required {why}"),
            None => "required".to_owned(),
        };
        let written = entry.value.spelling.as_deref().unwrap_or_default();
        let message = match written {
            "" => format!("`{}` has no value, but it is {required}", self.full(key)),
            _ => format!(
                "`{}` has no value, but it is {required}: YAML reads an unquoted `{written}` as nothing",
                self.full(key)
            ),
        };
        p.schema(
            entry.at,
            message,
            Some(format!("write the value after the colon: `{key}: …`")),
        );
    }

    pub fn required<T>(
        &self,
        p: &mut Problems,
        key: &str,
        convert: Convert<T>,
    ) -> Option<Located<T>> {
        let value = self.optional(p, key, convert);
        if self.get(key).is_none() {
            self.missing(p, key, None);
        }
        value
    }

    pub fn optional<T>(
        &self,
        p: &mut Problems,
        key: &str,
        convert: Convert<T>,
    ) -> Option<Located<T>> {
        let (at, node) = self.get(key)?;
        match convert(node) {
            Ok(value) => Some(Located::new(value, at)),
            Err(refusal) => {
                p.schema(
                    at,
                    format!("`{}` {}", self.full(key), refusal.message),
                    refusal.help.map(|h| h.render(Some(key))),
                );
                None
            }
        }
    }

    /// A list whose items each convert; every bad item is reported at its own position.
    pub fn list<T>(
        &self,
        p: &mut Problems,
        key: &str,
        required: bool,
        convert: Convert<T>,
    ) -> Option<Vec<Located<T>>> {
        let Some((at, node)) = self.get(key) else {
            if required {
                self.missing(p, key, None);
            }
            return None;
        };
        let Value::Seq(items) = &node.value else {
            p.schema(
                at,
                format!(
                    "`{}` must be a list, found {}",
                    self.full(key),
                    node.value.kind()
                ),
                Some(list_help(key, node)),
            );
            return None;
        };
        if required && items.is_empty() {
            p.schema(
                at,
                format!("`{}` must list at least one item", self.full(key)),
                None,
            );
            return None;
        }
        let mut values = Vec::with_capacity(items.len());
        let mut clean = true;
        for item in items {
            match convert(item) {
                Ok(value) => values.push(Located::new(value, item.pos)),
                Err(refusal) => {
                    clean = false;
                    let message = format!("each item of `{}` {}", self.full(key), refusal.message);
                    p.schema(item.pos, message, refusal.help.map(|h| h.render(None)));
                }
            }
        }
        clean.then_some(values)
    }

    /// A nested block of keys, e.g. `membership`.
    pub fn block(
        &self,
        p: &mut Problems,
        key: &str,
        known: &'static [&'static str],
    ) -> Option<(Pos, Keys<'n>)> {
        let (at, node) = self.get(key)?;
        let keys = Keys::of(node, at, format!("{}.", self.full(key)), known, p)?;
        Some((at, keys))
    }

    /// A list of blocks, e.g. a meeting's `expenses`; each item is read by `read`.
    pub fn blocks<T>(
        &self,
        p: &mut Problems,
        key: &str,
        known: &'static [&'static str],
        mut read: impl FnMut(&mut Problems, Keys<'n>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let (at, node) = self.get(key)?;
        let Value::Seq(items) = &node.value else {
            p.schema(
                at,
                format!(
                    "`{}` must be a list, found {}",
                    self.full(key),
                    node.value.kind()
                ),
                None,
            );
            return None;
        };
        let mut values = Vec::with_capacity(items.len());
        for item in items {
            let prefix = format!("{}.", self.full(key));
            if let Some(keys) = Keys::of(item, item.pos, prefix, known, p) {
                values.extend(read(p, keys));
            }
        }
        Some(values)
    }

    /// Reports every key this mapping does not know, suggesting the closest known one.
    pub fn finish(self, p: &mut Problems) {
        for entry in &self.entries {
            if self.known.contains(&entry.name.as_str()) {
                continue;
            }
            let help = match did_you_mean(&entry.name, self.known.iter().copied()) {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!("the keys here are: {}", self.known.join(", ")),
            };
            p.schema(
                entry.at,
                format!("unknown key `{}`", self.full(&entry.name)),
                Some(help),
            );
        }
    }
}

/// How to write a list, for a value that is not one; `-Budget` lacks the space after `-`.
fn list_help(key: &str, node: &Node) -> String {
    match &node.value {
        Value::Str(s) if s.starts_with('-') && !s[1..].starts_with([' ', '-']) => {
            "put a space after each `-` that starts an item: `- …`".to_owned()
        }
        _ => format!("write it as `{key}: [first, second]` or one `- item` a line"),
    }
}

/// The key of `mode:email`: a key name glued to its value without a space.
fn glued_key(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))?;
    let (key, rest) = text.split_at(end);
    let glued = rest
        .strip_prefix(':')?
        .starts_with(|c: char| !c.is_whitespace());
    (glued && (1..=40).contains(&key.chars().count())).then_some(key)
}
