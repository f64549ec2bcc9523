//! Lines that should read `key: value` or `- item` and do not: a key indented more or less
//! than its neighbours, a colon inside an unquoted value, no space after `-` or `:`, a key
//! without its colon, a list item after a key that already has its value. The parser stops
//! somewhere on or after such a line; these read the lines around its position to tell which.

use super::lines::{Lines, Shape, plain_word};
use super::syntax::{At, Explained, explained};

/// The parser found a `:` where no key may start (`MappingValueNotAllowed`).
pub fn stray_colon(lines: &Lines, at: At) -> Option<Explained> {
    colon_in_value(lines, at)
        .or_else(|| indented_more(lines, at))
        .or_else(|| glued_colon_above(lines, at))
        .or_else(|| no_colon_above(lines, at))
}

/// `topics: Budget: the board`: the parser stops at the second `: `.
fn colon_in_value(lines: &Lines, at: At) -> Option<Explained> {
    if lines.char_at(at.line, at.column) != Some(':') {
        return None;
    }
    let before: String = lines.get(at.line)?.chars().take(at.column).collect();
    let shape = Shape::of(&before);
    shape.key_with_value()?;
    if shape.item {
        return explained(
            "this list item holds a colon followed by a space more than once, which YAML reads as another key".into(),
            "put the whole item in quotes: `- \"…\"`",
        );
    }
    let key = shape.key?;
    explained(
        format!(
            "the value of `{key}` holds a colon followed by a space, which YAML reads as the start of another key"
        ),
        format!("put the whole value in quotes: `{key}: \"…\"`"),
    )
}

/// A key on a line of its own, indented more than the `key: value` line above it.
fn indented_more(lines: &Lines, at: At) -> Option<Explained> {
    let here = Shape::of(lines.get(at.line)?);
    let key = here.key.filter(|_| !here.item && here.spaced_colon())?;
    let above = Shape::of(lines.get(lines.content_above(at.line)?)?);
    let neighbour = above.key_with_value()?;
    (here.start > above.start).then(|| more_than(key, neighbour))?
}

fn more_than(key: &str, neighbour: &str) -> Option<Explained> {
    explained(
        format!("`{key}` is indented more than `{neighbour}` above it"),
        format!("start `{key}` in the same column as `{neighbour}`"),
    )
}

/// `mode:email` on the line above: YAML read it as text and this key as its continuation.
fn glued_colon_above(lines: &Lines, at: At) -> Option<Explained> {
    let here = Shape::of(lines.get(at.line)?);
    here.key?;
    let number = lines.content_above(at.line)?;
    let above = Shape::of(lines.get(number)?);
    if !above.glued_colon() || above.start != here.start || above.content.contains(": ") {
        return None;
    }
    let key = above.key?;
    explained(
        format!(
            "there is no space after the colon in `{key}:` on line {}, so YAML does not read it as a key",
            lines.shown(number)
        ),
        format!("put a space after the colon: `{key}: …`"),
    )
}

/// `membership` without its colon, above the keys that belong under it: the parser stops
/// at the first of those keys.
fn no_colon_above(lines: &Lines, at: At) -> Option<Explained> {
    no_colon_before_block(lines, lines.content_above(at.line)?, at.line)
}

/// Line `word` holds a lone word and line `block` a key indented under it.
fn no_colon_before_block(lines: &Lines, word: usize, block: usize) -> Option<Explained> {
    let above = Shape::of(lines.get(word)?);
    let here = Shape::of(lines.get(block)?);
    here.key.filter(|_| !here.item)?;
    let name = plain_word(above.content).filter(|w| *w == above.content.trim_end())?;
    if above.item || above.start >= here.start {
        return None;
    }
    // A lone word continuing the text of the line above it is no key that lost its colon.
    let before = lines
        .content_above(word)
        .and_then(|k| lines.get(k))
        .map(Shape::of);
    if before.is_some_and(|b| b.key.is_none() || b.start > above.start) {
        return None;
    }
    explained(
        format!(
            "there is no colon after `{name}` on line {}, so the keys below it do not belong to it",
            lines.shown(word)
        ),
        format!("write `{name}:` with a colon"),
    )
}

