//! Texts as the guard compares them when it decides an exemption: as words. A text's words
//! are its folded runs of letters and digits, one space between them, so "On track." and the
//! label "on-track" are both `on track`, and "2026-10-14" is `2026 10 14`.
//!
//! [`Phrases`] finds a text's words as whole words inside a larger text (the site's own text,
//! the public values, `guidelines.md`); [`is_written_date`] recognises a text that is only a
//! date the way people write one ("October 2026", "Tuesday 14 October 2026", "2026-10-14").

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

/// `folded` (already folded, `crate::fold`) as words; borrowed when it already is (most
/// watched values, whose ends are trimmed).
pub fn words(folded: &str) -> Cow<'_, str> {
    let is_words = if folded.is_ascii() {
        let b = folded.as_bytes();
        !b.is_empty()
            && b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && !b.windows(2).any(|w| w == b"  ")
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ')
    } else {
        folded
            .split(' ')
            .all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
    };
    if is_words {
        return Cow::Borrowed(folded);
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Bytes of a phrase that key the index.
const KEY: usize = 6;

/// Segments of text (each source string one segment), searchable for a phrase of whole
/// words: every word start is indexed under the six bytes that begin there.
pub struct Phrases {
    /// The words of every segment, each segment ended by `\n`.
    text: String,
    /// Where each segment starts in `text`.
    starts: Vec<usize>,
    /// Six bytes at a word start → the word starts where they occur.
    index: HashMap<u64, Vec<u32>>,
}

impl Phrases {
    /// Indexes `segments`, each folded (`crate::fold`) and reduced to words here.
    pub fn new<'s>(segments: impl IntoIterator<Item = &'s str>) -> Phrases {
        let mut text = String::new();
        let mut starts = Vec::new();
        for segment in segments {
            starts.push(text.len());
            text.push_str(&words(&crate::fold::fold(segment)));
            text.push('\n');
        }
        let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
        let bytes = text.as_bytes();
        for (at, _) in text.char_indices() {
            let word_start = at == 0 || matches!(bytes[at - 1], b' ' | b'\n');
            if word_start && bytes[at] != b'\n' && bytes.len() >= at + KEY {
                let position = u32::try_from(at).unwrap_or(u32::MAX);
                index.entry(pack(&bytes[at..])).or_default().push(position);
            }
        }
        Phrases {
            text,
            starts,
            index,
        }
    }

    /// The segment in which `phrase` (words, as [`words`] makes them) occurs as whole words.
    pub fn find(&self, phrase: &str) -> Option<usize> {
        if phrase.is_empty() {
            return None;
        }
        let at = if phrase.len() >= KEY {
            let candidates = self.index.get(&pack(phrase.as_bytes()))?;
            candidates
                .iter()
                .map(|&p| p as usize)
                .find(|&p| self.whole_at(p, phrase))?
        } else {
            self.text
                .match_indices(phrase)
                .map(|(p, _)| p)
                .find(|&p| self.whole_at(p, phrase))?
        };
        Some(self.starts.partition_point(|&start| start <= at) - 1)
    }

    /// Whether `phrase` starts at word start `at` and ends at a word's end.
    fn whole_at(&self, at: usize, phrase: &str) -> bool {
        let bytes = self.text.as_bytes();
        let starts_word = at == 0 || matches!(bytes[at - 1], b' ' | b'\n');
        let end = at + phrase.len();
        starts_word
            && self.text[at..].starts_with(phrase)
            && matches!(bytes.get(end), Some(b' ' | b'\n') | None)
    }
}

/// The first `KEY` bytes of `bytes` as one number.
fn pack(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(KEY)
        .fold(0, |key, &b| key << 8 | u64::from(b))
}

pub use crate::dates::MONTHS;

