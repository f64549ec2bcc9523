//! The text around a parser error, read the way a person reads it: lines, their indentation,
//! the key a line starts with, and the brackets still open at a position. `syntax.rs` asks
//! these questions to tell what was typed; nothing here decides what a mistake is.

/// A key name short and plain enough to quote in a message: letters, digits, `_`, `-`, `.`.
const MAX_KEY_CHARS: usize = 40;

/// The lines of a YAML document, numbered as the parser numbers them (from 1; `\r\n`, `\n`
/// and a lone `\r` each end one), and the number the user sees for each.
pub struct Lines<'t> {
    lines: Vec<&'t str>,
    offset: u32,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str, offset: u32) -> Lines<'t> {
        let mut lines: Vec<&str> = crate::source::lines(text)
            .map(|line| line.trim_end_matches(['\r', '\n']))
            .collect();
        // After the last line break the parser is on one more, empty line.
        if text.is_empty() || text.ends_with(['\r', '\n']) {
            lines.push("");
        }
        Lines { lines, offset }
    }

    /// Line `n` (from 1), when the document has it.
    pub fn get(&self, n: usize) -> Option<&'t str> {
        n.checked_sub(1).and_then(|i| self.lines.get(i)).copied()
    }

    /// How a message names line `n`: its number in the file.
    pub fn shown(&self, n: usize) -> u32 {
        u32::try_from(n)
            .unwrap_or(u32::MAX)
            .saturating_add(self.offset)
    }

    /// The nearest line above `n` that holds more than spaces or a comment.
    pub fn content_above(&self, n: usize) -> Option<usize> {
        (1..n).rev().find(|&k| self.get(k).is_some_and(is_content))
    }

    /// The nearest line below `n` that holds more than spaces or a comment.
    pub fn content_below(&self, n: usize) -> Option<usize> {
        (n + 1..=self.lines.len()).find(|&k| self.get(k).is_some_and(is_content))
    }

    /// The line `n`'s character at `column` (from 0).
    pub fn char_at(&self, n: usize, column: usize) -> Option<char> {
        self.get(n)?.chars().nth(column)
    }

    /// The first line from `n` on whose indentation holds a tab, looking no further than the
    /// lines that continue line `n` (blank, or indented more than it).
    pub fn tab_indented_from(&self, n: usize) -> Option<usize> {
        let base = Shape::of(self.get(n)?).indent;
        for k in n..=self.lines.len() {
            let line = self.get(k)?;
            let leading: String = line
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            if leading.contains('\t') {
                return Some(k);
            }
            if k > n && !line.trim().is_empty() && leading.len() <= base {
                return None;
            }
        }
        None
    }

    /// The innermost `[` or `{` open just before `column` of line `n` and still open at the
    /// end of the document: the bracket and its line. Brackets count only where YAML reads
    /// them as opening a list or a set of keys (at the start of a value, or inside another
    /// bracket), never inside quotes or comments, so `name: Dana [x` opens nothing.
    pub fn never_closed(&self, n: usize, column: usize) -> Option<(char, usize)> {
        let mut scan = BracketScan {
            mark: Some((n, column)),
            ..BracketScan::default()
        };
        for (i, line) in self.lines.iter().enumerate() {
            scan.line(i + 1, line);
        }
        let (depth, bracket) = scan.at_mark?;
        (scan.open.get(depth) == Some(&bracket)).then_some(bracket)
    }
}

/// Whether a line holds more than spaces or a comment.
fn is_content(line: &str) -> bool {
    !line.trim().is_empty() && !line.trim_start().starts_with('#')
}

/// What a line starts with.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shape<'t> {
    /// Spaces before the first character.
    pub indent: usize,
    /// Whether the line starts a list item (`-` followed by a space, or alone).
    pub item: bool,
    /// Where the content starts (from 0), after the indentation and any `- `.
    pub start: usize,
    /// The content: the line from `start` on.
    pub content: &'t str,
    /// The key name when the content starts with a plain `name:`.
    pub key: Option<&'t str>,
    /// What follows the key's colon, when there is a key.
    pub after_colon: &'t str,
}

impl<'t> Shape<'t> {
    pub fn of(line: &'t str) -> Shape<'t> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let mut rest = &line[indent..];
        let mut start = indent;
        let item = rest == "-" || rest.starts_with("- ");
        if item {
            let content = rest[1..].trim_start_matches(' ');
            start += rest.len() - content.len();
            rest = content;
        }
        let (key, after_colon) = match key_and_rest(rest) {
            Some((key, after)) => (Some(key), after),
            None => (None, ""),
        };
        Shape {
            indent,
            item,
            start,
            content: rest,
            key,
            after_colon,
        }
    }

    /// Whether the key's colon has a space (or the end of the line) after it.
    pub fn spaced_colon(&self) -> bool {
        self.key.is_some()
            && (self.after_colon.is_empty() || self.after_colon.starts_with([' ', '\t']))
    }

    /// Whether the key's colon is followed directly by a value (`mode:email`).
    pub fn glued_colon(&self) -> bool {
        self.key.is_some() && !self.spaced_colon()
    }

