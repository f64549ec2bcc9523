//! Finding any of many values in a page, in any ASCII letter case: the privacy guard's search.
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
    values: Vec<Vec<u8>>,
    /// Key → (value index, where the key's window starts in the value).
    by_key: HashMap<u64, Vec<(u32, u32)>>,
    bits: Vec<u64>,
}

impl Needles {
    /// Indexes `values`; a value shorter than `KEY` bytes is never found.
    pub fn new(values: &[String]) -> Needles {
        let mut by_key: HashMap<u64, Vec<(u32, u32)>> = HashMap::with_capacity(values.len());
        let mut bits = vec![0u64; 1 << (BITS - 6)];
        for (i, value) in values.iter().enumerate() {
            let bytes = value.as_bytes();
            if bytes.len() < KEY {
                continue;
            }
            let key_at = |offset: usize| {
                bytes[offset..offset + KEY]
                    .iter()
                    .fold(0, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()))
            };
            let last = bytes.len() - KEY;
            let (offset, key) = [0, last / 2, last]
                .into_iter()
                .map(|offset| (offset, key_at(offset)))
                .min_by_key(|(_, key)| by_key.get(key).map_or(0, Vec::len))
                .unwrap_or((0, key_at(0)));
            let slot = slot(key);
            bits[slot >> 6] |= 1 << (slot & 63);
            let entry = (
                u32::try_from(i).unwrap_or(u32::MAX),
                u32::try_from(offset).unwrap_or(0),
            );
            by_key.entry(key).or_default().push(entry);
        }
        Needles {
            values: values.iter().map(|v| v.as_bytes().to_vec()).collect(),
            by_key,
            bits,
        }
    }

    /// The index of a value found in `haystack` (the leftmost), if any.
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
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
                let value = &self.values[i as usize];
                window
                    .checked_sub(offset as usize)
                    .and_then(|start| haystack.get(start..start + value.len()))
                    .is_some_and(|s| s.eq_ignore_ascii_case(value))
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
        let needles = Needles::new(&[
            "Canary-Topic-7".into(),
            "dana@example.org".into(),
            "short".into(),
            "sam@example.org".into(),
            "topic 12".into(),
            "topic 123".into(),
        ]);
        assert!(matches!(needles.find(b"see topic 123 and"), Some(4 | 5)));
        assert_eq!(needles.find(b"see topic 12 and"), Some(4));
        assert_eq!(needles.find(b"see topic 1 and"), None);
        assert_eq!(needles.find(b"mail sam@Example.org"), Some(3));
        assert_eq!(needles.find(b"<p>canary-topic-7</p>"), Some(0));
        assert_eq!(needles.find(b"write to DANA@EXAMPLE.ORG today"), Some(1));
        assert_eq!(
            needles.find(b"canary-topic-"),
            None,
            "a prefix is not the value"
        );
        assert_eq!(
            needles.find(b"short and sweet"),
            None,
            "under six bytes is never looked for"
        );
        assert_eq!(needles.find(b""), None);
    }
}
