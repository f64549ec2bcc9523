//! People: representatives, mentors (a few of them representatives too) and one mentee per
//! relationship, published or not. Their dates are chosen so that every mentor is eligible
//! for any relationship the generator can give them (rules `mentor-library-years`,
//! `mentor-field-years`) and no mentee has been in libraries longer than their mentor
//! (`mentor-seniority`).

use super::lines::Lines;
use super::relationships::Plan;
use super::words::{FIELDS, FIRST_NAMES, LAST_NAMES, LIBRARIES, POSITIONS};
use super::{Draft, Place};
use chrono::{Months, NaiveDate};

/// A person as the records that name them need to know them.
#[derive(Clone, Debug)]
pub(super) struct Person {
    pub id: String,
    /// The marker in an unpublished person's id (canary mode), placed again wherever the id
    /// is named.
    id_marker: Option<String>,
    library_since: Option<NaiveDate>,
}

impl Person {
    /// The id, to be written at `key` of `file`.
    pub fn named_in(&self, draft: &mut Draft, file: &str, key: &str) -> String {
        if let Some(marker) = &self.id_marker {
            draft
                .secrets
                .place(marker, file, Place::Key(key.to_owned()));
        }
        self.id.clone()
    }
}

/// The people every relationship draws on: its mentor and the representatives who evaluate it.
pub(super) struct Pool {
    /// Mentors of relationships first (relationship n has mentor n mod `matched`), then a few
    /// waiting for a mentee.
    mentors: Vec<Person>,
    matched: usize,
    representatives: Vec<Person>,
}

impl Pool {
    pub fn new(draft: &mut Draft) -> Pool {
        let relationships = draft.options.relationships;
        let mut representatives: Vec<Person> = (0..(relationships / 150).max(3))
            .map(|n| representative(draft, n % 3 != 2))
            .collect();
        let matched = relationships.div_ceil(2);
        let mentors = (0..matched + relationships / 20)
            .map(|n| {
                let mentor = mentor(draft, n % 25 == 24);
                if n % 25 == 24 {
                    representatives.push(mentor.clone());
                }
                mentor
            })
            .collect();
        Pool {
            mentors,
            matched,
            representatives,
        }
    }

    pub fn mentor_of(&self, relationship: usize) -> &Person {
        &self.mentors[relationship % self.matched.max(1)]
    }

    /// A representative other than `mentor` (`evaluation-representative`; no mentee is one).
    pub fn representative_for(&self, draft: &mut Draft, mentor: &Person) -> &Person {
        let count = self.representatives.len();
        let mut at = draft.rng.usize(..count);
        while self.representatives[at].id == mentor.id {
            at = (at + 1) % count;
        }
        &self.representatives[at]
    }
}

/// The record of a person about to be written.
struct Spec {
    roles: &'static str,
    published: bool,
    public_library: Option<&'static str>,
    expires: Option<NaiveDate>,
    library_since: Option<NaiveDate>,
    field_since: Option<NaiveDate>,
}

/// A representative; one in three has not consented to publication.
fn representative(draft: &mut Draft, published: bool) -> Person {
    person(
        draft,
        Spec {
            roles: "[representative]",
            published,
            public_library: None,
            expires: None,
            library_since: None,
            field_since: None,
        },
    )
}

/// A mentor eligible for any relationship that starts in the two years before as-of, or
/// after it: eight years or more in libraries, six or more in the field.
fn mentor(draft: &mut Draft, also_representative: bool) -> Person {
    let as_of = draft.as_of();
    let library_since = as_of - Months::new(8 * 12) - draft.days(0..=9000);
    let latest_field = as_of - Months::new(6 * 12);
    let span = (latest_field - library_since).num_days().clamp(0, 4000) as u64;
    let field_since = latest_field - draft.days(0..=span);
    let spec = Spec {
        roles: if also_representative {
            "[mentor, representative]"
        } else {
            "[mentor]"
        },
        published: draft.chance(70),
        public_library: Some(draft.pick(&["current", "current", "current", "former"])),
        expires: Some(as_of + draft.days(90..=900)),
        library_since: Some(library_since),
        field_since: Some(field_since),
    };
    person(draft, spec)
}

/// The mentee of `plan`: a member from its start (and still on as-of while it is active or
/// yet to start), in libraries no longer than `mentor`.
pub(super) fn mentee(draft: &mut Draft, plan: &Plan, mentor: &Person) -> Person {
    let as_of = draft.as_of();
    let lapsed_since = plan.is_over(as_of) && draft.chance(25);
    let expires = if lapsed_since {
        let span = (as_of - plan.start).num_days().max(0) as u64;
        plan.start + draft.days(0..=span)
    } else {
        as_of.max(plan.start) + draft.days(30..=720)
    };
    let library_since = draft.chance(85).then(|| {
        let since = plan.start - draft.days(60..=1800);
        mentor.library_since.map_or(since, |m| since.max(m))
    });
    let spec = Spec {
        roles: "[mentee]",
        published: draft.chance(40),
        public_library: Some(draft.pick(&["current", "current", "planned", "former"])),
        expires: Some(expires),
        library_since,
        field_since: None,
    };
    person(draft, spec)
}

