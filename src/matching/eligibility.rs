//! Which pairs the rule catalogue accepts, judged by the catalogue's own code: every candidate
//! pair becomes a hypothetical relationship (from the start day for the longest term,
//! `status: active`) in one copy of the records, the rules run once as of the start day, and
//! each diagnostic is mapped back to its pair by the relationship id. Nothing here knows what
//! a rule checks; it knows only which rules are about a pair (cli.md, "Matching").
//!
//! A mentor's room is the capacity rule's answer too: with as many hypothetical relationships
//! per mentor as the limit, all later in id order than any real one, the rule reports the
//! extras; the ones it leaves alone are the mentor's free places.

use crate::diagnostics::{Diagnostic, Pos};
use crate::model::{Located, RecordFile, Records, Relationship, RelationshipFolder, Status};
use crate::rules::{Level, Rule};
use chrono::NaiveDate;
use rayon::prelude::*;

/// The rules about a pair that must give no error (besides `mentor-capacity`).
pub const PAIR_RULES: [Rule; 7] = [
    Rule::Reference,
    Rule::Role,
    Rule::SelfMentoring,
    Rule::Membership,
    Rule::PublicLibrary,
    Rule::MentorLibraryYears,
    Rule::MentorFieldYears,
];

/// What a rule said about a pair, its message worded for a relationship not yet made.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub rule: Rule,
    pub message: String,
}

impl Finding {
    pub fn text(&self) -> String {
        format!("{}: {}", self.rule.id(), self.message)
    }
}

/// The rules' verdict on one pair.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdict {
    /// Errors: the pair is not eligible.
    pub blocking: Vec<Finding>,
    /// Warnings (`mentor-seniority`, or a pair rule the program made a warning).
    pub warnings: Vec<Finding>,
    /// `mentor-seniority` fired as a warning: a named penalty.
    pub junior_mentor: bool,
}

/// Every pair's verdict, `[mentee][mentor]`, and each mentor's free places.
pub struct Judged {
    pub verdicts: Vec<Vec<Verdict>>,
    pub room: Vec<usize>,
}

/// The id of hypothetical pair `index`: `~` sorts after every real id (which start with a
/// letter or digit), and the fixed width keeps one id from being the start of another.
fn hypothetical_id(index: usize, width: usize) -> String {
    format!("~proposed-{index:0width$}")
}

fn pair_of(id: &str, mentors: usize) -> Option<(usize, usize)> {
    let index: usize = id.strip_prefix("~proposed-")?.parse().ok()?;
    Some((index / mentors, index % mentors))
}

fn at<T>(value: T) -> Located<T> {
    Located::new(value, Pos::START)
}

/// `records` with one active relationship for each `(mentor, mentee)` in `pairs`, from
/// `start` for the program's longest term, with ids from `hypothetical_id`.
pub fn with_relationships(
    records: &Records,
    pairs: impl Iterator<Item = (usize, String, String)>,
    width: usize,
    start: NaiveDate,
) -> Records {
    let months = records.config.rules.max_relationship_months;
    let end = crate::scaffold::records::planned_end(start, months);
    let mut copy = records.clone();
    for (index, mentor, mentee) in pairs {
        let id = hypothetical_id(index, width);
        let relationship = Relationship {
            mentor: at(mentor),
            mentee: at(mentee),
            start: at(start),
            end: at(end),
            status: at(Status::Active),
            goals: Vec::new(),
            dissolution: None,
        };
        let file = format!("{}/relationships/{id}/relationship.yaml", records.root);
        let place = crate::place::Place::Relationship { id: id.clone() };
        let folder = RelationshipFolder {
            relationship: Some(RecordFile::new(file, place, Some(relationship))),
            ..RelationshipFolder::default()
        };
        copy.relationships.insert(id, folder);
    }
    copy
}

/// Judges every mentee × mentor pair with the rules as of `start`.
pub fn judge(
    records: &Records,
    mentees: &[String],
    mentors: &[String],
    start: NaiveDate,
) -> Judged {
    let (m, n) = (mentees.len(), mentors.len());
    let room = room(records, mentors, m, start);
    if n == 0 || m == 0 {
        let verdicts = vec![vec![Verdict::default(); n]; m];
        return Judged { verdicts, room };
    }
    // The pair rules read only the pair and its two people, never another relationship
    // (only `mentor-capacity` counts those, and it has its own run): so the pairs are
    // judged in chunks, side by side, each in a small copy holding the people and its own
    // hypothetical relationships.
    let cohort = Pairs {
        records,
        mentees,
        mentors,
        start,
        width: (m * n).to_string().len(),
    };
    let rows_per_chunk = (PAIRS_PER_CHUNK / n).max(1);
    let firsts: Vec<usize> = (0..m).step_by(rows_per_chunk).collect();
    let chunks: Vec<Vec<Vec<Verdict>>> = firsts
        .into_par_iter()
        .map(|first| cohort.judge_rows(first..(first + rows_per_chunk).min(m)))
        .collect();
    let verdicts = chunks.into_iter().flatten().collect();
    Judged { verdicts, room }
}

