//! The only module that knows the YAML library. It parses a document into a small tree in
//! which every node keeps its line and column, with limits that make hostile input (alias
//! bombs, deep nesting, huge values) fail fast with a message instead of exhausting memory.
//!
//! It reads the event stream of serde-saphyr's own parser (`serde_saphyr::granit_parser`,
//! re-exported by serde-saphyr for this purpose) rather than going through serde with
//! `Spanned<T>` for every node: the typed records are read from the tree field by field
//! (`fields.rs`) so that every problem is reported at once, and building the tree straight
//! from events costs half the instructions of the serde route (measured with callgrind, see
//! BENCHMARKS.md). Duplicate keys, the single-document rule and the limits are enforced here.

use crate::diagnostics::Pos;
use serde_saphyr::granit_parser::{Event, Marker, Options, Parser, ScalarStyle, ScanError, Tag};
use std::collections::HashMap;

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

const MULTIPLE_DOCUMENTS: &str = "a record holds one YAML document; remove the extra `---` line";
const TOO_DEEP: &str = "the YAML is nested too deeply (more than 32 levels)";
const TOO_MANY: &str = "the YAML expands to too many values (aliases or a very long document)";
const TOO_MUCH_TEXT: &str = "the YAML holds too much text for a record (over 1 MiB)";

/// Parses one YAML document. `line_offset` is added to every line (front matter).
pub fn parse(text: &str, line_offset: u32) -> Result<Node, SyntaxError> {
    let mut options = Options::default();
    options.flow_nesting_limit = MAX_DEPTH + 1;
    options.block_nesting_limit = MAX_DEPTH + 1;
    let mut builder = Builder {
        line_offset,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
        nodes: 0,
        scalar_bytes: 0,
    };
    for event in Parser::new_from_str_with_options(text, options) {
        let (event, span) = event.map_err(|e| scan_error(&e, line_offset))?;
        builder.event(event, builder.pos(&span.start))?;
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos::new(1 + line_offset, 1),
    }))
}

fn scan_error(error: &ScanError, line_offset: u32) -> SyntaxError {
    let info = error.info();
    let message = if info.contains("nesting") || info.contains("recursion") {
        TOO_DEEP.to_owned()
    } else {
        info.chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect()
    };
    SyntaxError {
        pos: position(error.marker(), line_offset),
        message,
    }
}

fn position(mark: &Marker, line_offset: u32) -> Pos {
    let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Pos::new(
        clamp(mark.line()).max(1).saturating_add(line_offset),
        clamp(mark.col()).saturating_add(1),
    )
}

/// A collection being read.
enum Open {
    Seq {
        pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

struct Builder {
    line_offset: u32,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    documents: usize,
    nodes: usize,
    scalar_bytes: usize,
}

impl Builder {
    fn pos(&self, mark: &Marker) -> Pos {
        position(mark, self.line_offset)
    }

    fn fail(pos: Pos, message: &str) -> SyntaxError {
        SyntaxError {
            pos,
            message: message.to_owned(),
        }
    }

    fn count(&mut self, nodes: usize, pos: Pos) -> Result<(), SyntaxError> {
        self.nodes += nodes;
        if self.nodes > MAX_NODES {
            return Err(Self::fail(pos, TOO_MANY));
        }
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, pos: Pos) -> Result<(), SyntaxError> {
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Self::fail(pos, MULTIPLE_DOCUMENTS));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.scalar_bytes += text.len();
                if self.scalar_bytes > MAX_SCALAR_BYTES {
                    return Err(Self::fail(pos, TOO_MUCH_TEXT));
                }
                self.count(1, pos)?;
                let value = resolve(&text, style, tag.as_deref());
                self.add(Node { value, pos }, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) | Event::MappingStart(_, anchor, _) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(Self::fail(pos, TOO_DEEP));
                }
                self.count(1, pos)?;
                self.stack.push(match event {
                    Event::SequenceStart(..) => Open::Seq {
                        pos,
                        anchor,
                        items: Vec::new(),
                    },
                    _ => Open::Map {
                        pos,
                        anchor,
                        entries: Vec::new(),
                        key: None,
                    },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Open::Seq { pos, anchor, items }) => (
                        Node {
                            value: Value::Seq(items),
                            pos,
                        },
                        anchor,
                    ),
                    Some(Open::Map {
                        pos,
                        anchor,
                        entries,
                        ..
                    }) => (
                        Node {
                            value: Value::Map(entries),
                            pos,
                        },
                        anchor,
                    ),
                    None => return Ok(()),
                };
                self.add(node, anchor)?;
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(Self::fail(
                        pos,
                        "an alias refers to an anchor that is not defined",
                    ));
                };
                let size = size(target, MAX_NODES + 1);
                let mut node = target.clone();
                node.pos = pos;
                self.count(size, pos)?;
                self.add(node, 0)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Places a finished node in its parent (or as the document), checking duplicate keys.
    fn add(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => {
                    if entries.iter().any(|(k, _)| k.value == node.value) {
                        let name = match &node.value {
                            Value::Str(s) => s.clone(),
                            other => other.kind().to_owned(),
                        };
                        return Err(SyntaxError {
                            pos: node.pos,
                            message: format!("duplicate mapping key `{name}` is not allowed here"),
                        });
                    }
                    *key = Some(node);
                }
            },
        }
        Ok(())
    }
}

