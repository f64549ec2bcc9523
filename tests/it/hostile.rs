//! Hostile and malformed input: every broken file gets a `yaml` or `schema` diagnostic on that
//! file, in one run, quickly and without a panic. Inputs are written both as a person file and
//! as a meeting's front matter, because the two reach the parser by different paths (the
//! meeting's YAML is shifted by the opening `---` line).

use crate::support::{Found, Program, found};
use mentorbook::load::load;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::{Path, PathBuf};

const PERSON: &str = "people/x.yaml";
const MEETING: &str = "relationships/r-1/meetings/2026-03-05.md";

/// `yaml` wrapped as a meeting's front matter, with a body after it.
fn meeting(yaml: &[u8]) -> Vec<u8> {
    [b"---\n".as_slice(), yaml, b"\n---\nnotes\n"].concat()
}

/// The diagnostics of a program holding `contents` at `rel`, checked in every output format:
/// each run must end with exit code 1 (the file is broken), never with a panic.
fn check_one(rel: &str, contents: &[u8]) -> Vec<Found> {
    let program = Program::new();
    program.write(rel, contents);
    for format in ["human", "github", "markdown"] {
        let run = program.check(&["--format", format, "--color", "never"]);
        assert_no_crash(&run, format);
    }
    let run = program.check(&["--format", "json"]);
    assert_no_crash(&run, "json");
    let file = format!("records/{rel}");
    found(&run.json())
        .into_iter()
        .filter(|d| d.file == file)
        .collect()
}

fn assert_no_crash(run: &crate::support::Run, format: &str) {
    assert!(
        !run.stderr.contains("panicked"),
        "{format}: panicked:\n{}",
        run.stderr
    );
    assert_eq!(run.code, 1, "{format}: exit code; stderr:\n{}", run.stderr);
}

/// Asserts that `found` holds a diagnostic of `rule` and returns the first one. Its message
/// is written for an editor: no Rust debug text or parser-API advice leaks through.
fn one(found: &[Found], rule: &str, what: &str) -> Found {
    let d = found
        .iter()
        .find(|d| d.rule == rule)
        .unwrap_or_else(|| panic!("{what}: no `{rule}` diagnostic in {found:#?}"))
        .clone();
    for debug in ["breached", "{ ", "Options", "from_str", "\\\\"] {
        assert!(
            !d.message.contains(debug),
            "{what}: debug text in {:?}",
            d.message
        );
    }
    d
}

/// The same YAML as a person file and as a meeting's front matter: each gets a `rule`
/// diagnostic; returns both (person, meeting).
fn both(yaml: &[u8], rule: &str) -> (Found, Found) {
    let person = one(&check_one(PERSON, yaml), rule, "person");
    let meeting = one(&check_one(MEETING, &meeting(yaml)), rule, "meeting");
    (person, meeting)
}

fn at(d: &Found) -> (u64, u64) {
    (d.line, d.column)
}

/// Bytes from a fixed-seed xorshift generator: the same "random" file on every run.
fn pseudo_random(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed.to_le_bytes()[3]
        })
        .collect()
}

/// Where `std` says the first byte that is not UTF-8 is, as 1-based line and character column.
fn first_bad_byte(bytes: &[u8]) -> (u64, u64) {
    let valid = std::str::from_utf8(bytes)
        .expect_err("not UTF-8")
        .valid_up_to();
    let prefix = std::str::from_utf8(&bytes[..valid]).expect("a valid prefix");
    let line = prefix.matches('\n').count() + 1;
    let column = prefix.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u64, column as u64)
}

#[test]
fn non_utf8_points_at_the_first_bad_byte() {
    let yaml = b"name: Dana\nlibrary: Caf\xc3\xa9 Spr\xffingfield\n";
    let (person, meeting) = both(yaml, "yaml");
    // "library: Café Spr" is 17 characters (18 bytes): the column counts characters.
    assert_eq!(at(&person), (2, 18), "{person:?}");
    assert_eq!(at(&meeting), (3, 18), "{meeting:?}");
    assert!(person.message.contains("UTF-8"), "{}", person.message);
}

