//! `mentorbook build`: every page of dashboard.md, links that resolve, nothing confidential in
//! any byte, deterministic output, and a previous site that survives a failed build.

use crate::support::{PROGRAM_TOML, Program, run_in};
use crate::support::{demo, tree};
use std::path::{Path, PathBuf};

fn build(dir: &Path, args: &[&str]) -> crate::support::Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// Relative links (`href`/`src`) of every HTML page that do not lead to a file of the site.
pub(crate) fn broken_links(site: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for (page, bytes) in tree(site) {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        let folder: PathBuf = Path::new(&page)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for attribute in ["href=\"", "src=\""] {
            for piece in html.split(attribute).skip(1) {
                let link = piece.split('"').next().unwrap_or_default();
                if link.is_empty() || link.starts_with('#') || link.contains(':') {
                    continue;
                }
                let path = link.split(['#', '?']).next().unwrap_or_default();
                let target = site.join(&folder).join(path);
                let target = if path.is_empty() || path.ends_with('/') {
                    target.join("index.html")
                } else {
                    target
                };
                if !target.is_file() {
                    broken.push(format!("{page}: {link}"));
                }
            }
        }
    }
    broken
}

#[test]
fn the_demo_builds_every_page_with_working_links() {
    let dir = demo();
    let run = build(dir.path(), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let site = dir.path().join("site");
    let files = tree(&site);
    for page in [
        "index.html",
        "relationships/index.html",
        "relationships/r-2026-001/index.html",
        "mentors/index.html",
        "compliance/index.html",
        "guidelines/index.html",
        "rules/index.html",
        "report/index.html",
        "style.css",
        "data.json",
        "calendar.ics",
        "relationships.csv",
        "report.csv",
    ] {
        assert!(
            files.contains_key(page),
            "{page} missing; have {:?}",
            files.keys().collect::<Vec<_>>()
        );
    }
    let relationship_pages = files
        .keys()
        .filter(|k| k.starts_with("relationships/r-"))
        .count();
    assert_eq!(relationship_pages, 8);
    assert_eq!(broken_links(&site), Vec::<String>::new());
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            assert!(
                html.contains("PLCI Mentoring Program") && html.contains("30 November 2026"),
                "{path}"
            );
            assert!(!html.contains("<script"), "{path} has a script");
        }
    }
    let ics = String::from_utf8_lossy(&files["calendar.ics"]).into_owned();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let data: serde_json::Value = serde_json::from_slice(&files["data.json"]).unwrap();
    assert_eq!(data["counts"]["relationships"], 8);
}

#[test]
fn two_builds_are_byte_identical_and_a_rebuild_rewrites_nothing() {
    let dir = demo();
    assert_eq!(build(dir.path(), &["--out", "one"]).code, 0);
    assert_eq!(build(dir.path(), &["--out", "two"]).code, 0);
    assert_eq!(tree(&dir.path().join("one")), tree(&dir.path().join("two")));
    let again = build(dir.path(), &["--out", "one"]);
    assert!(again.stdout.contains(" 0 written, "), "{}", again.stdout);
    // A stale page of a deleted relationship is removed on the next build.
    std::fs::remove_dir_all(dir.path().join("records/relationships/r-2026-006")).unwrap();
    let after = build(dir.path(), &["--out", "one"]);
    assert!(after.stdout.contains(" 1 removed"), "{}", after.stdout);
    assert!(
        !dir.path()
            .join("one/relationships/r-2026-006/index.html")
            .exists()
    );
}

