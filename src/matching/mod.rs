//! `mentorbook match`: propose mentor–mentee pairs for a new cohort (cli.md, "Matching").
//!
//! Candidates are the mentees who have never had a relationship (and any named), and the
//! mentors with room. Eligibility is the rule catalogue's own verdict on a hypothetical
//! relationship (`eligibility`), the score is `score`, the assignment `assign`: as many
//! mentees as possible, then the best total score, ties by ids. The proposal is checked by
//! the rules once more, whole, before it is shown.

mod assign;
pub mod eligibility;
pub mod score;

use crate::model::{Person, Records, Role, Status};
use chrono::NaiveDate;
use eligibility::{Finding, Judged};
use std::collections::BTreeMap;

/// A proposed pair, with what its score is made of.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Proposed {
    pub mentor: String,
    pub mentee: String,
    pub score: i64,
    pub reasons: Vec<String>,
    pub warnings: Vec<String>,
}

/// A mentee left without a mentor, and why.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Unmatched {
    pub mentee: String,
    pub why: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Proposal {
    #[serde(serialize_with = "as_text")]
    pub start: NaiveDate,
    pub pairs: Vec<Proposed>,
    pub unmatched: Vec<Unmatched>,
}

/// Who is being matched, and what the rules said of each pair.
struct Cohort<'r> {
    records: &'r Records,
    mentees: Vec<String>,
    mentors: Vec<String>,
    judged: Judged,
    /// Each mentor's relationships active on the start day.
    active: Vec<usize>,
}

/// The proposal for relationships starting on `start`; `named` are mentees to match though
/// they have had a relationship. The error is one sentence (a named mentee who is not in
/// the records).
pub fn propose(records: &Records, start: NaiveDate, named: &[String]) -> Result<Proposal, String> {
    let mentees = candidate_mentees(records, named)?;
    let mentors = with_role(records, Role::Mentor);
    let cohort = Cohort {
        judged: eligibility::judge(records, &mentees, &mentors, start),
        active: mentors
            .iter()
            .map(|id| active_mentees(records, id, start))
            .collect(),
        records,
        mentees,
        mentors,
    };
    let scores = cohort.scores();
    let most = most_places(&scores, &cohort.judged.room);
    let chosen = assign::assign(&scores, &most, |j, k| score::load(cohort.active[j] + k).0);
    let pairs = cohort.pairs(&chosen);
    let refused = refused_by_rules(records, &pairs, start);
    let unmatched = (0..cohort.mentees.len())
        .filter(|i| chosen[*i].is_none() || refused.contains_key(i))
        .map(|i| {
            let mut why = refused.get(&i).cloned().unwrap_or_default();
            why.extend(cohort.reasons_unmatched(i));
            Unmatched {
                mentee: cohort.mentees[i].clone(),
                why,
            }
        })
        .collect();
    let mut pairs: Vec<Proposed> = pairs
        .into_iter()
        .filter(|(i, _)| !refused.contains_key(i))
        .map(|(_, p)| p)
        .collect();
    pairs.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    Ok(Proposal {
        start,
        pairs,
        unmatched,
    })
}

impl Cohort<'_> {
    fn person(&self, id: &str) -> Option<&Person> {
        self.records.people.get(id)?.record.as_ref()
    }

    /// The pair's points before the mentor's load, and their reasons.
    fn pair_score(&self, i: usize, j: usize) -> (i64, Vec<String>) {
        let verdict = &self.judged.verdicts[i][j];
        match (self.person(&self.mentees[i]), self.person(&self.mentors[j])) {
            (Some(mentee), Some(mentor)) => score::pair(mentee, mentor, verdict.junior_mentor),
            _ => (0, Vec::new()),
        }
    }

    /// `[mentee][mentor]`: the pair's points when it is eligible and the mentor has room.
    fn scores(&self) -> Vec<Vec<Option<i64>>> {
        let judged = &self.judged;
        (0..self.mentees.len())
            .map(|i| {
                (0..self.mentors.len())
                    .map(|j| {
                        let open = judged.verdicts[i][j].blocking.is_empty() && judged.room[j] > 0;
                        open.then(|| self.pair_score(i, j).0)
                    })
                    .collect()
            })
            .collect()
    }

    /// The chosen pairs with their scores and reasons, by mentee index; a mentor's new
    /// mentees take their places in id order, so the load reasons read in that order.
    fn pairs(&self, chosen: &[Option<usize>]) -> Vec<(usize, Proposed)> {
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut pairs = Vec::new();
        for (i, j) in chosen.iter().enumerate() {
            let Some(j) = *j else { continue };
            let k = taken.entry(j).or_default();
            let (points, mut reasons) = self.pair_score(i, j);
            let (load, why) = score::load(self.active[j] + *k);
            *k += 1;
            reasons.push(why);
            let warnings = self.judged.verdicts[i][j]
                .warnings
                .iter()
                .map(Finding::text)
                .collect();
            pairs.push((
                i,
                Proposed {
                    mentor: self.mentors[j].clone(),
                    mentee: self.mentees[i].clone(),
                    score: points + load,
                    reasons,
                    warnings,
                },
            ));
        }
        pairs
    }
}

