//! Reading `program.toml`. A problem here is not a diagnostic: the command stops (exit 2)
//! with one message naming the file, line and fix.

use super::fields::parse_date;
use crate::error::{Error, Result};
use crate::model::{Config, RuleParams};
use crate::rules::{self, Level, Rule};
use crate::source::position;
use crate::suggest::did_you_mean;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramToml {
    program: ProgramTable,
    #[serde(default)]
    rules: RuleParams,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramTable {
    name: String,
    association: String,
    committee_contact: Option<String>,
    as_of: Option<Spanned<toml::Value>>,
}

/// Reads and validates `program.toml`; `display` is the path shown in messages.
pub fn read(path: &Path, display: &str) -> Result<Config> {
    let bytes = std::fs::read(path).map_err(|e| Error::Config {
        path: display.to_owned(),
        message: match e.kind() {
            std::io::ErrorKind::NotFound => "not found: every records folder needs a program.toml with a [program] table giving name and association".into(),
            _ => format!("cannot be read: {e}"),
        },
    })?;
    let text = crate::source::decode(&bytes).map_err(|pos| Error::Config {
        path: format!("{display}:{}:{}", pos.line, pos.column),
        message: "not valid UTF-8 text: save the file as UTF-8".into(),
    })?;
    parse(text, display)
}

/// Parses the text of `program.toml`.
pub fn parse(text: &str, display: &str) -> Result<Config> {
    let at = |offset: usize| {
        let pos = position(text, offset);
        format!("{display}:{}:{}", pos.line, pos.column)
    };
    let file: ProgramToml = toml::from_str(text).map_err(|e| Error::Config {
        path: at(e.span().map_or(0, |s| s.start)),
        message: explain_toml_error(e.message()),
    })?;
    let fail = |offset: usize, message: String| Error::Config {
        path: at(offset),
        message,
    };
    let as_of = match &file.program.as_of {
        None => None,
        Some(value) => {
            let text = match value.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                _ => String::new(),
            };
            let date = parse_date(&text).map_err(|why| {
                fail(
                    value.span().start,
                    format!("`as_of` {why} (for example as_of = \"2026-11-30\")"),
                )
            })?;
            Some(date)
        }
    };
    if file.rules.meeting_modes.is_empty() {
        return Err(fail(
            0,
            "[rules] meeting_modes must list at least one mode".into(),
        ));
    }
    let mut severity = BTreeMap::new();
    for (id, level) in &file.severity {
        let rule = Rule::from_id(id.get_ref()).ok_or_else(|| {
            let ids = rules::ALL.iter().map(|r| r.id());
            let hint = did_you_mean(id.get_ref(), ids)
                .map_or(String::new(), |s| format!(": did you mean `{s}`?"));
            fail(
                id.span().start,
                format!(
                    "unknown rule `{}` in [severity]{hint} (`mentorbook rules` lists them)",
                    id.get_ref()
                ),
            )
        })?;
        let parsed = Level::parse(level.get_ref()).ok_or_else(|| {
            let hint = did_you_mean(level.get_ref(), Level::NAMES)
                .map_or(String::new(), |s| format!(": did you mean \"{s}\"?"));
            fail(
                level.span().start,
                format!(
                    "`{}` must be \"error\", \"warning\" or \"off\"{hint}",
                    id.get_ref()
                ),
            )
        })?;
        severity.insert(rule, parsed);
    }
    Ok(Config {
        name: file.program.name,
        association: file.program.association,
        committee_contact: file.program.committee_contact,
        as_of,
        rules: file.rules,
        severity,
    })
}

/// Adds a "did you mean" to serde's "unknown field `x`, expected one of `a`, `b`".
fn explain_toml_error(message: &str) -> String {
    let message = message.trim_end();
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_owned();
    };
    let Some((name, expected)) = rest.split_once('`') else {
        return message.to_owned();
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match did_you_mean(name, known.iter().copied()) {
        Some(k) => format!("unknown key `{name}`: did you mean `{k}`?"),
        None => format!(
            "unknown key `{name}`; the keys here are {}",
            known.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "[program]\nname = \"P\"\nassociation = \"A\"\n";

    fn error(text: &str) -> String {
        parse(text, "program.toml").unwrap_err().to_string()
    }

    #[test]
    fn defaults_apply() {
        let config = parse(MINIMAL, "program.toml").unwrap();
        assert_eq!(config.rules, RuleParams::default());
        assert_eq!(config.as_of, None);
    }

    #[test]
    fn unknown_rule_and_level_are_refused_with_suggestions() {
        let text = format!("{MINIMAL}[severity]\nmeeting-cadance = \"warning\"\n");
        assert_eq!(
            error(&text),
            "program.toml:5:1: unknown rule `meeting-cadance` in [severity]: did you mean `meeting-cadence`? (`mentorbook rules` lists them)"
        );
        let text = format!("{MINIMAL}[severity]\nmentee-agenda = \"eror\"\n");
        assert!(
            error(&text).starts_with("program.toml:5:17: `mentee-agenda` must be"),
            "{}",
            error(&text)
        );
        let text = format!("{MINIMAL}[rules]\nmeeting_max_gap_month = 2\n");
        assert_eq!(
            error(&text),
            "program.toml:5:1: unknown key `meeting_max_gap_month`: did you mean `meeting_max_gap_months`?"
        );
    }

    #[test]
    fn as_of_must_be_a_real_date() {
        let text = "[program]\nname = \"P\"\nassociation = \"A\"\nas_of = \"2026-02-30\"\n";
        assert_eq!(
            error(text),
            "program.toml:4:9: `as_of` is not a real date: 2026-02-30 (for example as_of = \"2026-11-30\")"
        );
    }
}
