//! Valid YAML whose values YAML reads as something else than the person meant: the `schema`
//! message says what YAML read, the help what to write.

use super::{MEETING, PERSON, sees, sees_all};
use crate::support::Program;

const RELATIONSHIP: &str = "relationships/r-1/relationship.yaml";

#[test]
fn no_for_norway_is_false() {
    sees(
        PERSON,
        "name: NO\nroles: [representative]\n",
        (
            "schema",
            1,
            1,
            "`name` must be text, found true/false: YAML reads an unquoted `NO` as false",
            "write `name: \"NO\"`",
        ),
    );
}

#[test]
fn a_number_where_text_is_due() {
    sees(
        PERSON,
        "name: Dana\nroles: [representative]\nlibrary: 1912\n",
        (
            "schema",
            3,
            1,
            "`library` must be text, found a number: YAML reads an unquoted `1912` as a number",
            "write `library: \"1912\"`",
        ),
    );
}

#[test]
fn list_items_read_as_something_else() {
    sees_all(
        MEETING,
        "---\nmode: email\ntopics: [yes, ~, 12.50]\n---\n",
        &[
            (
                "schema",
                3,
                10,
                "each item of `topics` must be text, found true/false: YAML reads an unquoted `yes` as true",
                "write `\"yes\"`",
            ),
            (
                "schema",
                3,
                15,
                "each item of `topics` must be text, found nothing: YAML reads an unquoted `~` as nothing",
                "write the text, or remove the empty item",
            ),
            (
                "schema",
                3,
                18,
                "each item of `topics` must be text, found a number: YAML reads an unquoted `12.50` as a number",
                "write `\"12.50\"`",
            ),
        ],
    );
}

#[test]
fn a_colon_inside_a_list_item() {
    sees(
        MEETING,
        "---\nmode: email\ntopics:\n  - Budget: the board\n---\n",
        (
            "schema",
            4,
            5,
            "each item of `topics` must be text, found a `key: value` pair: YAML reads a colon followed by a space as the end of a key",
            "put the whole value in quotes: `\"…: …\"`",
        ),
    );
}

#[test]
fn no_space_after_the_first_dash() {
    sees(
        MEETING,
        "---\nmode: email\ntopics:\n  -Budget\n---\n",
        (
            "schema",
            3,
            1,
            "`topics` must be a list, found text",
            "put a space after each `-` that starts an item: `- …`",
        ),
    );
}

#[test]
fn no_space_after_the_only_colon() {
    sees(
        MEETING,
        "---\nmode:email\n---\n",
        (
            "schema",
            2,
            1,
            "the record must be a set of `key: value` lines, found text",
            "put a space after the colon: `mode: …`",
        ),
    );
}

/// The core schema YAML 1.2 readers use has no dates: a date-like value is text, as written.
#[test]
fn a_date_like_value_is_text() {
    let program = Program::new();
    program.write(
        PERSON,
        "name: Dana\nroles: [representative]\nposition: 2026-01-15\n",
    );
    assert_eq!(super::seen(&program, PERSON), []);
}

#[test]
fn a_bare_year_where_a_date_is_due() {
    sees(
        RELATIONSHIP,
        "mentor: a\nmentee: b\nstart: 2026\nend: 2027-01-14\nstatus: active\n",
        (
            "schema",
            3,
            1,
            "`start` must be a date written YYYY-MM-DD, found the number 2026",
            "write the whole date: `start: 2026-MM-DD`",
        ),
    );
}

#[test]
fn dates_written_another_way() {
    sees_all(
        RELATIONSHIP,
        "mentor: a\nmentee: b\nstart: 1/15/2026\nend: 20270114\nstatus: active\n",
        &[
            (
                "schema",
                3,
                1,
                "`start` must be a date written YYYY-MM-DD",
                "write it as 2026-01-15",
            ),
            (
                "schema",
                4,
                1,
                "`end` must be a date written YYYY-MM-DD, found the number 20270114",
                "write it as 2027-01-14",
            ),
        ],
    );
}