#[test]
fn a_failed_build_keeps_the_previous_site() {
    let dir = demo();
    assert_eq!(build(dir.path(), &[]).code, 0);
    let before = tree(&dir.path().join("site"));
    let toml = dir.path().join("records/program.toml");
    let original = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, "[program]\nname = 1\n").unwrap();
    let run = build(dir.path(), &["--as-of", "2026-12-31"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(tree(&dir.path().join("site")), before);
    std::fs::write(&toml, original).unwrap();
    let templates = dir.path().join("custom");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("index.html"), "{% extends \"base.html\" %}\n{% block content %}\n{{ site.nothing.here }}\n{% endblock %}\n").unwrap();
    let run = build(
        dir.path(),
        &["--templates", "custom", "--as-of", "2026-12-31"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("index.html") && run.stderr.contains("line 3"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&dir.path().join("site")), before);
}

#[test]
fn an_override_replaces_one_template_and_cannot_print_a_secret() {
    let dir = demo();
    let templates = dir.path().join("custom");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("style.css"),
        "body { color: rebeccapurple; }\n",
    )
    .unwrap();
    assert_eq!(build(dir.path(), &["--templates", "custom"]).code, 0);
    let site = dir.path().join("site");
    assert_eq!(
        std::fs::read_to_string(site.join("style.css")).unwrap(),
        "body { color: rebeccapurple; }\n"
    );
    assert!(
        std::fs::read_to_string(site.join("index.html"))
            .unwrap()
            .contains("<nav")
    );
    let before = tree(&site);
    // A template that hard-codes a participant's email is a leak like any other.
    let email = std::fs::read_to_string(dir.path().join("records/people/sam-ortiz.yaml"))
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("email: ")
                .map(|e| e.trim_matches('"').to_owned())
        })
        .expect("the demo mentee has an email");
    std::fs::write(templates.join("mentors.html"), format!("{{% extends \"base.html\" %}}{{% block content %}}<h1>Mentors</h1><p>Write to {email}</p>{{% endblock %}}")).unwrap();
    let run = build(dir.path(), &["--templates", "custom"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("mentors/index.html") && run.stderr.contains("people/sam-ortiz.yaml"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(&email), "the guard printed the value");
    assert_eq!(tree(&site), before);
}

#[test]
fn nothing_confidential_reaches_a_canary_site() {
    let (dir, manifest) = crate::support::generate(&crate::support::sized(40, true));
    // The positive control: the markers are in the records, in the places the manifest names.
    assert!(manifest.canaries.len() > 1000, "{}", manifest.summary());
    for canary in &manifest.canaries {
        let path = dir.path().join("records").join(&canary.file);
        let text = std::fs::read_to_string(&path).unwrap();
        let named = path.to_string_lossy().contains(&canary.marker);
        assert!(text.contains(&canary.marker) || named, "{canary:?}");
    }
    // Violations too, so diagnostics are published: as of two years on, everything is overdue.
    for as_of in ["2026-11-30", "2028-11-30"] {
        let out = format!("site-{as_of}");
        let run = build(dir.path(), &["--as-of", as_of, "--out", &out]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let site = tree(&dir.path().join(&out));
        assert!(site.len() > 40, "{} files in the site", site.len());
        for (path, bytes) in site {
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            assert!(!text.contains("canary"), "{path} contains a canary");
        }
    }
}

#[test]
fn an_unpublished_mentor_and_hostile_text_never_appear() {
    let program = Program::new();
    program.write("program.toml", PROGRAM_TOML);
    program.write("guidelines.md", "# Guidelines\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[bad](javascript:alert(3))\n");
    program.write(
        "people/pat-kim.yaml",
        "name: Pat Kim\nroles: [representative]\npublish: true\n",
    );
    program.write(
        "people/zelda-quimby.yaml",
        "name: Zelda Quimby\nroles: [mentor]\nlibrary: Quimbyville Library\nposition: Archivist Supreme\npublic_library: current\nmembership:\n  number: MLA-777777\n  expires: 2027-12-31\nlibrary_since: 2010-01-15\nfield: Genealogy Secrets\nfield_since: 2015-01-15\n",
    );
    program.write(
        "people/sam-ortiz.yaml",
        "name: \"<script>alert('x')</script> Sam\"\nroles: [mentee]\nposition: \"<img src=x onerror=alert(4)>\"\npublic_library: current\nmembership:\n  number: MLA-2\n  expires: 2027-12-31\npublish: true\n",
    );
    program.write(
        "relationships/r-2026-001/relationship.yaml",
        "mentor: zelda-quimby\nmentee: sam-ortiz\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n",
    );
    program.write(
        "relationships/zelda-2026/relationship.yaml",
        "mentor: zelda-quimby\nmentee: sam-ortiz\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n",
    );
    let run = build(program.dir(), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let site = tree(&program.dir().join("site"));
    assert!(
        site.contains_key("relationships/relationship-2/index.html"),
        "{:?}",
        site.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        for secret in [
            "zelda",
            "quimby",
            "archivist supreme",
            "genealogy secrets",
            "mla-777777",
        ] {
            assert!(!text.contains(secret), "{path} contains {secret}");
        }
        if path.ends_with(".html") {
            // As text (escaped) they are harmless; as markup they must never appear.
            for hostile in [
                "<script",
                "<img src=x onerror",
                "href=\"javascript:",
                "alert(1)",
            ] {
                assert!(
                    !text.contains(hostile),
                    "{path} contains {hostile} unescaped"
                );
            }
        }
    }
    let page = String::from_utf8_lossy(&site["relationships/r-2026-001/index.html"]).into_owned();
    assert!(page.contains("Mentor of r-2026-001"), "neutral label");
    assert!(
        page.contains("&lt;script&gt;"),
        "the published name is shown, escaped"
    );
}

#[test]
fn refuses_to_write_over_a_folder_that_is_not_a_site() {
    let dir = demo();
    std::fs::create_dir_all(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/notes.txt"), "keep me").unwrap();
    let run = build(dir.path(), &["--out", "mine"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not written by mentorbook"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine/notes.txt")).unwrap(),
        "keep me"
    );
    let run = build(dir.path(), &["--out", "records"]);
    assert_eq!(run.code, 2);
}

#[test]
fn base_url_makes_links_absolute() {
    let dir = demo();
    assert_eq!(
        build(
            dir.path(),
            &["--base-url", "https://mla.example.org/mentoring"]
        )
        .code,
        0
    );
    let page = std::fs::read_to_string(dir.path().join("site/relationships/r-2026-001/index.html"))
        .unwrap();
    assert!(
        page.contains("href=\"https://mla.example.org/mentoring/style.css\""),
        "{page}"
    );
}

#[test]
fn pages_say_when_the_records_last_changed_in_git() {
    let dir = demo();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    // Outside git: nothing is said.
    assert_eq!(build(dir.path(), &["--out", "plain"]).code, 0);
    let plain = std::fs::read_to_string(dir.path().join("plain/index.html")).unwrap();
    assert!(!plain.contains("last changed"), "no git, no date");
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "add",
        "records",
    ]);
    git(&[
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-q",
        "-m",
        "records",
    ]);
    let date = git(&["log", "-1", "--format=%cs"]);
    assert_eq!(build(dir.path(), &["--out", "tracked"]).code, 0);
    let page =
        std::fs::read_to_string(dir.path().join("tracked/relationships/index.html")).unwrap();
    assert!(page.contains(&date), "{date} not on the page");
}

/// A program whose unpublished mentees are Zelda Quortley and Ywaine Pettigrew.
fn unpublished_program() -> Program {
    let program = Program::new();
    program.write(
        "people/pat-kim.yaml",
        "name: Pat Kim\nroles: [representative]\npublish: true\n",
    );
    program.write(
        "people/dana-whitfield.yaml",
        "name: Dana Whitfield\nroles: [mentor]\npublic_library: current\nmembership:\n  number: MLA-1\n  expires: 2027-12-31\nlibrary_since: 2010-01-15\nfield: Reference\nfield_since: 2015-01-15\npublish: true\n",
    );
    for (id, name) in [
        ("zelda-quortley", "Zelda Quortley"),
        ("ywaine-pettigrew", "Ywaine Pettigrew"),
    ] {
        program.write(
            &format!("people/{id}.yaml"),
            format!("name: {name}\nroles: [mentee]\npublic_library: current\nmembership:\n  number: MLA-9\n  expires: 2027-12-31\n"),
        );
    }
    program
}

fn assert_nowhere(site: &Path, words: &[&str]) {
    for (path, bytes) in tree(site) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for word in words {
            assert!(!text.contains(word), "{path} contains {word}");
        }
    }
}

