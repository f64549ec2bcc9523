//! Who may take part: references, roles, membership, a public-library connection, the
//! mentor's experience and capacity, and relationship ids that reveal nobody.

use super::{Context, Pair, Rule};
use crate::diagnostics::{Experience, Kind, Subject};
use crate::facts;
use crate::model::{Located, Person, PublicLibrary, Role, Status};
use crate::place::Place;
use std::collections::BTreeMap;

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        let rel = pair.record;
        for (id, role) in [(&rel.mentor, Role::Mentor), (&rel.mentee, Role::Mentee)] {
            reference_and_role(cx, &pair, id, role);
        }
        if rel.mentor.value == rel.mentee.value {
            cx.report(
                Rule::SelfMentoring,
                pair.place,
                rel.mentee.at,
                pair.id,
                Kind::SelfMentoring,
            )
            .key = Some("mentee");
        }
        for (id, role) in [
            (&rel.mentor.value, Role::Mentor),
            (&rel.mentee.value, Role::Mentee),
        ] {
            if let Some((place, person)) = cx.person(id) {
                membership(cx, &pair, cx.party(id, role, pair.id), place, person);
                public_library(cx, &pair, cx.party(id, role, pair.id), place, person);
            }
        }
        experience(cx, &pair);
        seniority(cx, &pair);
        private_id(cx, &pair);
    }
    capacity(cx);
}

fn reference_and_role(cx: &mut Context, pair: &Pair, id: &Located<String>, role: Role) {
    let key = role.label();
    if !cx.records.people.contains_key(&id.value) {
        cx.report(
            Rule::Reference,
            pair.place,
            id.at,
            pair.id,
            Kind::NoPerson { key: role },
        )
        .key = Some(key);
        return;
    }
    if let Some((_, person)) = cx.person(&id.value)
        && !person.has_role(role)
    {
        let person = cx.party(&id.value, role, pair.id);
        cx.report(
            Rule::Role,
            pair.place,
            id.at,
            pair.id,
            Kind::MissingRole { person },
        )
        .key = Some(key);
    }
}

fn membership(cx: &mut Context, pair: &Pair, who: Subject, place: &Place, person: &Person) {
    let relationship = pair.id.to_owned();
    let Some(membership) = &person.membership else {
        let kind = Kind::NoMembership {
            person: who,
            relationship,
        };
        cx.report_file(Rule::Membership, place, pair.id, kind);
        return;
    };
    let expires = &membership.value.expires;
    let start = pair.start();
    let kind = if expires.value < start {
        Kind::MembershipBeforeStart {
            person: who,
            expires: expires.value,
            relationship,
            start,
        }
    } else if pair.record.status.value == Status::Active && expires.value < cx.as_of {
        Kind::MembershipExpired {
            person: who,
            expires: expires.value,
            relationship,
            as_of: cx.as_of,
        }
    } else {
        return;
    };
    cx.report(Rule::Membership, place, expires.at, pair.id, kind)
        .key = Some("membership.expires");
}

fn public_library(cx: &mut Context, pair: &Pair, who: Subject, place: &Place, person: &Person) {
    if let Some(connection) = &person.public_library
        && connection.value == PublicLibrary::None
    {
        let kind = Kind::NoPublicLibrary {
            person: who,
            relationship: pair.id.to_owned(),
        };
        cx.report(Rule::PublicLibrary, place, connection.at, pair.id, kind)
            .key = Some("public_library");
    }
}