#[test]
fn hours_and_minutes_where_minutes_are_due() {
    sees(
        MEETING,
        "---\nmode: email\nminutes: 1:30\n---\n",
        (
            "schema",
            3,
            1,
            "`minutes` must be a whole number of at least 1, found `1:30`, which reads as hours and minutes",
            "write the length in minutes: `minutes: 90`",
        ),
    );
}

#[test]
fn minutes_with_their_unit() {
    sees_all(
        MEETING,
        "---\nmode: email\nminutes: 1.5 hours\n---\n",
        &[(
            "schema",
            3,
            1,
            "`minutes` must be a whole number of at least 1, found `1.5 hours`",
            "write the number of minutes alone: `minutes: 90`",
        )],
    );
}

#[test]
fn quoted_numbers_and_booleans() {
    sees_all(
        MEETING,
        "---\nmode: email\nminutes: '45'\nworking_hours: \"false\"\n---\n",
        &[
            (
                "schema",
                3,
                1,
                "`minutes` must be a whole number of at least 1, found text in quotes",
                "write it without quotes: `minutes: 45`",
            ),
            (
                "schema",
                4,
                1,
                "`working_hours` must be true or false, found text in quotes",
                "write it without quotes: `working_hours: false`",
            ),
        ],
    );
}

#[test]
fn on_and_off_are_text() {
    sees(
        MEETING,
        "---\nmode: email\nworking_hours: off\n---\n",
        (
            "schema",
            3,
            1,
            "`working_hours` must be true or false, found `off`",
            "write `working_hours: false`",
        ),
    );
}

#[test]
fn no_where_a_choice_is_due() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\npublic_library: no\nmembership:\n  number: MLA-1\n  expires: 2027-06-30\n",
        (
            "schema",
            3,
            1,
            "`public_library` must be one of current, former, planned, none; found true/false: YAML reads an unquoted `no` as false",
            "did you mean `none`?",
        ),
    );
}

#[test]
fn a_tilde_or_nothing_where_a_value_is_required() {
    sees(
        PERSON,
        "name: ~\nroles: [representative]\n",
        (
            "schema",
            1,
            1,
            "`name` has no value, but it is required: YAML reads an unquoted `~` as nothing",
            "write the value after the colon: `name: …`",
        ),
    );
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\npublic_library: current\nmembership:\n  number: MLA-1\n  expires:\n",
        (
            "schema",
            6,
            3,
            "`membership.expires` has no value, but it is required",
            "write the value after the colon: `expires: …`",
        ),
    );
}

#[test]
fn amounts_with_a_currency_sign_or_a_decimal_comma() {
    sees_all(
        MEETING,
        "---\nmode: email\nexpenses:\n  - amount: $12.50\n    paid_by: mentee\n  - amount: 12,50\n    paid_by: mentee\n---\n",
        &[
            (
                "schema",
                4,
                5,
                "`expenses.amount` must be an amount of money, a number such as 12.50",
                "write the number alone, without a currency sign",
            ),
            (
                "schema",
                6,
                5,
                "`expenses.amount` must be an amount of money, a number such as 12.50",
                "write the cents after a decimal point, as in 12.50",
            ),
        ],
    );
}

/// A membership or phone number written as a bare number is kept as written.
#[test]
fn bare_numbers_kept_as_text_keep_their_zeros() {
    let program = Program::new();
    program.write(
        PERSON,
        "name: Dana\nroles: [mentee]\npublic_library: current\nmembership:\n  number: 007\n  expires: 2027-06-30\nphone: 0417555010\n",
    );
    let loaded = mentorbook::load::load(&program.dir().join("records"), "records")
        .expect("the records load");
    let person = loaded.records.people["x"]
        .record
        .as_ref()
        .expect("a clean record");
    let membership = person.membership.as_ref().expect("a membership");
    assert_eq!(membership.value.number.expose(), "007");
    let phone = person.phone.as_ref().expect("a phone number");
    assert_eq!(phone.expose(), "0417555010");
}
