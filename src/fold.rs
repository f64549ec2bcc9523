//! Folding text the way a person writes a name in an ASCII id (rules.md, "Precise readings",
//! `private-id`): lower case, accents and other marks removed (Unicode NFKD), and the letters
//! that have no base letter transliterated (ø→o, æ→ae, œ→oe, ß→ss, ı→i, ł→l, đ/ð→d, þ→th).
//! So "Zoë Núñez" folds to "zoe nunez" and "Søren" to "soren".
//!
//! One home for the reading: `private-id`, the privacy guard (which finds "Ines Munoz" for
//! "Inés Muñoz") and `import` (ids made from names) all fold through here. A leaf module: it
//! depends on nothing else in the crate.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The letters with no base letter in NFKD, as records.md lists them (lower case; upper-case
/// forms are lowered first).
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ı' => "i",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        _ => return None,
    })
}

/// Appends `c` folded: nothing for a mark, else its lower case, transliterated.
fn push_folded(out: &mut String, c: char) {
    if is_combining_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        match transliterate(lower) {
            Some(ascii) => out.push_str(ascii),
            None => out.push(lower),
        }
    }
}

/// `text` folded: every character kept but marks, lower-cased and transliterated. ASCII text
/// is only lower-cased (a fast path: pages are mostly ASCII).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        push_folded(&mut out, c);
    }
    out
}

/// The words of a name as an id would spell them: runs of letters of the folded name
/// ("Zoë Núñez-Ortiz" → `zoe`, `nunez`, `ortiz`; "Işıl" → `isil`).
pub fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An id made from a name: its folded words of ASCII letters and digits joined by `-`
/// ("Zoë Núñez" → `zoe-nunez`), at most 64 characters, or `None` when nothing is left (a
/// name in a script with no ASCII folding).
pub fn id_from_name(name: &str) -> Option<String> {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut id = String::new();
    for word in words {
        let extra = usize::from(!id.is_empty()) + word.len();
        if id.len() + extra > 64 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(word);
    }
    (!id.is_empty()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_as_records_md_reads() {
        assert_eq!(fold("Zoë Núñez"), "zoe nunez");
        assert_eq!(fold("Søren"), "soren");
        assert_eq!(fold("Bjørn Dahl"), "bjorn dahl");
        assert_eq!(fold("Işıl Kaya"), "isil kaya");
        assert_eq!(fold("İpek"), "ipek");
        assert_eq!(fold("Ægir Œuvre Straße ẞ"), "aegir oeuvre strasse ss");
        assert_eq!(fold("Łukasz Đorđe Þór Guðrún"), "lukasz dorde thor gudrun");
        // Already decomposed input folds the same.
        assert_eq!(fold("Ine\u{301}s"), "ines");
        // Compatibility forms: the ligature ﬁ and full-width letters.
        assert_eq!(fold("ﬁeld ＡＢ"), "field ab");
        assert_eq!(fold("Plain ASCII"), "plain ascii");
    }

    #[test]
    fn name_words_are_runs_of_letters() {
        assert_eq!(name_words("Inés Muñoz"), ["ines", "munoz"]);
        assert_eq!(name_words("Al Wu"), ["al", "wu"]);
        assert_eq!(
            name_words("Mary-Jo O'Neil 3rd"),
            ["mary", "jo", "o", "neil", "rd"]
        );
        assert_eq!(name_words("Ine\u{301}s"), ["ines"]);
    }

    #[test]
    fn ids_from_names() {
        assert_eq!(id_from_name("Zoë Núñez").as_deref(), Some("zoe-nunez"));
        assert_eq!(
            id_from_name("  Mary-Jo  O'Neil ").as_deref(),
            Some("mary-jo-o-neil")
        );
        assert_eq!(id_from_name("李小龙"), None);
        let long = "abcdefghij ".repeat(10);
        let id = id_from_name(&long).unwrap();
        assert!(id.len() <= 64 && !id.ends_with('-'), "{id}");
    }
}
