//! `mentorbook explain RULE`: what each rule enforces, why, and a passing and a failing example.

use super::Rule;

/// The explanation of a rule, in our own words.
pub fn explanation(_rule: Rule) -> &'static str {
    ""
}
