//! The engine on hand-made inputs: one test per leak class and per false-alarm class of
//! issue #12, plus the reading of files and the wording of hits.

use super::*;
use crate::model::secrets::{Key, Secret, Shape, Value};

const AS_OF: &str = "2026-11-30";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A program's guard inputs, built up value by value.
struct Program {
    inputs: Inputs<'static>,
    published: FileId,
    unpublished: FileId,
    notes: FileId,
}

impl Program {
    fn new() -> Program {
        let mut inputs = Inputs::new(SiteText::builtin(date(AS_OF)));
        let published = inputs.file(RecordFile::Path("records/people/dana.yaml".into()));
        let unpublished = inputs.file(RecordFile::WithoutConsent { unreadable: false });
        let notes = inputs.file(RecordFile::Path(
            "records/relationships/r-2026-001/meetings/2026-10-14.md".into(),
        ));
        Program {
            inputs,
            published,
            unpublished,
            notes,
        }
    }

    /// A published person's value.
    fn public(mut self, key: &'static str, text: &'static str) -> Program {
        let origin = Origin {
            file: self.published,
            key: Key::new(key),
        };
        self.inputs.public(origin, text);
        self
    }

    /// An unpublished person's value.
    fn private(mut self, key: &'static str, value: Value<'static>) -> Program {
        let secret = Secret {
            key: Key::new(key),
            class: Class::WithoutConsent,
            value,
        };
        self.inputs.watch(self.unpublished, secret);
        self
    }

    /// An always-confidential value of the published person.
    fn confidential(mut self, key: &'static str, text: &'static str) -> Program {
        let secret = Secret {
            key: Key::new(key),
            class: Class::Always,
            value: Value::Text(text, Shape::Identifier),
        };
        self.inputs.watch(self.published, secret);
        self
    }

    fn notes(mut self, body: &'static str) -> Program {
        let secret = Secret {
            key: Key::new("notes"),
            class: Class::Always,
            value: Value::Markdown(body),
        };
        self.inputs.watch(self.notes, secret);
        self
    }

    fn comment(mut self, text: &'static str) -> Program {
        let secret = Secret {
            key: Key::new("comments"),
            class: Class::Always,
            value: Value::Text(text, Shape::Text),
        };
        self.inputs.watch(self.notes, secret);
        self
    }

    fn guidelines(mut self, text: &'static str) -> Program {
        let file = self
            .inputs
            .file(RecordFile::Path("records/guidelines.md".into()));
        self.inputs.guidelines(file, text);
        self
    }

    fn guard(self) -> Guard {
        Guard::new(self.inputs)
    }
}

