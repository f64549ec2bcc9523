//! JSON Schemas (draft-07, which yaml-language-server supports reliably) for each record
//! kind, generated from the model types the loader fills (`crate::model`, which derive
//! `schemars::JsonSchema`), so the format is described once, in Rust.
//!
//! The loader reads records by hand, field by field, to report every problem of a file at
//! once; the tests below hold its key lists and the schemas' properties equal, so the two
//! cannot drift apart. What a schema cannot say (a date that does not exist, a person id that
//! is not a file, a mode the program does not allow) is `check`'s business.

use crate::model::{Agreement, Evaluation, Meeting, Person, Relationship};
use schemars::SchemaGenerator;
use schemars::generate::SchemaSettings;
use serde_json::Value;

/// A record kind that has a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Person,
    Relationship,
    Agreement,
    Meeting,
    Evaluation,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::Relationship,
        Kind::Agreement,
        Kind::Meeting,
        Kind::Evaluation,
    ];

    /// The schema's file name in the schema folder, e.g. `person.schema.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Person => "person.schema.json",
            Kind::Relationship => "relationship.schema.json",
            Kind::Agreement => "agreement.schema.json",
            Kind::Meeting => "meeting.schema.json",
            Kind::Evaluation => "evaluation.schema.json",
        }
    }

    /// What an editor shows for the whole record.
    fn description(self) -> &'static str {
        match self {
            Kind::Person => "A participant or PLCI representative: records/people/<id>.yaml",
            Kind::Relationship => {
                "A mentoring relationship: records/relationships/<id>/relationship.yaml"
            }
            Kind::Agreement => {
                "The front matter of a signed agreement: records/relationships/<id>/agreement.md"
            }
            Kind::Meeting => {
                "The front matter of a meeting log: records/relationships/<id>/meetings/<YYYY-MM-DD>.md"
            }
            Kind::Evaluation => {
                "A quarterly evaluation: records/relationships/<id>/evaluations/<YYYY>-Q<n>.yaml"
            }
        }
    }

    /// The schema as a JSON value.
    pub fn schema(self) -> Value {
        let mut generator = generator();
        let schema = match self {
            Kind::Person => generator.root_schema_for::<Person>(),
            Kind::Relationship => generator.root_schema_for::<Relationship>(),
            Kind::Agreement => generator.root_schema_for::<Agreement>(),
            Kind::Meeting => generator.root_schema_for::<Meeting>(),
            Kind::Evaluation => generator.root_schema_for::<Evaluation>(),
        };
        let mut value = schema.to_value();
        // The model's doc comments are written for developers, not for committee members.
        remove_descriptions(&mut value);
        value["description"] = self.description().into();
        value
    }

    /// The schema as the text of its file: pretty JSON ending in a newline, the same bytes on
    /// every run.
    pub fn text(self) -> String {
        // A schema is strings, numbers and booleans: serialising it cannot fail.
        let mut text = serde_json::to_string_pretty(&self.schema()).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn remove_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("description");
            map.values_mut().for_each(remove_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(remove_descriptions),
        _ => {}
    }
}

/// Draft-07, every sub-schema inline: one self-contained file a record kind.
fn generator() -> SchemaGenerator {
    let mut settings = SchemaSettings::draft07();
    settings.inline_subschemas = true;
    SchemaGenerator::new(settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::keys::*;
    use serde_json::json;

    fn keys(schema: &Value, path: &[&str]) -> Vec<String> {
        let mut node = schema;
        for step in path {
            node = &node[step];
            // Optional blocks are `anyOf: [block, null]`; lists of blocks have `items`.
            if let Some(first) = node["anyOf"].get(0) {
                node = first;
            }
            if node["items"].is_object() {
                node = &node["items"];
            }
        }
        let mut names: Vec<String> = node["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no properties at {path:?}"))
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn the_schemas_know_exactly_the_keys_the_loader_reads() {
        let cases: [(Kind, &[&str], &[&str]); 9] = [
            (Kind::Person, &[], PERSON_KEYS),
            (Kind::Person, &["properties", "membership"], MEMBERSHIP_KEYS),
            (Kind::Relationship, &[], RELATIONSHIP_KEYS),
            (
                Kind::Relationship,
                &["properties", "dissolution"],
                DISSOLUTION_KEYS,
            ),
            (Kind::Agreement, &[], AGREEMENT_KEYS),
            (Kind::Agreement, &["properties", "signed"], SIGNED_KEYS),
            (Kind::Meeting, &[], MEETING_KEYS),
            (
                Kind::Meeting,
                &["properties", "manager_approval"],
                APPROVAL_KEYS,
            ),
            (Kind::Evaluation, &[], EVALUATION_KEYS),
        ];
        for (kind, path, loader) in cases {
            assert_eq!(
                keys(&kind.schema(), path),
                sorted(loader),
                "{kind:?} {path:?}"
            );
        }
        assert_eq!(
            keys(&Kind::Meeting.schema(), &["properties", "expenses"]),
            sorted(EXPENSE_KEYS)
        );
    }

    #[test]
    fn schemas_are_draft_07_closed_and_self_contained() {
        for kind in Kind::ALL {
            let schema = kind.schema();
            assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
            assert_eq!(schema["additionalProperties"], false, "{kind:?}");
            let text = kind.text();
            let written: Value = serde_json::from_str(&text).expect("the text is JSON");
            assert_eq!(written, schema, "{kind:?}: the text is the schema");
            assert!(text.ends_with("}\n"), "{kind:?}: one trailing newline");
            assert!(!text.contains("$ref"), "{kind:?} is self-contained");
        }
        let person = Kind::Person.schema();
        assert_eq!(person["required"], json!(["name", "roles"]));
        assert_eq!(
            person["properties"]["public_library"]["enum"],
            json!(["current", "former", "planned", "none", null])
        );
    }
}
