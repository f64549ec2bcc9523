//! The id each relationship is published under (dashboard.md): its own, or a neutral
//! substitute when the id could reveal someone who has not consented (`private-id`). Every
//! page, address, feed and dashboard diagnostic asks here, so a withheld id has one home.

use crate::model::{Records, RelationshipFolder};
use crate::rules::id_reveals;
use std::collections::BTreeMap;

/// The id each relationship is published under: its own, or `relationship-N` (its position
/// in id order) when the id could reveal someone who has not consented — or when that
/// cannot be ruled out because a record did not load.
pub struct PublicIds {
    ids: BTreeMap<String, String>,
}

impl PublicIds {
    pub fn new(records: &Records) -> PublicIds {
        let taken: std::collections::BTreeSet<&str> =
            records.relationships.keys().map(String::as_str).collect();
        let ids = records
            .relationships
            .iter()
            .enumerate()
            .map(|(n, (id, folder))| {
                let public = if may_reveal(records, id, folder) {
                    // `relationship-N`, or `relationship-N-2`… when a real id has that name.
                    let base = format!("relationship-{}", n + 1);
                    (1..)
                        .map(|k| {
                            if k == 1 {
                                base.clone()
                            } else {
                                format!("{base}-{k}")
                            }
                        })
                        .find(|candidate| !taken.contains(candidate.as_str()))
                        .unwrap_or(base)
                } else {
                    id.clone()
                };
                (id.clone(), public)
            })
            .collect();
        PublicIds { ids }
    }

    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.ids.get(id).map_or(id, String::as_str)
    }

    /// Relationship ids that are published under a substitute, with it.
    pub fn substituted(&self) -> impl Iterator<Item = (&str, &str)> {
        self.ids
            .iter()
            .filter(|(id, public)| id != public)
            .map(|(id, public)| (id.as_str(), public.as_str()))
    }
}

fn may_reveal(records: &Records, id: &str, folder: &RelationshipFolder) -> bool {
    let Some(rel) = folder.relationship.as_ref().and_then(|f| f.record.as_ref()) else {
        return true;
    };
    [&rel.mentor.value, &rel.mentee.value]
        .into_iter()
        .any(|person_id| {
            match records
                .people
                .get(person_id)
                .and_then(|f| f.record.as_ref())
            {
                Some(person) => id_reveals(id, person_id, person),
                None => true,
            }
        })
}
