//! Relationships: when each starts and ends, how it stands on as-of (active, completed,
//! dissolved, or not yet started), its relationship.yaml and its signed agreement. The dates
//! keep rules `duration`, `status`, `dissolution`, `agreement-missing` and
//! `agreement-unsigned` quiet.

use super::lines::Lines;
use super::people::{Pool, mentee};
use super::words::{GOALS, REASONS, TERMS};
use super::{Draft, meetings};
use chrono::{Days, Months, NaiveDate};

/// A relationship's dates and status.
pub(super) struct Plan {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub dissolution: Option<Dissolution>,
}

pub(super) struct Dissolution {
    pub date: NaiveDate,
    pub committee_contacted: NaiveDate,
}

impl Plan {
    /// Four in a hundred start within the two months after as-of, eight are dissolved, the
    /// rest started in the two years before it and run six, nine or twelve months.
    fn new(draft: &mut Draft, n: usize) -> Plan {
        let as_of = draft.as_of();
        let roll = draft.rng.u32(..100);
        let start = match roll {
            0..4 => as_of + draft.days(1..=60),
            4..12 => as_of - draft.days(100..=720),
            _ => as_of - draft.days(0..=720),
        };
        let months = draft.pick(&[12, 12, 12, 12, 9, 6]);
        let end = start + Months::new(months) - Days::new(1);
        let dissolution = (4..12).contains(&roll).then(|| {
            let span = (end.min(as_of) - start).num_days().max(45) as u64;
            let date = start + draft.days(45..=span);
            let committee_contacted = (date - draft.days(0..=21)).max(start);
            Dissolution {
                date,
                committee_contacted,
            }
        });
        Plan {
            id: format!("r-{}-{:04}", start.format("%Y"), n + 1),
            start,
            end,
            dissolution,
        }
    }

    /// The close date: the dissolution date when dissolved, else `end`.
    pub fn close(&self) -> NaiveDate {
        self.dissolution.as_ref().map_or(self.end, |d| d.date)
    }

    /// Completed or dissolved on as-of.
    pub fn is_over(&self, as_of: NaiveDate) -> bool {
        self.dissolution.is_some() || self.end < as_of
    }

    fn status(&self, as_of: NaiveDate) -> &'static str {
        match (&self.dissolution, self.end < as_of) {
            (Some(_), _) => "dissolved",
            (None, true) => "completed",
            (None, false) => "active",
        }
    }
}

/// Relationship `n` with every record of it: its mentee, relationship.yaml, the agreement,
/// meetings and evaluations.
pub(super) fn relationship(draft: &mut Draft, pool: &Pool, n: usize) {
    let plan = Plan::new(draft, n);
    let mentor = pool.mentor_of(n);
    let mentee = mentee(draft, &plan, mentor);
    let base = format!("relationships/{}", plan.id);
    let file = format!("{base}/relationship.yaml");
    let mut lines = Lines::default();
    lines.value(0, "mentor", mentor.named_in(draft, &file, "mentor"));
    lines.value(0, "mentee", mentee.named_in(draft, &file, "mentee"));
    lines
        .value(0, "start", plan.start)
        .value(0, "end", plan.end);
    lines.value(0, "status", plan.status(draft.as_of()));
    if draft.chance(85) {
        lines.open(0, "goals");
        for k in 0..draft.rng.usize(1..=3) {
            let goal = draft.pick(GOALS);
            let goal = draft
                .secrets
                .text("goal", goal, &file, &format!("goals[{k}]"));
            lines.item(1, &goal);
        }
    }
    if let Some(dissolution) = &plan.dissolution {
        lines.open(0, "dissolution");
        lines.value(1, "date", dissolution.date);
        lines.value(1, "by", draft.pick(&["mentor", "mentee"]));
        lines.value(1, "committee_contacted", dissolution.committee_contacted);
        if draft.chance(80) {
            let reason = draft.pick(REASONS);
            let reason = draft
                .secrets
                .text("reason", reason, &file, "dissolution.reason");
            lines.text(1, "reason", &reason);
        }
    }
    draft.add(file, lines.yaml());
    draft.manifest.relationships += 1;
    // One that has not started yet owes no agreement; half of them have one already.
    let modes = if plan.start <= draft.as_of() || draft.chance(50) {
        agreement(draft, &plan, &base)
    } else {
        vec!["in-person"]
    };
    meetings::meetings(draft, &plan, &base, &modes);
    meetings::evaluations(draft, &plan, &base, pool, mentor);
}

/// agreement.md, signed by both before the start (and not after as-of) on the program's
/// terms; returns the meeting modes agreed.
fn agreement(draft: &mut Draft, plan: &Plan, base: &str) -> Vec<&'static str> {
    let file = format!("{base}/agreement.md");
    let as_of = draft.as_of();
    let modes: Vec<&str> = ["in-person", "telephone", "email"]
        .into_iter()
        .filter(|_| draft.chance(70))
        .collect();
    let modes = if modes.is_empty() {
        vec!["in-person"]
    } else {
        modes
    };
    let mut lines = Lines::default();
    lines.open(0, "signed");
    lines.value(1, "mentor", (plan.start - draft.days(1..=21)).min(as_of));
    lines.value(1, "mentee", (plan.start - draft.days(0..=14)).min(as_of));
    let frequency = draft.pick(&["monthly", "monthly", "fortnightly", "weekly"]);
    lines.value(0, "meeting_frequency", frequency);
    lines.value(0, "meeting_modes", format!("[{}]", modes.join(", ")));
    lines
        .value(0, "confidentiality", true)
        .value(0, "voluntary", true);
    lines.value(0, "expenses", "participants");
    let goal = draft.pick(GOALS);
    let terms = draft.pick(TERMS);
    let body = format!(
        "# Mentoring agreement\n\n## Goals\n\n- {}\n\n## How we will meet\n\n{}\n",
        draft.secrets.body("goal", goal, &file),
        draft.secrets.body("terms", terms, &file),
    );
    draft.add(file, lines.markdown(&body));
    modes
}
