//! Every diagnostic's message and help, rendered from its facts (`Kind`) in a `Voice`. Each
//! text is written once; where the dashboard's voice may not say something (an unpublished
//! person's dates, a mode's spelling) the sentence drops that part instead of being written
//! a second time.

use super::kind::{Experience, Flag, Kind, Subject, Voice};
use crate::model::Role;
use chrono::NaiveDate;

impl Kind {
    /// The message, one sentence without a full stop.
    pub fn message(&self, v: &dyn Voice) -> String {
        match self {
            Kind::Structure { message, .. } => message.clone(),
            Kind::NoPerson { key } => format!("`{}` names no person in people/", key.label()),
            Kind::MissingRole { person } => format!(
                "{} is named as {part} but does not have the `{part}` role",
                v.who(person),
                part = person.part.label()
            ),
            Kind::NotRepresentative { person } => {
                format!("{} does not have the `representative` role", v.who(person))
            }
            Kind::SelfMentoring => "the mentor and the mentee are the same person".into(),
            Kind::NoMembership {
                person,
                relationship,
            } => format!(
                "{} has no association membership, needed to take part in {}",
                v.who(person),
                v.relationship(relationship)
            ),
            Kind::MembershipBeforeStart {
                person,
                expires,
                relationship,
                start,
            } => format!(
                "the membership of {} expires{}, before {} starts on {start}",
                v.who(person),
                on(v, person, *expires),
                v.relationship(relationship)
            ),
            Kind::MembershipExpired {
                person,
                expires,
                relationship,
                as_of,
            } => {
                let expired = if v.dates_of(person) {
                    format!("expired on {expires}")
                } else {
                    "has expired".into()
                };
                format!(
                    "the membership of {} {expired}, but {} is still active on {as_of}",
                    v.who(person),
                    v.relationship(relationship)
                )
            }
            Kind::NoPublicLibrary {
                person,
                relationship,
            } => format!(
                "{} has no connection to a public library (`public_library: none`), needed to take part in {}",
                v.who(person),
                v.relationship(relationship)
            ),
            Kind::TooLittleExperience {
                mentor,
                what,
                since,
                years,
                reached,
                relationship,
                start,
            } => {
                let (who, place) = (v.who(mentor), experience_place(*what));
                let relationship = v.relationship(relationship);
                if v.dates_of(mentor) {
                    format!(
                        "{who} has worked {place} since {since}: {years} years are reached on {reached}, after {relationship} starts on {start}"
                    )
                } else {
                    format!(
                        "{who} has less than the required {years} years {place} when {relationship} starts on {start}"
                    )
                }
            }
            Kind::MenteeMoreSenior {
                mentee,
                mentee_since,
                mentor,
                mentor_since,
            } => {
                let mentee_since = if v.dates_of(mentee) {
                    format!(" since {mentee_since}")
                } else {
                    String::new()
                };
                let mentor_since = if v.dates_of(mentor) {
                    format!(" (since {mentor_since})")
                } else {
                    String::new()
                };
                format!(
                    "{} has worked in libraries{mentee_since}, longer than {}{mentor_since}",
                    v.who(mentee),
                    v.who(mentor)
                )
            }
            Kind::OverCapacity {
                mentor,
                active,
                as_of,
                limit,
            } => format!(
                "{} has {active} active relationships on {as_of}, more than the program's limit of {limit}",
                v.who(mentor)
            ),
            Kind::IdReveals { relationship } => format!(
                "the relationship id {} contains the id or part of the name of a participant who has not consented to publication, and ids are published",
                v.relationship(relationship)
            ),
            Kind::EndsBeforeStart { start, end, .. } => {
                format!("the relationship ends on {end} before it starts on {start}")
            }
            Kind::TooLong {
                start,
                end,
                months,
                latest,
            } => format!(
                "the relationship runs from {start} to {end}, longer than the program's {months} months: it must end by {latest}"
            ),
            Kind::ActiveAfterEnd { end, as_of } => {
                format!("the relationship is `active` but ended on {end}, before {as_of}")
            }
            Kind::CompletedBeforeEnd { end, as_of } => {
                format!("the relationship is `completed` but its end, {end}, is after {as_of}")
            }
            Kind::ClosedBeforeStart {
                start,
                as_of,
                dissolved,
            } => format!(
                "the relationship starts on {start}, after {as_of}, so it cannot be `{}` yet",
                if *dissolved { "dissolved" } else { "completed" }
            ),
            Kind::DissolvedWithoutBlock => {
                "the relationship is `dissolved` but has no `dissolution` block".into()
            }
            Kind::BlockWithoutDissolved => {
                "a `dissolution` block on a relationship whose status is not `dissolved`".into()
            }
            Kind::DissolvedOutside { date, start, end } => {
                format!("the dissolution date {date} is outside the relationship, {start} to {end}")
            }
            Kind::CommitteeContactedLate { contacted, date } => format!(
                "the mentoring committee was contacted on {contacted}, after the dissolution on {date}: it is contacted first"
            ),
            Kind::NoAgreement {
                relationship,
                start,
            } => format!(
                "{} started on {start} but has no signed agreement",
                v.relationship(relationship)
            ),
            Kind::SignedAfterFirstMeeting {
                party,
                signed,
                first,
            } => format!(
                "the {} signed on {signed}, after the first meeting on {first}",
                party.label()
            ),
            Kind::SignedAfterAsOf {
                party,
                signed,
                as_of,
            } => format!(
                "the {}'s signature is dated {signed}, after {as_of}",
                party.label()
            ),
            Kind::TermNotTrue { flag } => format!(
                "`{}` must be true: the program's agreement requires it",
                flag_key(*flag)
            ),
            Kind::ExpensesNotParticipants => {
                "`expenses` must be `participants`: the program does not pay participants' expenses".into()
            }
            Kind::QuarterlyFrequency => {
                "`meeting_frequency` is quarterly, less often than the program's monthly minimum"
                    .into()
            }
            Kind::ModeNotAllowed {
                in_agreement,
                typed,
                allowed,
            } => {
                let what = if v.quotes_records() {
                    format!("`{typed}` is")
                } else if *in_agreement {
                    "an entry of `meeting_modes` is".into()
                } else {
                    "the meeting's mode is".into()
                };
                format!(
                    "{what} not one of the program's meeting modes ({})",
                    allowed.join(", ")
                )
            }
            Kind::MeetingBeforeStart { day, start } => {
                format!("the meeting on {day} is before the relationship starts on {start}")
            }
            Kind::MeetingAfterClose { day, close } => {
                format!("the meeting on {day} is after the relationship closed on {close}")
            }
            Kind::MeetingAfterAsOf { day, as_of } => format!(
                "the meeting on {day} is after {as_of}: record meetings once they have taken place"
            ),
            Kind::NoApproval { day } => format!(
                "the meeting on {day} was in working hours without a manager's approval"
            ),
            Kind::ApprovedAfter { approved, day } => format!(
                "the manager approved on {approved}, after the meeting on {day}: approval comes first"
            ),
            Kind::PaidByOther => "an expense must be paid by the mentor or the mentee: the participants bear expenses, not the committee or the program".into(),
            Kind::NoTopics { day } => format!("the meeting on {day} lists no topics"),
            Kind::LateMeeting {
                previous, day, due, ..
            } => format!(
                "no meeting between {previous} and {day}: the next meeting was due by {due}"
            ),
            Kind::MeetingOverdue {
                previous,
                since_start,
                due,
                ..
            } => {
                let since = if *since_start {
                    format!("since the relationship started on {previous}")
                } else {
                    format!("since {previous}")
                };
                format!("no meeting {since}: the next meeting was due by {due}")
            }
            Kind::NoEvaluation { quarter, due, .. } => {
                format!("no evaluation for {quarter}: it was due by {due}")
            }
            Kind::QuarterOutside {
                quarter,
                last,
                start,
                close,
            } => format!(
                "{quarter} ends on {last}, outside the relationship ({start} to {close}): only quarters that end while it is open are evaluated"
            ),
            Kind::EvaluatedBefore {
                quarter,
                date,
                first,
                ..
            } => format!(
                "the {quarter} evaluation is dated {date}, before the quarter starts on {first}"
            ),
            Kind::EvaluatedLate {
                quarter,
                date,
                latest,
                ..
            } => format!("the {quarter} evaluation is dated {date}, after it was due by {latest}"),
            Kind::EvaluatedAfterAsOf {
                quarter,
                date,
                as_of,
                ..
            } => format!("the {quarter} evaluation is dated {date}, after {as_of}"),
            Kind::MentorAbsent { mentor, quarter } => format!(
                "{} did not take part in the {quarter} evaluation",
                v.who(mentor)
            ),
            Kind::RepresentativeIsParty {
                quarter,
                relationship,
            } => format!(
                "the {quarter} evaluation is by a party to {}: a representative outside the pair evaluates it",
                v.relationship(relationship)
            ),
        }
    }

