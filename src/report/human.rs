//! rustc-style output: the rule, the message, `--> file:line:column`, the source line with a
//! caret under the offending key, a help line, and a summary line last. With `--base`: the
//! new diagnostics so, then a count of existing ones, the fixed ones as a short list, and
//! what the change does to the program.

use super::{counts, new_counts, what_changes};
use crate::compare::Comparison;
use crate::diagnostics::{Diagnostic, Findings, Severity, plural};
use crate::source::Sources;
use chrono::NaiveDate;
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const CYAN: &str = "\x1b[1;36m";

struct Paint(bool);

impl Paint {
    fn wrap(&self, style: &str, text: &str) -> String {
        if self.0 {
            format!("{style}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }
}

pub fn render(findings: &Findings, sources: &Sources, as_of: NaiveDate, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    for d in &findings.diagnostics {
        let line = if d.snippet {
            sources.line(&d.file, d.pos.line)
        } else {
            None
        };
        diagnostic(&mut out, d, line, &paint);
    }
    let summary = format!(
        "{} in {} checked as of {as_of}",
        counts(findings),
        crate::diagnostics::plural(findings.files, "file")
    );
    let style = match (findings.errors(), findings.warnings()) {
        (0, 0) => BOLD,
        (0, _) => YELLOW,
        _ => RED,
    };
    let _ = writeln!(out, "{}", paint.wrap(style, &summary));
    out
}

pub fn render_compared(
    comparison: &Comparison,
    sources: &Sources,
    as_of: NaiveDate,
    color: bool,
) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    if let Some(note) = &comparison.note {
        let _ = writeln!(out, "{}: {note}\n", paint.wrap(CYAN, "note"));
    }
    for d in &comparison.new {
        let line = if d.snippet {
            sources.line(&d.file, d.pos.line)
        } else {
            None
        };
        diagnostic(&mut out, d, line, &paint);
    }
    if !comparison.existing.is_empty() {
        let _ = writeln!(
            out,
            "{} (not introduced by this change): run without --base to see them\n",
            plural(comparison.existing.len(), "existing problem")
        );
    }
    let fixed = comparison
        .fixed
        .iter()
        .map(|d| format!("[{}] {}: {}", d.rule.id(), d.file, d.message));
    list(&mut out, "fixed by this change:", fixed, &paint);
    list(
        &mut out,
        "what this change does:",
        what_changes(comparison).into_iter(),
        &paint,
    );
    let summary = format!(
        "{}, {} fixed, {} existing in {} checked as of {as_of}, compared with {}",
        new_counts(comparison),
        comparison.fixed.len(),
        comparison.existing.len(),
        plural(comparison.files, "file"),
        comparison.reference
    );
    let style = match (comparison.new_errors(), comparison.new_warnings()) {
        (0, 0) => BOLD,
        (0, _) => YELLOW,
        _ => RED,
    };
    let _ = writeln!(out, "{}", paint.wrap(style, &summary));
    out
}

/// A heading and its items, then a blank line; nothing when there are no items.
fn list(out: &mut String, heading: &str, items: impl Iterator<Item = String>, paint: &Paint) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    let _ = writeln!(out, "{}", paint.wrap(BOLD, heading));
    for item in items {
        let _ = writeln!(out, "  - {item}");
    }
    out.push('\n');
}

fn diagnostic(out: &mut String, d: &Diagnostic, line: Option<&str>, paint: &Paint) {
    let style = match d.severity {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
    };
    let head = paint.wrap(style, &format!("{}[{}]", d.severity, d.rule.id()));
    let _ = writeln!(
        out,
        "{head}{}",
        paint.wrap(BOLD, &format!(": {}", d.message))
    );
    let number = d.pos.line.to_string();
    let pad = " ".repeat(number.len());
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        paint.wrap(BLUE, "-->"),
        d.file,
        d.pos.line,
        d.pos.column
    );
    let bar = paint.wrap(BLUE, "|");
    if let Some(line) = line {
        let (line, skip) = window(line, d.pos.column.saturating_sub(1) as usize);
        let width = caret_width(line.chars().skip(skip));
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(out, "{} {bar} {line}", paint.wrap(BLUE, &number));
        let carets = paint.wrap(style, &"^".repeat(width));
        let _ = writeln!(out, "{pad} {bar} {}{carets}", " ".repeat(skip));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(
            out,
            "{pad} {} {}: {help}",
            paint.wrap(BLUE, "="),
            paint.wrap(CYAN, "help")
        );
    }
    out.push('\n');
}

/// The part of a source line worth showing: control characters made harmless (a record
/// cannot send escape codes to the terminal), and a long line cut to a window around the
/// column. Returns the text and the column's offset in it.
fn window(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 120;
    // One character for one, so the caret stays under its column.
    let clean = |c: char| match c {
        '\t' => ' ',
        c if c.is_control() || crate::inert::acts(c) => '\u{fffd}',
        c => c,
    };
    let chars: Vec<char> = line.chars().map(clean).collect();
    if chars.len() <= WIDTH {
        return (chars.into_iter().collect(), column);
    }
    let start = column.saturating_sub(WIDTH / 3).min(chars.len());
    let end = (start + WIDTH).min(chars.len());
    let mut text: String = chars[start..end].iter().collect();
    let mut offset = column - start;
    if start > 0 {
        text.insert(0, '…');
        offset += 1;
    }
    if end < chars.len() {
        text.push('…');
    }
    (text, offset)
}

/// Underlines the key or word at the position: up to a `:`, a space or a bracket.
fn caret_width(rest: impl Iterator<Item = char>) -> usize {
    rest.take_while(|c| !c.is_whitespace() && !matches!(c, ':' | ',' | ']' | '}'))
        .count()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn snippets_are_safe_and_short() {
        assert_eq!(
            window("a:\x1b[31m\tb", 0),
            ("a:\u{fffd}[31m b".to_owned(), 0)
        );
        let long = format!("name: {}", "x".repeat(1000));
        let (text, offset) = window(&long, 500);
        assert_eq!(text.chars().count(), 122);
        assert_eq!(offset, 41);
        assert!(text.starts_with('…') && text.ends_with('…'));
    }
}
