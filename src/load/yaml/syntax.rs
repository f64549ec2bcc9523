//! The parser's errors as sentences about what someone typed, with the fix. Most records are
//! edited in GitHub's web editor by people who have never written YAML: "while parsing a
//! block mapping, did not find expected key" tells them nothing, "`expires` is indented less
//! than `number` above it" does. Each mistake is recognised from the parser's error kind
//! *and* the text around its position; when the two do not clearly agree, the message stays
//! generic ("the YAML here is not valid: …") rather than guess. The position is always the
//! parser's own; when the mistake is on another line, the message names that line.
//!
//! Messages quote key names and the short token at fault, never a line of the record: they
//! go to CI logs, and values may be confidential.

use super::key_lines;
use super::lines::{Lines, Shape};
use serde_saphyr::granit_parser::{ErrorKind, ScanError};

/// A message and the help line that says how to fix it.
pub struct Explained {
    pub message: String,
    pub help: Option<String>,
}

pub(super) fn explained(message: String, help: impl Into<String>) -> Option<Explained> {
    Some(Explained {
        message,
        help: Some(help.into()),
    })
}

/// Where the parser stopped: line from 1, column from 0, as the parser counts them.
#[derive(Clone, Copy)]
pub(super) struct At {
    pub line: usize,
    pub column: usize,
}

/// The parser's error explained in terms of the document `text` (whose first line is line
/// `offset + 1` of the file).
pub fn explain(error: &ScanError, text: &str, offset: u32) -> Explained {
    let mark = error.marker();
    let at = At {
        line: mark.line().max(1),
        column: mark.col(),
    };
    let lines = Lines::new(text, offset);
    diagnose(error.kind(), &lines, at).unwrap_or_else(|| generic(&error.info()))
}

fn diagnose(kind: &ErrorKind, lines: &Lines, at: At) -> Option<Explained> {
    use ErrorKind as K;
    match kind {
        K::TabInIndentation
        | K::TabInBlockIndentation
        | K::TabNotAllowed
        | K::TabInPlainScalar
        | K::TabAtBlockScalarStart => tab(lines, at),
        K::UnclosedQuotedScalar => unclosed_quote(lines, at),
        K::InvalidTrailingSingleQuotedScalar => after_quote(lines, at, '\''),
        K::InvalidTrailingDoubleQuotedScalar => after_quote(lines, at, '"'),
        K::UnclosedFlowCollection { open } => unclosed_here(lines, at, *open),
        K::UnexpectedEofFlowSequence
        | K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::ExpectedFlowSequenceSeparator
        | K::ExpectedFlowMappingSeparator
        | K::InvalidColonPlacement => unclosed_above(lines, at),
        K::MisplacedFlowCollectionEnd => extra_bracket(lines, at),
        K::MismatchedFlowCollectionEnd { open, close } => mismatched(*open, *close),
        K::MappingValueNotAllowed => key_lines::stray_colon(lines, at),
        K::BlockSequenceEntryNotAllowed => {
            key_lines::list_on_key_line(lines, at).or_else(|| key_lines::unexpected_line(lines, at))
        }
        K::SimpleKeyExpected
        | K::ExpectedBlockMappingKey
        | K::ExpectedBlockSequenceEntry
        | K::ExpectedNodeContent
        | K::InvalidMappingValueWhitespace
        | K::InvalidBlockEntryWhitespace => key_lines::unexpected_line(lines, at),
        K::UnexpectedCharacter { character } => reserved_start(lines, at, *character),
        K::UnknownAnchor | K::MissingAnchorOrAliasName | K::InvalidBlockScalarHeader => {
            reserved_start(lines, at, lines.char_at(at.line, at.column)?)
        }
        K::CommentNotSeparated => explained(
            "a `#` starts a comment only after a space".into(),
            "put a space before the `#`, or put the value in quotes if the `#` belongs to it",
        ),
        _ => None,
    }
}

/// The fallback: the parser's words, marked as such.
fn generic(info: &str) -> Explained {
    let words: String = info
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    Explained {
        message: format!("the YAML here is not valid: {words}"),
        help: Some(
            "compare this line with the ones around it: a key ends with `: `, a list item starts with `- `, and a value holding `: ` or `#` goes in quotes"
                .into(),
        ),
    }
}

/// "`name`" or a description of the value's place, for "the value of …".
fn value_of(shape: &Shape) -> String {
    match shape.key {
        Some(key) if !shape.item => format!("the value of `{key}`"),
        _ => "this value".into(),
    }
}

fn tab(lines: &Lines, at: At) -> Option<Explained> {
    let Some(line) = lines.tab_indented_from(at.line) else {
        return explained(
            "YAML does not allow a tab here".into(),
            "replace the tab with spaces",
        );
    };
    if line == at.line {
        return explained(
            "this line is indented with a tab, and YAML indents with spaces only".into(),
            "replace the tab at the start of the line with spaces",
        );
    }
    let shown = lines.shown(line);
    explained(
        format!("line {shown} is indented with a tab, and YAML indents with spaces only"),
        format!("replace the tab at the start of line {shown} with spaces"),
    )
}

