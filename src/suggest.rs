//! "Did you mean …?" for misspelt keys, values, rule ids and file names.

/// The candidate closest to `word`, when it is close enough to be what was meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|&(distance, c)| distance <= (c.len() / 3).max(1))
        .min_by_key(|&(distance, c)| (distance, c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn close_words_are_suggested() {
        let keys = ["name", "roles", "library", "library_since"];
        assert_eq!(did_you_mean("nmae", keys), Some("name"));
        assert_eq!(did_you_mean("Roles", keys), Some("roles"));
        assert_eq!(did_you_mean("libary_since", keys), Some("library_since"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