#[test]
fn empty_files() {
    let person = one(&check_one(PERSON, b""), "schema", "empty person");
    assert_eq!(at(&person), (1, 1));
    assert!(person.message.contains("empty"), "{}", person.message);
    // Empty front matter is an empty record; an empty Markdown file has no front matter.
    let meeting = one(
        &check_one(MEETING, b"---\n---\nnotes\n"),
        "schema",
        "meeting",
    );
    assert!(meeting.message.contains("empty"), "{}", meeting.message);
    let markdown = one(&check_one(MEETING, b""), "yaml", "empty meeting");
    assert_eq!(at(&markdown), (1, 1));
    // Whitespace and comments only are empty too.
    one(&check_one(PERSON, b"  \n# nothing\n\n"), "schema", "blank");
}

#[test]
fn binary_garbage() {
    let garbage = pseudo_random(4096, 0x9e37_79b9_7f4a_7c15);
    let (person, meeting) = both(&garbage, "yaml");
    let (line, column) = first_bad_byte(&garbage);
    assert_eq!(at(&person), (line, column));
    assert_eq!(at(&meeting), (line + 1, column));
    // Garbage that is valid UTF-8: random characters, YAML punctuation and control codes.
    let alphabet: Vec<char> = "ab:- [{]}&*!|>'\"#%@`,?\t\r\n\u{0}\u{1b}\u{7f}é\u{feff}\u{2028}"
        .chars()
        .collect();
    let text: String = pseudo_random(4096, 7)
        .into_iter()
        .map(|b| alphabet[usize::from(b) % alphabet.len()])
        .collect();
    let person = check_one(PERSON, text.as_bytes());
    assert!(!person.is_empty(), "no diagnostic for UTF-8 garbage");
    let meeting = check_one(MEETING, &self::meeting(text.as_bytes()));
    assert!(!meeting.is_empty(), "no diagnostic for UTF-8 garbage");
}

#[test]
fn file_over_the_size_limit_is_refused_unread() {
    let mut yaml = b"name: ".to_vec();
    yaml.resize(20_000_000, b'x');
    yaml.push(b'\n');
    let (person, meeting) = both(&yaml, "yaml");
    for d in [&person, &meeting] {
        assert_eq!(at(d), (1, 1));
        assert!(d.message.contains("4 MiB"), "{}", d.message);
    }
}

#[test]
fn value_over_the_text_budget() {
    // 2 MB: read (under the 4 MiB file limit) but refused by the parser's text budget.
    let mut yaml = b"name: ".to_vec();
    yaml.resize(2_000_000, b'x');
    yaml.push(b'\n');
    let (person, meeting) = both(&yaml, "yaml");
    assert_eq!(person.line, 1, "{person:?}");
    assert_eq!(meeting.line, 2, "{meeting:?}");
}

#[test]
fn deep_flow_nesting() {
    let yaml = format!("name: {}{}\n", "[".repeat(20_000), "]".repeat(20_000));
    let (person, meeting) = both(yaml.as_bytes(), "yaml");
    assert_eq!(person.line, 1);
    assert_eq!(meeting.line, 2);
    let yaml = format!("name: {}x{}\n", "{a: ".repeat(20_000), "}".repeat(20_000));
    both(yaml.as_bytes(), "yaml");
}

