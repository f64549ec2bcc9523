//! A plain scalar's value: the YAML 1.2 core schema (plus `yes`/`no`, which editors write for
//! booleans), written out here rather than taken from serde so that the tree keeps each
//! value's position and, for what is not text, the spelling someone typed.

use super::Value;
use serde_saphyr::granit_parser::{ScalarStyle, Tag};

/// A scalar's value under the YAML 1.2 core schema (plus `yes`/`no`, which editors write for
/// booleans). Quoted and block scalars are always text; so is anything tagged `!!str`.
pub(super) fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let tagged_text = tag.is_some_and(|t| !matches!(t.suffix(), "null" | "bool" | "int" | "float"));
    if style != ScalarStyle::Plain || tagged_text {
        return Value::Str(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" => return Value::Bool(true),
        "false" | "False" | "FALSE" | "no" | "No" | "NO" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let radix = match (text.strip_prefix("0x"), text.strip_prefix("0o")) {
        (Some(hex), _) => i64::from_str_radix(hex, 16).ok(),
        (_, Some(octal)) => i64::from_str_radix(octal, 8).ok(),
        _ => None,
    };
    if let Some(i) = radix {
        return Value::Int(i);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().map_or_else(
            |_| Value::Float(text.parse().unwrap_or(f64::NAN)),
            Value::Int,
        );
    }
    let float_shaped =
        digits.starts_with(|c: char| c.is_ascii_digit() || c == '.') && looks_like_float(digits);
    if let Some(f) = float_shaped.then(|| text.parse().ok()).flatten() {
        return Value::Float(f);
    }
    Value::Str(text.to_owned())
}

/// `1.5`, `.5`, `2.`, `1e3`, `1.5E-2` — the core schema's float shape (after a sign).
fn looks_like_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(f) => digits(whole) && digits(f) && !(whole.is_empty() && f.is_empty()),
        None => !whole.is_empty() && digits(whole) && exponent.is_some(),
    };
    mantissa_ok && exponent_ok
}
