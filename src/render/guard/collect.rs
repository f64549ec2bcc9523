//! The guard's inputs from the records: every value the model marks as confidential or
//! consent-dependent (`crate::model::secrets`), with its file and key; what a published
//! person consented to show and what the committee typed into `program.toml`, as public
//! values; the ids that are published, and those that must not be (an unpublished person's,
//! and a relationship's published under a substitute); and `guidelines.md`.
//!
//! How a hit names a file is decided here: an unpublished person's file (or one too broken to
//! say) is "the file of a person who has not consented", and a relationship folder published
//! under a substitute is named by its substitute, since its own name is what must not print.

use super::inputs::{FileId, Inputs, Origin, RecordFile};
use super::site_text::SiteText;
use crate::model::secrets::{Class, Key, Secret, Secrets, Shape, Value};
use crate::model::{RecordFile as Loaded, Records};
use crate::view::PublicIds;
use std::collections::HashMap;

/// Everything the guard needs from `records`, whose ids `names` publishes, with `site`.
pub fn inputs<'a>(records: &'a Records, names: &PublicIds, site: SiteText) -> Inputs<'a> {
    let mut inputs = Inputs::new(site);
    // A few values a record file, so that the list is not copied as it grows.
    inputs.texts.reserve(records.files * 4);
    program(records, &mut inputs);
    people(records, &mut inputs);
    let substitutes: HashMap<&str, &str> = names.substituted().collect();
    for (id, folder) in &records.relationships {
        let shown = |path: &str| match substitutes.get(id.as_str()) {
            Some(public) => path.replacen(
                &format!("/{id}/"),
                &format!("/<the folder published as {public}>/"),
                1,
            ),
            None => path.to_owned(),
        };
        let folder_path = format!("{}/relationships/{id}/", records.root);
        let relationship = folder.relationship.as_ref();
        let path = relationship.map_or(folder_path, |f| f.file.clone());
        let file = inputs.file(RecordFile::Path(shown(&path)));
        let origin = Origin {
            file,
            key: Key::new("folder name"),
        };
        if substitutes.contains_key(id.as_str()) {
            inputs.watch_text(
                origin,
                Class::WithoutConsent,
                Shape::Identifier,
                id.as_str(),
            );
        } else {
            inputs.public(origin, id.as_str());
        }
        if let Some(relationship) = relationship {
            watch_file(&mut inputs, relationship, file);
        }
        if let Some(agreement) = &folder.agreement {
            let file = inputs.file(RecordFile::Path(shown(&agreement.file)));
            watch_file(&mut inputs, agreement, file);
        }
        for meeting in &folder.meetings {
            let file = inputs.file(RecordFile::Path(shown(&meeting.loaded.file)));
            watch_file(&mut inputs, &meeting.loaded, file);
        }
        for evaluation in &folder.evaluations {
            let file = inputs.file(RecordFile::Path(shown(&evaluation.loaded.file)));
            watch_file(&mut inputs, &evaluation.loaded, file);
        }
    }
    if let Some(guidelines) = &records.guidelines
        && let Some(text) = &guidelines.record
    {
        let file = inputs.file(RecordFile::Path(guidelines.file.clone()));
        inputs.guidelines(file, text);
    }
    inputs
}

/// Every secret of a loaded record file, always confidential (no consent makes it public).
fn watch_file<'a, T: Secrets>(inputs: &mut Inputs<'a>, loaded: &'a Loaded<T>, file: FileId) {
    if let Some(record) = &loaded.record {
        record.secrets(&mut |secret| inputs.watch(file, secret));
    }
}

/// What the committee typed into `program.toml` that pages show.
fn program<'a>(records: &'a Records, inputs: &mut Inputs<'a>) {
    let config = &records.config;
    let file = inputs.file(RecordFile::Path(format!("{}/program.toml", records.root)));
    let origin = |key| Origin {
        file,
        key: Key::new(key),
    };
    inputs.public(origin("name"), config.name.as_str());
    inputs.public(origin("association"), config.association.as_str());
    if let Some(contact) = &config.committee_contact {
        inputs.public(origin("committee_contact"), contact.as_str());
    }
    for (i, mode) in config.rules.meeting_modes.iter().enumerate() {
        let origin = Origin {
            file,
            key: Key::item("rules.meeting_modes", i),
        };
        inputs.public(origin, mode.as_str());
    }
}

/// People: a published person's consent-dependent values are public values; an unpublished
/// person's are watched, and so is their id. A broken file's consent is unknown, so its id is
/// watched.
fn people<'a>(records: &'a Records, inputs: &mut Inputs<'a>) {
    for (id, loaded) in &records.people {
        let published = loaded.record.as_ref().map(|p| p.publish);
        let file = inputs.file(match published {
            Some(true) => RecordFile::Path(loaded.file.clone()),
            Some(false) => RecordFile::WithoutConsent { unreadable: false },
            None => RecordFile::WithoutConsent { unreadable: true },
        });
        let origin = Origin {
            file,
            key: Key::new("file name"),
        };
        if published == Some(true) {
            inputs.public(origin, id.as_str());
        } else {
            inputs.watch_text(
                origin,
                Class::WithoutConsent,
                Shape::Identifier,
                id.as_str(),
            );
        }
        let Some(person) = &loaded.record else {
            continue;
        };
        person.secrets(&mut |secret| match secret.class {
            Class::WithoutConsent if person.publish => publish(inputs, file, secret),
            _ => inputs.watch(file, secret),
        });
    }
}

/// A consent-dependent value whose person consented: a public value. A published person's
/// date (when their membership expires, when they started) is a public date: the dashboard
/// may quote it ("the membership of `dana-whitfield` expired on 2027-12-29"), whoever else's
/// date it also is.
fn publish<'a>(inputs: &mut Inputs<'a>, file: FileId, secret: Secret<'a>) {
    match secret.value {
        Value::Text(text, _) => {
            let origin = Origin {
                file,
                key: secret.key,
            };
            inputs.public(origin, text);
        }
        Value::Date(date) => inputs.public_date(date),
        Value::Markdown(_) | Value::Amount(_) => {}
    }
}
