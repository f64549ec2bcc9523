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

/// The proposal for relationships starting on `start`; `named` are mentees to match though
/// they have had a relationship. The error is one sentence (a named mentee who is not in
/// the records).
pub fn propose(records: &Records, start: NaiveDate, named: &[String]) -> Result<Proposal, String> {
    let mentees = candidate_mentees(records, named)?;
    let mentors = with_role(records, Role::Mentor);
    let judged = eligibility::judge(records, &mentees, &mentors, start);
    let people = |ids: &[String]| -> Vec<&Person> {
        ids.iter().filter_map(|id| person(records, id)).collect()
    };
    let (mentee_people, mentor_people) = (people(&mentees), people(&mentors));
    let scores: Vec<Vec<Option<i64>>> = judged
        .verdicts
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(|(j, v)| {
                    let open = v.blocking.is_empty() && judged.room[j] > 0;
                    open.then(|| score::pair(mentee_people[i], mentor_people[j], v.junior_mentor).0)
                })
                .collect()
        })
        .collect();
    let active: Vec<usize> = mentors
        .iter()
        .map(|id| active_mentees(records, id, start))
        .collect();
    let most = most_places(&scores, &judged.room);
    let chosen = assign::assign(&scores, &most, |j, k| score::load(active[j] + k).0);
    let mut assigned: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, mentor) in chosen.iter().enumerate() {
        if let Some(j) = mentor {
            assigned.entry(*j).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for (&j, taken) in &assigned {
        for (k, &i) in taken.iter().enumerate() {
            let verdict = &judged.verdicts[i][j];
            let (points, mut reasons) =
                score::pair(mentee_people[i], mentor_people[j], verdict.junior_mentor);
            let (load, why) = score::load(active[j] + k);
            reasons.push(why);
            pairs.push((
                i,
                j,
                Proposed {
                    mentor: mentors[j].clone(),
                    mentee: mentees[i].clone(),
                    score: points + load,
                    reasons,
                    warnings: verdict.warnings.iter().map(Finding::text).collect(),
                },
            ));
        }
    }
    let refused = refused_by_rules(records, &pairs, start);
    let mut unmatched = Vec::new();
    for (i, mentee) in mentees.iter().enumerate() {
        let matched = pairs.iter().any(|(pi, ..)| *pi == i) && !refused.contains_key(&i);
        if !matched {
            let mut why = refused.get(&i).cloned().unwrap_or_default();
            why.extend(reasons_unmatched(&judged, i, &mentors, records));
            unmatched.push(Unmatched {
                mentee: mentee.clone(),
                why,
            });
        }
    }
    let mut pairs: Vec<Proposed> = pairs
        .into_iter()
        .filter(|(i, ..)| !refused.contains_key(i))
        .map(|(_, _, p)| p)
        .collect();
    pairs.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    Ok(Proposal {
        start,
        pairs,
        unmatched,
    })
}

fn as_text<S: serde::Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(day)
}

fn person<'r>(records: &'r Records, id: &str) -> Option<&'r Person> {
    records.people.get(id)?.record.as_ref()
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
    pairs: &[(usize, usize, Proposed)],
    start: NaiveDate,
) -> BTreeMap<usize, Vec<String>> {
    let proposed: Vec<(String, String)> = pairs
        .iter()
        .map(|(_, _, p)| (p.mentor.clone(), p.mentee.clone()))
        .collect();
    let mut refused: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (k, finding) in eligibility::verify(records, &proposed, start) {
        refused.entry(pairs[k].0).or_default().push(finding.text());
    }
    refused
}

/// Why mentee `i` has no mentor: each blocking finding with the mentors it applies to, the
/// mentors without room, and "no mentor left" when eligible mentors were all taken.
fn reasons_unmatched(
    judged: &Judged,
    i: usize,
    mentors: &[String],
    records: &Records,
) -> Vec<String> {
    let with_room: Vec<usize> = (0..mentors.len()).filter(|&j| judged.room[j] > 0).collect();
    let mut groups: BTreeMap<&Finding, Vec<&str>> = BTreeMap::new();
    let mut eligible = Vec::new();
    for &j in &with_room {
        let verdict = &judged.verdicts[i][j];
        if verdict.blocking.is_empty() {
            eligible.push(mentors[j].as_str());
        }
        for finding in &verdict.blocking {
            groups.entry(finding).or_default().push(&mentors[j]);
        }
    }
    let mut why: Vec<String> = groups
        .into_iter()
        .map(|(finding, ids)| {
            let whom = if ids.len() == with_room.len() && ids.len() > 1 {
                "every mentor".to_owned()
            } else {
                ids.join(", ")
            };
            format!("{} (with {whom})", finding.text())
        })
        .collect();
    let full: Vec<&str> = (0..mentors.len())
        .filter(|&j| judged.room[j] == 0)
        .map(|j| mentors[j].as_str())
        .collect();
    if !full.is_empty() {
        let limit = records.config.rules.max_active_mentees_per_mentor;
        why.push(format!(
            "mentor-capacity: no room with {} (max_active_mentees_per_mentor = {limit})",
            full.join(", ")
        ));
    }
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
