//! One value of a record converted to its type, or refused with what YAML read and what to
//! write instead. Most mistakes here are values YAML reads as something else than the
//! person meant: `no` (Norway) is false, `12.50` a number, `~` nothing, `2026` a number
//! where a date is due, `1:30` hours and minutes where minutes are due. A message says what
//! YAML made of the value; its help shows the line to write.

use super::dates::{loose_date, parse_date};
use super::{Help, Refusal};
use crate::load::yaml::{Node, Value};
use crate::model::Choice;
use crate::suggest::did_you_mean;
use chrono::NaiveDate;

/// A spelling longer than this is not quoted back.
const MAX_QUOTED: usize = 40;

/// How the node was written, when it was an unquoted value short enough to quote.
fn spelling(node: &Node) -> Option<&str> {
    node.spelling
        .as_deref()
        .filter(|s| !s.is_empty() && s.chars().count() <= MAX_QUOTED)
}

/// "YAML reads an unquoted `no` as false", for a value that is not text.
fn read_as(node: &Node) -> Option<String> {
    let written = spelling(node)?;
    let what = match node.value {
        Value::Bool(b) => b.to_string(),
        Value::Int(_) | Value::Float(_) => "a number".into(),
        Value::Null => "nothing".into(),
        _ => return None,
    };
    Some(format!("YAML reads an unquoted `{written}` as {what}"))
}

/// "found true/false", followed by what YAML made of the value when that explains it.
fn found(node: &Node) -> String {
    match read_as(node) {
        Some(why) => format!("found {}: {why}", node.value.kind()),
        None => format!("found {}", node.value.kind()),
    }
}

/// `Budget: the board` read as a one-key mapping where text was due.
fn is_colon_pair(pairs: &[(Node, Node)]) -> bool {
    match pairs {
        [(key, value)] => {
            matches!(key.value, Value::Str(_))
                && !matches!(value.value, Value::Seq(_) | Value::Map(_))
        }
        _ => false,
    }
}

pub fn text(node: &Node) -> Result<String, Refusal> {
    match &node.value {
        Value::Str(s) if !s.trim().is_empty() => Ok(s.clone()),
        Value::Str(_) => Err(Refusal::new("must not be blank")),
        Value::Map(pairs) if is_colon_pair(pairs) => Err(Refusal::new(
            "must be text, found a `key: value` pair: YAML reads a colon followed by a space as the end of a key",
        )
        .write("put the whole value in quotes:", "\"…: …\"")),
        Value::Null => Err(Refusal::new(format!("must be text, {}", found(node)))
            .says("write the text, or remove the empty item")),
        _ => {
            let refusal = Refusal::new(format!("must be text, {}", found(node)));
            Err(match spelling(node).filter(|_| read_as(node).is_some()) {
                Some(written) => refusal.write("write", format!("\"{written}\"")),
                None => refusal.says("put the value in quotes"),
            })
        }
    }
}

/// Text, or a bare number (membership numbers and phone numbers may be written unquoted),
/// kept as written: `0417` keeps its zero.
pub fn text_or_number(node: &Node) -> Result<String, Refusal> {
    match &node.value {
        Value::Int(i) => Ok(written_or(node, i)),
        Value::Float(f) => Ok(written_or(node, f)),
        _ => text(node),
    }
}

fn written_or(node: &Node, value: &impl ToString) -> String {
    node.spelling
        .as_deref()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// What a spelling of yes or no means, and whether YAML would have read it so unquoted.
fn yes_or_no(text: &str) -> Option<(bool, bool)> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" => Some((true, true)),
        "false" | "no" => Some((false, true)),
        "on" | "y" => Some((true, false)),
        "off" | "n" => Some((false, false)),
        _ => None,
    }
}

pub fn boolean(node: &Node) -> Result<bool, Refusal> {
    const BOOLEAN: &str = "must be true or false";
    match &node.value {
        Value::Bool(b) => Ok(*b),
        Value::Str(s) => Err(match yes_or_no(s) {
            Some((meant, true)) => Refusal::new(format!("{BOOLEAN}, found text in quotes"))
                .write("write it without quotes:", meant.to_string()),
            Some((meant, false)) => Refusal::new(format!("{BOOLEAN}, found `{}`", s.trim()))
                .write("write", meant.to_string()),
            None => Refusal::new(format!("{BOOLEAN}, found text")),
        }),
        Value::Int(i @ (0 | 1)) => Err(Refusal::new(format!("{BOOLEAN}, found the number {i}"))
            .write("write", (*i == 1).to_string())),
        _ => Err(Refusal::new(format!("{BOOLEAN}, {}", found(node)))),
    }
}

