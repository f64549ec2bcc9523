//! The privacy guard, the last line of defence (dashboard.md): before a new site replaces the
//! old one, every file written is scanned for every confidential value the build loaded (six
//! characters or more), except values that also occur in public text — so a hit is always a
//! real leak. A hit fails the build without printing the value.

use super::needles::Needles;
use crate::model::{Person, Records};
use crate::view::PublicIds;
use std::collections::HashMap;

/// The shortest confidential value worth looking for: shorter ones ("Coffee") are common words.
const MIN_CHARS: usize = 6;

/// A confidential value and where it came from.
struct Secret {
    value: String,
    /// Index of the record file in `Guard::files`.
    file: u32,
    /// The kind of value ("topics", "email").
    what: &'static str,
}

/// A confidential value found in an output file.
#[derive(Debug, PartialEq, Eq)]
pub struct Leak {
    pub output: String,
    pub record: String,
    pub what: &'static str,
}

impl Leak {
    /// One line for `build`'s stderr and `serve`'s error page: where, never the value.
    pub fn describe(&self) -> String {
        format!(
            "privacy guard: {} would contain a confidential value ({}) from {}",
            self.output, self.what, self.record
        )
    }
}

/// Knows every confidential value and finds them in rendered files.
pub struct Guard {
    files: Vec<String>,
    /// For each pattern: its record file and kind of value.
    sources: Vec<(u32, &'static str)>,
    needles: Needles,
}

impl Guard {
    /// Collects every confidential value of `records`, leaving out those that also occur in
    /// `public` (public field values, guidelines, built-in templates, rule explanations), and
    /// indexes the rest — as written and JSON-escaped (pages are decoded before scanning).
    pub fn new(records: &Records, public: &[&str], names: &PublicIds) -> Guard {
        let mut files = Vec::new();
        let mut secrets = Vec::new();
        collect(records, &mut files, &mut secrets);
        // A relationship published under a substitute: its own id must appear nowhere.
        for (id, _) in names.substituted() {
            let file = records
                .relationships
                .get(id)
                .and_then(|f| f.relationship.as_ref());
            files.push(file.map_or_else(
                || format!("{}/relationships/{id}", records.root),
                |f| f.file.clone(),
            ));
            secrets.push(Secret {
                value: id.to_owned(),
                file: u32::try_from(files.len() - 1).unwrap_or(u32::MAX),
                what: "id of a relationship published under a substitute",
            });
        }
        let public = PublicText::new(public);
        let mut patterns = Vec::new();
        let mut sources = Vec::new();
        for secret in secrets {
            if secret.value.chars().count() < MIN_CHARS || public.contains(&secret.value) {
                continue;
            }
            for form in forms(&secret.value) {
                patterns.push(form);
                sources.push((secret.file, secret.what));
            }
        }
        Guard {
            files,
            sources,
            needles: Needles::new(&patterns),
        }
    }

