//! Confidential values (records.md, "Confidentiality"). In canary mode each one carries a
//! marker of its own, `canary-<kind>-<serial>`, and the manifest records where it was put;
//! otherwise the plain text is written as it is.

use super::{Canary, Place};

/// Hands out confidential values and remembers every marker it put into the records.
pub(super) struct Secrets {
    canary: bool,
    serial: u32,
    canaries: Vec<Canary>,
}

impl Secrets {
    pub fn new(canary: bool) -> Secrets {
        Secrets {
            canary,
            serial: 0,
            canaries: Vec::new(),
        }
    }

    /// A new marker, not yet placed; `None` outside canary mode. Seven digits of serial keep
    /// every marker distinct and none a prefix of another (up to ten million of them).
    pub fn marker(&mut self, kind: &str) -> Option<String> {
        self.canary.then(|| {
            self.serial += 1;
            format!("canary-{kind}-{:07}", self.serial)
        })
    }

    /// Records that `marker` stands in `file` (a path inside records/) at `place`.
    pub fn place(&mut self, marker: &str, file: &str, place: Place) {
        self.canaries.push(Canary {
            marker: marker.to_owned(),
            file: file.to_owned(),
            place,
        });
    }

    /// `plain` as the confidential value at `key` of `file`: with a new marker after it in
    /// canary mode.
    pub fn text(&mut self, kind: &str, plain: &str, file: &str, key: &str) -> String {
        self.in_place(kind, plain, file, Place::Key(key.to_owned()))
    }

    /// `plain` as the confidential body of a Markdown record.
    pub fn body(&mut self, kind: &str, plain: &str, file: &str) -> String {
        self.in_place(kind, plain, file, Place::Body)
    }

    fn in_place(&mut self, kind: &str, plain: &str, file: &str, place: Place) -> String {
        match self.marker(kind) {
            Some(marker) => {
                let value = format!("{plain} {marker}");
                self.place(&marker, file, place);
                value
            }
            None => plain.to_owned(),
        }
    }

    pub fn into_canaries(self) -> Vec<Canary> {
        self.canaries
    }
}
