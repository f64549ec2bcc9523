//! Dates as records write them (`YYYY-MM-DD`, real days only) and the dates someone probably
//! meant when they wrote one otherwise: `2026-3-5`, `1/21/2026`, `21.01.2026`, `20260121`.
//! Shared by value messages (`start: 1/21/2026` → "write it as 2026-01-21") and file names
//! (`1-21-2026.md` → `2026-01-21.md`).
//!
//! The program is a US one, so two numbers before the year are month then day; they are read
//! as day then month only when the first cannot be a month (over 12). Nothing else is
//! guessed: `2026-02-30` is no date at all.

use chrono::NaiveDate;

/// A `YYYY-MM-DD` date that exists; the error completes "`key` …".
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err("must be a date written YYYY-MM-DD".into());
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("is not a real date: {s}"))
}

/// The real date `text` means when it is written in another common way: year, month and day
/// with `-`, `/`, `.` or `_` between them and without leading zeros, US order (M-D-YYYY),
/// day first when the day is over 12, or eight digits (YYYYMMDD).
pub fn loose_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return date_from_parts([&text[..4], &text[4..6], &text[6..]]);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.', '_']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    date_from_parts([a, b, c])
}

/// Three numbers read as a date: year first (Y-M-D), or year last (M-D-Y, or D-M-Y when the
/// first number is over 12).
pub fn date_from_parts([a, b, c]: [&str; 3]) -> Option<NaiveDate> {
    let number = |s: &str, max_len: usize| -> Option<u32> {
        let ok = (1..=max_len).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| s.parse().ok()).flatten()
    };
    let year = |s: &str| (s.len() == 4).then(|| number(s, 4)).flatten();
    let (y, m, d) = if let Some(y) = year(a) {
        (y, number(b, 2)?, number(c, 2)?)
    } else {
        let (first, second) = (number(a, 2)?, number(b, 2)?);
        let y = year(c)?;
        if first > 12 {
            (y, second, first)
        } else {
            (y, first, second)
        }
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<String> {
        loose_date(text).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn the_date_someone_meant() {
        assert_eq!(day("2026-3-5").as_deref(), Some("2026-03-05"));
        assert_eq!(day("1/21/2026").as_deref(), Some("2026-01-21"));
        assert_eq!(day("1-21-2026").as_deref(), Some("2026-01-21"));
        assert_eq!(day("05.06.2026").as_deref(), Some("2026-05-06"));
        assert_eq!(day("21.01.2026").as_deref(), Some("2026-01-21"));
        assert_eq!(day("2026_01_21").as_deref(), Some("2026-01-21"));
        assert_eq!(day("20260121").as_deref(), Some("2026-01-21"));
        assert_eq!(day("2026/1/21").as_deref(), Some("2026-01-21"));
    }

    #[test]
    fn nothing_is_guessed_that_is_not_a_date() {
        for text in [
            "2-30-2026",
            "13-13-2026",
            "26-1-21",
            "2026-01",
            "1-2-3",
            "2026",
            "",
        ] {
            assert_eq!(day(text), None, "{text}");
        }
        assert!(
            parse_date("2026-02-30")
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(parse_date("2026-1-5").is_err());
    }
}
