//! The demo program — the repository's `records/` folder, embedded by `build.rs` — so that
//! `mentorbook init --demo` gives someone with only the binary a program to try `check`,
//! `build`, `status`, `import` and `match` on.

/// Every file of the demo program: its path inside `records/` (with `/` separators, sorted)
/// and its bytes.
pub const FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/demo.rs"));

/// The demo applicants' spreadsheets and column map, written to `examples/` beside the
/// records so `import` and `match` can be tried too: their names and bytes.
pub const EXAMPLES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/demo_examples.rs"));

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_has_a_program_and_relationships() {
        let paths: Vec<&str> = super::FILES.iter().map(|(path, _)| *path).collect();
        assert!(paths.contains(&"program.toml"), "{paths:?}");
        assert!(paths.iter().any(|p| p.starts_with("relationships/")));
        assert!(paths.is_sorted());
    }
}