pub fn date(node: &Node) -> Result<NaiveDate, Refusal> {
    const SHAPE: &str = "must be a date written YYYY-MM-DD";
    let as_written = |d: NaiveDate| format!("write it as {}", d.format("%Y-%m-%d"));
    match &node.value {
        Value::Str(s) => parse_date(s).map_err(|why| {
            let refusal = Refusal::new(why);
            match loose_date(s) {
                Some(d) => refusal.says(as_written(d)),
                None => refusal,
            }
        }),
        Value::Int(_) => {
            let written = spelling(node).unwrap_or_default();
            let refusal = Refusal::new(format!("{SHAPE}, found the number {written}"));
            Err(match loose_date(written) {
                Some(d) => refusal.says(as_written(d)),
                None if written.len() == 4 => {
                    refusal.write("write the whole date:", format!("{written}-MM-DD"))
                }
                None => refusal,
            })
        }
        _ => Err(Refusal::new(format!("{SHAPE}, {}", found(node)))),
    }
}

pub fn choice<T: Choice>(node: &Node) -> Result<T, Refusal> {
    let names = || T::CHOICES.iter().map(|(name, _)| *name);
    let listed = names().collect::<Vec<_>>().join(", ");
    let suggest = |word: &str| {
        let lower = word.to_lowercase();
        did_you_mean(word, names())
            .or_else(|| names().find(|n| lower.len() >= 2 && n.starts_with(&lower)))
            .map(|n| Help::Says(format!("did you mean `{n}`?")))
    };
    match &node.value {
        Value::Str(s) => T::parse(s).ok_or_else(|| Refusal {
            message: format!("must be one of {listed}; found `{}`", s.escape_debug()),
            help: suggest(s),
        }),
        _ => Err(Refusal {
            message: format!("must be one of {listed}; {}", found(node)),
            help: spelling(node).and_then(suggest),
        }),
    }
}

pub fn whole_number(node: &Node) -> Result<u32, Refusal> {
    const WHOLE: &str = "must be a whole number of at least 1";
    match &node.value {
        Value::Int(i) if *i >= 1 => u32::try_from(*i).map_err(|_| Refusal::new("is too large")),
        Value::Str(s) => Err(minutes_in_words(s.trim())
            .unwrap_or_else(|| Refusal::new(format!("{WHOLE}, found text")))),
        _ => Err(match spelling(node) {
            Some(written) => Refusal::new(format!("{WHOLE}, found `{written}`")),
            None => Refusal::new(WHOLE),
        }),
    }
}

/// `1:30`, `45 min`, `1.5 hours`, `"45"`: a length of time where a number of minutes is due.
fn minutes_in_words(text: &str) -> Option<Refusal> {
    const WHOLE: &str = "must be a whole number of at least 1";
    if let Some((hours, minutes)) = text.split_once(':') {
        let hours: u32 = hours.parse().ok().filter(|_| hours.len() <= 2)?;
        let minutes: u32 = minutes
            .parse()
            .ok()
            .filter(|m| minutes.len() == 2 && *m < 60)?;
        let total = hours * 60 + minutes;
        return Some(
            Refusal::new(format!(
                "{WHOLE}, found `{text}`, which reads as hours and minutes"
            ))
            .write("write the length in minutes:", total.to_string()),
        );
    }
    if text.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty() {
        return Some(
            Refusal::new(format!("{WHOLE}, found text in quotes"))
                .write("write it without quotes:", text.to_owned()),
        );
    }
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let per = match unit.trim().to_lowercase().as_str() {
        "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        _ => return None,
    };
    let total = number * per;
    if total.fract() != 0.0 || total < 1.0 || text.chars().count() > MAX_QUOTED {
        return None;
    }
    Some(
        Refusal::new(format!("{WHOLE}, found `{text}`"))
            .write("write the number of minutes alone:", format!("{total}")),
    )
}

pub fn amount(node: &Node) -> Result<f64, Refusal> {
    let refusal = || Refusal::new("must be an amount of money, a number such as 12.50");
    match &node.value {
        Value::Int(i) if *i >= 0 => Ok(*i as f64),
        Value::Float(f) if f.is_finite() && *f >= 0.0 => Ok(*f),
        Value::Str(s) => Err(match money_in_words(s.trim()) {
            Some(help) => refusal().says(help),
            None => refusal(),
        }),
        _ => Err(refusal()),
    }
}

/// How to write an amount typed with a currency sign, a decimal comma or quotes. The amount
/// itself is confidential, so the help does not repeat it.
fn money_in_words(text: &str) -> Option<&'static str> {
    let digits = |s: &str| {
        let mut parts = s.splitn(2, ['.', ',']);
        let whole = parts.next().unwrap_or_default();
        let cents = parts.next().unwrap_or("00");
        let all = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        all(whole) && all(cents) && cents.len() <= 2
    };
    let bare = text
        .trim_start_matches(['$', '€', '£'])
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '€')
        .trim();
    if !digits(bare) {
        return None;
    }
    Some(if bare.len() != text.len() {
        "write the number alone, without a currency sign"
    } else if bare.contains(',') {
        "write the cents after a decimal point, as in 12.50"
    } else {
        "write the number without quotes"
    })
}
