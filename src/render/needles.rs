//! Finding any of many values in a page, in any ASCII letter case: the privacy guard's search.
//! Values are given folded (`crate::fold`); the page is either ASCII-lower-cased on the fly
//! or folded beforehand (`guard::read`). Which occurrences count (whole words, values still
//! watched) is the caller's `accept`.
//!
//! Each value (at least six bytes) is indexed by one of its six-byte windows, lower-cased: of
//! up to eight windows spread over the value, the one shared by the fewest values indexed so
//! far, and never one of the site's own text when another will do ([`Needles::avoid`]) — so
//! that values with a common start ("member …", "email …") or end ("…@example.org") do not
//! pile up under one key, and a date's month name ("November …"), which every page shows, is
//! not its key. A page is read once with a rolling six-byte window; a bitset of the keys rules
//! out almost every position with one memory read, and the few candidates left are compared
//! in full. Building the index is a few hash look-ups per value: for the 285,000
//! confidential values of a 5,000-relationship program it takes milliseconds, where a general
//! Aho-Corasick automaton took 0.4 s to build (BENCHMARKS.md).

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::hash_map::Entry;

/// Bytes of a value that form its key.
pub const KEY: usize = 6;
const KEY_MASK: u64 = (1 << (8 * KEY)) - 1;
/// The bitset has 2^BITS entries (2 MiB).
const BITS: u32 = 24;
/// How many of a value's windows are weighed as its key.
const WINDOWS: usize = 8;
/// What a window of the site's own text weighs against a bucket's size: it is on every page.
const COMMON: usize = 1 << 16;

pub struct Needles {
    /// Every value, one after the other; value `i` is `bytes[ends[i - 1]..ends[i]]`.
    bytes: Vec<u8>,
    ends: Vec<u32>,
    /// Key → (value index, where the key's window starts in the value).
    by_key: HashMap<u64, Bucket>,
    bits: Vec<u64>,
    /// Windows to avoid as keys.
    common: HashSet<u64>,
    /// A hash of each value's bytes → a value with that hash, for [`Needles::contains`].
    hashes: HashMap<u64, u32>,
}

impl Needles {
    /// Indexes `values`; a value shorter than `KEY` bytes is never found.
    pub fn new<'v>(values: impl IntoIterator<Item = &'v [u8]>) -> Needles {
        let mut needles = Needles {
            bytes: Vec::new(),
            ends: Vec::new(),
            by_key: HashMap::new(),
            bits: vec![0u64; 1 << (BITS - 6)],
            common: HashSet::new(),
            hashes: HashMap::new(),
        };
        for value in values {
            needles.push(value);
        }
        needles
    }

    /// Avoids the windows of `text` as keys of the values pushed from now on: text that every
    /// page shows (templates, month names) would make each of its positions a candidate.
    pub fn avoid(&mut self, text: &[u8]) {
        let mut key = 0u64;
        for (end, &byte) in text.iter().enumerate() {
            key = (key << 8 | u64::from(byte.to_ascii_lowercase())) & KEY_MASK;
            if end + 1 >= KEY {
                self.common.insert(key);
            }
        }
    }

    /// Indexes one more value; its index is the number indexed before it.
    pub fn push(&mut self, bytes: &[u8]) {
        let index = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.bytes.extend_from_slice(bytes);
        self.ends
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
        self.hashes.entry(hash(bytes)).or_insert(index);
        let (by_key, common) = (&self.by_key, &self.common);
        let weight = |key: &u64| {
            by_key.get(key).map_or(0, Bucket::len) + if common.contains(key) { COMMON } else { 0 }
        };
        let Some((offset, key)) = windows(bytes).min_by_key(|(_, key)| weight(key)) else {
            return;
        };
        let slot = slot(key);
        self.bits[slot >> 6] |= 1 << (slot & 63);
        let entry = (index, u32::try_from(offset).unwrap_or(0));
        match self.by_key.entry(key) {
            Entry::Occupied(mut bucket) => bucket.get_mut().push(entry),
            Entry::Vacant(slot) => {
                slot.insert(Bucket::One(entry));
            }
        }
    }

    /// Whether `value` is indexed already, byte for byte.
    pub fn contains(&self, value: &[u8]) -> bool {
        self.hashes
            .get(&hash(value))
            .is_some_and(|&i| self.value(i as usize) == value)
    }

    /// Stops finding value `i` (it keeps its index).
    pub fn remove(&mut self, i: usize) {
        let Ok(index) = u32::try_from(i) else {
            return;
        };
        let value = self.value(i).to_vec();
        for (_, key) in windows(&value) {
            if let Some(bucket) = self.by_key.get_mut(&key) {
                bucket.retain(|&(v, _)| v != index);
            }
        }
    }

    /// Value `i`, as indexed.
    pub fn value(&self, i: usize) -> &[u8] {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.bytes[start..self.ends[i] as usize]
    }

    /// The leftmost value found in `haystack` (in any ASCII letter case) that `accept` takes,
    /// given the value's index and where it starts: its index.
    pub fn find(
        &self,
        haystack: &[u8],
        mut accept: impl FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        let primed = KEY - 1;
        let mut key = haystack
            .iter()
            .take(primed)
            .fold(0u64, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()));
        for (end, &byte) in haystack.iter().enumerate().skip(primed) {
            key = (key << 8 | u64::from(byte.to_ascii_lowercase())) & KEY_MASK;
            let slot = slot(key);
            if self.bits[slot >> 6] & (1 << (slot & 63)) == 0 {
                continue;
            }
            let window = end + 1 - KEY;
            let Some(candidates) = self.by_key.get(&key) else {
                continue;
            };
            let found = candidates.as_slice().iter().find(|&&(i, offset)| {
                let value = self.value(i as usize);
                window.checked_sub(offset as usize).is_some_and(|start| {
                    haystack
                        .get(start..start + value.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(value))
                        && accept(i as usize, start)
                })
            });
            if let Some(&(i, _)) = found {
                return Some(i as usize);
            }
        }
        None
    }
}

