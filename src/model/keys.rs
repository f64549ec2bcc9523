//! The keys of each record kind (records.md), and the keys a person needs because of a role:
//! one table the loader reads records by and the JSON Schemas are checked against, so the two
//! cannot describe different formats.

use super::Role;

pub const PERSON_KEYS: &[&str] = &[
    "name",
    "roles",
    "library",
    "position",
    "public_library",
    "membership",
    "library_since",
    "field",
    "field_since",
    "email",
    "phone",
    "interests",
    "publish",
];
pub const MEMBERSHIP_KEYS: &[&str] = &["number", "expires"];

pub const RELATIONSHIP_KEYS: &[&str] = &[
    "mentor",
    "mentee",
    "start",
    "end",
    "status",
    "goals",
    "dissolution",
];
pub const DISSOLUTION_KEYS: &[&str] = &["date", "by", "committee_contacted", "reason"];

pub const AGREEMENT_KEYS: &[&str] = &[
    "signed",
    "meeting_frequency",
    "meeting_modes",
    "confidentiality",
    "voluntary",
    "expenses",
];
pub const SIGNED_KEYS: &[&str] = &["mentor", "mentee"];

pub const MEETING_KEYS: &[&str] = &[
    "mode",
    "minutes",
    "working_hours",
    "manager_approval",
    "topics",
    "expenses",
];
pub const APPROVAL_KEYS: &[&str] = &["by", "date"];
pub const EXPENSE_KEYS: &[&str] = &["amount", "paid_by", "what"];

pub const EVALUATION_KEYS: &[&str] = &[
    "representative",
    "date",
    "mentor_participated",
    "mentee_participated",
    "rating",
    "comments",
];

/// A key a person's record must have because of a role.
pub struct RoleRequirement {
    pub key: &'static str,
    pub roles: &'static [Role],
    /// Completes "missing key `…`, required …".
    pub why: &'static str,
}

/// Mentors and mentees need `public_library` and `membership`; mentors also
/// `library_since`, `field` and `field_since` (records.md).
pub const ROLE_REQUIRED: &[RoleRequirement] = &[
    RoleRequirement {
        key: "public_library",
        roles: &[Role::Mentor, Role::Mentee],
        why: "for mentors and mentees",
    },
    RoleRequirement {
        key: "membership",
        roles: &[Role::Mentor, Role::Mentee],
        why: "for mentors and mentees (association membership)",
    },
    RoleRequirement {
        key: "library_since",
        roles: &[Role::Mentor],
        why: "for mentors (first day working in libraries)",
    },
    RoleRequirement {
        key: "field",
        roles: &[Role::Mentor],
        why: "for mentors (current field of work)",
    },
    RoleRequirement {
        key: "field_since",
        roles: &[Role::Mentor],
        why: "for mentors (first day in the current field)",
    },
];

/// The keys a person with `role` must have.
pub fn required_for(role: Role) -> impl Iterator<Item = &'static str> {
    ROLE_REQUIRED
        .iter()
        .filter(move |need| need.roles.contains(&role))
        .map(|need| need.key)
}

/// The keys a person with any of `roles` must have, in table order.
pub fn required_by(roles: &[Role]) -> Vec<&'static str> {
    ROLE_REQUIRED
        .iter()
        .filter(|need| need.roles.iter().any(|role| roles.contains(role)))
        .map(|need| need.key)
        .collect()
}
