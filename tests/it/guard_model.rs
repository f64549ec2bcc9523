//! The guard learns what to watch from the model: every key the JSON Schemas list (derived
//! from the model types, `mentorbook schema`) is filled with a distinct marker through the
//! loader, and each marker must be watched — found on a page as a hit with its own key — or
//! its key listed below as one a page may show. A new field, confidential or
//! consent-dependent, fails here until `src/model/secrets.rs` visits it (or it is listed as
//! public, on purpose).

use mentorbook::render::guard::{self, Guard, SiteText};
use mentorbook::schema::Kind;
use serde_json::{Map, Value, json};

/// Keys whose values pages may show (records.md, "Confidentiality"): references to people
/// (their ids are watched from their own files), dates, counts and choices typed as text.
const PUBLIC: &[&str] = &[
    "relationship.mentor",
    "relationship.mentee",
    "relationship.start",
    "relationship.end",
    "relationship.dissolution.date",
    "relationship.dissolution.committee_contacted",
    "agreement.signed.mentor",
    "agreement.signed.mentee",
    "agreement.meeting_modes",
    "meeting.mode",
    "meeting.minutes",
    "meeting.manager_approval.date",
    "meeting.expenses.paid_by",
    "evaluation.representative",
    "evaluation.date",
];

/// What the test wrote for one key, and how a page would show it.
struct Marker {
    /// `person.membership.number`.
    key: String,
    shown: String,
}

/// Fills a schema with markers, recording each.
struct Filler {
    markers: Vec<Marker>,
}

impl Filler {
    fn next(&mut self) -> usize {
        self.markers.len()
    }

    /// A value for the schema at `key`, with a marker wherever it holds text, a date or a
    /// number; `publish` is false so that consent-dependent values are watched.
    fn fill(&mut self, key: &str, schema: &Value) -> Value {
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
            return first.clone();
        }
        let marker = |filler: &mut Filler, value: Value, shown: String| {
            filler.markers.push(Marker {
                key: key.to_owned(),
                shown,
            });
            value
        };
        let i = self.next();
        if types.contains(&"object") {
            let mut object = Map::new();
            for (name, property) in schema["properties"].as_object().into_iter().flatten() {
                let value = self.fill(&format!("{key}.{name}"), property);
                object.insert(name.clone(), value);
            }
            Value::Object(object)
        } else if types.contains(&"array") {
            json!([self.fill(key, &schema["items"])])
        } else if schema["format"] == "date" {
            let date = chrono::NaiveDate::from_ymd_opt(2031, 1, 1).unwrap()
                + chrono::Days::new(37 * i as u64);
            let text = date.to_string();
            marker(self, json!(text), text)
        } else if types.contains(&"string") {
            let text = format!("zq{}marker", letters(i));
            marker(self, json!(text), text)
        } else if types.contains(&"boolean") {
            json!(!key.ends_with(".publish"))
        } else if types.contains(&"number") || types.contains(&"integer") {
            let number = 100_000 + i as u64;
            marker(self, json!(number), number.to_string())
        } else {
            panic!("{key}: a schema this test cannot fill: {schema}")
        }
    }

    /// A marker for a value the schema does not describe (a body, a file name).
    fn text(&mut self, key: &str) -> String {
        let text = format!("zq{}marker", letters(self.next()));
        self.markers.push(Marker {
            key: key.to_owned(),
            shown: text.clone(),
        });
        text
    }
}

/// `i` in letters: a, b, … z, ba, bb …
fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (i % 26) as u8);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// The schema of `kind`, filled: the record's front matter (or whole YAML) as JSON.
fn filled(filler: &mut Filler, kind: Kind, name: &str) -> String {
    let schema = kind.schema();
    let mut object = Map::new();
    for (key, property) in schema["properties"].as_object().unwrap() {
        let value = filler.fill(&format!("{name}.{key}"), property);
        object.insert(key.clone(), value);
    }
    Value::Object(object).to_string()
}

#[test]
fn every_confidential_and_consent_dependent_field_is_watched() {
    let program = crate::support::Program::new();
    let mut filler = Filler {
        markers: Vec::new(),
    };
    let person_id = filler.text("person.file name");
    let person = filled(&mut filler, Kind::Person, "person");
    program.write(&format!("people/{person_id}.yaml"), person);
    let rel = "relationships/r-2026-001";
    let relationship = filled(&mut filler, Kind::Relationship, "relationship");
    program.write(&format!("{rel}/relationship.yaml"), relationship);
    let agreement = filled(&mut filler, Kind::Agreement, "agreement");
    let terms = filler.text("agreement.terms");
    program.write(
        &format!("{rel}/agreement.md"),
        format!("---\n{agreement}\n---\n{terms}\n"),
    );
    let meeting = filled(&mut filler, Kind::Meeting, "meeting");
    let notes = filler.text("meeting.notes");
    program.write(
        &format!("{rel}/meetings/2026-03-10.md"),
        format!("---\n{meeting}\n---\n# {notes}\n"),
    );
    let evaluation = filled(&mut filler, Kind::Evaluation, "evaluation");
    program.write(&format!("{rel}/evaluations/2026-Q1.yaml"), evaluation);

    let root = program.dir().join("records");
    let loaded = mentorbook::load::load(&root, "records").unwrap();
    // The positive control: every record loaded, so every marker is in the model.
    let broken: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| matches!(d.rule.id(), "schema" | "yaml" | "layout"))
        .map(|d| format!("{}: {}", d.file, d.message))
        .collect();
    assert_eq!(broken, Vec::<String>::new());
    let records = &loaded.records;
    let names = mentorbook::view::PublicIds::new(records);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let guard = Guard::new(guard::inputs(records, &names, SiteText::builtin(as_of)));

    let mut wrong = Vec::new();
    for marker in &filler.markers {
        let page = format!("<p>{}</p>", marker.shown);
        let hit = guard.scan("index.html", page.as_bytes());
        let public = PUBLIC.contains(&marker.key.as_str());
        let (_, key) = marker.key.split_once('.').unwrap();
        match (&hit, public) {
            (None, true) => {}
            (Some(hit), false) if hit.key.path == key => {}
            (Some(hit), _) => wrong.push(format!("{}: a hit for key {}", marker.key, hit.key)),
            (None, false) => wrong.push(format!(
                "{}: not watched — visit it in src/model/secrets.rs, or list it in PUBLIC",
                marker.key
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(filler.markers.len() > 25, "the schemas were read");
}
