//! The privacy guard, the last line of defence (dashboard.md): before a new site replaces the
//! old one, every file written is scanned for every confidential value the build loaded (six
//! characters or more), except values that also occur in public text — so a hit is always a
//! real leak. A hit fails the build without printing the value.

use crate::model::{Person, Records};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The shortest confidential value worth looking for: shorter ones ("Coffee") are common words.
const MIN_CHARS: usize = 6;

/// A confidential value and where it came from.
struct Secret {
    value: String,
    /// The record file, and the kind of value ("topics", "email").
    file: String,
    what: &'static str,
}

/// A confidential value found in an output file.
#[derive(Debug, PartialEq, Eq)]
pub struct Leak {
    pub output: String,
    pub record: String,
    pub what: &'static str,
}

pub struct Guard {
    secrets: Vec<Secret>,
    /// Patterns (each secret's text and its escaped forms) → index into `secrets`.
    owners: Vec<usize>,
    matcher: Option<AhoCorasick>,
}

impl Guard {
    /// Collects every confidential value of `records`, leaving out those that also occur in
    /// `public` (public field values, guidelines, templates, rule explanations).
    pub fn new(records: &Records, public: &[&str]) -> Guard {
        let mut secrets = Vec::new();
        collect(records, &mut secrets);
        secrets.retain(|s| s.value.chars().count() >= MIN_CHARS);
        let secrets = drop_public(secrets, public);
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, secret) in secrets.iter().enumerate() {
            for form in forms(&secret.value) {
                patterns.push(form);
                owners.push(i);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .ok();
        Guard {
            secrets,
            owners,
            matcher,
        }
    }

    /// How many values are watched for.
    pub fn len(&self) -> usize {
        self.secrets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.secrets.is_empty()
    }

    /// The first confidential value in `bytes`, if any.
    pub fn scan(&self, output: &str, bytes: &[u8]) -> Option<Leak> {
        let found = self.matcher.as_ref()?.find(bytes)?;
        let secret = &self.secrets[self.owners[found.pattern().as_usize()]];
        Some(Leak {
            output: output.to_owned(),
            record: secret.file.clone(),
            what: secret.what,
        })
    }
}

/// A value as it may appear in a page: as is, HTML-escaped, JSON-escaped.
fn forms(value: &str) -> Vec<String> {
    let html = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;");
    let json = value.replace('\\', "\\\\").replace('"', "\\\"");
    let mut forms = vec![value.to_owned()];
    for form in [html, json] {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// Removes secrets that occur (in any letter case) in public text.
fn drop_public(secrets: Vec<Secret>, public: &[&str]) -> Vec<Secret> {
    let Ok(matcher) = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(secrets.iter().map(|s| &s.value))
    else {
        return secrets;
    };
    let mut public_ones = vec![false; secrets.len()];
    for text in public {
        for found in matcher.find_overlapping_iter(*text) {
            public_ones[found.pattern().as_usize()] = true;
        }
    }
    secrets
        .into_iter()
        .zip(public_ones)
        .filter_map(|(s, public)| (!public).then_some(s))
        .collect()
}

fn collect(records: &Records, out: &mut Vec<Secret>) {
    let mut add = |file: &str, what: &'static str, value: &str| {
        out.push(Secret {
            value: value.trim().to_owned(),
            file: file.to_owned(),
            what,
        });
    };
    for (id, file) in &records.people {
        if let Some(person) = &file.record {
            person_secrets(id, person, &mut |what, value| add(&file.file, what, value));
        }
    }
    for folder in records.relationships.values() {
        if let Some(rel) = folder
            .relationship
            .as_ref()
            .and_then(|f| Some((&f.file, f.record.as_ref()?)))
        {
            let (file, rel) = rel;
            for goal in &rel.goals {
                add(file, "goals", goal.expose());
            }
            if let Some(reason) = rel
                .dissolution
                .as_ref()
                .and_then(|d| d.value.reason.as_ref())
            {
                add(file, "dissolution reason", reason.expose());
            }
        }
        if let Some(agreement) = folder
            .agreement
            .as_ref()
            .and_then(|f| Some((&f.file, f.record.as_ref()?)))
        {
            for line in body_lines(agreement.1.terms.expose()) {
                add(agreement.0, "agreement terms", line);
            }
        }
        for meeting in &folder.meetings {
            let Some(record) = &meeting.loaded.record else {
                continue;
            };
            let file = &meeting.loaded.file;
            for topic in &record.topics {
                add(file, "topics", topic.expose());
            }
            for line in body_lines(record.notes.expose()) {
                add(file, "meeting notes", line);
            }
            for expense in &record.expenses {
                if let Some(what) = &expense.what {
                    add(file, "expense", what.expose());
                }
            }
            if let Some(approval) = &record.manager_approval {
                add(file, "manager approval", approval.value.by.expose());
            }
        }
        for evaluation in &folder.evaluations {
            if let Some(comments) = evaluation
                .loaded
                .record
                .as_ref()
                .and_then(|r| r.comments.as_ref())
            {
                add(
                    &evaluation.loaded.file,
                    "evaluation comments",
                    comments.expose(),
                );
            }
        }
    }
}

fn person_secrets(id: &str, person: &Person, add: &mut dyn FnMut(&'static str, &str)) {
    if let Some(email) = &person.email {
        add("email", email.expose());
    }
    if let Some(phone) = &person.phone {
        add("phone", phone.expose());
    }
    if let Some(membership) = &person.membership {
        add("membership number", membership.value.number.expose());
    }
    if !person.publish {
        add("id of an unpublished person", id);
        add("name of an unpublished person", &person.name.value);
        for (what, value) in [
            ("library of an unpublished person", &person.library),
            ("position of an unpublished person", &person.position),
            ("field of an unpublished person", &person.field),
        ] {
            if let Some(value) = value {
                add(what, &value.value);
            }
        }
    }
}

/// A Markdown body's lines, without list and heading markers.
fn body_lines(body: &str) -> impl Iterator<Item = &str> {
    body.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['#', '-', '*', '>', ' '])
                .trim()
        })
        .filter(|l| !l.is_empty())
}

/// The public values of the records: what a page may show, so never a leak.
pub fn public_values(records: &Records) -> String {
    let mut text = String::new();
    let mut push = |s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    push(&records.config.name);
    push(&records.config.association);
    if let Some(contact) = &records.config.committee_contact {
        push(contact);
    }
    for mode in &records.config.rules.meeting_modes {
        push(mode);
    }
    for (id, file) in &records.people {
        let Some(p) = file.record.as_ref().filter(|p| p.publish) else {
            continue;
        };
        push(id);
        push(&p.name.value);
        for value in [&p.library, &p.position, &p.field].into_iter().flatten() {
            push(&value.value);
        }
    }
    for (id, folder) in &records.relationships {
        push(id);
        for meeting in &folder.meetings {
            if let Some(m) = &meeting.loaded.record {
                push(&m.mode.value);
            }
        }
        if let Some(a) = folder.agreement.as_ref().and_then(|f| f.record.as_ref()) {
            for mode in &a.meeting_modes {
                push(&mode.value);
            }
        }
    }
    text
}
