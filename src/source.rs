//! A record file's text: UTF-8 decoding with a precise position for the first bad byte,
//! byte offset → line:column, and Markdown front matter that keeps its line numbers. A leaf
//! module: positions are the bottom of the pipeline.

/// A position in a file: 1-based line and (character) column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// The start of a file: where problems with a whole file point.
    pub const START: Pos = Pos { line: 1, column: 1 };

    pub fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
}

const BOM: char = '\u{feff}';

/// The text of every file the loader read, by the path shown to the user: what the human
/// report quotes a line of, so no file is read twice.
#[derive(Debug, Default)]
pub struct Sources(std::collections::HashMap<String, String>);

impl Sources {
    pub fn insert(&mut self, file: String, text: String) {
        self.0.insert(file, text);
    }

    /// Line `line` (1-based) of `file`, when it was read.
    pub fn line(&self, file: &str, line: u32) -> Option<&str> {
        line_text(self.0.get(file)?, line)
    }
}

/// Decodes a file's bytes, dropping a leading UTF-8 byte-order mark. On failure, returns the
/// position of the first byte that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, Pos> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix(BOM).unwrap_or(text)),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let prefix = prefix.strip_prefix(BOM).unwrap_or(prefix);
            Err(position(prefix, prefix.len()))
        }
    }
}

/// The 1-based line and character column of a byte offset in `text`.
pub fn position(text: &str, offset: usize) -> Pos {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let bytes = text.as_bytes();
    // Line breaks as `lines` reads them: `\n`, `\r\n` (once) and a lone `\r`.
    let (mut line, mut line_start) = (1, 0);
    for (i, &b) in before.as_bytes().iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = before[line_start..].chars().count() + 1;
    Pos::new(saturate(line), saturate(column))
}

pub fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The front matter of a Markdown record, and where it starts.
#[derive(Debug, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    pub yaml: &'a str,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
    /// Lines before the YAML (the opening `---`): add this to parser line numbers.
    pub line_offset: u32,
}

#[derive(Debug, PartialEq, Eq)]
pub enum FrontMatterError {
    /// The file does not start with a `---` line.
    Missing,
    /// No closing `---` line.
    Unterminated,
}

/// The lines of `text`, each with its line ending: `\n`, `\r\n` or a lone `\r` (old Mac
/// files, some web editors), as YAML reads them.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => i + 2,
            Some(i) => i + 1,
            None => rest.len(),
        };
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

/// Splits `---\n<yaml>---\n<body>`; CRLF and CR-only line endings are accepted.
pub fn front_matter(text: &str) -> Result<FrontMatter<'_>, FrontMatterError> {
    let mut lines = lines(text);
    let first = lines.next().ok_or(FrontMatterError::Missing)?;
    if !is_delimiter(first) {
        return Err(FrontMatterError::Missing);
    }
    let start = first.len();
    let mut end = start;
    for line in lines {
        if is_delimiter(line) {
            return Ok(FrontMatter {
                yaml: &text[start..end],
                body: &text[end + line.len()..],
                line_offset: 1,
            });
        }
        end += line.len();
    }
    Err(FrontMatterError::Unterminated)
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "---"
}

/// The text of line `line` (1-based) without its line ending, for snippets.
pub fn line_text(text: &str, line: u32) -> Option<&str> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    lines(text)
        .nth(index)
        .map(|l| l.trim_end_matches(['\n', '\r']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        assert_eq!(position("a\rb\r\nc", 5), Pos::new(3, 1));
        assert_eq!(position("a\r\nb", 3), Pos::new(2, 1));
        assert_eq!(position("ab\ncé\nx", 6), Pos::new(2, 3));
        assert_eq!(position("ab\ncé\nx", 7), Pos::new(3, 1));
        assert_eq!(position("abc", 0), Pos::new(1, 1));
    }

    #[test]
    fn decode_points_at_first_bad_byte() {
        assert_eq!(decode(b"a: 1\nb: \xff\n"), Err(Pos::new(2, 4)));
        assert_eq!(decode("\u{feff}a: 1".as_bytes()), Ok("a: 1"));
        assert_eq!(decode(b"\xef\xbb\xbfa: \xff"), Err(Pos::new(1, 4)));
    }

    #[test]
    fn front_matter_with_crlf() {
        let fm = front_matter("---\r\nmode: email\r\n---\r\nnotes\r\n").unwrap();
        assert_eq!(fm.yaml, "mode: email\r\n");
        assert_eq!(fm.body, "notes\r\n");
        assert_eq!(fm.line_offset, 1);
        assert_eq!(front_matter("mode: x\n"), Err(FrontMatterError::Missing));
        assert_eq!(
            front_matter("---\nmode: x\n"),
            Err(FrontMatterError::Unterminated)
        );
        assert_eq!(front_matter("---\n---\n").unwrap().yaml, "");
        let cr = front_matter("---\rmode: email\r---\rnotes\r").unwrap();
        assert_eq!((cr.yaml, cr.body), ("mode: email\r", "notes\r"));
        assert_eq!(line_text("a\rb\r\nc\nd", 3), Some("c"));
        assert_eq!(line_text("a\rb\r\nc\nd", 2), Some("b"));
    }
}
