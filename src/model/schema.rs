//! How the model's own types describe themselves in JSON Schema, where a derive cannot say
//! it: choices by their spellings, text-or-number values, the agreement's `signed` block and
//! the keys required by role. `crate::schema` writes the schemas; it depends on the model,
//! never the other way round.

use super::{Choice, Role};
use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};
use std::borrow::Cow;

/// The schema of a `Choice` enumeration: its spellings in the records.
pub fn choice_schema<T: Choice>() -> Schema {
    let names: Vec<&str> = T::CHOICES.iter().map(|(name, _)| *name).collect();
    json_schema!({ "type": "string", "enum": names })
}

/// A value the loader takes as text or as a bare number (membership and phone numbers).
pub struct TextOrNumber;

impl JsonSchema for TextOrNumber {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "TextOrNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "number"] })
    }
}

/// An agreement's `signed` block: the day each party signed. The model keeps the two dates
/// as separate fields; this is how they are written.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Signed {
    mentor: NaiveDate,
    mentee: NaiveDate,
}

/// The keys a person needs because of a role (`keys::ROLE_REQUIRED`), as `if roles contains
/// …, then required …`.
pub fn role_requirements(schema: &mut Schema) {
    let needs = |role: Role, keys: &[&str]| {
        json!({
            "if": {
                "properties": { "roles": { "contains": { "const": role.name() } } },
                "required": ["roles"]
            },
            "then": { "required": keys }
        })
    };
    schema.insert(
        "allOf".into(),
        [Role::Mentor, Role::Mentee]
            .map(|role| needs(role, &super::keys::required_for(role).collect::<Vec<_>>()))
            .into_iter()
            .collect::<Value>(),
    );
}