fn unclosed_quote(lines: &Lines, at: At) -> Option<Explained> {
    let quote = lines
        .char_at(at.line, at.column)
        .filter(|c| matches!(c, '"' | '\''))?;
    let shape = Shape::of(lines.get(at.line)?);
    explained(
        format!(
            "the `{quote}` that starts {} is never closed",
            value_of(&shape)
        ),
        format!("add a `{quote}` at the end of the value"),
    )
}

fn after_quote(lines: &Lines, at: At, quote: char) -> Option<Explained> {
    let shape = Shape::of(lines.get(at.line)?);
    let before = at
        .column
        .checked_sub(1)
        .and_then(|c| lines.char_at(at.line, c));
    let next = lines.char_at(at.line, at.column);
    // `"a\nb": 1` where the key spans lines: the colon after it is no stray text.
    if next == Some(':') {
        return None;
    }
    let apostrophe =
        quote == '\'' && before == Some('\'') && next.is_some_and(char::is_alphanumeric);
    if apostrophe {
        return explained(
            format!(
                "the apostrophe in {} ends its single quotes early",
                value_of(&shape)
            ),
            "inside single quotes write an apostrophe twice (`''`), or put the value in double quotes",
        );
    }
    let inner = match quote {
        '"' => "a `\"` inside double quotes is written `\\\"`",
        _ => "a `'` inside single quotes is written `''`",
    };
    explained(
        format!("text follows the closing `{quote}` of {}", value_of(&shape)),
        format!("put the whole value inside the quotes; {inner}"),
    )
}

fn list_or_keys(open: char) -> (&'static str, char) {
    match open {
        '{' => ("set of keys", '}'),
        _ => ("list", ']'),
    }
}

fn unclosed_here(lines: &Lines, at: At, open: char) -> Option<Explained> {
    // The parser points at the bracket itself; it must be open just after it, to the end.
    lines
        .never_closed(at.line, at.column + 1)
        .filter(|&(_, line)| line == at.line)?;
    let shape = Shape::of(lines.get(at.line)?);
    let (what, close) = list_or_keys(open);
    let of = match shape.key {
        Some(key) if !shape.item => format!(" of `{key}`"),
        _ => String::new(),
    };
    explained(
        format!("the `{open}` that starts the {what}{of} is never closed"),
        format!("add a `{close}` after its last item"),
    )
}

fn unclosed_above(lines: &Lines, at: At) -> Option<Explained> {
    let (open, line) = lines.never_closed(at.line, at.column)?;
    if line >= at.line {
        return None;
    }
    let shape = Shape::of(lines.get(line)?);
    let (what, close) = list_or_keys(open);
    let after = match shape.key {
        Some(key) if !shape.item => format!(" after `{key}:`"),
        _ => String::new(),
    };
    let shown = lines.shown(line);
    explained(
        format!(
            "the `{open}`{after} on line {shown} is never closed, so YAML reads the lines below it as part of the {what}"
        ),
        format!("add a `{close}` after its last item on line {shown}"),
    )
}

fn extra_bracket(lines: &Lines, at: At) -> Option<Explained> {
    let close = lines
        .char_at(at.line, at.column)
        .filter(|c| matches!(c, ']' | '}'))?;
    let open = if close == ']' { '[' } else { '{' };
    explained(
        format!("this `{close}` closes nothing: there is no `{open}` open before it"),
        format!("remove the `{close}`, or add the `{open}` that should open it"),
    )
}

fn mismatched(open: char, close: char) -> Option<Explained> {
    let (what, right) = list_or_keys(open);
    explained(
        format!("a {what} that starts with `{open}` is closed here with `{close}`"),
        format!("close it with `{right}` instead"),
    )
}

/// `@`, `` ` ``, `*`, `&`, `|`, `>` and the like mean something to YAML at the start of a
/// value.
fn reserved_start(lines: &Lines, at: At, character: char) -> Option<Explained> {
    if !matches!(character, '@' | '`' | '*' | '&' | '|' | '>' | '%' | '!') {
        return None;
    }
    let shape = Shape::of(lines.get(at.line)?);
    // A backtick cannot be shown between backticks.
    let (named, start) = match character {
        '`' => ("a backtick".to_owned(), String::new()),
        c => (format!("`{c}`"), c.to_string()),
    };
    let example = match shape.key {
        Some(key) if !shape.item => format!("`{key}: \"{start}…\"`"),
        _ => format!("`\"{start}…\"`"),
    };
    explained(
        format!("a value cannot start with {named} unless it is in quotes"),
        format!("put the value in quotes: {example}"),
    )
}