#[test]
fn deep_block_nesting() {
    // Compact block sequences nest on one line: `- - - x` is [[[x]]].
    let yaml = format!("{}x\n", "- ".repeat(20_000));
    let (person, meeting) = both(yaml.as_bytes(), "yaml");
    assert_eq!(person.line, 1);
    assert_eq!(meeting.line, 2);
    // Indented block mappings grow quadratically (20,000 levels would be 200 MB, refused by
    // the size limit unread): 2,000 levels at one space each is 2 MB, which the parser sees.
    let yaml: String = (0..2_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    both(yaml.as_bytes(), "yaml");
    let yaml: String = (0..2_000)
        .map(|i| format!("{}-\n", " ".repeat(i)))
        .collect();
    both(yaml.as_bytes(), "yaml");
}

#[test]
fn alias_bomb() {
    // "Billion laughs": nine levels of nine aliases each expand to 9^9 strings.
    let mut yaml = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (previous, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let items = vec![format!("*{previous}"); 9].join(", ");
        yaml.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    both(yaml.as_bytes(), "yaml");
    // The same as a merge-key bomb.
    let mut yaml = String::from("a: &a {x: lol, y: lol}\n");
    for (previous, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let items = vec![format!("*{previous}"); 9].join(", ");
        yaml.push_str(&format!(
            "{name}: &{name} {{<<: [{items}], k: [{items}]}}\n"
        ));
    }
    let person = check_one(PERSON, yaml.as_bytes());
    assert!(!person.is_empty(), "no diagnostic for a merge-key bomb");
}

#[test]
fn nul_bytes() {
    let (person, meeting) = both(b"name: Da\0na\nroles: [mentor]\n", "yaml");
    assert_eq!(at(&person), (1, 9));
    assert_eq!(at(&meeting), (2, 9));
}

#[test]
fn two_documents() {
    let person = one(&check_one(PERSON, b"a: 1\n---\nb: 2"), "yaml", "person");
    assert_eq!(person.line, 2, "{person:?}");
    // In front matter a `---` line closes the block, so the second document must start with
    // `--- ` and content on the same line, or follow a `...` end marker.
    let front = b"---\nmode: email\n--- b: 2\n---\nnotes\n";
    let meeting = one(&check_one(MEETING, front), "yaml", "meeting");
    assert_eq!(meeting.line, 3, "{meeting:?}");
    let front = b"---\nmode: email\n...\nb: 2\n---\nnotes\n";
    let meeting = one(&check_one(MEETING, front), "yaml", "meeting");
    assert_eq!(meeting.line, 4, "{meeting:?}");
}

#[test]
fn tab_indentation() {
    let yaml = b"name: Dana\nroles: [mentee]\nmembership:\n\tnumber: 1\n\texpires: 2027-06-30\n";
    let (person, meeting) = both(yaml, "yaml");
    assert_eq!(person.line, 4, "{person:?}");
    assert_eq!(meeting.line, 5, "{meeting:?}");
}

#[test]
fn crlf_and_byte_order_mark_are_valid() {
    let person = "\u{feff}name: Dana\r\nroles: [mentee]\r\nbogus: 1\r\npublic_library: current\r\nmembership:\r\n  number: MLA-1\r\n  expires: 2027-06-30\r\n";
    let found = check_one(PERSON, person.as_bytes());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule.as_str(), at(&found[0])), ("schema", (3, 1)));
    assert!(found[0].message.contains("bogus"), "{}", found[0].message);

    let meeting =
        "\u{feff}---\r\nmode: email\r\nbogus: 1\r\ntopics:\r\n  - Budgets\r\n---\r\nnotes\r\n";
    let found = check_one(MEETING, meeting.as_bytes());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule.as_str(), at(&found[0])), ("schema", (3, 1)));

    // Without the unknown key both are clean records.
    let program = Program::new();
    program
        .write(PERSON, person.replace("bogus: 1\r\n", ""))
        .write(MEETING, meeting.replace("bogus: 1\r\n", ""));
    let loaded = load_dir(program.dir());
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.rule.id() == "layout" && d.file.ends_with("relationship.yaml")),
        "{:#?}",
        loaded.diagnostics
    );
    assert!(loaded.records.people["x"].record.is_some());
    assert!(
        loaded.records.relationships["r-1"].meetings[0]
            .loaded
            .record
            .is_some()
    );
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let program = Program::new();
    let broken: [(&str, &[u8]); 9] = [
        ("people/a.yaml", b"name: A\xff\n"),
        ("people/b.yaml", b"name: [unclosed\n"),
        ("people/c.yaml", b"name: C\nroles: [wizard]\n"),
        ("people/d.yaml", b""),
        (
            "relationships/r-1/relationship.yaml",
            b"mentor: a\nmentor: b\n",
        ),
        ("relationships/r-1/agreement.md", b"no front matter\n"),
        (
            "relationships/r-1/meetings/2026-03-05.md",
            b"---\nmode: email\n",
        ),
        (
            "relationships/r-1/meetings/2026-03-06.md",
            b"---\nmood: email\n---\n",
        ),
        ("relationships/r-1/evaluations/2026-Q1.yaml", b"- a list\n"),
    ];
    for (rel, contents) in broken {
        program.write(rel, contents);
    }
    let found = program.diagnostics();
    for (rel, _) in broken {
        let file = format!("records/{rel}");
        assert!(
            found
                .iter()
                .any(|d| d.file == file && (d.rule == "yaml" || d.rule == "schema")),
            "no diagnostic for {file} in {found:#?}"
        );
    }
}