fn as_text<S: serde::Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(day)
}

/// The people whose records loaded and who have the role, in id order.
fn with_role(records: &Records, role: Role) -> Vec<String> {
    records
        .people
        .iter()
        .filter(|(_, file)| file.record.as_ref().is_some_and(|p| p.has_role(role)))
        .map(|(id, _)| id.clone())
        .collect()
}

/// Mentees who have never had a relationship (as far as the relationship files that load
/// say), and those named with `--mentee`.
fn candidate_mentees(records: &Records, named: &[String]) -> Result<Vec<String>, String> {
    let had: Vec<&str> = records
        .relationships
        .values()
        .filter_map(|f| f.relationship.as_ref()?.record.as_ref())
        .map(|r| r.mentee.value.as_str())
        .collect();
    let mut mentees: Vec<String> = with_role(records, Role::Mentee)
        .into_iter()
        .filter(|id| !had.contains(&id.as_str()))
        .collect();
    for id in named {
        let Some(file) = records.people.get(id) else {
            return Err(format!(
                "--mentee `{id}` is not a person in {}/people",
                records.root
            ));
        };
        if file.record.is_none() {
            return Err(format!(
                "--mentee `{id}`: {} has problems; run `mentorbook check` and fix them first",
                file.file
            ));
        }
        mentees.push(id.clone());
    }
    mentees.sort();
    mentees.dedup();
    Ok(mentees)
}

/// Relationships of `mentor` with `status: active` open on `day`: their load.
fn active_mentees(records: &Records, mentor: &str, day: NaiveDate) -> usize {
    records
        .relationships
        .values()
        .filter_map(|f| f.relationship.as_ref()?.record.as_ref())
        .filter(|r| r.mentor.value == mentor && r.status.value == Status::Active)
        .filter(|r| r.start.value <= day && day <= r.end.value)
        .count()
}

/// The most new mentees each mentor can take: their room, and never more than the mentees
/// eligible with them.
fn most_places(scores: &[Vec<Option<i64>>], room: &[usize]) -> Vec<usize> {
    room.iter()
        .enumerate()
        .map(|(j, &room)| room.min(scores.iter().filter(|row| row[j].is_some()).count()))
        .collect()
}

/// What the rules say of the whole proposal, by mentee: nothing, unless the assignment
/// broke a rule the candidate run could not see (it never should).
fn refused_by_rules(
    records: &Records,
    pairs: &[(usize, Proposed)],
    start: NaiveDate,
) -> BTreeMap<usize, Vec<String>> {
    let proposed: Vec<(String, String)> = pairs
        .iter()
        .map(|(_, p)| (p.mentor.clone(), p.mentee.clone()))
        .collect();
    let mut refused: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (k, finding) in eligibility::verify(records, &proposed, start) {
        refused.entry(pairs[k].0).or_default().push(finding.text());
    }
    refused
}

impl Cohort<'_> {
    /// Why mentee `i` has no mentor: each blocking finding with the mentors it applies to,
    /// the mentors without room, and "no mentor left" when eligible mentors were all taken.
    fn reasons_unmatched(&self, i: usize) -> Vec<String> {
        let room = &self.judged.room;
        let with_room: Vec<usize> = (0..self.mentors.len()).filter(|&j| room[j] > 0).collect();
        let mut why = self.findings_for(i, &with_room);
        let full: Vec<&str> = (0..self.mentors.len())
            .filter(|&j| room[j] == 0)
            .map(|j| self.mentors[j].as_str())
            .collect();
        if !full.is_empty() {
            let limit = self.records.config.rules.max_active_mentees_per_mentor;
            why.push(format!(
                "mentor-capacity: no room with {} (max_active_mentees_per_mentor = {limit})",
                full.join(", ")
            ));
        }
        let eligible: Vec<&str> = with_room
            .iter()
            .filter(|&&j| self.judged.verdicts[i][j].blocking.is_empty())
            .map(|&j| self.mentors[j].as_str())
            .collect();
        if !eligible.is_empty() {
            why.push(format!(
                "no mentor left: eligible with {}, whose places went to other mentees",
                eligible.join(", ")
            ));
        } else if with_room.is_empty() {
            why.push("no mentor left: no mentor has room".to_owned());
        }
        why
    }

    /// Each finding that excludes mentee `i` from a mentor, once, with the mentors it
    /// excludes them from ("every mentor" when it is all of them).
    fn findings_for(&self, i: usize, mentors: &[usize]) -> Vec<String> {
        let mut groups: BTreeMap<&Finding, Vec<&str>> = BTreeMap::new();
        for &j in mentors {
            for finding in &self.judged.verdicts[i][j].blocking {
                groups.entry(finding).or_default().push(&self.mentors[j]);
            }
        }
        groups
            .into_iter()
            .map(|(finding, ids)| {
                let whom = if ids.len() == mentors.len() && ids.len() > 1 {
                    "every mentor".to_owned()
                } else {
                    ids.join(", ")
                };
                format!("{} (with {whom})", finding.text())
            })
            .collect()
    }
}
