//! How good an eligible pair is (cli.md, "Matching"): a mentor at another library (new
//! networks), each shared interest, and a mentor with fewer mentees; `mentor-seniority` is
//! a named penalty. Every point has a reason the committee reads.

use crate::model::Person;

/// A mentor at another library than the mentee's.
pub const OTHER_LIBRARY: i64 = 1;
/// Each interest both wrote.
pub const SHARED_INTEREST: i64 = 1;
/// `mentor-seniority` fired: the mentee has worked in libraries longer.
pub const JUNIOR_MENTOR: i64 = -2;
/// A mentor with no other mentee gets this; each other mentee takes a point off.
pub const FREE_MENTOR: i64 = 2;

/// The points of a pair before the mentor's load, and their reasons.
pub fn pair(mentee: &Person, mentor: &Person, junior_mentor: bool) -> (i64, Vec<String>) {
    let mut points = 0;
    let mut reasons = Vec::new();
    let library = |p: &Person| p.library.as_ref().map(|l| squashed(&l.value));
    if let (Some(a), Some(b)) = (library(mentee), library(mentor))
        && a != b
    {
        points += OTHER_LIBRARY;
        reasons.push("different libraries".to_owned());
    }
    let offered: Vec<String> = mentor.interests.iter().map(|i| squashed(i)).collect();
    let mut counted = Vec::new();
    for interest in &mentee.interests {
        let key = squashed(interest);
        if offered.contains(&key) && !counted.contains(&key) {
            points += SHARED_INTEREST;
            reasons.push(format!("shared interest: {}", interest.trim()));
            counted.push(key);
        }
    }
    if junior_mentor {
        points += JUNIOR_MENTOR;
    }
    (points, reasons)
}

/// The load term for a mentor who would have `others` other mentees (active on the start
/// day, and proposed before this one): fewer is better, and it keeps falling, so an even
/// spread beats piling mentees onto one mentor.
pub fn load(others: usize) -> (i64, String) {
    let points = FREE_MENTOR - i64::try_from(others).unwrap_or(i64::MAX / 2);
    let reason = match others {
        0 => "mentor has no other mentee".to_owned(),
        1 => "mentor has 1 other mentee".to_owned(),
        n => format!("mentor has {n} other mentees"),
    };
    (points, reason)
}

/// Lower case, single spaces: how two people's spellings of one thing are compared.
fn squashed(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