/// Loads `<dir>/records` in-process.
fn load_dir(dir: &Path) -> mentorbook::load::Loaded {
    load(&dir.join("records"), "records").expect("the records folder loads")
}

/// The lines of `text` as YAML counts them: `\r\n`, `\n` and a lone `\r` each end one.
fn yaml_lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find(['\r', '\n']) {
        lines.push(&rest[..end]);
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[end + skip..];
    }
    lines.push(rest);
    lines
}

/// The loader's diagnostics on `file`, checked for sanity: rule `yaml` or `schema`, and a
/// position inside the file (`bytes` are its contents).
fn diagnostics_on<'a>(
    loaded: &'a mentorbook::load::Loaded,
    file: &str,
    bytes: &[u8],
) -> Vec<&'a mentorbook::diagnostics::Diagnostic> {
    let on: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.file == file)
        .collect();
    let text = std::str::from_utf8(bytes).ok();
    for d in &on {
        assert!(
            matches!(d.rule.id(), "yaml" | "schema"),
            "{file}: rule {} ({})",
            d.rule.id(),
            d.message
        );
        assert!(d.pos.line >= 1 && d.pos.column >= 1, "{file}: {:?}", d.pos);
        let Some(text) = text else {
            // Line breaks as YAML reads them: LF, CRLF (once) and a lone CR.
            let breaks = bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .count();
            let lines = breaks + 1;
            assert!(d.pos.line as usize <= lines, "{file}: line {}", d.pos.line);
            continue;
        };
        // The position is on a line of the file, at most one past its last character.
        let lines = yaml_lines(text);
        let line = lines.get(d.pos.line as usize - 1).unwrap_or_else(|| {
            panic!(
                "{file}: line {} of {}: {}",
                d.pos.line,
                lines.len(),
                d.message
            )
        });
        assert!(
            d.pos.column as usize <= line.chars().count() + 1,
            "{file}: column {} of {line:?}: {}",
            d.pos.column,
            d.message
        );
    }
    on
}

/// The meeting filed as `file` in relationship `r-1`.
fn meeting_record<'a>(
    loaded: &'a mentorbook::load::Loaded,
    id: &str,
    file: &str,
) -> &'a mentorbook::model::MeetingFile {
    loaded.records.relationships[id]
        .meetings
        .iter()
        .find(|m| m.loaded.file == file)
        .unwrap_or_else(|| panic!("{file} was not filed as a meeting"))
}

/// The YAML Test Suite's documents, vendored with their licence (see the folder's README.md).
fn corpus() -> PathBuf {
    crate::support::fixture("yaml-test-suite")
}

/// Every `in.yaml` under `dir`, with whether an `error` file marks it as invalid YAML.
fn corpus_docs(dir: &Path) -> Vec<(String, Vec<u8>, bool)> {
    let mut docs = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = std::fs::read_dir(&folder).expect("a readable corpus folder");
        for entry in entries {
            let path = entry.expect("a corpus entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "in.yaml") {
                let rel = folder.strip_prefix(dir).expect("inside the corpus");
                let name = rel
                    .to_string_lossy()
                    .to_lowercase()
                    .replace(['/', '\\'], "-");
                let bytes = std::fs::read(&path).expect("a readable corpus file");
                docs.push((name, bytes, folder.join("error").exists()));
            }
        }
    }
    docs.sort();
    docs
}

