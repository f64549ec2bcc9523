//! `mentorbook rules` and `mentorbook explain RULE`: the rule catalogue, for reading.

use crate::cli::CatalogueArgs;
use crate::error::{Error, Result};
use crate::model::Config;
use crate::rules::{ALL, Rule, explain::explanation};
use crate::suggest::did_you_mean;

/// Prints the catalogue: one line per rule, in catalogue order, under a header; with the
/// program's own level of each rule when there are records.
pub fn list(args: &CatalogueArgs) -> Result<u8> {
    let config = program(args)?;
    print(&catalogue_table(config.as_ref()));
    Ok(0)
}

/// Prints one rule's heading line, a blank line, then its explanation; and, when there are
/// records, the level the program reports it at.
pub fn explain(id: &str, args: &CatalogueArgs) -> Result<u8> {
    let rule = Rule::from_id(id).ok_or_else(|| unknown_rule(id))?;
    let config = program(args)?;
    let mut text = format!(
        "{} ({}): {}\n\n{}",
        rule.id(),
        rule.default_severity(),
        rule.summary(),
        explanation(rule)
    );
    if let Some(config) = config {
        text.push_str(&format!(
            "\nIn this program ({}): {}\n",
            config.name,
            config.level(rule).as_str()
        ));
    }
    print(&text);
    Ok(0)
}

/// The program's settings: from `--records`, or from `records` when there is one there.
fn program(args: &CatalogueArgs) -> Result<Option<Config>> {
    let (root, given) = match &args.records {
        Some(root) => (root.clone(), true),
        None => (std::path::PathBuf::from("records"), false),
    };
    if !given && !root.join("program.toml").is_file() {
        return Ok(None);
    }
    crate::load::program_of(&root, &root.to_string_lossy()).map(Some)
}

/// The table `mentorbook rules` prints, columns aligned by padding.
fn catalogue_table(config: Option<&Config>) -> String {
    if let Some(config) = config {
        return program_table(config);
    }
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

/// The catalogue with a column for the program's own level of each rule.
fn program_table(config: &Config) -> String {
    const HEADER: [&str; 4] = ["RULE", "DEFAULT", "PROGRAM", "SUMMARY"];
    let width = |column: &dyn Fn(Rule) -> usize, header: &str| {
        ALL.iter()
            .map(|&rule| column(rule))
            .chain([header.len()])
            .max()
            .unwrap_or_default()
    };
    let (id_width, default_width, level_width) = (
        width(&|rule| rule.id().len(), HEADER[0]),
        width(&|rule| rule.default_severity().as_str().len(), HEADER[1]),
        width(&|rule| config.level(rule).as_str().len(), HEADER[2]),
    );
    let row = |id: &str, default: &str, level: &str, summary: &str| {
        format!("{id:id_width$}  {default:default_width$}  {level:level_width$}  {summary}\n")
    };
    let mut table = row(HEADER[0], HEADER[1], HEADER[2], HEADER[3]);
    for &rule in ALL {
        let level = config.level(rule).as_str();
        let (id, default) = (rule.id(), rule.default_severity().as_str());
        table += &row(id, default, level, rule.summary());
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
    super::print(text);
}

#[cfg(test)]
mod tests {
    use super::{catalogue_table, unknown_rule};
    use crate::rules::ALL;

    #[test]
    fn the_table_has_a_header_and_a_line_per_rule() {
        let table = catalogue_table(None);
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
