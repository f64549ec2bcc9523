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
//!
//! A parser error becomes a sentence about what was typed, with its fix (`syntax.rs`, and
//! `key_lines.rs` for lines that should read `key: value` or `- item`, both reading the text
//! through `lines.rs`); plain scalars are resolved in `scalar.rs`.

mod key_lines;
mod lines;
mod scalar;
mod syntax;

use crate::diagnostics::Pos;
use serde_saphyr::granit_parser::{Event, Marker, Options, Parser, ScanError};
use std::collections::HashMap;

/// Records are small; these bounds stop hostile documents long before they cost anything.
const MAX_DEPTH: usize = 32;
const MAX_NODES: usize = 20_000;
const MAX_SCALAR_BYTES: usize = 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
    /// How an unquoted value that YAML read as something other than text was written
    /// (`no`, `~`, `2026`, `12.50`, or nothing): so a message can say what YAML made of it,
    /// and a number kept as text keeps its leading zeros. `None` for text and collections.
    pub spelling: Option<Box<str>>,
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

/// A document that is not valid YAML (or breaks a limit): what is wrong, and how to fix it.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

/// A message and its help line, for the problems found while building the tree.
type Worded = (&'static str, &'static str);

const MULTIPLE_DOCUMENTS: Worded = (
    "a record holds one YAML document, and this `---` line starts another",
    "remove the extra `---` line",
);
const TOO_DEEP: Worded = (
    "the YAML is nested too deeply (more than 32 levels)",
    "a record needs only a few levels: check its brackets and indentation",
);
const TOO_MANY: Worded = (
    "the YAML expands to too many values (aliases or a very long document)",
    "a record holds a few dozen values: write them out instead of using `*` aliases",
);
const TOO_MUCH_TEXT: Worded = (
    "the YAML holds too much text for a record (over 1 MiB)",
    "check that this is the right file; a record holds a few keys and short notes",
);
const UNKNOWN_ALIAS: Worded = (
    "a value cannot start with `*` unless it is in quotes",
    "put the value in quotes: `\"*…\"`",
);

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
        let (event, span) = event.map_err(|e| scan_error(&e, text, line_offset))?;
        // An empty value (`name:`) comes as a scalar `~` that covers no text.
        let typed = span.end.index() > span.start.index();
        builder.event(event, builder.pos(&span.start), typed)?;
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos::new(1 + line_offset, 1),
        spelling: None,
    }))
}

fn scan_error(error: &ScanError, text: &str, line_offset: u32) -> SyntaxError {
    let pos = position(error.marker(), line_offset);
    let info = error.info();
    if info.contains("nesting") || info.contains("recursion") {
        return Builder::fail(pos, TOO_DEEP);
    }
    let explained = syntax::explain(error, text, line_offset);
    SyntaxError {
        pos,
        message: explained.message,
        help: explained.help,
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

    fn fail(pos: Pos, (message, help): Worded) -> SyntaxError {
        SyntaxError {
            pos,
            message: message.to_owned(),
            help: Some(help.to_owned()),
        }
    }

    fn count(&mut self, nodes: usize, pos: Pos) -> Result<(), SyntaxError> {
        self.nodes += nodes;
        if self.nodes > MAX_NODES {
            return Err(Self::fail(pos, TOO_MANY));
        }
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, pos: Pos, typed: bool) -> Result<(), SyntaxError> {
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
                let value = scalar::resolve(&text, style, tag.as_deref());
                let spelling = (!matches!(value, Value::Str(_)))
                    .then(|| if typed { text.as_ref() } else { "" }.into());
                let node = Node {
                    value,
                    pos,
                    spelling,
                };
                self.add(node, anchor)?;
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
                            spelling: None,
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
                            spelling: None,
                        },
                        anchor,
                    ),
                    None => return Ok(()),
                };
                self.add(node, anchor)?;
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(Self::fail(pos, UNKNOWN_ALIAS));
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
                    if let Some((first, _)) = entries.iter().find(|(k, _)| k.value == node.value) {
                        return Err(duplicate(first, &node));
                    }
                    *key = Some(node);
                }
            },
        }
        Ok(())
    }
}

/// A key given twice in one mapping: reported at the second, naming the first's line.
fn duplicate(first: &Node, second: &Node) -> SyntaxError {
    let line = first.pos.line;
    let (message, help) = match &second.value {
        Value::Str(name) if lines::plain_word(name) == Some(name.as_str()) => (
            format!("the key `{name}` is given twice"),
            format!("keep one of the two `{name}:` lines (the first is line {line})"),
        ),
        _ => (
            "this key is given twice".to_owned(),
            format!("keep one of the two (the first is on line {line})"),
        ),
    };
    SyntaxError {
        pos: second.pos,
        message,
        help: Some(help),
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
        assert_eq!(parse(&deep, 0).unwrap_err().message, TOO_DEEP.0);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("f", "e")] {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{previous}"); 10].join(", ")
            ));
        }
        assert_eq!(parse(&bomb, 0).unwrap_err().message, TOO_MANY.0);
        assert_eq!(
            parse("a: 1\n---\nb: 2\n", 0).unwrap_err().message,
            MULTIPLE_DOCUMENTS.0
        );
    }

    #[test]
    fn duplicate_key_points_at_second() {
        let err = parse("a: 1\nb: 2\na: 3\n", 0).unwrap_err();
        assert_eq!(err.pos, Pos::new(3, 1));
        assert_eq!(err.message, "the key `a` is given twice");
        assert_eq!(
            err.help.as_deref(),
            Some("keep one of the two `a:` lines (the first is line 1)")
        );
    }
}