    /// How many patterns are watched for.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The first confidential value in `bytes`, if any. An HTML page is read as a browser
    /// shows it, with character references (`&amp;`, `&#39;`…) decoded.
    pub fn scan(&self, output: &str, bytes: &[u8]) -> Option<Leak> {
        let decoded;
        let text = if output.ends_with(".html") {
            decoded = decode_references(bytes);
            &decoded[..]
        } else {
            bytes
        };
        let (file, what) = self.sources[self.needles.find(text)?];
        Some(Leak {
            output: output.to_owned(),
            record: self.files[file as usize].clone(),
            what,
        })
    }
}

/// Public text, searchable for substrings in any ASCII letter case: every position chained
/// under the six bytes that start there (a confidential value is at least six characters).
struct PublicText {
    text: Vec<u8>,
    /// The six bytes at a position, packed → the last position where they start.
    last: HashMap<u64, u32>,
    /// For each position, the previous position with the same six bytes (or `NONE`).
    previous: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl PublicText {
    fn new(parts: &[&str]) -> PublicText {
        let mut text = Vec::new();
        for part in parts {
            text.extend(part.bytes().map(|b| b.to_ascii_lowercase()));
            text.push(0);
        }
        let mut last = HashMap::with_capacity(text.len());
        let previous = text
            .windows(6)
            .enumerate()
            .map(|(p, window)| {
                let position = u32::try_from(p).unwrap_or(NONE);
                last.insert(pack(window), position).unwrap_or(NONE)
            })
            .collect();
        PublicText {
            text,
            last,
            previous,
        }
    }

    fn contains(&self, value: &str) -> bool {
        let needle: Vec<u8> = value.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let Some(key) = needle.get(..6).map(pack) else {
            return false;
        };
        let mut position = self.last.get(&key).copied().unwrap_or(NONE);
        while position != NONE {
            if self.text[position as usize..].starts_with(&needle) {
                return true;
            }
            position = self.previous[position as usize];
        }
        false
    }
}

/// Six bytes as one number.
fn pack(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(6)
        .fold(0, |key, &b| key << 8 | u64::from(b))
}

/// A value as it may appear in a file: as is, and JSON-escaped (HTML pages are decoded
/// before scanning instead, whichever way a template escapes).
fn forms(value: &str) -> Vec<String> {
    let json = value.replace('\\', "\\\\").replace('"', "\\\"");
    if json == value {
        vec![value.to_owned()]
    } else {
        vec![value.to_owned(), json]
    }
}

/// HTML text with its character references decoded: the named ones templates produce
/// (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`) and every numeric one.
fn decode_references(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'&'
            && let Some(end) = bytes[i..].iter().take(12).position(|&b| b == b';')
            && let Some(c) = reference(&bytes[i + 1..i + end])
        {
            let mut buffer = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            i += end + 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn reference(name: &[u8]) -> Option<char> {
    let number = |digits: &[u8], radix| {
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, radix)
            .ok()
            .and_then(char::from_u32)
    };
    match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        b"nbsp" => Some(' '),
        [b'#', b'x' | b'X', hex @ ..] => number(hex, 16),
        [b'#', decimal @ ..] => number(decimal, 10),
        _ => None,
    }
}

fn collect(records: &Records, files: &mut Vec<String>, out: &mut Vec<Secret>) {
    let mut add = |file: &str, what: &'static str, value: &str| {
        if files.last().is_none_or(|last| last != file) {
            files.push(file.to_owned());
        }
        out.push(Secret {
            value: value.trim().to_owned(),
            file: u32::try_from(files.len() - 1).unwrap_or(u32::MAX),
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
pub fn public_values(records: &Records, names: &PublicIds) -> String {
    let mut values: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    values.insert(&records.config.name);
    values.insert(&records.config.association);
    values.extend(records.config.committee_contact.as_deref());
    values.extend(
        records
            .config
            .rules
            .meeting_modes
            .iter()
            .map(String::as_str),
    );
    for (id, file) in &records.people {
        let Some(p) = file.record.as_ref().filter(|p| p.publish) else {
            continue;
        };
        values.insert(id);
        values.insert(&p.name.value);
        for value in [&p.library, &p.position, &p.field].into_iter().flatten() {
            values.insert(&value.value);
        }
    }
    for (id, folder) in &records.relationships {
        values.insert(names.get(id));
        for meeting in &folder.meetings {
            if let Some(m) = &meeting.loaded.record {
                values.insert(&m.mode.value);
            }
        }
        if let Some(a) = folder.agreement.as_ref().and_then(|f| f.record.as_ref()) {
            values.extend(a.meeting_modes.iter().map(|m| m.value.as_str()));
        }
    }
    values.into_iter().collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::decode_references;

    #[test]
    fn pages_are_scanned_as_a_browser_shows_them() {
        let decoded =
            decode_references(b"Sam&#39;s &amp; Jo&#x27;s &lt;b&gt; &quot;x&quot; &bogus; &");
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            "Sam's & Jo's <b> \"x\" &bogus; &"
        );
    }
}