/// The yaml-test-suite, each document as a person file and as a meeting's front matter in one
/// program: no panic, and every file is a clean record or has a diagnostic (never both). Of the
/// documents the suite marks as errors, at least 90 of 94 must get a `yaml` diagnostic: the
/// parser accepts a few (listed when this fails).
#[test]
fn yaml_test_suite_corpus() {
    let dir = corpus();
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let docs = corpus_docs(&dir);
    assert!(docs.len() >= 400, "only {} corpus documents", docs.len());
    let program = Program::new();
    for (k, (name, bytes, _)) in docs.iter().enumerate() {
        program.write(&format!("people/c-{name}.yaml"), bytes);
        let meeting_file = format!("relationships/r-1/meetings/2026-03-05-{}.md", k + 2);
        program.write(&meeting_file, meeting(bytes));
    }
    let loaded = load_dir(program.dir());
    let (mut errors, mut rejected, mut accepted) = (0, 0, Vec::new());
    for (k, (name, bytes, error)) in docs.iter().enumerate() {
        let file = format!("records/people/c-{name}.yaml");
        let on = diagnostics_on(&loaded, &file, bytes);
        let record = loaded.records.people[&format!("c-{name}")].record.is_some();
        assert_ne!(on.is_empty(), !record, "{file}: {on:#?}");

        let file = format!("records/relationships/r-1/meetings/2026-03-05-{}.md", k + 2);
        let wrapped = meeting(bytes);
        let on_meeting = diagnostics_on(&loaded, &file, &wrapped);
        let record = meeting_record(&loaded, "r-1", &file)
            .loaded
            .record
            .is_some();
        assert_ne!(on_meeting.is_empty(), !record, "{file}: {on_meeting:#?}");

        if *error {
            errors += 1;
            assert!(
                !on.is_empty(),
                "{file}: an error document gave no diagnostic"
            );
            if on.iter().any(|d| d.rule.id() == "yaml") {
                rejected += 1;
            } else {
                accepted.push(name.as_str());
            }
        }
    }
    eprintln!(
        "corpus: {} documents; {rejected} of {errors} error documents got a `yaml` diagnostic; accepted: {accepted:?}",
        docs.len()
    );
    assert_eq!(errors, 94, "error documents in the corpus");
    assert!(
        rejected >= 90,
        "{rejected} of {errors} error documents got a `yaml` diagnostic; accepted: {accepted:?}"
    );
    // The reports quote source lines: the binary must show all of this without a panic.
    for format in ["human", "github", "markdown", "json"] {
        let run = program.check(&["--format", format, "--color", "never"]);
        assert_no_crash(&run, format);
    }
}

/// A records folder reused by every case of a property: cases overwrite its two files.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let records = dir.path().join("records");
        std::fs::create_dir_all(records.join("people")).expect("folders");
        std::fs::create_dir_all(records.join("relationships/r-1/meetings")).expect("folders");
        std::fs::write(records.join("program.toml"), crate::support::PROGRAM_TOML)
            .expect("program.toml");
        Scratch { dir }
    }

    /// Writes `person` as people/x.yaml and `front` as a meeting's front matter, loads the
    /// folder, and checks the property: no panic, sane diagnostics, and each file is a clean
    /// record exactly when it has no diagnostic.
    fn property(&self, person: &[u8], front: &[u8]) -> Result<(), TestCaseError> {
        let records = self.dir.path().join("records");
        let wrapped = meeting(front);
        std::fs::write(records.join(PERSON), person).expect("a written file");
        std::fs::write(records.join(MEETING), &wrapped).expect("a written file");
        let loaded = load_dir(self.dir.path());
        let on = diagnostics_on(&loaded, &format!("records/{PERSON}"), person);
        let record = loaded.records.people["x"].record.is_some();
        prop_assert_eq!(on.is_empty(), record, "person: {:#?}", on);
        let file = format!("records/{MEETING}");
        let on = diagnostics_on(&loaded, &file, &wrapped);
        let record = meeting_record(&loaded, "r-1", &file)
            .loaded
            .record
            .is_some();
        prop_assert_eq!(on.is_empty(), record, "meeting: {:#?}", on);
        Ok(())
    }
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        // Failures are reported with their input; nothing is written into the repository.
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn arbitrary_bytes_never_panic() {
    let scratch = Scratch::new();
    let bytes = prop::collection::vec(any::<u8>(), 0..512);
    runner(200)
        .run(&bytes, |bytes| scratch.property(&bytes, &bytes))
        .unwrap();
}

