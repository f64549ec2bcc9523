//! docs/reference.md held to the code where its tables restate it: every command and flag
//! of the command line (clap's own definition, which `--help` prints), every key of each
//! record kind (the loader's key tables), and the `program.toml` defaults (the defaults the
//! loader fills in).

use clap::CommandFactory;
use mentorbook::model::{RuleParams, keys};
use std::collections::{BTreeMap, BTreeSet};

const REFERENCE: &str = include_str!("../../../docs/reference.md");

/// The rows of the first table under each `### ` heading: heading → the first cell of each
/// row (backticks removed), in order.
fn tables() -> BTreeMap<String, Vec<String>> {
    let mut tables = BTreeMap::new();
    let mut heading: Option<String> = None;
    for line in REFERENCE.lines() {
        if let Some(title) = line.strip_prefix("### ") {
            heading = Some(title.replace('`', ""));
            continue;
        }
        let Some(title) = &heading else { continue };
        let Some(cell) = line.strip_prefix("| `") else {
            continue;
        };
        let first = cell.split(" |").next().unwrap_or_default().replace('`', "");
        tables
            .entry(title.clone())
            .or_insert_with(Vec::new)
            .push(first);
    }
    tables
}

/// `--flag` of each row, and the one-word argument (`ID`, `DIR`) of those that are
/// positional.
fn documented_flags(rows: &[String]) -> BTreeSet<String> {
    rows.iter()
        .filter_map(|row| row.split_whitespace().next())
        .filter_map(|flag| flag.strip_prefix("--"))
        .map(str::to_string)
        .collect()
}

/// The long flags of a command, as clap defines them (help and version aside).
fn defined_flags(command: &clap::Command) -> BTreeSet<String> {
    command
        .get_arguments()
        .filter_map(|arg| arg.get_long())
        .filter(|long| !matches!(*long, "help" | "version"))
        .map(str::to_string)
        .collect()
}

/// Every command and `new` subcommand, as `mentorbook new person`.
fn commands() -> Vec<(String, clap::Command)> {
    let cli = mentorbook::cli::Cli::command();
    let mut all = Vec::new();
    for command in cli.get_subcommands() {
        let name = format!("mentorbook {}", command.get_name());
        if command.has_subcommands() {
            for sub in command.get_subcommands() {
                all.push((format!("{name} {}", sub.get_name()), sub.clone()));
            }
        } else {
            all.push((name, command.clone()));
        }
    }
    all
}

#[test]
fn every_command_and_flag_is_in_the_reference() {
    let tables = tables();
    for (name, command) in commands() {
        let rows = tables
            .get(&name)
            .unwrap_or_else(|| panic!("docs/reference.md has no `### \\`{name}\\`` section"));
        assert_eq!(
            documented_flags(rows),
            defined_flags(&command),
            "the flags of `{name}` in docs/reference.md"
        );
    }
}

/// A record kind's keys, nested ones as `parent.child`.
fn keys_of(top: &[&str], nested: &[(&str, &[&str])]) -> BTreeSet<String> {
    let mut all: BTreeSet<String> = top.iter().map(|key| key.to_string()).collect();
    for (parent, children) in nested {
        all.extend(children.iter().map(|child| format!("{parent}.{child}")));
    }
    all
}

#[test]
fn every_key_of_each_record_is_in_the_reference() {
    let kinds = [
        (
            "people/<person-id>.yaml",
            keys_of(keys::PERSON_KEYS, &[("membership", keys::MEMBERSHIP_KEYS)]),
        ),
        (
            "relationships/<id>/relationship.yaml",
            keys_of(
                keys::RELATIONSHIP_KEYS,
                &[("dissolution", keys::DISSOLUTION_KEYS)],
            ),
        ),
        (
            "relationships/<id>/agreement.md",
            keys_of(keys::AGREEMENT_KEYS, &[("signed", keys::SIGNED_KEYS)]),
        ),
        (
            "relationships/<id>/meetings/<YYYY-MM-DD>.md",
            keys_of(
                keys::MEETING_KEYS,
                &[
                    ("manager_approval", keys::APPROVAL_KEYS),
                    ("expenses", keys::EXPENSE_KEYS),
                ],
            ),
        ),
        (
            "relationships/<id>/evaluations/<YYYY>-Q<n>.yaml",
            keys_of(keys::EVALUATION_KEYS, &[]),
        ),
    ];
    let tables = tables();
    for (heading, expected) in kinds {
        let rows = tables
            .get(heading)
            .unwrap_or_else(|| panic!("docs/reference.md has no `### \\`{heading}\\`` section"));
        let documented: BTreeSet<String> = rows.iter().cloned().collect();
        assert_eq!(
            documented, expected,
            "the keys of {heading} in docs/reference.md"
        );
    }
}

/// What the `program.toml` block of the reference sets.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Shown {
    program: toml::Table,
    rules: RuleParams,
    severity: toml::Table,
}

#[test]
fn the_program_toml_shown_holds_the_defaults() {
    let section = REFERENCE
        .split_once("## `program.toml`")
        .expect("a program.toml section")
        .1;
    let block = section
        .split_once("```toml\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("a toml block")
        .0;
    let shown: Shown = toml::from_str(block).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        shown.rules,
        RuleParams::default(),
        "[rules] shows the defaults"
    );
    // Every key, not only right values: the same keys as the program.toml `init` writes,
    // which holds every setting.
    let rules_keys = |text: &str| -> BTreeSet<String> {
        let table: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        table["rules"]
            .as_table()
            .expect("[rules]")
            .keys()
            .cloned()
            .collect()
    };
    let written = include_str!("../../../scaffold/records/program.toml");
    assert_eq!(rules_keys(block), rules_keys(written), "every [rules] key");
    assert!(
        shown.severity.is_empty(),
        "[severity] sets nothing by default"
    );
    let program: BTreeSet<&str> = shown.program.keys().map(String::as_str).collect();
    assert_eq!(
        program,
        BTreeSet::from(["name", "association"]),
        "the required keys"
    );
}