fn attribute(text: &'static str) -> Value<'static> {
    Value::Text(text, Shape::Attribute)
}

fn scan(guard: &Guard, path: &str, text: &str) -> Option<String> {
    guard.scan(path, text.as_bytes()).map(|hit| describe(&hit))
}

#[test]
fn a_private_field_named_like_a_rule_is_no_hit() {
    let guard = Program::new()
        .private("field", attribute("Reference"))
        .private("position", attribute("Duration"))
        .guard();
    let page = "<h2>reference</h2><p>Rule duration: a relationship ends after it starts.</p>";
    assert_eq!(scan(&guard, "rules/index.html", page), None);
}

#[test]
fn notes_headed_with_a_month_or_the_meetings_date_are_no_hit() {
    let guard = Program::new()
        .notes("# October 2026\n\n## 14 October 2026\n2026-10-14\nTue 14 Oct\n")
        .guard();
    let page = "<td>October 2026</td><th>14 October 2026</th><td>2026-10-14</td>";
    assert_eq!(
        scan(&guard, "relationships/r-2026-001/index.html", page),
        None
    );
}

#[test]
fn comments_that_read_like_a_rating_are_no_hit() {
    let guard = Program::new()
        .comment("At risk")
        .comment("On track.")
        .comment("Needs attention")
        .guard();
    let page = "<span>at risk</span> <span>On track</span> <span>needs attention</span>";
    assert_eq!(scan(&guard, "index.html", page), None);
}

#[test]
fn a_membership_number_inside_a_longer_run_of_digits_is_no_hit() {
    let guard = Program::new()
        .confidential("membership.number", "261130")
        .guard();
    let calendar = "DTSTAMP:20261130T000000Z\r\nUID:meeting-r-1-20261130@mentorbook\r\n";
    assert_eq!(scan(&guard, "calendar.ics", calendar), None);
    assert!(scan(&guard, "calendar.ics", "SUMMARY:member 261130\r\n").is_some());
}

#[test]
fn numbers_and_emails_are_not_excused_by_the_sites_dates_or_words() {
    // An all-digit number that is also the as-of date's compact form, and an email made of
    // site words: the site writes neither whatever the records say.
    let guard = Program::new()
        .confidential("membership.number", "20261130")
        .confidential("email", "reference@example.org")
        .guard();
    assert!(scan(&guard, "calendar.ics", "DTSTART;VALUE=DATE:20261130\r\n").is_some());
    assert!(scan(&guard, "index.html", "<p>reference@example.org</p>").is_some());
}

#[test]
fn a_name_is_found_folded_and_in_any_case() {
    let guard = Program::new()
        .private("name", Value::Text("Inés Muñoz", Shape::Identifier))
        .guard();
    for page in [
        "Ines Munoz",
        "INÉS MUÑOZ",
        "ine\u{301}s mun\u{303}oz",
        "(ines munoz)",
    ] {
        assert!(scan(&guard, "index.html", page).is_some(), "{page}");
    }
    assert_eq!(scan(&guard, "index.html", "inesmunoz"), None);
    assert_eq!(scan(&guard, "index.html", "Ines Munozova"), None);
}

#[test]
fn an_unpublished_name_inside_a_published_position_names_both_origins() {
    let guard = Program::new()
        .public("position", "Branch Manager (co-mentors with Alex Brandt)")
        .private("name", Value::Text("Alex Brandt", Shape::Identifier))
        .guard();
    let page = "<td>Branch Manager (co-mentors with Alex Brandt)</td>";
    assert_eq!(
        scan(&guard, "mentors/index.html", page).as_deref(),
        Some(
            "mentors/index.html would contain a value its person has not consented to publish \
             from the file of a person who has not consented (key name), typed inside the \
             public value of records/people/dana.yaml (key position)"
        )
    );
}

#[test]
fn a_published_persons_email_inside_their_name_is_a_hit() {
    let guard = Program::new()
        .public("name", "Dana Whitfield dana@example.org")
        .confidential("email", "dana@example.org")
        .guard();
    let hit = guard
        .scan("index.html", b"<td>Dana Whitfield dana@example.org</td>")
        .unwrap();
    assert_eq!(hit.key, Key::new("email"));
    assert_eq!(
        hit.inside,
        Some((
            RecordFile::Path("records/people/dana.yaml".into()),
            Some(Key::new("name"))
        ))
    );
    assert!(!describe(&hit).contains("dana@"), "{}", describe(&hit));
}

#[test]
fn a_private_library_that_a_published_mentor_shares_is_no_hit() {
    let guard = Program::new()
        .public("library", "Joplin Public Library")
        .private("library", attribute("Joplin Public Library"))
        .notes("Joplin Public Library\n")
        .guard();
    assert_eq!(
        scan(
            &guard,
            "mentors/index.html",
            "<td>Joplin Public Library</td>"
        ),
        None
    );
}

#[test]
fn a_private_attribute_inside_a_public_value_or_the_guidelines_is_no_hit() {
    let program = Program::new()
        .public("position", "Outreach Assistant")
        .private("field", attribute("Outreach"))
        .private("interests", attribute("Storytime planning"));
    let guard = program
        .guidelines("Mentors help with *storytime planning* and more.")
        .guard();
    let page = "<td>Outreach Assistant</td><p>storytime planning</p>";
    assert_eq!(scan(&guard, "mentors/index.html", page), None);
}

#[test]
fn free_text_inside_a_public_value_or_the_guidelines_is_a_hit() {
    let program = Program::new()
        .public("position", "Outreach Assistant")
        .comment("Outreach Assistant")
        .comment("She wants to leave the program");
    let guard = program
        .guidelines("If she wants to leave the program, talk to the committee.")
        .guard();
    // Equal to a whole public value: excused.
    assert_eq!(
        scan(&guard, "mentors/index.html", "Outreach Assistant"),
        None
    );
    let page = "<p>If she wants to leave the program, talk to the committee.</p>";
    let hit = scan(&guard, "guidelines/index.html", page).unwrap();
    assert!(hit.ends_with("typed inside records/guidelines.md"), "{hit}");
}

#[test]
fn escaped_and_encoded_forms_are_found() {
    let guard = Program::new()
        .comment("Sam's \"secret\" plan & more")
        .guard();
    let json = r#"{"note":"Sam's \"secret\" plan \u0026 more"}"#;
    assert!(scan(&guard, "data.json", json).is_some(), "JSON escapes");
    let html = "<p>Sam&#39;s &quot;secret&quot; plan &amp; more</p>";
    assert!(scan(&guard, "index.html", html).is_some(), "references");
    let ics = "SUMMARY:Sam's \"secret\" pl\r\n an & more\r\n";
    assert!(scan(&guard, "calendar.ics", ics).is_some(), "folded lines");
    let csv = "id,note\r\nr-1,\"Sam's \"\"secret\"\" plan & more\"\r\n";
    assert!(
        scan(&guard, "relationships.csv", csv).is_some(),
        "CSV quotes"
    );
}

#[test]
fn a_value_in_a_file_name_is_found_and_not_printed() {
    let guard = Program::new()
        .confidential("membership.number", "555012")
        .guard();
    let hit = guard
        .scan(
            "relationships/r-2026-555012/index.html",
            b"<p>nothing here</p>",
        )
        .unwrap();
    assert!(hit.in_file_name);
    assert_eq!(
        describe(&hit),
        "the name of relationships/…/index.html would contain a confidential value from \
         records/people/dana.yaml (key membership.number)"
    );
}

#[test]
fn an_unpublished_persons_dates_are_watched_unless_the_view_shows_them() {
    let mut guard = Program::new()
        .private("library_since", Value::Date(date("2013-05-07")))
        .private("membership.expires", Value::Date(date("2026-12-31")))
        .guard();
    for page in [
        "since 2013-05-07.",
        "since 7 May 2013",
        "DTSTART:20130507\r\n",
    ] {
        assert!(
            scan(&guard, "compliance/index.html", page).is_some(),
            "{page}"
        );
    }
    assert!(scan(&guard, "index.html", "due 2026-12-31").is_some());
    guard.allow_dates([date("2026-12-31")]);
    assert_eq!(scan(&guard, "index.html", "due 2026-12-31"), None);
    assert_eq!(scan(&guard, "index.html", "as of 2026-11-30"), None);
    // A date the rules page gives as an example is the site's own text.
    let guard = Program::new()
        .private("field_since", Value::Date(date("2019-09-01")))
        .guard();
    assert_eq!(
        scan(&guard, "rules/index.html", "field_since: 2019-09-01"),
        None
    );
}

#[test]
fn bodies_are_watched_line_by_line_and_named_by_line() {
    let guard = Program::new()
        .notes("# Agenda\n\n- Discussed her plans to apply elsewhere\n")
        .guard();
    assert_eq!(scan(&guard, "index.html", "<h2>Agenda</h2>"), None);
    let hit = guard
        .scan(
            "index.html",
            b"<li>discussed her plans to apply elsewhere</li>",
        )
        .unwrap();
    assert_eq!(hit.key.to_string(), "notes line 3");
}

#[test]
fn short_values_are_not_watched() {
    let guard = Program::new().comment("Coffee").comment("Tea!!!").guard();
    assert!(scan(&guard, "index.html", "coffee").is_some());
    assert_eq!(scan(&guard, "index.html", "tea"), None);
}

#[test]
fn the_view_s_labels_are_site_text() {
    // A label no template or rule text holds (the view's neutral labels, such as "a mode the
    // program does not allow", are in the built-in text already).
    let label = "a frequency nobody has heard of";
    let guard = Program::new()
        .comment("A frequency nobody has heard of")
        .guard();
    assert!(scan(&guard, "index.html", label).is_some());
    let mut program = Program::new().comment("A frequency nobody has heard of");
    program.inputs.site_text().add(label);
    assert_eq!(scan(&program.guard(), "index.html", label), None);
}

#[test]
fn a_free_text_in_the_guidelines_is_a_hit_however_short() {
    // dashboard.md's third exemption is for an unpublished person's attributes only.
    let guard = Program::new()
        .comment("Getting started")
        .guidelines("## Getting started\n\nMeet monthly.")
        .guard();
    let hit = guard
        .scan("guidelines/index.html", b"<h2>Getting started</h2>")
        .unwrap();
    assert_eq!(
        hit.inside,
        Some((RecordFile::Path("records/guidelines.md".into()), None))
    );
    let guard = Program::new()
        .private("field", attribute("Getting started"))
        .guidelines("## Getting started\n\nMeet monthly.")
        .guard();
    assert_eq!(
        scan(&guard, "guidelines/index.html", "<h2>Getting started</h2>"),
        None
    );
}

#[test]
fn an_id_the_site_writes_word_for_word_is_no_hit() {
    let guard = Program::new()
        .private("file name", Value::Text("broken", Shape::Identifier))
        .private("name", Value::Text("Dana Broken", Shape::Identifier))
        .guard();
    let page = "<p>a record that could not be read (its YAML is broken)</p>";
    assert_eq!(scan(&guard, "compliance/index.html", page), None);
    assert!(scan(&guard, "index.html", "<p>Dana Broken</p>").is_some());
}

#[test]
fn a_record_path_that_holds_a_watched_value_is_not_printed_either() {
    let mut program = Program::new().confidential("membership.number", "555012");
    let folder = program.inputs.file(RecordFile::Path(
        "records/relationships/r-2026-555012/relationship.yaml".into(),
    ));
    let origin = Origin {
        file: folder,
        key: Key::new("folder name"),
    };
    program.inputs.public(origin, "r-2026-555012");
    let hit = scan(&program.guard(), "index.html", "<a>r-2026-555012</a>").unwrap();
    assert!(
        hit.ends_with(
            "public value of records/relationships/…/relationship.yaml (key folder name)"
        ),
        "{hit}"
    );
}

#[test]
fn the_fingerprint_changes_with_anything_the_guard_reads() {
    let base = || {
        Program::new()
            .comment("Talked about the budget draft")
            .public("position", "Branch Manager")
    };
    assert_eq!(base().inputs.fingerprint(), base().inputs.fingerprint());
    let others = [
        Program::new()
            .comment("Talked about the budget drafts")
            .public("position", "Branch Manager"),
        Program::new()
            .comment("Talked about the budget draft")
            .public("position", "Branch Managers"),
        base().notes("A new line\n"),
        base().guidelines("Coffee is paid by the partners."),
        base().private("library_since", Value::Date(date("2014-03-01"))),
    ];
    for other in others {
        assert_ne!(base().inputs.fingerprint(), other.inputs.fingerprint());
    }
}

#[test]
fn a_guard_knows_the_dates_it_excused_as_shown() {
    let mut guard = Program::new()
        .private("library_since", Value::Date(date("2013-05-07")))
        .guard();
    assert!(scan(&guard, "index.html", "2013-05-07").is_some());
    guard.allow_shown([date("2013-05-07")].into());
    assert_eq!(scan(&guard, "index.html", "2013-05-07"), None);
    // Kept for a view that no longer shows the day, it is not the guard built afresh.
    assert!(!guard.shown_within(&[date("2026-01-01")].into()));
    assert!(guard.shown_within(&[date("2013-05-07"), date("2026-01-01")].into()));
}