/// Every mentee × mentor pair of a cohort.
struct Pairs<'a> {
    records: &'a Records,
    mentees: &'a [String],
    mentors: &'a [String],
    start: NaiveDate,
    /// The digits of a hypothetical relationship's number.
    width: usize,
}

impl Pairs<'_> {
    /// The verdicts on the pairs of the mentees `rows`, from one run of the rules.
    fn judge_rows(&self, rows: std::ops::Range<usize>) -> Vec<Vec<Verdict>> {
        let n = self.mentors.len();
        let pairs = rows.clone().flat_map(|i| (0..n).map(move |j| (i, j)));
        let hypothetical =
            pairs.map(|(i, j)| (i * n + j, self.mentors[j].clone(), self.mentees[i].clone()));
        let copy = with_relationships(
            &people_only(self.records),
            hypothetical,
            self.width,
            self.start,
        );
        let mut verdicts = vec![vec![Verdict::default(); n]; rows.len()];
        for d in crate::rules::check(&copy, self.start) {
            let Some(id) = d.relationship.as_deref() else {
                continue;
            };
            if let Some((i, j)) = pair_of(id, n) {
                let level = self.records.config.level(d.rule);
                file_finding(&mut verdicts[i - rows.start][j], &d, level, id);
            }
        }
        verdicts
    }
}

/// About this many hypothetical relationships go into one copy of the records.
const PAIRS_PER_CHUNK: usize = 2048;

/// The people and the program, without relationships and with no capacity limit: the copy
/// in which pairs are judged.
fn people_only(records: &Records) -> Records {
    let mut config = records.config.clone();
    config.rules.max_active_mentees_per_mentor = 0;
    Records {
        root: records.root.clone(),
        config,
        people: records.people.clone(),
        relationships: Default::default(),
        guidelines: None,
        files: records.files,
    }
}

/// Each mentor's free places for `mentees` candidates, by the capacity rule: the records
/// with as many hypothetical relationships per mentor as could fit, all later in id order
/// than the real ones; the rule reports the extras, and the others are free places.
fn room(records: &Records, mentors: &[String], mentees: usize, start: NaiveDate) -> Vec<usize> {
    let limit = records.config.rules.max_active_mentees_per_mentor as usize;
    let per_mentor = if limit == 0 { 0 } else { limit.min(mentees) };
    if per_mentor == 0 {
        return vec![mentees; mentors.len()];
    }
    let n = per_mentor;
    let width = (mentors.len() * n).max(1).to_string().len();
    // The mentee does not matter to the count: the mentor stands in for one.
    let hypothetical =
        (0..mentors.len() * n).map(|k| (k, mentors[k / n].clone(), mentors[k / n].clone()));
    let copy = with_relationships(records, hypothetical, width, start);
    let mut free = vec![n; mentors.len()];
    for d in crate::rules::check(&copy, start) {
        let id = d.relationship.as_deref().unwrap_or_default();
        if d.rule == Rule::MentorCapacity
            && let Some((j, _)) = pair_of(id, n)
        {
            free[j] = free[j].saturating_sub(1);
        }
    }
    free
}

/// Sorts a diagnostic about a pair into its verdict; rules about later records are not
/// about the pair and are left out.
fn file_finding(verdict: &mut Verdict, d: &Diagnostic, level: Level, id: &str) {
    let about_pair = PAIR_RULES.contains(&d.rule) || d.rule == Rule::MentorSeniority;
    if !about_pair || level == Level::Off {
        return;
    }
    let finding = Finding {
        rule: d.rule,
        message: reworded(&d.message, id),
    };
    match level {
        Level::Error => verdict.blocking.push(finding),
        _ => {
            verdict.junior_mentor |= d.rule == Rule::MentorSeniority;
            verdict.warnings.push(finding);
        }
    }
}

/// A rule's message about hypothetical relationship `id`, said of the proposed one.
pub fn reworded(message: &str, id: &str) -> String {
    message
        .replace(&format!("the mentor of {id}"), "the mentor")
        .replace(&format!("the mentee of {id}"), "the mentee")
        .replace(id, "the proposed relationship")
}

/// The errors (of the pair rules and `mentor-capacity`) that the rules report on
/// `proposed` once it is added to the records: what `check` would say of the proposal.
pub fn verify(
    records: &Records,
    proposed: &[(String, String)],
    start: NaiveDate,
) -> Vec<(usize, Finding)> {
    let width = proposed.len().max(1).to_string().len();
    let pairs = proposed
        .iter()
        .enumerate()
        .map(|(k, (mentor, mentee))| (k, mentor.clone(), mentee.clone()));
    let copy = with_relationships(records, pairs, width, start);
    crate::rules::check(&copy, start)
        .into_iter()
        .filter(|d| {
            let counted = PAIR_RULES.contains(&d.rule) || d.rule == Rule::MentorCapacity;
            counted && records.config.level(d.rule) == Level::Error
        })
        .filter_map(|d| {
            let id = d.relationship.as_deref()?;
            let k: usize = id.strip_prefix("~proposed-")?.parse().ok()?;
            Some((
                k,
                Finding {
                    rule: d.rule,
                    message: reworded(&d.message, id),
                },
            ))
        })
        .collect()
}
