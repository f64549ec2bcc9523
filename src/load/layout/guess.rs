//! The name someone meant for a meeting or an evaluation file they named another way:
//! `1-21-2026.md`, `meeting-2026-01-21.md` and `21_01_2026.md` → `2026-01-21.md`;
//! `Q1-2026.yaml`, `2026 Q1.yml` and `evaluation-2026q1.yaml` → `2026-Q1.yaml`. A name is
//! read as words (split at `-`, `_`, `.` and spaces); words of letters alone (`meeting`) are
//! set aside, and anything else must make exactly one date (or one quarter), or nothing is
//! suggested.

use crate::load::fields::date_from_parts;
use crate::model::Quarter;
use chrono::NaiveDate;

fn words(stem: &str) -> Vec<&str> {
    stem.split(['-', '_', '.', ' '])
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_label(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
}

fn digits(word: &str, len: usize) -> bool {
    word.len() == len && word.bytes().all(|b| b.is_ascii_digit())
}

/// A meeting's date and sequence number (1 when it has none) read from a file name's stem.
pub fn meeting(stem: &str) -> Option<(NaiveDate, u32)> {
    let numbers: Vec<&str> = words(stem).into_iter().filter(|w| !is_label(w)).collect();
    match numbers[..] {
        [whole] if digits(whole, 8) => Some((
            date_from_parts([&whole[..4], &whole[4..6], &whole[6..]])?,
            1,
        )),
        [a, b, c] => Some((date_from_parts([a, b, c])?, 1)),
        [a, b, c, n] => {
            let n: u32 = n.parse().ok().filter(|n| *n >= 2)?;
            Some((date_from_parts([a, b, c])?, n))
        }
        _ => None,
    }
}

/// An evaluation's quarter read from a file name's stem; its number may be out of range
/// (`2026-Q5`), which the caller reports.
pub fn quarter(stem: &str) -> Option<Quarter> {
    let upper = stem.to_uppercase();
    let mut year = None;
    let mut number = None;
    for word in words(&upper) {
        let (y, q) = split_glued(word);
        for (found, slot) in [(y, &mut year), (q, &mut number)] {
            if let Some(value) = found
                && slot.replace(value).is_some()
            {
                return None;
            }
        }
        if y.is_none() && q.is_none() && !is_label(word) {
            return None;
        }
    }
    Some(Quarter {
        year: i32::try_from(year?).ok()?,
        number: number?,
    })
}

/// A word's year and quarter: `2026`, `Q1`, `2026Q1` or `Q12026`.
fn split_glued(word: &str) -> (Option<u32>, Option<u32>) {
    let quarter = |w: &str| {
        w.strip_prefix('Q')
            .filter(|n| digits(n, 1))
            .and_then(|n| n.parse().ok())
    };
    let year = |w: &str| digits(w, 4).then(|| w.parse().ok()).flatten();
    if let Some(q) = quarter(word) {
        return (None, Some(q));
    }
    if let Some(y) = year(word) {
        return (Some(y), None);
    }
    let part = |range: std::ops::Range<usize>| word.get(range).unwrap_or_default();
    match word.find('Q') {
        Some(4) => (year(part(0..4)), quarter(part(4..word.len()))),
        Some(0) if word.len() == 6 => (year(part(2..6)), quarter(part(0..2))),
        _ => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(stem: &str) -> Option<String> {
        meeting(stem).map(|(d, n)| match n {
            1 => d.format("%Y-%m-%d").to_string(),
            n => format!("{}-{n}", d.format("%Y-%m-%d")),
        })
    }

    #[test]
    fn meeting_names() {
        assert_eq!(named("1-21-2026").as_deref(), Some("2026-01-21"));
        assert_eq!(named("meeting-2026-01-21").as_deref(), Some("2026-01-21"));
        assert_eq!(named("Meeting 1_21_2026").as_deref(), Some("2026-01-21"));
        assert_eq!(named("21.01.2026").as_deref(), Some("2026-01-21"));
        assert_eq!(named("05-06-2026").as_deref(), Some("2026-05-06"));
        assert_eq!(named("2026-1-5").as_deref(), Some("2026-01-05"));
        assert_eq!(named("1-21-2026-2").as_deref(), Some("2026-01-21-2"));
        assert_eq!(named("20260121").as_deref(), Some("2026-01-21"));
        for stem in [
            "notes",
            "2-30-2026",
            "13-13-2026",
            "1-21-2026-1",
            "3rd-1-2026",
            "1-2-3-4-5",
        ] {
            assert_eq!(named(stem), None, "{stem}");
        }
    }

    #[test]
    fn quarter_names() {
        let q = |stem: &str| quarter(stem).map(|q| q.to_string());
        for stem in [
            "Q1-2026",
            "q1_2026",
            "2026 Q1",
            "2026Q1",
            "evaluation-2026-q1",
            "Q12026",
        ] {
            assert_eq!(q(stem).as_deref(), Some("2026-Q1"), "{stem}");
        }
        assert_eq!(q("2026-Q5").as_deref(), Some("2026-Q5"));
        for stem in [
            "2026",
            "Q1",
            "2026-Q1-Q2",
            "2026-2027-Q1",
            "2026-Q12",
            "+202-Q1",
        ] {
            assert_eq!(q(stem), None, "{stem}");
        }
    }
}
