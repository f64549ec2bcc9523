//! Text a person typed, made inert for GitHub-flavoured Markdown: it reads the same, but
//! cannot format, link, mention anyone, reference an issue, open an HTML tag, break a
//! table cell or start a new line. For `status --format markdown` (an issue body that a
//! workflow posts) and any other Markdown that quotes record text.

/// `text` as literal Markdown. Markdown punctuation is backslash-escaped; `&`, `<` and `>`
/// become character references; `@` and `#` are followed by a zero-width space, which
/// GitHub's mention and issue-reference linkers do not cross; control characters
/// (newlines included) become U+FFFD.
pub fn inert(text: &str) -> String {
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
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inert;

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
            "one\u{FFFD}## two\u{FFFD}".replace('#', "#&#8203;")
        );
        assert_eq!(inert("\\"), "\\\\");
    }
}
