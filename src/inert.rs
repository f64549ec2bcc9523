//! Text from records made inert before any output shows it: on a terminal it cannot move the
//! cursor, retitle the window or fake a line (control characters and bidirectional
//! overrides are shown escaped, `\u{1b}`); in Markdown — the step summary, the reminders
//! issue — it cannot format, link, mention anyone, reference an issue, open an HTML tag,
//! break a table cell or start a new line. A leaf module.

use std::borrow::Cow;

/// Characters a terminal or a text view acts on rather than shows: C0 controls except tab
/// and newline, DEL and C1 controls, and the bidirectional embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) that can make text read backwards.
pub fn acts(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` with every character a terminal acts on written as a Rust escape (`\u{1b}`).
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` as literal Markdown, on one line. Markdown punctuation is backslash-escaped; `&`,
/// `<` and `>` become character references; `@` and `#` are followed by a zero-width
/// space, which GitHub's mention and issue-reference linkers do not cross; line breaks
/// become spaces and other control characters are shown escaped.
pub fn markdown(text: &str) -> String {
    let text = escaped(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' | '#' => {
                out.push(c);
                out.push_str("&#8203;");
            }
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escaped, markdown as inert};

    #[test]
    fn ordinary_text_is_unchanged() {
        assert_eq!(
            inert("r-2026-001: next meeting"),
            "r-2026-001: next meeting"
        );
        assert_eq!(inert("Zoë Núñez (mentor)"), "Zoë Núñez (mentor)");
    }

    #[test]
    fn markup_mentions_and_lines_are_defused() {
        assert_eq!(inert("a|b"), "a\\|b");
        assert_eq!(inert("[x](javascript:1)"), "\\[x\\](javascript:1)");
        assert_eq!(inert("`code` *b* _i_"), "\\`code\\` \\*b\\* \\_i\\_");
        assert_eq!(inert("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(inert("&amp;"), "&amp;amp;");
        assert_eq!(inert("@org/team #12"), "@&#8203;org/team #&#8203;12");
        assert_eq!(
            inert("one\n## two\u{7}"),
            "one ## two\\\\u{7}".replace('#', "#&#8203;")
        );
        assert_eq!(inert("\\"), "\\\\");
    }

    #[test]
    fn terminal_controls_are_shown_escaped() {
        let hostile = "\u{1b}]0;PWNED\u{7}\u{1b}[2K\u{1b}[1Aerror: fake";
        assert_eq!(
            escaped(hostile),
            "\\u{1b}]0;PWNED\\u{7}\\u{1b}[2K\\u{1b}[1Aerror: fake"
        );
        assert_eq!(escaped("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escaped("tab\tand\nline"), "tab\tand\nline");
        assert!(matches!(escaped("plain"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(escaped("\u{9b}31m"), "\\u{9b}31m");
    }
}