    /// The key, when the line is `key: value` with something after the colon.
    pub fn key_with_value(&self) -> Option<&'t str> {
        let value = self.after_colon.trim();
        (self.spaced_colon() && !value.is_empty() && !value.starts_with('#'))
            .then_some(self.key)
            .flatten()
    }
}

/// `name:` and what follows its colon, when `text` starts with a plain key name.
fn key_and_rest(text: &str) -> Option<(&str, &str)> {
    let name = plain_word(text)?;
    let after = text[name.len()..].strip_prefix(':')?;
    Some((name, after))
}

/// The plain word `text` starts with, when it can be quoted as a key name.
pub fn plain_word(text: &str) -> Option<&str> {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(text.len());
    let word = &text[..end];
    let short = (1..=MAX_KEY_CHARS).contains(&word.chars().count());
    (short && !word.starts_with(['-', '.'])).then_some(word)
}

/// The brackets open so far, read a line at a time; and which was innermost at a mark.
#[derive(Default)]
struct BracketScan {
    open: Vec<(char, usize)>,
    quote: Option<char>,
    /// Where to note the innermost open bracket: line and column.
    mark: Option<(usize, usize)>,
    /// That bracket, and its depth in `open`.
    at_mark: Option<(usize, (char, usize))>,
}

impl BracketScan {
    fn line(&mut self, number: usize, line: &str) {
        // A value starts at the beginning of a line, after `- `, `: `, `[`, `{` and `,`.
        let mut value_start = true;
        let mut previous = ' ';
        let mut escaped = false;
        for (column, c) in line.chars().enumerate() {
            if self.mark == Some((number, column)) {
                self.note_mark();
            }
            if let Some(q) = self.quote {
                if escaped {
                    escaped = false;
                } else if q == '"' && c == '\\' {
                    escaped = true;
                } else if c == q {
                    self.quote = None;
                }
                previous = c;
                continue;
            }
            match c {
                '#' if previous == ' ' || previous == '\t' => break,
                '"' | '\'' if value_start => self.quote = Some(c),
                '[' | '{' if value_start || !self.open.is_empty() => self.open.push((c, number)),
                ']' | '}' if !self.open.is_empty() => {
                    self.open.pop();
                }
                ' ' | '\t' => {
                    value_start |= matches!(previous, '-' | ':' | ',');
                    previous = c;
                    continue;
                }
                _ => {}
            }
            value_start = matches!(c, '[' | '{' | ',') && !self.open.is_empty();
            previous = c;
        }
        if self.mark.is_some_and(|(n, _)| n == number) && self.at_mark.is_none() {
            self.note_mark();
        }
    }

    fn note_mark(&mut self) {
        self.mark = None;
        self.at_mark = self
            .open
            .last()
            .map(|&bracket| (self.open.len() - 1, bracket));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_name_keys_and_items() {
        let shape = Shape::of("  - paid_by: mentee");
        assert_eq!((shape.indent, shape.item, shape.start), (2, true, 4));
        assert_eq!(shape.key, Some("paid_by"));
        assert_eq!(shape.key_with_value(), Some("paid_by"));
        assert!(Shape::of("mode:email").glued_colon());
        assert!(!Shape::of("mode: email").glued_colon());
        assert_eq!(Shape::of("-Budget").key, None);
        assert!(!Shape::of("-Budget").item);
        assert_eq!(Shape::of("membership:").key_with_value(), None);
        assert_eq!(Shape::of("name: # none").key_with_value(), None);
    }

    #[test]
    fn lines_count_as_the_parser_does() {
        let lines = Lines::new("a: 1\r\nb: 2\rc: 3\n", 1);
        assert_eq!(lines.get(3), Some("c: 3"));
        assert_eq!(lines.shown(3), 4);
        assert_eq!(lines.get(0), None);
        assert_eq!(lines.content_above(3), Some(2));
    }

    #[test]
    fn brackets_open_only_where_a_value_starts() {
        let lines = Lines::new("name: Dana [x\nroles: [mentor\nlibrary: x\n", 0);
        assert_eq!(lines.never_closed(3, 7), Some(('[', 2)));
        let lines = Lines::new("roles: [a, \"]\", {b: c}]\nlibrary: x\n", 0);
        assert_eq!(lines.never_closed(2, 7), None);
        let lines = Lines::new("roles: [a] # [\nname: x\n", 0);
        assert_eq!(lines.never_closed(2, 4), None);
    }

    #[test]
    fn a_bracket_closed_further_down_is_not_never_closed() {
        let lines = Lines::new("key: [ word1\n#  xxx\n  word2 ]\n", 0);
        assert_eq!(lines.never_closed(3, 2), None);
        let lines = Lines::new("roles: [mentor\n", 0);
        assert_eq!(lines.never_closed(1, 7), None);
        assert_eq!(lines.never_closed(1, 8), Some(('[', 1)));
    }

    #[test]
    fn a_tab_is_found_where_the_value_continues() {
        let lines = Lines::new("name: Dana\n\troles: x\n", 0);
        assert_eq!(lines.tab_indented_from(1), Some(2));
        let lines = Lines::new("a: b\n  c\n\td\n", 0);
        assert_eq!(lines.tab_indented_from(1), Some(3));
        let lines = Lines::new("a: b\nc: d\n\te\n", 0);
        assert_eq!(lines.tab_indented_from(1), None);
    }
}
