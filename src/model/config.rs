//! `program.toml` as plain data: the program's name, its as-of date, rule parameters and
//! severity overrides.

use crate::rules::{Level, Rule};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// `[rules]`: every parameter of the rule catalogue, with records.md's defaults.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleParams {
    pub mentor_min_library_years: u32,
    pub mentor_min_field_years: u32,
    pub max_relationship_months: u32,
    pub meeting_max_gap_months: u32,
    pub meeting_modes: Vec<String>,
    pub evaluation_grace_days: u32,
    /// 0 means no limit.
    pub max_active_mentees_per_mentor: u32,
}

impl Default for RuleParams {
    fn default() -> Self {
        RuleParams {
            mentor_min_library_years: 5,
            mentor_min_field_years: 3,
            max_relationship_months: 12,
            meeting_max_gap_months: 1,
            meeting_modes: ["in-person", "telephone", "email"]
                .map(String::from)
                .to_vec(),
            evaluation_grace_days: 30,
            max_active_mentees_per_mentor: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub name: String,
    pub association: String,
    pub committee_contact: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub rules: RuleParams,
    pub severity: BTreeMap<Rule, Level>,
}

impl Config {
    /// The day "today" is for time-based rules: `--as-of`, else `as_of` in program.toml,
    /// else today's date (rules.md, "Dates"). Every command asks here.
    pub fn as_of(&self, flag: Option<NaiveDate>) -> NaiveDate {
        flag.or(self.as_of)
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The level a rule is reported at: the program's override, else its default.
    pub fn level(&self, rule: Rule) -> Level {
        self.severity
            .get(&rule)
            .copied()
            .unwrap_or_else(|| rule.default_severity().into())
    }
}
