//! A row of applicants or participants → `people/<id>.yaml`. The id is the `id` column's,
//! else made from the name by the same folding as `private-id` (`Zoë Núñez` → `zoe-nunez`),
//! then `-2`, `-3` … when taken. A person already in the records — the same id, or the same
//! name and email — is reported as existing, not added again under a new id.

use super::cells::{self, Convert, Refusal};
use super::row::RowReader;
use super::sheet::Cell;
use super::{Outcome, ReadRow};
use crate::model::{PublicLibrary, Records, Role};
use crate::scaffold::draft::Draft;
use crate::scaffold::records::{PersonFields, person};
use std::collections::{HashMap, HashSet};

pub const KEYS: &[&str] = &[
    "id",
    "name",
    "roles",
    "library",
    "position",
    "public_library",
    "membership_number",
    "membership_expires",
    "library_since",
    "field",
    "field_since",
    "email",
    "phone",
    "interests",
    "publish",
];

/// Who a person is for "the same person": the name and the email, in any letter case and
/// spacing (a person without an email is matched by name with no email).
type Identity = (String, String);

fn identity(name: &str, email: Option<&str>) -> Identity {
    let squashed = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    (squashed(name), email.map(squashed).unwrap_or_default())
}

pub struct People<'r> {
    records: &'r Records,
    /// Each person in the records by identity.
    known: HashMap<Identity, String>,
    /// Ids and identities taken by earlier rows, with their row numbers.
    rows_by_id: HashMap<String, u32>,
    rows_by_identity: HashMap<Identity, u32>,
    taken: HashSet<String>,
}

impl<'r> People<'r> {
    pub fn new(records: &'r Records) -> Self {
        let known = records
            .people
            .iter()
            .filter_map(|(id, file)| {
                let p = file.record.as_ref()?;
                let email = p.email.as_ref().map(|e| e.expose().as_str());
                Some((identity(&p.name.value, email), id.clone()))
            })
            .collect();
        People {
            records,
            known,
            rows_by_id: HashMap::new(),
            rows_by_identity: HashMap::new(),
            taken: HashSet::new(),
        }
    }

    /// The id a new person gets: the `id` column's, else the folded name, made unique.
    fn new_id(&self, r: &mut RowReader, given: Option<String>, name: &str) -> Option<String> {
        if let Some(id) = given {
            if crate::load::is_valid_id(&id) {
                return Some(id);
            }
            r.refuse("id", format!("`id` `{}` is not a valid person id", id.escape_debug()), Some("use 1 to 64 lowercase letters, digits and `-`, starting with a letter or digit, like dana-whitfield".into()));
            return None;
        }
        let Some(base) = crate::fold::id_from_name(name) else {
            r.refuse(
                "name",
                "`name` has no letters to make an id from".into(),
                Some("add an `id` column with the person's id".into()),
            );
            return None;
        };
        let free = |id: &String| !self.records.people.contains_key(id) && !self.taken.contains(id);
        std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(free)
    }
}

impl People<'_> {
    /// The person's record or earlier row, when the records or the sheet have them.
    fn known_already(&self, id: Option<&str>, who: &Identity) -> Option<Outcome> {
        if let Some(id) = id {
            if let Some(&row) = self.rows_by_id.get(id) {
                return Some(Outcome::Repeats {
                    row,
                    why: "the same id",
                });
            }
            if self.records.people.contains_key(id) {
                let rel = format!("people/{id}.yaml");
                return Some(Outcome::Exists {
                    rel,
                    why: "the same id",
                });
            }
        }
        if let Some(&row) = self.rows_by_identity.get(who) {
            return Some(Outcome::Repeats {
                row,
                why: "the same name and email",
            });
        }
        let id = self.known.get(who)?;
        let rel = format!("people/{id}.yaml");
        Some(Outcome::Exists {
            rel,
            why: "the same name and email",
        })
    }
}