/// The weekdays' names.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` (folded) is one of `names` in full or in its first three letters.
fn is_name(word: &str, names: &[&str]) -> bool {
    names.iter().any(|name| {
        name.eq_ignore_ascii_case(word) || (word.len() == 3 && name[..3].eq_ignore_ascii_case(word))
    })
}

/// A month's name in full, in three letters, or "sept".
fn is_month(word: &str) -> bool {
    word == "sept" || is_name(word, &MONTHS)
}

fn is_weekday(word: &str) -> bool {
    is_name(word, &WEEKDAYS)
}

fn is_number(word: &str, digits: std::ops::RangeInclusive<usize>) -> bool {
    digits.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// A day of the month: `14`, or an ordinal such as `14th`.
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    is_number(digits, 1..=2) && ["", "st", "nd", "rd", "th"].contains(&suffix)
}

fn is_year(word: &str) -> bool {
    is_number(word, 4..=4)
}

fn is_quarter(word: &str) -> bool {
    matches!(word, "q1" | "q2" | "q3" | "q4")
}

/// Whether `words` (as [`words`] makes them) are only a date, a month or a quarter, written
/// as people head a note: "october 2026", "14 october 2026", "tue 14 oct", "october 14 2026",
/// "2026 10 14" (from 2026-10-14), "2026 q4". Never a number alone, so a phone number or a
/// membership number is not a date.
pub fn is_written_date(words: &str) -> bool {
    // The longest: "wednesday 14th september 2026".
    if words.len() > 30 {
        return false;
    }
    let mut all = words.split(' ').peekable();
    if all.peek().is_some_and(|w| is_weekday(w)) {
        all.next();
    }
    let mut date = [""; 4];
    let mut count = 0;
    for word in all {
        if count == date.len() {
            return false;
        }
        date[count] = word;
        count += 1;
    }
    match &date[..count] {
        [month] => is_month(month),
        [a, b] => {
            (is_month(a) && (is_year(b) || is_day(b)))
                || (is_day(a) && is_month(b))
                || (is_year(a) && is_quarter(b))
                || (is_quarter(a) && is_year(b))
        }
        [a, b, c] => {
            (is_day(a) && is_month(b) && is_year(c))
                || (is_month(a) && is_day(b) && is_year(c))
                || (is_year(a) && is_number(b, 1..=2) && is_number(c, 1..=2))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_runs_of_letters_and_digits() {
        assert_eq!(words("on-track"), "on track");
        assert_eq!(words("  # october 2026! "), "october 2026");
        assert_eq!(words("2026-10-14"), "2026 10 14");
        assert_eq!(words("— · —"), "");
    }

    #[test]
    fn phrases_are_found_as_whole_words_within_one_segment() {
        let phrases = Phrases::new(["Outreach Assistant", "On track", "Reference desk"]);
        assert_eq!(phrases.find("outreach"), Some(0));
        assert_eq!(phrases.find("on track"), Some(1));
        assert_eq!(phrases.find("reference desk"), Some(2));
        assert_eq!(phrases.find("desk"), Some(2), "short phrases too");
        assert_eq!(phrases.find("outrea"), None, "not inside a word");
        assert_eq!(phrases.find("assistant on"), None, "not across segments");
        assert_eq!(phrases.find("track"), Some(1));
        assert_eq!(phrases.find(""), None);
        assert_eq!(Phrases::new(["Inés Muñoz"]).find("ines munoz"), Some(0));
    }

    #[test]
    fn written_dates_are_dates_and_nothing_else() {
        for date in [
            "october 2026",
            "oct 2026",
            "14 october 2026",
            "14th october",
            "tuesday 14 october 2026",
            "october 14 2026",
            "2026 10 14",
            "2026 q4",
            "sept 2026",
        ] {
            assert!(is_written_date(date), "{date}");
        }
        for other in [
            "417 555 0100",
            "20261130",
            "123456",
            "october budget",
            "mla 55012",
            "2026",
            "may we meet",
        ] {
            assert!(!is_written_date(other), "{other}");
        }
    }
}
