//! YAML that does not parse: the sentence says what was typed, at the parser's position.

use super::{MEETING, PERSON, sees};

#[test]
fn a_key_indented_more_than_the_key_above() {
    sees(
        PERSON,
        "name: Dana\n  roles: [mentor]\n",
        (
            "yaml",
            2,
            8,
            "`roles` is indented more than `name` above it",
            "start `roles` in the same column as `name`",
        ),
    );
}

#[test]
fn a_key_indented_more_inside_a_block() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\nmembership:\n  number: 1\n    expires: 2027-01-01\n",
        (
            "yaml",
            5,
            12,
            "`expires` is indented more than `number` above it",
            "start `expires` in the same column as `number`",
        ),
    );
}

#[test]
fn a_key_indented_more_after_a_list() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentor]\n library: Springfield\n",
        (
            "yaml",
            3,
            2,
            "`library` is indented more than `roles` above it",
            "start `library` in the same column as `roles`",
        ),
    );
}

#[test]
fn a_key_indented_less_than_the_key_above() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\nmembership:\n    number: MLA-1\n  expires: 2027-01-01\n",
        (
            "yaml",
            5,
            3,
            "`expires` is indented less than `number` above it",
            "start `expires` in the same column as `number`, or as `membership` if it does not belong under `membership`",
        ),
    );
}

#[test]
fn a_block_key_without_its_colon() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\nmembership\n  number: MLA-1\n",
        (
            "yaml",
            3,
            1,
            "there is no colon after `membership` on line 3, so the keys below it do not belong to it",
            "write `membership:` with a colon",
        ),
    );
    // On the first line the parser stops at the key below instead.
    sees(
        PERSON,
        "membership\n  number: MLA-1\n",
        (
            "yaml",
            2,
            9,
            "there is no colon after `membership` on line 1, so the keys below it do not belong to it",
            "write `membership:` with a colon",
        ),
    );
}

#[test]
fn a_tab_indenting_the_line() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\nmembership:\n\tnumber: 1\n",
        (
            "yaml",
            4,
            2,
            "this line is indented with a tab, and YAML indents with spaces only",
            "replace the tab at the start of the line with spaces",
        ),
    );
}

#[test]
fn a_tab_on_the_line_below_the_parsers_position() {
    sees(
        PERSON,
        "name: Dana\n\troles: [mentor]\n",
        (
            "yaml",
            1,
            7,
            "line 2 is indented with a tab, and YAML indents with spaces only",
            "replace the tab at the start of line 2 with spaces",
        ),
    );
}

#[test]
fn a_tab_in_front_matter_names_the_files_line() {
    sees(
        MEETING,
        "---\nmode: email\n\ttopics: [Budget]\n---\n",
        (
            "yaml",
            2,
            7,
            "line 3 is indented with a tab, and YAML indents with spaces only",
            "replace the tab at the start of line 3 with spaces",
        ),
    );
}

#[test]
fn a_colon_inside_an_unquoted_value() {
    sees(
        MEETING,
        "---\nmode: email\ntopics: Budget: the board\n---\n",
        (
            "yaml",
            3,
            15,
            "the value of `topics` holds a colon followed by a space, which YAML reads as the start of another key",
            "put the whole value in quotes: `topics: \"…\"`",
        ),
    );
}

#[test]
fn two_colons_inside_a_list_item() {
    sees(
        MEETING,
        "---\nmode: email\ntopics:\n  - Budget: the board: May\n---\n",
        (
            "yaml",
            4,
            22,
            "this list item holds a colon followed by a space more than once, which YAML reads as another key",
            "put the whole item in quotes: `- \"…\"`",
        ),
    );
}

#[test]
fn no_space_after_a_dash() {
    sees(
        MEETING,
        "---\nmode: email\ntopics:\n  - Budget\n  -Staffing\n---\n",
        (
            "yaml",
            5,
            3,
            "there is no space after the `-` that starts this list item",
            "put a space after the `-`: `- …`",
        ),
    );
}

#[test]
fn no_space_after_a_colon() {
    sees(
        MEETING,
        "---\nmode: email\nminutes:45\n---\n",
        (
            "yaml",
            3,
            1,
            "there is no space after the colon in `minutes:`",
            "put a space after the colon: `minutes: …`",
        ),
    );
}

#[test]
fn no_space_after_a_colon_on_the_line_above() {
    sees(
        MEETING,
        "---\nmode:email\nminutes: 45\n---\n",
        (
            "yaml",
            3,
            8,
            "there is no space after the colon in `mode:` on line 2, so YAML does not read it as a key",
            "put a space after the colon: `mode: …`",
        ),
    );
}

#[test]
fn no_colon_after_a_key() {
    sees(
        PERSON,
        "name: Dana\nroles [mentor]\n",
        (
            "yaml",
            2,
            1,
            "there is no colon after `roles`, so YAML cannot read this line as a key",
            "write a colon and a space after the key: `roles: …`",
        ),
    );
}

