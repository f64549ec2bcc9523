//! The only module that knows the YAML library. It parses a document into a small tree in
//! which every node keeps its line and column, with limits that make hostile input (alias
//! bombs, deep nesting, huge values) fail fast with a message instead of exhausting memory.
//!
//! serde-saphyr is used because it is serde-based, maintained, rejects duplicate keys, has
//! resource budgets, and gives positions for keys and values through `Spanned<T>`.

use crate::diagnostics::Pos;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter, Spanned, UserMessageFormatter};
use std::fmt;

/// Records are small; these bounds stop hostile documents long before they cost anything.
const MAX_DEPTH: usize = 32;
const MAX_NODES: usize = 20_000;
const MAX_SCALAR_BYTES: usize = 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// How a message names this kind of value ("found a list").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a set of keys",
        }
    }
}

/// A document that is not valid YAML (or breaks a limit).
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Parses one YAML document. `line_offset` is added to every line (front matter).
pub fn parse(text: &str, line_offset: u32) -> Result<Node, SyntaxError> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_total_scalar_bytes: MAX_SCALAR_BYTES,
            max_documents: 1,
        },
    };
    match serde_saphyr::from_str_with_options::<Spanned<Tree>>(text, options) {
        Ok(tree) => Ok(tree.into_node(line_offset)),
        Err(error) => Err(syntax_error(&error, line_offset)),
    }
}

fn syntax_error(error: &serde_saphyr::Error, line_offset: u32) -> SyntaxError {
    let pos = error
        .location()
        .filter(|l| l.line() > 0)
        .map_or(Pos::new(1 + line_offset, 1), |l| {
            located(l.line(), l.column(), line_offset)
        });
    let raw = UserMessageFormatter.format_message(error.without_snippet());
    SyntaxError {
        pos,
        message: friendly(&raw),
    }
}

fn located(line: u64, column: u64, line_offset: u32) -> Pos {
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Pos::new(
        clamp(line).saturating_add(line_offset),
        clamp(column).max(1),
    )
}

/// Rewrites the parser's wording where it speaks to programmers rather than editors.
fn friendly(raw: &str) -> String {
    // The parser already escapes what it quotes; only raw control characters remain to hide.
    let text: String = raw
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    let limit = [
        "budget",
        "limits breached",
        "recursion limit",
        "too large or too complex",
    ];
    if limit.iter().any(|l| text.contains(l)) {
        return if text.contains("Depth") || text.contains("recursion") {
            format!("the YAML is nested too deeply (more than {MAX_DEPTH} levels)")
        } else if text.contains("Documents") {
            MULTIPLE_DOCUMENTS.into()
        } else if ["Alias", "Nodes", "Anchor", "Events", "Merge"]
            .iter()
            .any(|k| text.contains(k))
        {
            "the YAML expands to too many values (aliases or a very long document)".into()
        } else if text.contains("Scalar") {
            "the YAML holds too much text for a record (over 1 MiB)".into()
        } else {
            "the YAML is too large or complex for a record".into()
        };
    }
    if text.starts_with("multiple YAML documents") {
        return MULTIPLE_DOCUMENTS.into();
    }
    text
}

const MULTIPLE_DOCUMENTS: &str = "a record holds one YAML document; remove the extra `---` line";

/// A node as serde-saphyr hands it over: a value with its location.
struct Tree(TreeValue);

enum TreeValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Tree>>),
    Map(Vec<(Spanned<Tree>, Spanned<Tree>)>),
}

trait IntoNode {
    fn into_node(self, line_offset: u32) -> Node;
}

impl IntoNode for Spanned<Tree> {
    fn into_node(self, line_offset: u32) -> Node {
        let at = self.referenced;
        let pos = located(at.line(), at.column(), line_offset);
        let value = match self.value.0 {
            TreeValue::Null => Value::Null,
            TreeValue::Bool(b) => Value::Bool(b),
            TreeValue::Int(i) => Value::Int(i),
            TreeValue::Float(f) => Value::Float(f),
            TreeValue::Str(s) => Value::Str(s),
            TreeValue::Seq(items) => Value::Seq(
                items
                    .into_iter()
                    .map(|item| item.into_node(line_offset))
                    .collect(),
            ),
            TreeValue::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into_node(line_offset), v.into_node(line_offset)))
                    .collect(),
            ),
        };
        Node { value, pos }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor).map(Tree)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = TreeValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<TreeValue, E> {
        Ok(TreeValue::Null)
    }
    fn visit_none<E>(self) -> Result<TreeValue, E> {
        Ok(TreeValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<TreeValue, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
    fn visit_bool<E>(self, b: bool) -> Result<TreeValue, E> {
        Ok(TreeValue::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<TreeValue, E> {
        Ok(TreeValue::Int(i))
    }
    fn visit_u64<E>(self, u: u64) -> Result<TreeValue, E> {
        Ok(i64::try_from(u).map_or(TreeValue::Float(u as f64), TreeValue::Int))
    }
    fn visit_i128<E>(self, i: i128) -> Result<TreeValue, E> {
        Ok(i64::try_from(i).map_or(TreeValue::Float(i as f64), TreeValue::Int))
    }
    fn visit_u128<E>(self, u: u128) -> Result<TreeValue, E> {
        Ok(i64::try_from(u).map_or(TreeValue::Float(u as f64), TreeValue::Int))
    }
    fn visit_f64<E>(self, f: f64) -> Result<TreeValue, E> {
        Ok(TreeValue::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<TreeValue, E> {
        Ok(TreeValue::Str(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<TreeValue, E> {
        Ok(TreeValue::Str(s))
    }
    fn visit_bytes<E>(self, b: &[u8]) -> Result<TreeValue, E> {
        Ok(TreeValue::Str(String::from_utf8_lossy(b).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TreeValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(TreeValue::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TreeValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(TreeValue::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<TreeValue, A::Error> {
        Err(de::Error::custom("tagged values are not used in records"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_items_keep_positions() {
        let node = parse("name: Dana\nroles:\n  - mentor\n", 1).unwrap();
        let Value::Map(entries) = node.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].0.pos, Pos::new(2, 1));
        assert_eq!(entries[1].0.pos, Pos::new(3, 1));
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("not a list")
        };
        assert_eq!(items[0].pos, Pos::new(4, 5));
    }

    #[test]
    fn duplicate_key_points_at_second() {
        let err = parse("a: 1\nb: 2\na: 3\n", 0).unwrap_err();
        assert_eq!(err.pos, Pos::new(3, 1));
        assert!(err.message.contains("duplicate"), "{}", err.message);
    }
}
