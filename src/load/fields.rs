//! Reading a YAML mapping into typed values, reporting every `schema` problem of a file at
//! once (missing keys, unknown keys with a "did you mean", wrong types, enum values, dates
//! that do not exist) rather than stopping at the first as a serde derive would.

use super::yaml::{Node, Value};
use crate::diagnostics::{Diagnostic, Pos};
use crate::model::{Choice, Located};
use crate::place::Place;
use crate::rules::Rule;
use crate::suggest::did_you_mean;
use chrono::NaiveDate;

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
    pub help: Option<String>,
}

impl Refusal {
    fn new(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: Option<String>) -> Self {
        self.help = help;
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
            p.schema(
                if name.is_empty() { node.pos } else { owner },
                format!(
                    "{subject} must be a set of `key: value` lines, found {}",
                    node.value.kind()
                ),
                None,
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
                    refusal.help,
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
                Some(format!(
                    "write it as `{key}: [first, second]` or one `- item` a line"
                )),
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
                    p.schema(item.pos, message, refusal.help);
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

pub fn text(node: &Node) -> Result<String, Refusal> {
    match &node.value {
        Value::Str(s) if !s.trim().is_empty() => Ok(s.clone()),
        Value::Str(_) => Err(Refusal::new("must not be blank")),
        other => Err(
            Refusal::new(format!("must be text, found {}", other.kind()))
                .help(Some("put the value in quotes".into())),
        ),
    }
}

/// Text, or a bare number (membership numbers and phone numbers may be written unquoted).
pub fn text_or_number(node: &Node) -> Result<String, Refusal> {
    match &node.value {
        Value::Int(i) => Ok(i.to_string()),
        Value::Float(f) => Ok(f.to_string()),
        _ => text(node),
    }
}

pub fn boolean(node: &Node) -> Result<bool, Refusal> {
    match node.value {
        Value::Bool(b) => Ok(b),
        ref other => Err(Refusal::new(format!(
            "must be true or false, found {}",
            other.kind()
        ))),
    }
}

pub fn date(node: &Node) -> Result<NaiveDate, Refusal> {
    let Value::Str(s) = &node.value else {
        return Err(Refusal::new(format!(
            "must be a date written YYYY-MM-DD, found {}",
            node.value.kind()
        )));
    };
    parse_date(s).map_err(|why| {
        let help = loose_date(s).map(|d| format!("write it as {}", d.format("%Y-%m-%d")));
        Refusal::new(why).help(help)
    })
}

/// `2026-3-5` and similar: a real date written without leading zeros.
pub fn loose_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    (y.len() == 4).then_some(date)
}

/// A `YYYY-MM-DD` date that exists; the error completes "`key` …".
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err("must be a date written YYYY-MM-DD".into());
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("is not a real date: {s}"))
}

pub fn choice<T: Choice>(node: &Node) -> Result<T, Refusal> {
    let names = || T::CHOICES.iter().map(|(name, _)| *name);
    let listed = names().collect::<Vec<_>>().join(", ");
    match &node.value {
        Value::Str(s) => T::parse(s).ok_or_else(|| {
            let help = did_you_mean(s, names()).map(|n| format!("did you mean `{n}`?"));
            Refusal::new(format!(
                "must be one of {listed}; found `{}`",
                s.escape_debug()
            ))
            .help(help)
        }),
        other => Err(Refusal::new(format!(
            "must be one of {listed}; found {}",
            other.kind()
        ))),
    }
}

pub fn whole_number(node: &Node) -> Result<u32, Refusal> {
    match node.value {
        Value::Int(i) if i >= 1 => u32::try_from(i).map_err(|_| Refusal::new("is too large")),
        _ => Err(Refusal::new("must be a whole number of at least 1")),
    }
}

pub fn amount(node: &Node) -> Result<f64, Refusal> {
    match node.value {
        Value::Int(i) if i >= 0 => Ok(i as f64),
        Value::Float(f) if f.is_finite() && f >= 0.0 => Ok(f),
        _ => Err(Refusal::new(
            "must be an amount of money, a number such as 12.50",
        )),
    }
}