#[test]
fn an_unclosed_quote() {
    sees(
        PERSON,
        "name: \"Dana\nroles: [mentor]\n",
        (
            "yaml",
            1,
            7,
            "the `\"` that starts the value of `name` is never closed",
            "add a `\"` at the end of the value",
        ),
    );
}

#[test]
fn an_apostrophe_inside_single_quotes() {
    sees(
        PERSON,
        "name: 'Dana O'Brien'\nroles: [mentor]\n",
        (
            "yaml",
            1,
            15,
            "the apostrophe in the value of `name` ends its single quotes early",
            "inside single quotes write an apostrophe twice (`''`), or put the value in double quotes",
        ),
    );
}

#[test]
fn text_after_a_closing_quote() {
    sees(
        PERSON,
        "name: \"Dana\" Whitfield\nroles: [mentor]\n",
        (
            "yaml",
            1,
            14,
            "text follows the closing `\"` of the value of `name`",
            "put the whole value inside the quotes; a `\"` inside double quotes is written `\\\"`",
        ),
    );
}

#[test]
fn an_unclosed_bracket_at_the_end() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentor\n",
        (
            "yaml",
            2,
            8,
            "the `[` that starts the list of `roles` is never closed",
            "add a `]` after its last item",
        ),
    );
}

#[test]
fn an_unclosed_bracket_before_the_next_key() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentor\npublic_library: current\n",
        (
            "yaml",
            3,
            15,
            "the `[` after `roles:` on line 2 is never closed, so YAML reads the lines below it as part of the list",
            "add a `]` after its last item on line 2",
        ),
    );
}

#[test]
fn an_unclosed_brace() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentee]\nmembership: {number: MLA-1\npublic_library: current\n",
        (
            "yaml",
            4,
            15,
            "the `{` after `membership:` on line 3 is never closed, so YAML reads the lines below it as part of the set of keys",
            "add a `}` after its last item on line 3",
        ),
    );
}

#[test]
fn a_bracket_too_many() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentor]]\n",
        (
            "yaml",
            2,
            16,
            "this `]` closes nothing: there is no `[` open before it",
            "remove the `]`, or add the `[` that should open it",
        ),
    );
}

#[test]
fn a_list_item_after_a_value() {
    sees(
        PERSON,
        "name: Dana\nroles: mentor\n- mentee\n",
        (
            "yaml",
            3,
            3,
            "a list item cannot follow `roles`, which already has a value",
            "to make a list, write `roles:` alone on its line and each item, the first too, on a `- ` line below it",
        ),
    );
}

#[test]
fn a_value_starting_with_a_reserved_character() {
    sees(
        PERSON,
        "name: Dana\nroles: [representative]\nemail: @dana\n",
        (
            "yaml",
            3,
            8,
            "a value cannot start with `@` unless it is in quotes",
            "put the value in quotes: `email: \"@…\"`",
        ),
    );
}

#[test]
fn a_key_given_twice() {
    sees(
        PERSON,
        "name: Dana\nroles: [mentor]\nname: Dana Whitfield\n",
        (
            "yaml",
            3,
            1,
            "the key `name` is given twice",
            "keep one of the two `name:` lines (the first is line 1)",
        ),
    );
}

/// When the parser's error and the text do not clearly agree, the parser's words stay,
/// marked as such, rather than a wrong diagnosis.
#[test]
fn anything_else_keeps_the_parsers_words() {
    sees(
        PERSON,
        "- a list\nname: Dana\n",
        (
            "yaml",
            2,
            1,
            "the YAML here is not valid: while parsing a block collection, did not find expected '-' indicator",
            "compare this line with the ones around it: a key ends with `: `, a list item starts with `- `, and a value holding `: ` or `#` goes in quotes",
        ),
    );
}

#[test]
fn a_list_item_indented_less_than_the_one_above() {
    sees(
        MEETING,
        "---\nmode: email\ntopics:\n   - Budget\n  - Staffing\n---\n",
        (
            "yaml",
            5,
            3,
            "this list item is indented less than the item above it",
            "start its `-` in the same column as the `-` above",
        ),
    );
}

#[test]
fn a_list_item_without_its_dash() {
    sees(
        MEETING,
        "---\nmode: email\ntopics:\n  - Budget\n  - Staffing\n  Reports\n---\n",
        (
            "yaml",
            6,
            3,
            "this line follows a list but does not start with `- `",
            "start it with `- ` to make it an item of the list",
        ),
    );
}

#[test]
fn a_list_begun_on_its_keys_line() {
    sees(
        PERSON,
        "name: Dana\nroles: - mentor\n       - mentee\n",
        (
            "yaml",
            2,
            8,
            "a list cannot start on the same line as `roles`",
            "write `roles:` alone and put each `- item` on a line of its own below it",
        ),
    );
}