#[test]
fn substitute_ids_replace_whole_ids_only_and_never_collide() {
    let program = unpublished_program();
    let rel = |mentee: &str| {
        format!(
            "mentor: dana-whitfield\nmentee: {mentee}\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n"
        )
    };
    program.write(
        "relationships/r-zelda/relationship.yaml",
        rel("zelda-quortley"),
    );
    program.write(
        "relationships/r-zelda-pettigrew/relationship.yaml",
        rel("ywaine-pettigrew"),
    );
    // A real folder named like a substitute, and a broken one that would take that name.
    program.write(
        "relationships/relationship-1/relationship.yaml",
        rel("zelda-quortley"),
    );
    program.write("relationships/a-broken/relationship.yaml", "mentor: [\n");
    let run = build(program.dir(), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let site = program.dir().join("site");
    assert_nowhere(&site, &["zelda", "pettigrew", "quortley", "ywaine"]);
    let pages: Vec<String> = tree(&site)
        .into_keys()
        .filter(|k| {
            k.starts_with("relationships/")
                && k.ends_with("/index.html")
                && k != "relationships/index.html"
        })
        .collect();
    assert_eq!(pages.len(), 4, "one page per relationship: {pages:?}");
    let again = program.dir().join("again");
    assert_eq!(build(program.dir(), &["--out", "again"]).code, 0);
    assert_eq!(tree(&site), tree(&again), "deterministic");
}

#[test]
fn names_typed_into_file_names_and_keys_stay_off_the_dashboard() {
    let program = unpublished_program();
    program.write(
        "relationships/r-2026-001/relationship.yaml",
        "mentor: dana-whitfield\nmentee: zelda-quortley\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n",
    );
    program.write("relationships/Quortley Zelda/relationship.yaml", "x: 1\n");
    program.write("ywaine-pettigrew.yaml", "name: x\n");
    program.write("relationships/r-2026-001/quortley.txt", "notes\n");
    program.write(
        "relationships/r-2026-001/meetings/2026-02-10.md",
        "---\nmode: email\nYwaine wants to leave: see notes\ntopics: [x]\n---\n",
    );
    let run = build(program.dir(), &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_nowhere(
        &program.dir().join("site"),
        &["zelda", "quortley", "ywaine", "pettigrew"],
    );
}

#[test]
fn the_guard_reads_pages_as_a_browser_does() {
    let program = unpublished_program();
    program.write(
        "relationships/r-2026-001/relationship.yaml",
        "mentor: dana-whitfield\nmentee: zelda-quortley\nstart: 2026-01-15\nend: 2027-01-14\nstatus: active\n",
    );
    program.write(
        "relationships/r-2026-001/evaluations/2026-Q1.yaml",
        "representative: pat-kim\ndate: 2026-04-05\nmentor_participated: true\nmentee_participated: true\nrating: on-track\ncomments: \"Sam's secret plan, & more\"\n",
    );
    let templates = program.dir().join("custom");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("mentors.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Mentors</h1><p>{{ \"Sam's secret plan, & more\" }}</p>{% endblock %}",
    )
    .unwrap();
    let run = build(program.dir(), &["--templates", "custom", "--out", "fresh"]);
    assert_eq!(
        run.code, 1,
        "escaped as &#39; and &amp;, still found: {}{}",
        run.stdout, run.stderr
    );
    assert!(!run.stderr.contains("secret plan"));
    assert!(!program.dir().join("fresh").exists());
    let leftovers: Vec<_> = std::fs::read_dir(program.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().contains("mentorbook-")),
        "staging left behind: {leftovers:?}"
    );
}

#[test]
fn a_template_error_leaves_no_staging_folder() {
    let dir = demo();
    let templates = dir.path().join("custom");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("relationship.html"),
        "{{ relationship.nope.x }}\n",
    )
    .unwrap();
    let run = build(dir.path(), &["--templates", "custom", "--out", "fresh"]);
    assert_eq!(run.code, 2);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n != "fresh" && !n.contains("mentorbook-")),
        "{names:?}"
    );
}