/// The values under one key: most keys have one, held without an allocation of its own.
enum Bucket {
    One((u32, u32)),
    Many(Vec<(u32, u32)>),
}

impl Bucket {
    fn as_slice(&self) -> &[(u32, u32)] {
        match self {
            Bucket::One(entry) => std::slice::from_ref(entry),
            Bucket::Many(entries) => entries,
        }
    }

    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn push(&mut self, entry: (u32, u32)) {
        match self {
            Bucket::One(first) => *self = Bucket::Many(vec![*first, entry]),
            Bucket::Many(entries) => entries.push(entry),
        }
    }

    fn retain(&mut self, keep: impl Fn(&(u32, u32)) -> bool) {
        *self = Bucket::Many(self.as_slice().iter().copied().filter(keep).collect());
    }
}

/// A hash of a value's bytes.
fn hash(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(bytes)
}

/// The windows a value may be indexed under — up to `WINDOWS` of its `KEY`-byte windows,
/// spread from its first to its last, lower-cased — with where each starts.
fn windows(bytes: &[u8]) -> impl Iterator<Item = (usize, u64)> + '_ {
    let positions = (bytes.len() + 1).saturating_sub(KEY);
    let count = positions.min(WINDOWS);
    let key_at = move |offset: usize| {
        bytes[offset..offset + KEY]
            .iter()
            .fold(0, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()))
    };
    (0..count).map(move |i| {
        let offset = if count > 1 {
            i * (positions - 1) / (count - 1)
        } else {
            0
        };
        (offset, key_at(offset))
    })
}

fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::Needles;

    #[test]
    fn finds_values_in_any_ascii_case_and_only_whole() {
        let values = [
            "canary-topic-7",
            "dana@example.org",
            "short",
            "sam@example.org",
            "topic 12",
            "topic 123",
        ];
        let needles = Needles::new(values.iter().map(|v| v.as_bytes()));
        let find = |text: &str| needles.find(text.as_bytes(), |_, _| true);
        assert!(matches!(find("see topic 123 and"), Some(4 | 5)));
        assert_eq!(find("see topic 12 and"), Some(4));
        assert_eq!(find("see topic 1 and"), None);
        assert_eq!(find("mail sam@Example.org"), Some(3));
        assert_eq!(find("<p>Canary-Topic-7</p>"), Some(0));
        assert_eq!(find("write to DANA@EXAMPLE.ORG today"), Some(1));
        assert_eq!(find("canary-topic-"), None, "a prefix is not the value");
        assert_eq!(
            find("short and sweet"),
            None,
            "under six bytes is never looked for"
        );
        assert_eq!(find(""), None);
        assert_eq!(needles.value(1), b"dana@example.org");
        let mut needles = needles;
        assert!(needles.contains(b"dana@example.org"));
        needles.remove(1);
        let find = |text: &str| needles.find(text.as_bytes(), |_, _| true);
        assert_eq!(find("write to DANA@EXAMPLE.ORG today"), None, "removed");
        assert_eq!(find("mail sam@Example.org"), Some(3), "the others stay");
    }

    #[test]
    fn values_are_found_whichever_window_keys_them() {
        let mut needles = Needles::new([]);
        needles.avoid(b"November December");
        for value in ["november 5 2020", "5 november", "member 200306", "december"] {
            needles.push(value.as_bytes());
        }
        let find = |text: &str| needles.find(text.as_bytes(), |_, _| true);
        assert_eq!(find("on NOVEMBER 5 2020."), Some(0));
        assert_eq!(find("the 5 November"), Some(1));
        assert_eq!(find("member 200306"), Some(2));
        assert_eq!(
            find("December"),
            Some(3),
            "a value all common is still keyed"
        );
        assert_eq!(find("November 2026"), None);
    }

    #[test]
    fn accept_decides_which_occurrence_counts() {
        let needles = Needles::new([&b"topic 12"[..], b"topic 123"]);
        // The first occurrence refused, the search goes on to the next one.
        let text = b"topic 12 then topic 123";
        let mut seen = Vec::new();
        let found = needles.find(text, |i, start| {
            seen.push((i, start));
            start > 0 && i == 1
        });
        assert_eq!(found, Some(1));
        assert_eq!(seen[0], (0, 0));
    }
}
