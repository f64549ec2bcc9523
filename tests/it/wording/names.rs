//! File names written another way: `layout` names the file to rename to when it can tell.

use crate::support::Program;

/// The `layout` message for a meeting (or evaluation) file named `name` in relationship r-1.
fn layout_for(folder: &str, name: &str) -> Vec<String> {
    let program = Program::new();
    let rel = format!("relationships/r-1/{folder}/{name}");
    program.write(&rel, "---\nmode: email\n---\n");
    super::seen(&program, &rel)
        .into_iter()
        .map(|s| {
            assert_eq!((s.rule.as_str(), s.line, s.column), ("layout", 1, 1));
            s.message
        })
        .collect()
}

fn renames_to(folder: &str, name: &str, to: &str) {
    assert_eq!(
        layout_for(folder, name),
        [format!(
            "misnamed: rename to relationships/r-1/{folder}/{to}"
        )],
        "{name}"
    );
}

#[test]
fn a_us_date() {
    renames_to("meetings", "1-21-2026.md", "2026-01-21.md");
    renames_to("meetings", "12-01-2026.md", "2026-12-01.md");
}

#[test]
fn a_us_date_with_underscores_or_points() {
    renames_to("meetings", "1_21_2026.md", "2026-01-21.md");
    renames_to("meetings", "1.21.2026.md", "2026-01-21.md");
}

#[test]
fn day_first_only_when_the_day_is_over_12() {
    renames_to("meetings", "21-01-2026.md", "2026-01-21.md");
    // 05-06 could be either: the program's readers write month first.
    renames_to("meetings", "05-06-2026.md", "2026-05-06.md");
}

#[test]
fn a_date_without_leading_zeros() {
    renames_to("meetings", "2026-1-5.md", "2026-01-05.md");
}

#[test]
fn words_around_the_date() {
    renames_to("meetings", "meeting-2026-01-21.md", "2026-01-21.md");
    renames_to("meetings", "Meeting 1-21-2026 2.md", "2026-01-21-2.md");
}

#[test]
fn nothing_is_suggested_that_is_not_a_date() {
    assert_eq!(
        layout_for("meetings", "2-30-2026.md"),
        ["`2-30-2026.md` is not a meeting file name: name it by the meeting's date, YYYY-MM-DD.md"]
    );
    assert_eq!(
        layout_for("meetings", "minutes.md"),
        ["`minutes.md` is not a meeting file name: name it by the meeting's date, YYYY-MM-DD.md"]
    );
}

#[test]
fn quarters_written_another_way() {
    renames_to("evaluations", "2026-Q1.yml", "2026-Q1.yaml");
    renames_to("evaluations", "Q1-2026.yaml", "2026-Q1.yaml");
    renames_to("evaluations", "q2_2026.yaml", "2026-Q2.yaml");
    renames_to("evaluations", "evaluation 2026Q3.yaml", "2026-Q3.yaml");
}
