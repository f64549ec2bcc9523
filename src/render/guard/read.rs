//! An output file as its reader sees it, folded like the watched values: HTML with its
//! character references decoded (as a browser shows it), JSON with its escapes undone (`\"`,
//! `\\`, `\/`, `\uXXXX`), iCalendar unfolded and unescaped, CSV with its doubled quotes made
//! single. Every step copies only when it changes something: most pages are ASCII but for a
//! few dashes, which fold to themselves.

use std::borrow::Cow;

/// `bytes` of the output file at `path`, decoded as its kind of file is read.
pub fn as_read<'a>(path: &str, bytes: &'a [u8]) -> Cow<'a, [u8]> {
    let has = |b: u8| bytes.contains(&b);
    match path.rsplit('.').next() {
        Some("html") if has(b'&') => Cow::Owned(decode_references(bytes)),
        Some("json") if has(b'\\') => Cow::Owned(decode_json(bytes)),
        Some("ics") => Cow::Owned(decode_ics(bytes)),
        Some("csv") if has(b'"') => Cow::Owned(replace(bytes, b"\"\"", b"\"")),
        _ => Cow::Borrowed(bytes),
    }
}

/// `bytes` folded (`crate::fold`): ASCII letters are left for the search to compare in any
/// case; each run of other characters is folded, and the text copied only when a run changes.
pub fn folded(bytes: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(start) = bytes[at..].iter().position(|&b| b >= 0x80) {
        let start = at + start;
        let end = bytes[start..]
            .iter()
            .position(|&b| b < 0x80)
            .map_or(bytes.len(), |n| start + n);
        at = end;
        let run = String::from_utf8_lossy(&bytes[start..end]);
        if folds_to_itself(&run) && matches!(run, Cow::Borrowed(_)) {
            continue;
        }
        let out = out.get_or_insert_with(|| Vec::with_capacity(bytes.len()));
        out.extend_from_slice(&bytes[copied..start]);
        out.extend_from_slice(crate::fold::fold(&run).as_bytes());
        copied = end;
    }
    match out {
        Some(mut out) => {
            out.extend_from_slice(&bytes[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(bytes),
    }
}

/// Whether folding leaves `run` as it is: the dashes, dots and quotes templates write are
/// known to; anything else is folded to see.
fn folds_to_itself(run: &str) -> bool {
    run.chars()
        .all(|c| matches!(c, '—' | '–' | '·' | '’' | '‘' | '“' | '”' | '•' | '→' | '←'))
        || crate::fold::fold(run) == run
}

/// HTML text with its character references decoded: the named ones templates produce
/// (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`) and every numeric one.
pub fn decode_references(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'&'
            && let Some(end) = bytes[i..].iter().take(12).position(|&b| b == b';')
            && let Some(c) = reference(&bytes[i + 1..i + end])
        {
            push_char(&mut out, c);
            i += end + 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn reference(name: &[u8]) -> Option<char> {
    let number = |digits: &[u8], radix| {
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, radix)
            .ok()
            .and_then(char::from_u32)
    };
    match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        b"nbsp" => Some(' '),
        [b'#', b'x' | b'X', hex @ ..] => number(hex, 16),
        [b'#', decimal @ ..] => number(decimal, 10),
        _ => None,
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buffer = [0; 4];
    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

/// JSON with its string escapes undone; a `\u` surrogate pair is one character, a lone
/// surrogate U+FFFD.
pub fn decode_json(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let Some(&next) = bytes.get(i + 1).filter(|_| bytes[i] == b'\\') else {
            out.push(bytes[i]);
            i += 1;
            continue;
        };
        let (c, used) = match next {
            b'u' => unicode_escape(&bytes[i..]),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            other => (char::from(other), 2),
        };
        push_char(&mut out, c);
        i += used;
    }
    out
}

/// The character of a `\uXXXX` escape (or pair of them) at the start of `bytes`, and how many
/// bytes it took.
fn unicode_escape(bytes: &[u8]) -> (char, usize) {
    let unit = |at: usize| {
        let hex = bytes.get(at + 2..at + 6)?;
        (bytes.get(at..at + 2)? == b"\\u")
            .then(|| u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok())
            .flatten()
    };
    let Some(first) = unit(0) else {
        return ('\\', 1);
    };
    if (0xD800..0xDC00).contains(&first)
        && let Some(second) = unit(6).filter(|u| (0xDC00..0xE000).contains(u))
    {
        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        return (char::from_u32(c).unwrap_or('\u{FFFD}'), 12);
    }
    (char::from_u32(first).unwrap_or('\u{FFFD}'), 6)
}

/// iCalendar with its folded lines joined and its TEXT escapes (`\\`, `\;`, `\,`, `\n`)
/// undone.
pub fn decode_ics(bytes: &[u8]) -> Vec<u8> {
    let unfolded = replace(&replace(bytes, b"\r\n ", b""), b"\r\n\t", b"");
    let mut out = Vec::with_capacity(unfolded.len());
    let mut i = 0;
    while i < unfolded.len() {
        match (unfolded[i], unfolded.get(i + 1)) {
            (b'\\', Some(b'n' | b'N')) => out.push(b'\n'),
            (b'\\', Some(&escaped @ (b'\\' | b';' | b','))) => out.push(escaped),
            (byte, _) => {
                out.push(byte);
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    out
}

/// `bytes` with every `from` replaced by `to`.
fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Whether the character that ends just before `at` is a letter or digit.
pub fn word_char_before(text: &[u8], at: usize) -> bool {
    let Some(&last) = at.checked_sub(1).and_then(|p| text.get(p)) else {
        return false;
    };
    if last.is_ascii() {
        return last.is_ascii_alphanumeric();
    }
    let start = (at.saturating_sub(4)..at)
        .rev()
        .find(|&p| text[p] & 0xC0 != 0x80)
        .unwrap_or(at - 1);
    std::str::from_utf8(&text[start..at])
        .ok()
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

/// Whether the character that starts at `at` is a letter or digit.
pub fn word_char_at(text: &[u8], at: usize) -> bool {
    let Some(&first) = text.get(at) else {
        return false;
    };
    if first.is_ascii() {
        return first.is_ascii_alphanumeric();
    }
    let end = (at + 4).min(text.len());
    (at + 1..=end)
        .find_map(|e| std::str::from_utf8(&text[at..e]).ok())
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str, text: &str) -> String {
        String::from_utf8(folded(&as_read(path, text.as_bytes())).into_owned()).unwrap()
    }

    #[test]
    fn pages_are_read_as_a_browser_shows_them() {
        assert_eq!(
            read(
                "a.html",
                "Sam&#39;s &amp; Jo&#x27;s &lt;b&gt; &quot;x&quot; &bogus; &"
            ),
            "Sam's & Jo's <b> \"x\" &bogus; &"
        );
        assert_eq!(read("a.css", "&amp;"), "&amp;", "only pages are decoded");
    }

    #[test]
    fn json_escapes_are_undone() {
        assert_eq!(
            read(
                "data.json",
                r#"{"a":"say \"hi\" \\ a\/b \u00c9mile \ud83d\ude00 \ud800x"}"#
            ),
            "{\"a\":\"say \"hi\" \\ a/b emile \u{1F600} \u{FFFD}x\"}"
        );
    }

    #[test]
    fn calendars_are_unfolded_and_unescaped() {
        assert_eq!(
            read(
                "calendar.ics",
                "SUMMARY:Smith\\, Jo\r\n hn\\; a\\\\b\\nc\r\n"
            ),
            "SUMMARY:Smith, John; a\\b\nc\r\n"
        );
    }

    #[test]
    fn csv_quotes_are_single() {
        assert_eq!(
            read("r.csv", "\"He said \"\"hi\"\"\""),
            "\"He said \"hi\"\""
        );
    }

    #[test]
    fn text_is_folded_and_copied_only_when_it_changes() {
        assert!(matches!(folded(b"plain"), Cow::Borrowed(_)));
        assert!(matches!(folded("a — b · c".as_bytes()), Cow::Borrowed(_)));
        assert_eq!(
            folded("Inés — MUÑOZ".as_bytes()).as_ref(),
            "Ines — MUnOZ".as_bytes(),
            "ASCII letters are left for the search; other runs fold"
        );
    }

    #[test]
    fn word_characters_around_a_match() {
        let text = "é1 a";
        assert!(word_char_before(text.as_bytes(), 2), "é");
        assert!(word_char_at(text.as_bytes(), 0));
        assert!(!word_char_before(text.as_bytes(), 0));
        assert!(!word_char_at(text.as_bytes(), 3), "space");
        assert!(!word_char_at(text.as_bytes(), 5), "end");
        assert!(!word_char_before("—x".as_bytes(), 3), "a dash");
    }
}