/// How many nodes a tree holds, counting no further than `limit`.
fn size(node: &Node, limit: usize) -> usize {
    let mut total = 1;
    match &node.value {
        Value::Seq(items) => {
            for item in items {
                total += size(item, limit - total.min(limit));
                if total >= limit {
                    break;
                }
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                total += size(k, limit) + size(v, limit - total.min(limit));
                if total >= limit {
                    break;
                }
            }
        }
        _ => {}
    }
    total
}

/// A scalar's value under the YAML 1.2 core schema (plus `yes`/`no`, which editors write for
/// booleans). Quoted and block scalars are always text; so is anything tagged `!!str`.
fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let tagged_text = tag.is_some_and(|t| !matches!(t.suffix(), "null" | "bool" | "int" | "float"));
    if style != ScalarStyle::Plain || tagged_text {
        return Value::Str(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" => return Value::Bool(true),
        "false" | "False" | "FALSE" | "no" | "No" | "NO" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let radix = match (text.strip_prefix("0x"), text.strip_prefix("0o")) {
        (Some(hex), _) => i64::from_str_radix(hex, 16).ok(),
        (_, Some(octal)) => i64::from_str_radix(octal, 8).ok(),
        _ => None,
    };
    if let Some(i) = radix {
        return Value::Int(i);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().map_or_else(
            |_| Value::Float(text.parse().unwrap_or(f64::NAN)),
            Value::Int,
        );
    }
    let float_shaped =
        digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') && looks_like_float(digits);
    if let Some(f) = float_shaped.then(|| text.parse().ok()).flatten() {
        return Value::Float(f);
    }
    Value::Str(text.to_owned())
}

/// `1.5`, `.5`, `2.`, `1e3`, `1.5E-2` — the core schema's float shape (after a sign).
fn looks_like_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && digits(whole) && exponent.is_some(),
    };
    mantissa_ok && exponent_ok
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
    fn scalars_resolve_by_the_core_schema() {
        let value = |text: &str| {
            parse(&format!("a: {text}"), 0).map(|n| match n.value {
                Value::Map(mut e) => e.remove(0).1.value,
                other => other,
            })
        };
        assert_eq!(value("12.50"), Ok(Value::Float(12.5)));
        assert_eq!(value("45"), Ok(Value::Int(45)));
        assert_eq!(value("2026-01-15"), Ok(Value::Str("2026-01-15".into())));
        assert_eq!(value("'45'"), Ok(Value::Str("45".into())));
        assert_eq!(value("yes"), Ok(Value::Bool(true)));
        assert_eq!(value("~"), Ok(Value::Null));
        assert_eq!(
            value("+1 417 555 0100"),
            Ok(Value::Str("+1 417 555 0100".into()))
        );
        assert_eq!(value("!!str 5"), Ok(Value::Str("5".into())));
        assert_eq!(value("1e3"), Ok(Value::Float(1000.0)));
    }

    #[test]
    fn limits_stop_hostile_documents() {
        let deep = format!("{}x{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(parse(&deep, 0).unwrap_err().message, TOO_DEEP);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("f", "e")] {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{previous}"); 10].join(", ")
            ));
        }
        assert_eq!(parse(&bomb, 0).unwrap_err().message, TOO_MANY);
        assert_eq!(
            parse("a: 1\n---\nb: 2\n", 0).unwrap_err().message,
            MULTIPLE_DOCUMENTS
        );
    }

    #[test]
    fn duplicate_key_points_at_second() {
        let err = parse("a: 1\nb: 2\na: 3\n", 0).unwrap_err();
        assert_eq!(err.pos, Pos::new(3, 1));
        assert!(err.message.contains("duplicate"), "{}", err.message);
    }
}
