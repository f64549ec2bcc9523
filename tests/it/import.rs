//! `mentorbook import`: spreadsheets (CSV and XLSX) become records exactly as `new` writes
//! them; every value form a spreadsheet user writes is read; refused rows are diagnostics at
//! the spreadsheet's row and column; nothing is overwritten or written twice.

use crate::support::{Program, Run, demo, found, run_in};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;

const MENTOR: &str = "name: Dana Whitfield\nroles: [mentor]\npublic_library: current\nmembership: {number: MLA-1, expires: 2028-01-01}\nlibrary_since: 2005-01-01\nfield: Youth services\nfield_since: 2015-01-01\nemail: dana@example.org\npublish: true\n";
const MENTEE: &str = "name: Sam Ortiz\nroles: [mentee]\npublic_library: current\nmembership: {number: MLA-2, expires: 2028-01-01}\n";
const REPRESENTATIVE: &str = "name: Pat Kim\nroles: [representative]\n";
const RELATIONSHIP: &str =
    "mentor: dana\nmentee: sam\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n";

pub const HEADER: &str = "Name,Email,Role,Public library,Membership number,Membership expires";

/// A typed workbook cell.
pub enum X<'a> {
    S(&'a str),
    N(f64),
    B(bool),
    D(u16, u8, u8),
    Empty,
}

/// Writes an .xlsx file with one sheet named `sheet`.
pub fn workbook(path: &Path, sheet: &str, rows: &[Vec<X>]) {
    let mut book = Workbook::new();
    let dates = Format::new().set_num_format("m/d/yyyy");
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                X::S(text) => {
                    ws.write_string(r, c, *text).unwrap();
                }
                X::N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                X::B(b) => {
                    ws.write_boolean(r, c, *b).unwrap();
                }
                X::D(y, m, d) => {
                    let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    ws.write_datetime_with_format(r, c, &day, &dates).unwrap();
                }
                X::Empty => {}
            }
        }
    }
    book.save(path).unwrap();
}

fn program() -> Program {
    let program = Program::new();
    program
        .write("people/dana.yaml", MENTOR)
        .write("people/sam.yaml", MENTEE)
        .write("people/pat.yaml", REPRESENTATIVE)
        .write("relationships/r-2026-001/relationship.yaml", RELATIONSHIP);
    program
}

fn import(program: &Program, args: &[&str]) -> Run {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    run_in(program.dir(), &all)
}

fn sheet(program: &Program, name: &str, text: &str) {
    std::fs::write(program.dir().join(name), text).unwrap();
}