/// Pieces of YAML, chosen to reach the parser's corners and the loader's known keys.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "name:", "roles:", "mode:", "topics:", "expenses:", "amount:", "signed:", "paid_by:",
    "membership:", "number:", "expires:", "public_library:", "library_since:", "minutes:",
    "working_hours:", "manager_approval:", "by:", "date:", "what:", "publish:", "key:",
    ": ", ":", "- ", "-", "? ", "[", "]", "{", "}", ", ", "&a ", "*a", "&b ", "*b", "<<: ",
    "!!str ", "!!int ", "!!map ", "!!binary ", "!local ", "!<tag:x> ", "\"", "'", "\\",
    "|", ">", "|-", ">+", "|2", "# note", " #", "---", "...", "%YAML 1.2\n", "%TAG ! tag:x:\n",
    "\n", "\n", "\n  ", "\n    ", "\n- ", "  ", "\t", "\r\n", "\r", " ",
    "mentor", "mentee", "email", "current", "Dana", "true", "false", "null", "~", "0", "45",
    "-1", "12.50", "1e999", "0x1F", ".inf", ".nan", "2026-03-05", "2026-02-30", "9999-12-31",
    "é", "\u{feff}", "\u{85}", "\u{2028}",
];

fn token_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        8 => prop::sample::select(TOKENS).prop_map(str::to_owned),
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => "[a-z_ ]{1,8}",
    ];
    prop::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

const VALID_PERSON: &str = "name: Dana Whitfield\nroles: [mentor]\nlibrary: Springfield\npublic_library: current\nmembership:\n  number: MLA-10234\n  expires: 2027-06-30\nlibrary_since: 2014-03-01\nfield: Youth services\nfield_since: 2019-09-01\nphone: \"+1 417 555 0100\"\npublish: true\n";
const VALID_MEETING: &str = "mode: telephone\nminutes: 45\nworking_hours: true\nmanager_approval:\n  by: Jordan Lee\n  date: 2026-01-30\ntopics:\n  - Budgets\nexpenses:\n  - amount: 12.50\n    paid_by: mentee\n    what: Coffee\n";

/// A valid record with a few tokens inserted and spans deleted: near the edge of validity,
/// so the property is checked on clean records as well as broken ones.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let edit = (
        any::<prop::sample::Index>(),
        0..4usize,
        prop::sample::select(TOKENS),
    );
    prop::collection::vec(edit, 0..4).prop_map(move |edits| {
        let mut text = base.as_bytes().to_vec();
        for (at, delete, token) in edits {
            let start = at.index(text.len() + 1);
            let end = (start + delete).min(text.len());
            text.splice(start..end, token.bytes());
        }
        String::from_utf8_lossy(&text).into_owned()
    })
}

#[test]
fn yaml_like_text_never_panics() {
    let scratch = Scratch::new();
    runner(200)
        .run(&token_soup(), |text| {
            scratch.property(text.as_bytes(), text.as_bytes())
        })
        .unwrap();
}

#[test]
fn mutated_records_never_panic() {
    let scratch = Scratch::new();
    scratch
        .property(VALID_PERSON.as_bytes(), VALID_MEETING.as_bytes())
        .unwrap();
    let loaded = load_dir(scratch.dir.path());
    assert!(
        loaded.records.people["x"].record.is_some(),
        "the base person is valid"
    );
    runner(200)
        .run(
            &(mutated(VALID_PERSON), mutated(VALID_MEETING)),
            |(person, front)| scratch.property(person.as_bytes(), front.as_bytes()),
        )
        .unwrap();
}