/// `mentor-library-years` and `mentor-field-years`.
fn experience(cx: &mut Context, pair: &Pair) {
    let id = &pair.record.mentor.value;
    let Some((place, mentor)) = cx.person(id) else {
        return;
    };
    let start = pair.start();
    let checks = [
        (
            Rule::MentorLibraryYears,
            &mentor.library_since,
            cx.params.mentor_min_library_years,
            Experience::Libraries,
            "library_since",
        ),
        (
            Rule::MentorFieldYears,
            &mentor.field_since,
            cx.params.mentor_min_field_years,
            Experience::Field,
            "field_since",
        ),
    ];
    for (rule, since, years, what, key) in checks {
        let Some(since) = since else { continue };
        let reached = facts::experience_reached(since.value, years);
        if reached > start {
            let kind = Kind::TooLittleExperience {
                mentor: cx.party(id, Role::Mentor, pair.id),
                what,
                since: since.value,
                years,
                reached,
                relationship: pair.id.to_owned(),
                start,
            };
            cx.report(rule, place, since.at, pair.id, kind).key = Some(key);
        }
    }
}

fn seniority(cx: &mut Context, pair: &Pair) {
    let rel = pair.record;
    let since = |id: &str| {
        cx.person(id)
            .and_then(|(_, p)| p.library_since.as_ref())
            .map(|d| d.value)
    };
    if let (Some(mentor_since), Some(mentee_since)) =
        (since(&rel.mentor.value), since(&rel.mentee.value))
        && mentee_since < mentor_since
    {
        let kind = Kind::MenteeMoreSenior {
            mentee: cx.party(&rel.mentee.value, Role::Mentee, pair.id),
            mentee_since,
            mentor: cx.party(&rel.mentor.value, Role::Mentor, pair.id),
            mentor_since,
        };
        cx.report(
            Rule::MentorSeniority,
            pair.place,
            rel.mentor.at,
            pair.id,
            kind,
        )
        .key = Some("mentor");
    }
}

/// Relationships running on as-of (`crate::facts::running_on`), per mentor; the later ones
/// in id order are extra.
fn capacity(cx: &mut Context) {
    let limit = cx.params.max_active_mentees_per_mentor;
    if limit == 0 {
        return;
    }
    let as_of = cx.as_of;
    let mut per_mentor: BTreeMap<&str, Vec<Pair>> = BTreeMap::new();
    for pair in cx.pairs() {
        if facts::running_on(pair.record, as_of) {
            per_mentor
                .entry(&pair.record.mentor.value)
                .or_default()
                .push(pair);
        }
    }
    for (mentor, pairs) in per_mentor {
        for pair in pairs.iter().skip(limit as usize) {
            let kind = Kind::OverCapacity {
                mentor: cx.party(mentor, Role::Mentor, pair.id),
                active: pairs.len(),
                as_of,
                limit,
            };
            cx.report(
                Rule::MentorCapacity,
                pair.place,
                pair.record.mentor.at,
                pair.id,
                kind,
            )
            .key = Some("mentor");
        }
    }
}

fn private_id(cx: &mut Context, pair: &Pair) {
    let reveals = |person_id: &str| {
        cx.person(person_id)
            .is_some_and(|(_, p)| id_reveals(pair.id, person_id, p))
    };
    if reveals(&pair.record.mentor.value) || reveals(&pair.record.mentee.value) {
        let kind = Kind::IdReveals {
            relationship: pair.id.to_owned(),
        };
        cx.report_file(Rule::PrivateId, pair.place, pair.id, kind);
    }
}

/// Whether relationship id `id` reveals `person` (id `person_id`), who has not consented to
/// publication (rules.md, "Precise readings"): it contains their id, or a word of their name
/// folded the way an ASCII id spells it — a word of three or more letters anywhere, a shorter
/// one ("Al Wu") only as a whole `-`-separated segment, since `al` or `wu` occur inside many
/// neutral ids.
pub fn id_reveals(id: &str, person_id: &str, person: &Person) -> bool {
    let id = crate::fold::fold(id);
    let segments: Vec<&str> = id.split('-').collect();
    !person.publish
        && (id.contains(&crate::fold::fold(person_id))
            || crate::fold::name_words(&person.name.value)
                .iter()
                .any(|word| match word.chars().count() {
                    3.. => id.contains(word.as_str()),
                    _ => segments.contains(&word.as_str()),
                }))
}