fn read(program: &Program, rel: &str) -> String {
    std::fs::read_to_string(program.dir().join("records").join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Asserts that `text` contains each of `lines`.
fn has_lines(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
}

/// Every schema/yaml/layout diagnostic `check` reports.
fn structural(program: &Program) -> Vec<crate::support::Found> {
    program
        .diagnostics()
        .into_iter()
        .filter(|d| ["schema", "yaml", "layout"].contains(&d.rule.as_str()))
        .collect()
}

#[test]
fn csv_values_are_read_as_spreadsheet_users_write_them() {
    let program = program();
    sheet(
        &program,
        "people.csv",
        "Name,E-mail,Roles,public_library,Membership.Number,Membership expires,Library Since,Field,Field-since,Interests,Publish,ID\n\
         Zoë Núñez,zoe@example.org,Mentee,Current,MLA-30101,6/30/2027,2022-03-01,,,budgeting; grant writing,Yes,\n\
         Ravi Patel,,\"Mentor, mentee\",former,10234,2027-12-31T00:00:00,03/03/2008,Adult services,5/1/2017,\"budgeting, teens\",x,\n\
         Sam Ortiz,sam@example.org,mentor,PLANNED,MLA-3,12/31/2027,2000-01-01,Reference,2010-01-01,,no,sam-two\n\
         Lee Chan,,representative,,,,,,,,TRUE,\n",
    );
    let run = import(&program, &["people", "people.csv"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    has_lines(
        &read(&program, "people/zoe-nunez.yaml"),
        &[
            "name: Zoë Núñez\n",
            "roles: [mentee]\n",
            "public_library: current\n",
            "  number: MLA-30101\n  expires: 2027-06-30\n",
            "library_since: 2022-03-01\n",
            "email: zoe@example.org\n",
            "interests: [budgeting, grant writing]\n",
            "publish: true ",
        ],
    );
    has_lines(
        &read(&program, "people/ravi-patel.yaml"),
        &[
            "roles: [mentor, mentee]\n",
            "public_library: former\n",
            "  number: \"10234\"\n  expires: 2027-12-31\n",
            "library_since: 2008-03-03\n",
            "field_since: 2017-05-01\n",
            "interests: [budgeting, teens]\n",
            "publish: true ",
        ],
    );
    // An `id` column gives the id; a name already taken would have given sam-ortiz.
    assert!(read(&program, "people/sam-two.yaml").contains("public_library: planned\n"));
    assert!(read(&program, "people/lee-chan.yaml").contains("publish: true "));
    assert_eq!(structural(&program), []);
}

#[test]
fn workbook_cells_are_read_by_their_type() {
    let program = program();
    let header = [
        "Name",
        "Roles",
        "Public library",
        "Membership number",
        "Membership expires",
        "Library since",
        "Field",
        "Field since",
        "Publish",
        "Phone",
    ];
    let rows = vec![
        header.iter().map(|h| X::S(h)).collect(),
        vec![
            X::S("Jo Park"),
            X::S("Mentor"),
            X::S("Current"),
            X::N(10234.0),
            X::D(2027, 6, 30),
            X::D(2009, 3, 2),
            X::S("Youth services"),
            X::S("5/1/2017"),
            X::B(true),
            X::N(4175550100.0),
        ],
        vec![
            X::S("Al Moss"),
            X::S("mentee"),
            X::S("current"),
            X::S("MLA-9"),
            X::S("2027-06-30"),
            X::Empty,
            X::Empty,
            X::Empty,
            X::B(false),
            X::Empty,
        ],
    ];
    workbook(
        &program.dir().join("people.xlsx"),
        "Form responses 1",
        &rows,
    );
    let run = import(
        &program,
        &["people", "people.xlsx", "--sheet", "form responses 1"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    has_lines(
        &read(&program, "people/jo-park.yaml"),
        &[
            "  number: \"10234\"\n",
            "  expires: 2027-06-30\n",
            "library_since: 2009-03-02\n",
            "field_since: 2017-05-01\n",
            "phone: \"4175550100\"\n",
            "publish: true ",
        ],
    );
    assert!(read(&program, "people/al-moss.yaml").contains("publish: false "));
    assert_eq!(structural(&program), []);
    let missing = import(&program, &["people", "people.xlsx", "--sheet", "Sheet9"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("has no sheet named \"Sheet9\": its sheets are \"Form responses 1\""),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_record_is_what_new_writes() {
    let program = program();
    sheet(
        &program,
        "p.csv",
        "id,name,roles\nkim,Kim Lee,representative\n",
    );
    assert_eq!(import(&program, &["people", "p.csv"]).code, 0);
    let run = run_in(
        program.dir(),
        &[
            "new",
            "person",
            "kim-2",
            "--name",
            "Kim Lee",
            "--role",
            "representative",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        read(&program, "people/kim.yaml"),
        read(&program, "people/kim-2.yaml")
    );
}

/// (line, column, message) of each refusal in `check`'s JSON.
fn refusals(run: &Run, file: &str) -> Vec<(u64, u64, String)> {
    found(&run.json())
        .into_iter()
        .map(|d| {
            assert_eq!((d.rule.as_str(), d.file.as_str()), ("schema", file));
            (d.line, d.column, d.message)
        })
        .collect()
}

#[test]
fn every_refusal_names_its_row_and_column() {
    let program = program();
    sheet(
        &program,
        "people.csv",
        "Name,Roles,Public library,Membership number,Membership expires,Library since,Field,Field since,Publish,ID\n\
         Good Person,mentee,current,MLA-1,2027-01-01,,,,,\n\
         Bad Date,mentee,current,MLA-2,13/45/2027,,,,,\n\
         Bad Choice,mentee,currnt,MLA-3,2027-01-01,,,,,\n\
         No Field,mentor,current,MLA-4,2027-01-01,2001-01-01,,2010-01-01,,\n\
         Bad Consent,mentee,current,MLA-5,2027-01-01,,,,maybe,\n\
         Bad Id,mentee,current,MLA-6,2027-01-01,,,,,Not An Id\n\
         No Role,tutor,current,MLA-7,2027-01-01,,,,,\n\
         ,mentee,current,MLA-8,2027-01-01,,,,,\n",
    );
    let run = import(&program, &["people", "people.csv", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got = refusals(&run, "people.csv");
    let expected: [(u64, u64, &str); 7] = [
        (
            3,
            5,
            "row 3, column E (Membership expires): `membership_expires` must be a date; found `13/45/2027`",
        ),
        (
            4,
            3,
            "row 4, column C (Public library): `public_library` must be one of current, former, planned, none; found `currnt`",
        ),
        (
            5,
            7,
            "row 5, column G (Field): `field` is empty; it is required for mentors",
        ),
        (
            6,
            9,
            "row 6, column I (Publish): `publish` must be yes or no; found `maybe`: consent is given only by a yes",
        ),
        (
            7,
            10,
            "row 7, column J (ID): `id` `Not An Id` is not a valid person id",
        ),
        (
            8,
            2,
            "row 8, column B (Roles): `roles` has an item that must be one of mentor, mentee, representative; found `tutor`",
        ),
        (
            9,
            1,
            "row 9, column A (Name): `name` is empty; it is required",
        ),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|(l, c, m)| (*l, *c, m.to_string()))
        .collect();
    assert_eq!(got, expected);
    let document = run.json();
    assert_eq!(
        document["import"]["refused"],
        serde_json::json!([3, 4, 5, 6, 7, 8, 9])
    );
    assert_eq!(
        document["import"]["rows"][0]["path"],
        "records/people/good-person.yaml"
    );
    // Nothing of a refused row was written.
    let people: Vec<String> = std::fs::read_dir(program.dir().join("records/people"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(people.len(), 4, "{people:?}");
    // The human report says what to fix, without a snippet of the spreadsheet.
    let human = import(&program, &["people", "people.csv"]);
    assert!(human.stdout.contains("error[schema]: row 4, column C (Public library): `public_library` must be one of current, former, planned, none; found `currnt`\n --> people.csv:4:3\n  = help: did you mean `current`?\n"), "{}", human.stdout);
}

#[test]
fn a_missing_column_or_key_is_named() {
    let program = program();
    sheet(&program, "p.csv", "Name,Roles\nJo Park,mentee\n");
    let run = import(&program, &["people", "p.csv", "--format", "json"]);
    let got = refusals(&run, "p.csv");
    let messages: Vec<&str> = got.iter().map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "row 2: no column gives `membership_expires`, which is required for mentors and mentees",
            "row 2: no column gives `membership_number`, which is required for mentors and mentees",
            "row 2: no column gives `public_library`, which is required for mentors and mentees",
        ]
    );
    assert!(
        got.iter()
            .all(|(line, column, _)| (*line, *column) == (2, 1))
    );
    sheet(
        &program,
        "q.csv",
        "Full name,Email\nJo Park,jo@example.org\n",
    );
    let run = import(&program, &["people", "q.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("q.csv has no column for `name`, `roles`, which every person needs"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_column_map_names_the_other_headers() {
    let program = program();
    sheet(
        &program,
        "form.csv",
        "Timestamp,What is your full name?,I apply as,Public library,Membership number,Membership expires,Comments\n2026-11-01,Jo Park,Mentee,current,MLA-9,2027-05-01,hello\n",
    );
    sheet(
        &program,
        "map.toml",
        "[columns]\nname = \"What is your full name?\"\nroles = \"i apply as\"\n",
    );
    let run = import(&program, &["people", "form.csv", "--columns", "map.toml"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("note: ignored column A (Timestamp), column G (Comments): no record key; to import one, name it in --columns MAP.toml\n"), "{}", run.stdout);
    assert!(read(&program, "people/jo-park.yaml").contains("roles: [mentee]"));
    sheet(
        &program,
        "bad.toml",
        "[columns]\nnmae = \"What is your full name?\"\n",
    );
    let bad = import(&program, &["people", "form.csv", "--columns", "bad.toml"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("bad.toml:2: `nmae` is not a column key for people: did you mean `name`?"),
        "{}",
        bad.stderr
    );
    sheet(&program, "absent.toml", "[columns]\nname = \"Your name\"\n");
    let absent = import(
        &program,
        &["people", "form.csv", "--columns", "absent.toml"],
    );
    assert!(
        absent
            .stderr
            .contains("absent.toml:2: no column is headed \"Your name\""),
        "{}",
        absent.stderr
    );
}

#[test]
fn dry_run_writes_nothing_and_shows_each_record() {
    let program = program();
    sheet(
        &program,
        "p.csv",
        &format!("{HEADER}\nJo Park,jo@example.org,mentee,current,MLA-9,2027-05-01\n"),
    );
    let before = crate::support::files(program.dir());
    let run = import(&program, &["people", "p.csv", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("row 2: would write records/people/jo-park.yaml\n    # yaml-language-server: $schema=../../schemas/person.schema.json\n    name: Jo Park\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("p.csv: 1 person would be written (dry run: nothing was written)\n"),
        "{}",
        run.stdout
    );
    assert_eq!(crate::support::files(program.dir()), before);
}

#[test]
fn existing_records_are_never_overwritten_and_a_grown_export_adds_only_new_rows() {
    let program = program();
    let first = format!(
        "{HEADER}\nDana Whitfield,DANA@example.org,mentor,current,MLA-1,2028-01-01\nJo Park,jo@example.org,mentee,current,MLA-9,2027-05-01\n"
    );
    sheet(&program, "p.csv", &first);
    let run = import(&program, &["people", "p.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("row 2: exists: records/people/dana.yaml (the same name and email)\nrow 3: wrote records/people/jo-park.yaml\n"), "{}", run.stdout);
    assert_eq!(read(&program, "people/dana.yaml"), MENTOR);
    std::fs::write(
        program.dir().join("records/people/jo-park.yaml"),
        format!(
            "{}# edited by hand\n",
            read(&program, "people/jo-park.yaml")
        ),
    )
    .unwrap();
    let grown = format!(
        "{first}Jo Park,jo@example.org,mentee,current,MLA-9,2027-05-01\nKim Lee,kim@example.org,mentee,current,MLA-10,2027-05-01\nJo Park,jo.park@elsewhere.org,mentee,current,MLA-11,2027-05-01\nKim Lee,Kim@Example.org,mentee,current,MLA-10,2027-05-01\n"
    );
    sheet(&program, "p.csv", &grown);
    let run = import(&program, &["people", "p.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "row 2: exists: records/people/dana.yaml (the same name and email)",
            "row 3: exists: records/people/jo-park.yaml (the same name and email)",
            "row 4: exists: records/people/jo-park.yaml (the same name and email)",
            "row 5: wrote records/people/kim-lee.yaml",
            "row 6: wrote records/people/jo-park-2.yaml",
            "row 7: repeats row 5 (the same name and email): not written again",
            "p.csv: 2 people written, 4 existing or repeated",
        ]
    );
    assert!(read(&program, "people/jo-park.yaml").ends_with("# edited by hand\n"));
    sheet(
        &program,
        "id.csv",
        "id,name,roles\ndana,Someone Else,representative\n",
    );
    let run = import(&program, &["people", "id.csv"]);
    assert!(
        run.stdout
            .starts_with("row 2: exists: records/people/dana.yaml (the same id)\n"),
        "{}",
        run.stdout
    );
    assert_eq!(read(&program, "people/dana.yaml"), MENTOR);
}

#[test]
fn meetings_and_evaluations_name_their_relationship() {
    let program = program();
    sheet(
        &program,
        "meetings.csv",
        "Relationship,Date,Mode,Minutes,Working hours,Manager approval by,Manager approval date,Topics,Notes\n\
         r-2026-001,2/3/2026,In person,45,yes,Jordan Lee,2026-02-01,Budgets; Boards,Talked about budgets.\n\
         r-2026-001,2026-02-03,Telephone,,,,,,\n\
         r-2026-001,2026-03-01,carrier pigeon,,,,,,\n\
         r-2099-001,2026-03-01,email,,,,,,\n",
    );
    let run = import(&program, &["meetings", "meetings.csv", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got: Vec<(u64, u64, String)> = found(&run.json())
        .into_iter()
        .map(|d| (d.line, d.column, d.message))
        .collect();
    assert_eq!(got[0], (4, 3, "row 4, column C (Mode): `mode` must be one of in-person, telephone, email; found `carrier pigeon`, the program's meeting_modes".to_owned()));
    assert_eq!(got[1].0, 5);
    assert!(
        got[1].2.starts_with(
            "row 5, column A (Relationship): `relationship` `r-2099-001` is not a relationship"
        ),
        "{got:?}"
    );
    let first = read(&program, "relationships/r-2026-001/meetings/2026-02-03.md");
    assert!(
        first.starts_with("---\nmode: in-person\nminutes: 45\nworking_hours: true "),
        "{first}"
    );
    assert!(
        first.contains("manager_approval:\n  by: Jordan Lee\n  date: 2026-02-01\n"),
        "{first}"
    );
    assert!(
        first.contains("  - Budgets\n  - Boards\n")
            && first.ends_with("---\nTalked about budgets.\n"),
        "{first}"
    );
    assert!(
        read(
            &program,
            "relationships/r-2026-001/meetings/2026-02-03-2.md"
        )
        .starts_with("---\nmode: telephone\n")
    );
    // Imported again: both meetings of that day exist, none is added.
    let again = import(&program, &["meetings", "meetings.csv"]);
    assert!(again.stdout.starts_with("row 2: exists: records/relationships/r-2026-001/meetings/2026-02-03.md (a meeting of that relationship on that day)\nrow 3: exists: records/relationships/r-2026-001/meetings/2026-02-03-2.md"), "{}", again.stdout);

    sheet(
        &program,
        "evaluations.csv",
        "relationship,quarter,representative,date,mentor participated,mentee participated,rating,comments\n\
         r-2026-001,2026 Q1,pat,4/8/2026,TRUE,yes,On track,Meeting regularly.\n\
         r-2026-001,2026-Q2,dana,2026-07-08,yes,yes,on-track,\n\
         r-2026-001,2026-Q1,pat,2026-04-09,yes,yes,at risk,\n",
    );
    let run = import(
        &program,
        &["evaluations", "evaluations.csv", "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got: Vec<String> = found(&run.json()).into_iter().map(|d| d.message).collect();
    assert_eq!(
        got,
        [
            "row 3, column C (representative): `representative` `dana` does not have the representative role"
        ]
    );
    assert_eq!(run.json()["import"]["rows"][1]["status"], "repeats");
    let q1 = read(
        &program,
        "relationships/r-2026-001/evaluations/2026-Q1.yaml",
    );
    assert!(q1.contains("representative: pat\ndate: 2026-04-08\nmentor_participated: true\nmentee_participated: true\nrating: on-track\ncomments: Meeting regularly.\n"), "{q1}");
    assert_eq!(structural(&program), []);
}

#[test]
fn unreadable_spreadsheets_stop_with_one_sentence() {
    let program = program();
    std::fs::write(
        program.dir().join("latin1.csv"),
        b"Name,Roles\nJos\xe9,mentee\n",
    )
    .unwrap();
    let run = import(&program, &["people", "latin1.csv"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("latin1.csv:2:4: the file is not UTF-8 text: in Excel, save it as \"CSV UTF-8 (Comma delimited)\""), "{}", run.stderr);
    std::fs::write(program.dir().join("broken.xlsx"), b"not a zip").unwrap();
    let run = import(&program, &["people", "broken.xlsx"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: broken.xlsx cannot be read as an Excel workbook"),
        "{}",
        run.stderr
    );
    let run = import(&program, &["people", "notes.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("notes.txt cannot be read"),
        "{}",
        run.stderr
    );
    std::fs::write(program.dir().join("notes.ods"), b"x").unwrap();
    let run = import(&program, &["people", "notes.ods"]);
    assert!(
        run.stderr.contains("notes.ods is not a .csv or .xlsx file"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_linked_folder_is_never_written_through() {
    let program = Program::new();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), program.dir().join("records/people")).unwrap();
    sheet(&program, "p.csv", "name,roles\nPat Kim,representative\n");
    let run = import(&program, &["people", "p.csv"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "records/people is a symbolic link: mentorbook does not write records through one"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

/// The demo spreadsheet, CSV and XLSX, into two copies of the demo records.
fn demo_import(file: &str) -> (tempfile::TempDir, Run) {
    let dir = demo();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let sheet = examples.join(file);
    let map = examples.join("columns.toml");
    let run = run_in(
        dir.path(),
        &[
            "import",
            "people",
            sheet.to_str().unwrap(),
            "--columns",
            map.to_str().unwrap(),
        ],
    );
    (dir, run)
}

#[test]
fn the_demo_workbook_and_csv_give_the_same_records() {
    let (csv_dir, csv_run) = demo_import("applications.csv");
    let (xlsx_dir, xlsx_run) = demo_import("applications.xlsx");
    assert_eq!(
        (csv_run.code, xlsx_run.code),
        (1, 1),
        "{}{}",
        csv_run.stdout,
        xlsx_run.stdout
    );
    let written = |dir: &Path| {
        let people = dir.join("records/people");
        let mut files: Vec<(String, String)> = std::fs::read_dir(&people)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read_to_string(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let from_csv = written(csv_dir.path());
    assert_eq!(from_csv, written(xlsx_dir.path()));
    assert!(from_csv.iter().any(|(name, _)| name == "zoe-nunez.yaml"));
    let strip = |run: &Run, file: &str| {
        run.stdout.replace(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(file)
                .display()
                .to_string(),
            "FILE",
        )
    };
    assert_eq!(
        strip(&csv_run, "applications.csv"),
        strip(&xlsx_run, "applications.xlsx")
    );
    insta::assert_snapshot!("demo_import_human", strip(&csv_run, "applications.csv"));
    let check = run_in(csv_dir.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

/// The committed workbook holds the CSV's rows as a spreadsheet program types them: dates as
/// date cells, yes/no as checkboxes. `MENTORBOOK_WRITE_EXAMPLES=1` rewrites it from the CSV.
#[test]
fn the_demo_workbook_is_the_csv_typed() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let text = std::fs::read_to_string(examples.join("applications.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let typed: Vec<Vec<X>> = records
        .iter()
        .map(|row| row.iter().map(|cell| typed(cell)).collect())
        .collect();
    let generated = tempfile::tempdir().unwrap();
    let path = generated.path().join("applications.xlsx");
    workbook(&path, "Form responses 1", &typed);
    if std::env::var_os("MENTORBOOK_WRITE_EXAMPLES").is_some() {
        std::fs::copy(&path, examples.join("applications.xlsx")).unwrap();
    }
    use calamine::{Reader, Xlsx, open_workbook};
    let cells = |path: &Path| {
        let mut book: Xlsx<_> = open_workbook(path).unwrap();
        let range = book.worksheet_range("Form responses 1").unwrap();
        range
            .rows()
            .map(|r| r.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cells(&examples.join("applications.xlsx")),
        cells(&path),
        "run with MENTORBOOK_WRITE_EXAMPLES=1 to rewrite examples/applications.xlsx"
    );
}

/// A CSV cell as a spreadsheet program would type it.
fn typed(cell: &str) -> X<'_> {
    let parts: Vec<&str> = cell.split('/').collect();
    if let [m, d, y] = parts.as_slice()
        && let (Ok(m), Ok(d), Ok(y)) = (m.parse(), d.parse(), y.parse())
    {
        return X::D(y, m, d);
    }
    match cell {
        "" => X::Empty,
        "Yes" => X::B(true),
        "No" => X::B(false),
        text => X::S(text),
    }
}