/// A line where the parser expected a key or a list item and found something else.
pub fn unexpected_line(lines: &Lines, at: At) -> Option<Explained> {
    let line = lines.get(at.line)?;
    let here = Shape::of(line);
    // The parser points at the start of the line's content, or just after its `- `.
    if at.column > here.start + 2 {
        return None;
    }
    let content = line.trim_start_matches(' ');
    let dash_glued = content.starts_with('-')
        && !content.starts_with("--")
        && content[1..].starts_with(|c: char| !c.is_whitespace());
    if dash_glued {
        return explained(
            "there is no space after the `-` that starts this list item".into(),
            "put a space after the `-`: `- …`",
        );
    }
    if here.glued_colon() && !here.content.contains(": ") {
        let key = here.key?;
        return explained(
            format!("there is no space after the colon in `{key}:`"),
            format!("put a space after the colon: `{key}: …`"),
        );
    }
    misindented(lines, at, &here)
        .or_else(|| among_items(lines, at, &here))
        .or_else(|| list_after_value(lines, at, &here))
        .or_else(|| no_colon_before_block(lines, at.line, lines.content_below(at.line)?))
        .or_else(|| no_colon(lines, at, &here))
}

/// `name Dana` among `key: value` lines.
fn no_colon(lines: &Lines, at: At, here: &Shape) -> Option<Explained> {
    let word = plain_word(here.content).filter(|_| !here.item && !here.content.contains(':'))?;
    if !here.content[word.len()..].starts_with(' ') {
        return None;
    }
    let above = Shape::of(lines.get(lines.content_above(at.line)?)?);
    if above.key.is_none() || above.item || above.start != here.start {
        return None;
    }
    explained(
        format!("there is no colon after `{word}`, so YAML cannot read this line as a key"),
        format!("write a colon and a space after the key: `{word}: …`"),
    )
}

/// A key that lines up with no key above it.
fn misindented(lines: &Lines, at: At, here: &Shape) -> Option<Explained> {
    let key = here.key.filter(|_| here.spaced_colon() && !here.item)?;
    let number = lines.content_above(at.line)?;
    let above = Shape::of(lines.get(number)?);
    let neighbour = above.key?;
    if here.start > above.start && above.key_with_value().is_some() {
        return more_than(key, neighbour);
    }
    if here.start >= above.start {
        return None;
    }
    let parent = (1..number)
        .rev()
        .filter_map(|k| lines.get(k))
        .map(Shape::of)
        .find(|s| s.key.is_some() && s.start < here.start && !s.content.trim().is_empty());
    let help = match parent.and_then(|p| p.key) {
        Some(parent) => format!(
            "start `{key}` in the same column as `{neighbour}`, or as `{parent}` if it does not belong under `{parent}`"
        ),
        None => format!("start `{key}` in the same column as `{neighbour}`"),
    };
    explained(
        format!("`{key}` is indented less than `{neighbour}` above it"),
        help,
    )
}

/// A line among list items that does not line up with them, or lacks its `- `.
fn among_items(lines: &Lines, at: At, here: &Shape) -> Option<Explained> {
    let above = Shape::of(lines.get(lines.content_above(at.line)?)?);
    if !above.item {
        return None;
    }
    if here.item && here.indent != above.indent {
        let how = if here.indent < above.indent {
            "less"
        } else {
            "more"
        };
        return explained(
            format!("this list item is indented {how} than the item above it"),
            "start its `-` in the same column as the `-` above",
        );
    }
    if here.item || here.key.is_some() || here.indent != above.indent {
        return None;
    }
    explained(
        "this line follows a list but does not start with `- `".into(),
        "start it with `- ` to make it an item of the list",
    )
}

/// `roles: - mentor`: a list begun on its key's line.
pub fn list_on_key_line(lines: &Lines, at: At) -> Option<Explained> {
    let here = Shape::of(lines.get(at.line)?);
    let key = here.key_with_value().filter(|_| !here.item)?;
    let dash = lines.char_at(at.line, at.column) == Some('-');
    if !dash || !here.after_colon.trim_start().starts_with("- ") {
        return None;
    }
    explained(
        format!("a list cannot start on the same line as `{key}`"),
        format!("write `{key}:` alone and put each `- item` on a line of its own below it"),
    )
}

/// `roles: mentor` followed by `- mentee`: a list item where the key already has a value.
fn list_after_value(lines: &Lines, at: At, here: &Shape) -> Option<Explained> {
    if !here.item {
        return None;
    }
    let above = Shape::of(lines.get(lines.content_above(at.line)?)?);
    let key = above
        .key_with_value()
        .filter(|_| above.start <= here.indent)?;
    explained(
        format!("a list item cannot follow `{key}`, which already has a value"),
        format!(
            "to make a list, write `{key}:` alone on its line and each item, the first too, on a `- ` line below it"
        ),
    )
}