/// What a terminal would act on: ESC, BEL, any other C0 or C1 control but tab and newline,
/// and the bidirectional overrides.
fn acts_on_a_terminal(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

#[test]
fn terminal_escapes_typed_into_records_are_shown_escaped_in_every_format() {
    let hostile = "\u{1b}]0;PWNED\u{7}\u{1b}[2K\u{1b}[1Aerror: fake \u{202e}desrever";
    let program = Program::new();
    let key = r#""\e]0;PWNED\a\e[2K\e[1Aerror: fake \u202Edesrever""#;
    program.write(
        PERSON,
        format!("name: Dana\nroles: [representative]\n{key}: x\n"),
    );
    assert!(acts_on_a_terminal(hostile));
    program.write("people/\u{1b}[31mred.yaml", "name: Red\n");
    for format in ["human", "github", "markdown", "json"] {
        let run = program.check(&["--format", format, "--color", "never"]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert!(
            !acts_on_a_terminal(&run.stdout),
            "{format}: {:?}",
            run.stdout
        );
        // JSON escapes the backslash of the escape once more.
        let text = if format == "json" {
            run.stdout.replace("\\\\", "\\")
        } else {
            run.stdout.clone()
        };
        assert!(text.contains("\\u{1b}]0;PWNED\\u{7}"), "{format}: {text}");
        assert!(text.contains("\\u{202e}desrever"), "{format}");
    }
    let json = program.check(&["--format", "json"]).json();
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(
        files.contains(&"records/people/\\u{1b}[31mred.yaml"),
        "{files:?}"
    );
}

#[test]
fn record_text_cannot_break_the_markdown_summary() {
    let program = Program::new();
    program.write(PERSON, "name: Dana\nroles: [representative]\n\"@org/committee | [see](https://evil.example) <img src=x>\": x\n");
    let run = program.check(&["--format", "markdown"]);
    let row = run
        .stdout
        .lines()
        .find(|l| l.contains("unknown key"))
        .expect("the unknown key's row");
    // A row is `| mark | where | rule | message |`: four cells, five unescaped bars.
    let bars = row
        .match_indices('|')
        .filter(|(i, _)| !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(bars, 5, "{row}");
    // The typed key stays inside one code span, where GitHub neither links, mentions nor
    // reads HTML.
    assert!(
        row.contains(
            "unknown key `@org/committee \\| [see](https://evil.example) <img src=x>`<br>"
        ),
        "{row}"
    );
}

#[test]
fn markdown_records_with_cr_only_line_endings_are_read_like_crlf() {
    let program = Program::new();
    let meeting = "---\rmode: telephone\rtopics: [Budgets]\r---\rNotes.\r";
    program.write(MEETING, meeting);
    let found: Vec<Found> = program
        .diagnostics()
        .into_iter()
        .filter(|d| d.file == format!("records/{MEETING}"))
        .filter(|d| matches!(d.rule.as_str(), "yaml" | "schema"))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

/// `mentorbook ARGS` in `dir`, killed if it has not finished within ten seconds (a hang is
/// a failure, not a stuck test run).
#[cfg(unix)]
fn run_bounded(dir: &Path, args: &[&str]) -> crate::support::Run {
    use std::time::{Duration, Instant};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("mentorbook runs");
    let started = Instant::now();
    while child.try_wait().expect("a status").is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("mentorbook {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("its output").into()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifos_are_reported_never_opened() {
    let program = Program::new();
    let records = program.dir().join("records");
    std::fs::create_dir_all(records.join("people")).expect("people/");
    mkfifo(&records.join("people/pipe.yaml"));
    mkfifo(&records.join("guidelines.md"));
    for (args, code) in [(&["check"][..], 1), (&["build"][..], 0)] {
        let run = run_bounded(program.dir(), args);
        assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
    }
    let json = program.check(&["--format", "json"]).json();
    let layout: Vec<String> = found(&json)
        .into_iter()
        .filter(|d| d.rule == "layout")
        .map(|d| d.file)
        .collect();
    assert_eq!(
        layout,
        ["records/guidelines.md", "records/people/pipe.yaml"]
    );
}

#[cfg(unix)]
#[test]
fn program_toml_must_be_a_regular_file_inside_records() {
    let program = Program::new();
    let toml = program.dir().join("records/program.toml");
    std::fs::remove_file(&toml).expect("the program's settings removed");
    mkfifo(&toml);
    let run = run_bounded(program.dir(), &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: records/program.toml: is not a regular file (a FIFO, socket or device): replace it with the program's settings file\n"
    );
    std::fs::remove_file(&toml).expect("the FIFO removed");
    std::os::unix::fs::symlink("/dev/zero", &toml).expect("a link to /dev/zero");
    let run = run_bounded(program.dir(), &["check"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: records/program.toml: is a symbolic link that does not lead to a file inside the records folder: replace it with the file itself\n"
    );
}