impl ReadRow for People<'_> {
    fn row(&mut self, r: &mut RowReader) -> Outcome {
        let given_id = r.optional("id", cells::line);
        let name = r.required("name", cells::line, "");
        let email = r.optional("email", cells::line);
        // A person already recorded is not read further: the records have them.
        if let Some(name) = name.as_deref().filter(|_| r.problems.is_empty()) {
            let who = identity(name, email.as_deref());
            if let Some(known) = self.known_already(given_id.as_deref(), &who) {
                return known;
            }
        }
        let roles = r.required(
            "roles",
            cells::choices::<Role>,
            "(mentor, mentee or representative)",
        );
        let roles = roles.filter(|roles| !roles.is_empty());
        let mut fields = fields(r, roles.as_deref().unwrap_or_default());
        fields.email = email;
        let (Some(name), Some(roles)) = (name, roles) else {
            return Outcome::Refused;
        };
        let who = identity(&name, fields.email.as_deref());
        let Some(id) = self.new_id(r, given_id, &name) else {
            return Outcome::Refused;
        };
        let rel = format!("people/{id}.yaml");
        let text = person(&rel, &name, &roles, &fields);
        if !r.problems.is_empty() {
            return Outcome::Refused;
        }
        self.taken.insert(id.clone());
        self.rows_by_id.insert(id, r.row.number);
        self.rows_by_identity.insert(who, r.row.number);
        Outcome::New(Draft::at(rel, text))
    }
}

/// Every other key of a person, with what their roles require.
fn fields(r: &mut RowReader, roles: &[Role]) -> PersonFields {
    let needed = &crate::model::keys::required_by(roles);
    let membership =
        needed.contains(&"membership") || r.has("membership_number") || r.has("membership_expires");
    let (number, expires) = if membership {
        let why = if needed.contains(&"membership") {
            required_for("membership")
        } else {
            "when a membership is given"
        };
        let number = r.required("membership_number", cells::text, why);
        (number, r.required("membership_expires", cells::date, why))
    } else {
        (None, None)
    };
    PersonFields {
        library: r.optional("library", cells::text),
        position: r.optional("position", cells::text),
        public_library: by_role(r, needed, "public_library", cells::choice::<PublicLibrary>),
        membership_number: number,
        membership_expires: expires,
        library_since: by_role(r, needed, "library_since", cells::date),
        field: by_role(r, needed, "field", cells::text),
        field_since: by_role(r, needed, "field_since", cells::date),
        email: None,
        phone: r.optional("phone", cells::line),
        interests: r.optional("interests", cells::list).unwrap_or_default(),
        publish: r.optional("publish", consent).unwrap_or(false),
    }
}

/// The key's value: required when the person's roles need it, else optional.
fn by_role<T>(r: &mut RowReader, needed: &[&str], key: &str, convert: Convert<T>) -> Option<T> {
    if needed.contains(&key) {
        r.required(key, convert, required_for(key))
    } else {
        r.optional(key, convert)
    }
}

/// Which roles need a key: mentees need some of a mentor's keys.
fn required_for(key: &str) -> &'static str {
    if crate::model::keys::required_by(&[Role::Mentee]).contains(&key) {
        "for mentors and mentees"
    } else {
        "for mentors"
    }
}

/// Consent is never assumed: only a yes (or a ticked box) publishes.
fn consent(cell: &Cell) -> Result<bool, Refusal> {
    cells::boolean(cell).map_err(|r| Refusal {
        message: format!("{}: consent is given only by a yes", r.message),
        help: Some("write yes for consent to show the person on the dashboard, or no".into()),
    })
}

#[cfg(test)]
mod tests {
    /// A key added to the loader is a column the import must learn to read.
    #[test]
    fn every_key_the_loader_reads_can_be_imported() {
        for key in crate::model::keys::PERSON_KEYS {
            let columns = match *key {
                "membership" => vec!["membership_number", "membership_expires"],
                key => vec![key],
            };
            assert!(columns.iter().all(|c| super::KEYS.contains(c)), "{key}");
        }
    }
}
