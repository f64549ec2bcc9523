//! Finding any of many values in a page, in any ASCII letter case: the privacy guard's search.
//! Values are given folded (`crate::fold`); the page is either ASCII-lower-cased on the fly
//! or folded beforehand (`guard::read`). Which occurrences count (whole words, values still
//! watched) is the caller's `accept`.
//!
//! Each value (at least six bytes) is indexed by one of its six-byte windows, lower-cased: the
//! first, the middle or the last, whichever is shared by the fewest values indexed so far, so
//! that values with a common start ("topic …", "email …") or end ("…@example.org") do not
//! pile up under one key. A page is read once with a rolling six-byte window; a bitset of the
//! keys rules out almost every position with one memory read, and the few candidates left are
//! compared in full. Building the index is a few hash look-ups per value: for the 285,000
//! confidential values of a 5,000-relationship program it takes milliseconds, where a general
//! Aho-Corasick automaton took 0.4 s to build (BENCHMARKS.md).

use std::collections::HashMap;

/// Bytes of a value that form its key.
pub const KEY: usize = 6;
const KEY_MASK: u64 = (1 << (8 * KEY)) - 1;
/// The bitset has 2^BITS entries (2 MiB).
const BITS: u32 = 24;

pub struct Needles {
    /// Every value, one after the other; value `i` is `bytes[ends[i - 1]..ends[i]]`.
    bytes: Vec<u8>,
    ends: Vec<u32>,
    /// Key → (value index, where the key's window starts in the value).
    by_key: HashMap<u64, Vec<(u32, u32)>>,
    bits: Vec<u64>,
}

impl Needles {
    /// Indexes `values`; a value shorter than `KEY` bytes is never found.
    pub fn new<'v>(values: impl IntoIterator<Item = &'v [u8]>) -> Needles {
        let mut needles = Needles {
            bytes: Vec::new(),
            ends: Vec::new(),
            by_key: HashMap::new(),
            bits: vec![0u64; 1 << (BITS - 6)],
        };
        for value in values {
            needles.push(value);
        }
        needles
    }

    /// Indexes one more value; its index is the number indexed before it.
    pub fn push(&mut self, bytes: &[u8]) {
        let index = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.bytes.extend_from_slice(bytes);
        self.ends
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
        if bytes.len() < KEY {
            return;
        }
        let key_at = |offset: usize| {
            bytes[offset..offset + KEY]
                .iter()
                .fold(0, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()))
        };
        let last = bytes.len() - KEY;
        let by_key = &self.by_key;
        let (offset, key) = [0, last / 2, last]
            .into_iter()
            .map(|offset| (offset, key_at(offset)))
            .min_by_key(|(_, key)| by_key.get(key).map_or(0, Vec::len))
            .unwrap_or((0, key_at(0)));
        let slot = slot(key);
        self.bits[slot >> 6] |= 1 << (slot & 63);
        let entry = (index, u32::try_from(offset).unwrap_or(0));
        self.by_key.entry(key).or_default().push(entry);
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
        let mut key = 0u64;
        for (end, &byte) in haystack.iter().enumerate() {
            key = (key << 8 | u64::from(byte.to_ascii_lowercase())) & KEY_MASK;
            if end + 1 < KEY {
                continue;
            }
            let slot = slot(key);
            if self.bits[slot >> 6] & (1 << (slot & 63)) == 0 {
                continue;
            }
            let window = end + 1 - KEY;
            let Some(candidates) = self.by_key.get(&key) else {
                continue;
            };
            let found = candidates.iter().find(|&&(i, offset)| {
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
