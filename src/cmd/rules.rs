//! `mentorbook rules` and `mentorbook explain RULE`: the rule catalogue, for reading.

use crate::error::{Error, Result};
use crate::rules::{ALL, Rule, explain::explanation};
use crate::suggest::did_you_mean;
use std::io::Write;

/// Prints the catalogue: one line per rule, in catalogue order, under a header.
pub fn list() -> Result<u8> {
    print(&catalogue_table());
    Ok(0)
}

/// Prints one rule's heading line, a blank line, then its explanation.
pub fn explain(id: &str) -> Result<u8> {
    let rule = Rule::from_id(id).ok_or_else(|| unknown_rule(id))?;
    print(&format!(
        "{} ({}): {}\n\n{}",
        rule.id(),
        rule.default_severity(),
        rule.summary(),
        explanation(rule)
    ));
    Ok(0)
}

/// The table `mentorbook rules` prints, columns aligned by padding.
fn catalogue_table() -> String {
    const HEADER: [&str; 3] = ["RULE", "DEFAULT", "SUMMARY"];
    let id_width = ALL
        .iter()
        .map(|rule| rule.id().len())
        .chain([HEADER[0].len()])
        .max()
        .unwrap_or_default();
    let severity_width = ALL
        .iter()
        .map(|rule| rule.default_severity().as_str().len())
        .chain([HEADER[1].len()])
        .max()
        .unwrap_or_default();
    let row = |id: &str, severity: &str, summary: &str| {
        format!("{id:id_width$}  {severity:severity_width$}  {summary}\n")
    };
    let mut table = row(HEADER[0], HEADER[1], HEADER[2]);
    for rule in ALL {
        table += &row(rule.id(), rule.default_severity().as_str(), rule.summary());
    }
    table
}

fn unknown_rule(id: &str) -> Error {
    let hint = match did_you_mean(id, ALL.iter().map(|rule| rule.id())) {
        Some(close) => format!(": did you mean `{close}`?"),
        None => String::new(),
    };
    Error::Usage(format!(
        "unknown rule `{id}`{hint} (`mentorbook rules` lists them)"
    ))
}

fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

#[cfg(test)]
mod tests {
    use super::{catalogue_table, unknown_rule};
    use crate::rules::ALL;

    #[test]
    fn the_table_has_a_header_and_a_line_per_rule() {
        let table = catalogue_table();
        assert_eq!(table.lines().count(), ALL.len() + 1);
        assert!(table.starts_with("RULE "));
        assert!(table.lines().all(|line| line == line.trim_end()));
    }

    #[test]
    fn an_unknown_rule_without_a_close_match_points_at_the_list() {
        assert_eq!(
            unknown_rule("colour").to_string(),
            "unknown rule `colour` (`mentorbook rules` lists them)"
        );
    }
}