/// What a person's consent (`publish: true`) lets the dashboard show: plain when published,
/// confidential (each with its own marker in canary mode) when not. A new key that consent
/// covers — `interests`, say — is one more field here, one more line in `Identity::new` and
/// one in `record`.
struct Identity {
    name: String,
    library: Option<String>,
    position: Option<String>,
    field: Option<String>,
}

impl Identity {
    fn new(draft: &mut Draft, file: &str, spec: &Spec, name: &str) -> Identity {
        let shown = |draft: &mut Draft, key: &str, plain: &str| {
            if spec.published {
                plain.to_owned()
            } else {
                draft.secrets.text(key, plain, file, key)
            }
        };
        let library = draft.chance(90).then(|| draft.pick(LIBRARIES));
        let position = draft.chance(80).then(|| draft.pick(POSITIONS));
        let field = spec.field_since.map(|_| draft.pick(FIELDS));
        Identity {
            name: shown(draft, "name", name),
            library: library.map(|plain| shown(draft, "library", plain)),
            position: position.map(|plain| shown(draft, "position", plain)),
            field: field.map(|plain| shown(draft, "field", plain)),
        }
    }
}

fn person(draft: &mut Draft, spec: Spec) -> Person {
    draft.manifest.people += 1;
    let serial = draft.manifest.people;
    let (first, last) = (draft.pick(FIRST_NAMES), draft.pick(LAST_NAMES));
    let stem = format!("{first}-{last}").to_lowercase();
    let id_marker = if spec.published {
        None
    } else {
        draft.secrets.marker("id")
    };
    let id = match &id_marker {
        Some(marker) => format!("{stem}-{marker}"),
        None => format!("{stem}-{serial}"),
    };
    let file = format!("people/{id}.yaml");
    if let Some(marker) = &id_marker {
        draft.secrets.place(marker, &file, Place::FileName);
    }
    let identity = Identity::new(draft, &file, &spec, &format!("{first} {last}"));
    let text = record(draft, &file, &spec, &identity, &stem);
    draft.add(file, text);
    Person {
        id,
        id_marker,
        library_since: spec.library_since,
    }
}

/// The text of `people/<id>.yaml`, keys in the order records.md lists them.
fn record(draft: &mut Draft, file: &str, spec: &Spec, identity: &Identity, stem: &str) -> String {
    let mut lines = Lines::default();
    lines.text(0, "name", &identity.name);
    lines.value(0, "roles", spec.roles);
    if let Some(library) = &identity.library {
        lines.text(0, "library", library);
    }
    if let Some(position) = &identity.position {
        lines.text(0, "position", position);
    }
    if let Some(public_library) = spec.public_library {
        lines.value(0, "public_library", public_library);
    }
    if let Some(expires) = spec.expires {
        let plain = format!("MLA-{:05}", draft.rng.u32(10_000..100_000));
        let number = draft
            .secrets
            .text("member", &plain, file, "membership.number");
        lines.open(0, "membership");
        lines
            .text(1, "number", &number)
            .value(1, "expires", expires);
    }
    if let Some(since) = spec.library_since {
        lines.value(0, "library_since", since);
    }
    if let (Some(field), Some(since)) = (&identity.field, spec.field_since) {
        lines.text(0, "field", field).value(0, "field_since", since);
    }
    contact(draft, &mut lines, file, stem);
    match (spec.published, draft.chance(50)) {
        (true, _) => lines.value(0, "publish", true),
        (false, true) => lines.value(0, "publish", false),
        (false, false) => &mut lines, // `publish` left out: false by default
    };
    lines.yaml()
}

/// `email` and `phone`, confidential for everyone, each present most of the time.
fn contact(draft: &mut Draft, lines: &mut Lines, file: &str, stem: &str) {
    if draft.chance(90) {
        let local = stem.replace('-', ".");
        let email = match draft.secrets.marker("email") {
            Some(marker) => {
                draft
                    .secrets
                    .place(&marker, file, Place::Key("email".into()));
                format!("{local}+{marker}@example.org")
            }
            None => format!("{local}@example.org"),
        };
        lines.text(0, "email", &email);
    }
    if draft.chance(70) {
        let plain = format!("+1 417 555 {:04}", draft.rng.u32(..10_000));
        let phone = draft.secrets.text("phone", &plain, file, "phone");
        lines.text(0, "phone", &phone);
    }
}