    /// What would fix it, when there is something to suggest.
    pub fn help(&self, v: &dyn Voice) -> Option<String> {
        let text: String = match self {
            Kind::Structure { help, .. } => return help.clone(),
            Kind::NoPerson {
                key: Role::Representative,
            } => {
                "use the id of a person file, people/<id>.yaml, with the representative role".into()
            }
            Kind::NoPerson { key } => format!(
                "use the id of a person file, people/<id>.yaml, for the {}",
                key.label()
            ),
            Kind::MissingRole { person } => format!(
                "add `{part}` to their `roles`, or name someone who has it",
                part = person.part.label()
            ),
            Kind::NotRepresentative { .. } => {
                "name a PLCI representative, or add `representative` to their `roles`".into()
            }
            Kind::SelfMentoring => "name a different mentee, or a different mentor".into(),
            Kind::NoMembership { .. } => "add `membership:` with `number` and `expires`".into(),
            Kind::MembershipBeforeStart { .. } | Kind::MembershipExpired { .. } => {
                "renew the membership and update `membership.expires`".into()
            }
            Kind::NoPublicLibrary { .. } => "participants work in, have worked in, or plan to work in a public library: current, former or planned".into(),
            Kind::TooLittleExperience { what, years, .. } => format!(
                "a mentor needs {years} years {} when the relationship starts; check `{}` or the start date",
                experience_place(*what),
                match what {
                    Experience::Libraries => "library_since",
                    Experience::Field => "field_since",
                }
            ),
            Kind::MenteeMoreSenior { .. } => "mentors are usually the more experienced; check the pairing or the `library_since` dates".into(),
            Kind::OverCapacity { .. } => {
                "pair this mentee with another mentor, or raise max_active_mentees_per_mentor".into()
            }
            Kind::IdReveals { .. } => "rename the folder to a neutral id such as r-2026-014".into(),
            Kind::EndsBeforeStart { start, latest, .. } | Kind::TooLong { start, latest, .. } => {
                format!("set `end` between {start} and {latest}")
            }
            Kind::ActiveAfterEnd { .. } => {
                "set `status: completed` (or `dissolved`), or correct `end`".into()
            }
            Kind::CompletedBeforeEnd { .. } => "if it ended early, set `end` to the day it ended; if it was dissolved, record a dissolution".into(),
            Kind::ClosedBeforeStart { .. } => "a relationship that has not started yet is `active`".into(),
            Kind::DissolvedWithoutBlock => {
                "add `dissolution:` with `date`, `by` (mentor or mentee) and `committee_contacted`"
                    .into()
            }
            Kind::BlockWithoutDissolved => "set `status: dissolved`, or remove the block".into(),
            Kind::DissolvedOutside { .. } => {
                "the dissolution date is the day the relationship ended".into()
            }
            Kind::CommitteeContactedLate { .. } => "record when the committee was first contacted, on or before the dissolution date".into(),
            Kind::NoAgreement { relationship, .. } => format!(
                "add relationships/{}/agreement.md, signed by both parties",
                v.relationship(relationship)
            ),
            Kind::SignedAfterFirstMeeting { .. } | Kind::SignedAfterAsOf { .. } => {
                "both parties sign the agreement before they first meet".into()
            }
            Kind::TermNotTrue { flag } => {
                format!("set `{}: true` once both parties agree", flag_key(*flag))
            }
            Kind::ExpensesNotParticipants => "set `expenses: participants`".into(),
            Kind::QuarterlyFrequency => "agree to meet weekly, fortnightly or monthly".into(),
            Kind::ModeNotAllowed { in_agreement, .. } => if *in_agreement {
                "list only modes the program allows"
            } else {
                "use one of the program's modes"
            }
            .into(),
            Kind::MeetingBeforeStart { .. }
            | Kind::MeetingAfterClose { .. }
            | Kind::MeetingAfterAsOf { .. } => {
                "check the date in the file name, or the relationship's dates".into()
            }
            Kind::NoApproval { .. } => {
                "add `manager_approval:` with `by` and `date` (on or before the meeting)".into()
            }
            Kind::ApprovedAfter { .. } => {
                "working-hours meetings need approval on or before the meeting day".into()
            }
            Kind::PaidByOther => "set `paid_by: mentor` or `paid_by: mentee`".into(),
            Kind::NoTopics { .. } => {
                "add `topics:` with the issues, questions or scenarios the mentee prepared".into()
            }
            Kind::LateMeeting { gap, .. } => format!("meet at least every {}", months(*gap)),
            Kind::MeetingOverdue { gap, .. } => format!(
                "record the meetings held, or meet: at least every {}",
                months(*gap)
            ),
            Kind::NoEvaluation {
                quarter,
                relationship,
                ..
            } => format!(
                "add relationships/{}/evaluations/{quarter}.yaml",
                v.relationship(relationship)
            ),
            Kind::QuarterOutside { .. } => "check the quarter in the file name".into(),
            Kind::EvaluatedBefore {
                quarter,
                first,
                latest,
                ..
            }
            | Kind::EvaluatedLate {
                quarter,
                first,
                latest,
                ..
            }
            | Kind::EvaluatedAfterAsOf {
                quarter,
                first,
                latest,
                ..
            } => format!("an evaluation of {quarter} takes place between {first} and {latest}"),
            Kind::MentorAbsent { .. } => {
                "mentors take part in every quarterly evaluation; contact the committee".into()
            }
            Kind::RepresentativeIsParty { .. } => {
                "name a PLCI representative who is neither the mentor nor the mentee".into()
            }
        };
        Some(text)
    }
}

/// " on 2027-06-30" when the voice may give this person's dates, else nothing.
fn on(v: &dyn Voice, person: &Subject, date: NaiveDate) -> String {
    if v.dates_of(person) {
        format!(" on {date}")
    } else {
        String::new()
    }
}

fn experience_place(what: Experience) -> &'static str {
    match what {
        Experience::Libraries => "in libraries",
        Experience::Field => "in their current field",
    }
}

fn flag_key(flag: Flag) -> &'static str {
    match flag {
        Flag::Confidentiality => "confidentiality",
        Flag::Voluntary => "voluntary",
    }
}

fn months(n: u32) -> String {
    if n == 1 {
        "month".into()
    } else {
        format!("{n} months")
    }
}
