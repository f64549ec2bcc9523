//! `mentorbook serve`: the dashboard from memory on a free port, rebuilt when a record or a
//! template changes, an error page for a broken template or program.toml until the next good
//! save, the reload hook only when served, and `site/` never written. Every server is killed
//! when its test ends, and every wait is bounded.

mod hardened;

use crate::support::demo;
use crate::support::run_in;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// The longest a change may take to be served.
const PATIENCE: Duration = Duration::from_secs(10);
const VERSION: &str = "/__mentorbook/version";

/// A child process, killed when dropped, so a failing test leaves no server behind.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `mentorbook serve --port 0 ARGS` in `dir`, its stdout and stderr read on threads.
fn spawn(dir: &Path, args: &[&str]) -> (Running, mpsc::Receiver<String>, Arc<Mutex<String>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .arg("serve")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the mentorbook binary runs");
    let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
    let (lines, stdout_lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout.unwrap())
            .lines()
            .map_while(Result::ok)
        {
            let _ = lines.send(line);
        }
    });
    let log = Arc::new(Mutex::new(String::new()));
    let writer = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr.unwrap())
            .lines()
            .map_while(Result::ok)
        {
            writer.lock().unwrap().push_str(&format!("{line}\n"));
        }
    });
    (Running(child), stdout_lines, log)
}

/// A running server and what it said.
struct Server {
    process: Running,
    address: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `serve --port 0` and waits for its first line, the address.
    fn start(dir: &Path, args: &[&str]) -> Server {
        let mut all = vec!["--port", "0"];
        all.extend_from_slice(args);
        let (process, stdout, stderr) = spawn(dir, &all);
        let mut server = Server {
            process,
            address: String::new(),
            stderr,
        };
        let line = stdout
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("no address on stdout; stderr:\n{}", server.log()));
        let address = line
            .strip_prefix("serving http://")
            .and_then(|rest| rest.strip_suffix("/ (Ctrl-C to stop)"))
            .unwrap_or_else(|| panic!("first line: {line}"));
        assert!(address.starts_with("127.0.0.1:"), "{line}");
        server.address = address.to_owned();
        server
    }

    fn log(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    fn get(&self, path: &str) -> Reply {
        get(&self.address, path)
    }

    /// Fetches `path` until `done` holds, for at most `PATIENCE`.
    fn wait_for(&self, path: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let started = Instant::now();
        loop {
            let reply = self.get(path);
            if done(&reply) {
                return reply;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "{path}: still not {what} after {PATIENCE:?}: {} {}\nstderr:\n{}",
                reply.status,
                reply.body,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn is_running(&mut self) -> bool {
        self.process
            .0
            .try_wait()
            .is_ok_and(|status| status.is_none())
    }
}

/// One HTTP response: status, headers (lowercase) and body.
struct Reply {
    status: u16,
    headers: String,
    body: String,
}

/// A minimal HTTP/1.1 GET over a plain TCP stream.
fn get(address: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("a whole response");
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").expect("headers and a body");
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok());
    Reply {
        status: status.expect("a status code"),
        headers: head.to_lowercase(),
        body: body.to_owned(),
    }
}

/// `html` without the reload script `serve` adds.
fn without_reload_script(html: &str) -> String {
    let start = html.find("<script>").expect("the reload script");
    let end = html[start..].find("</script>\n").expect("its end") + start;
    format!("{}{}", &html[..start], &html[end + "</script>\n".len()..])
}

#[test]
fn serves_the_dashboard_from_memory_and_rebuilds_when_a_record_changes() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    let overview = server.get("/");
    assert_eq!(overview.status, 200, "{}", overview.body);
    assert!(
        overview
            .headers
            .contains("content-type: text/html; charset=utf-8")
    );
    assert!(overview.body.contains("PLCI Mentoring Program"));
    assert_eq!(overview.body.matches("<script>").count(), 1);
    assert!(overview.body.contains(VERSION), "the reload hook");
    for (path, content_type) in [
        ("/style.css", "text/css"),
        ("/data.json", "application/json"),
        ("/calendar.ics", "text/calendar"),
        ("/relationships.csv", "text/csv"),
        ("/relationships/", "text/html"),
        ("/relationships/r-2026-001/index.html", "text/html"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply
                .headers
                .contains(&format!("content-type: {content_type}")),
            "{path}: {}",
            reply.headers
        );
        assert_eq!(reply.body.contains(VERSION), content_type == "text/html");
    }
    let folder = server.get("/relationships");
    assert_eq!(folder.status, 301);
    assert!(folder.headers.contains("location: /relationships/"));
    let missing = server.get("/no/such/page.html");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Not found"));
    for outside in ["/../records/program.toml", "/%2e%2e/records/program.toml"] {
        let reply = server.get(outside);
        assert_eq!(reply.status, 400, "{outside}");
        assert!(!reply.body.contains("[program]"), "{outside}");
    }

    let version = server.get(VERSION).body;
    assert!(server.get("/mentors/").body.contains("Dana Whitfield"));
    let person = dir.path().join("records/people/dana-whitfield.yaml");
    let text = std::fs::read_to_string(&person).unwrap();
    std::fs::write(
        &person,
        text.replace("name: Dana Whitfield", "name: Dana Wakefield"),
    )
    .unwrap();
    server.wait_for("/mentors/", "renamed", |r| {
        r.body.contains("Dana Wakefield")
    });
    assert_ne!(server.get(VERSION).body, version, "open pages reload");
    assert!(!dir.path().join("site").exists(), "serve wrote site/");

    // The same pipeline as `build`: the pages are the built ones plus the script, which a
    // built site never has.
    let served = server.get("/").body;
    let run = run_in(dir.path(), &["build", "--out", "built"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let built = std::fs::read_to_string(dir.path().join("built/index.html")).unwrap();
    assert_eq!(without_reload_script(&served), built);
    for entry in walkdir::WalkDir::new(dir.path().join("built"))
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!text.contains("<script") && !text.contains("__mentorbook"));
        }
    }
}

#[test]
fn a_broken_template_or_program_toml_shows_an_error_page_until_fixed() {
    let dir = demo();
    std::fs::create_dir_all(dir.path().join("custom")).unwrap();
    let mut server = Server::start(dir.path(), &["--templates", "custom"]);
    assert_eq!(server.get("/").status, 200);

    let template = dir.path().join("custom/index.html");
    std::fs::write(&template, "{% extends \"base.html\" %}\n{% block content %}\n{{ site.nothing.here }}\n{% endblock %}\n").unwrap();
    let error = server.wait_for("/", "an error", |r| r.status == 500);
    assert!(error.headers.contains("content-type: text/html"));
    assert!(
        error.body.contains("template `index.html`, line 3") && error.body.contains("custom"),
        "{}",
        error.body
    );
    assert!(error.body.contains(VERSION), "the error page reloads too");
    assert_eq!(server.get("/mentors/").status, 500, "every page shows it");
    std::fs::write(
        &template,
        "{% extends \"base.html\" %}\n{% block content %}<h1>Our overview</h1>{% endblock %}\n",
    )
    .unwrap();
    server.wait_for("/", "recovered", |r| {
        r.status == 200 && r.body.contains("Our overview")
    });

    let toml = dir.path().join("records/program.toml");
    let original = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, "[program]\nname = 1\n").unwrap();
    let error = server.wait_for("/", "an error", |r| r.status == 500);
    assert!(
        error.body.contains("records/program.toml:2:"),
        "{}",
        error.body
    );
    std::fs::write(&toml, original).unwrap();
    server.wait_for("/", "recovered", |r| r.status == 200);

    // A broken record does not stop the build: it is one more problem on the compliance page.
    let compliance = server.get("/compliance/").body;
    std::fs::write(dir.path().join("records/people/broken.yaml"), "name: [\n").unwrap();
    server.wait_for("/compliance/", "changed", |r| {
        r.status == 200 && r.body != compliance
    });
    assert_eq!(server.get("/").status, 200);
    assert!(server.is_running(), "stderr:\n{}", server.log());
    assert!(!dir.path().join("site").exists());
}

#[test]
fn ten_saves_rebuild_once_and_reload_nothing_when_the_site_is_the_same() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    let builds = || server.log().matches("built ").count();
    let started = Instant::now();
    while builds() < 1 && started.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(builds(), 1, "{}", server.log());
    let version = server.get(VERSION).body;
    let people: Vec<_> = std::fs::read_dir(dir.path().join("records/people"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .take(10)
        .collect();
    assert_eq!(people.len(), 10);
    for person in &people {
        let text = std::fs::read_to_string(person).unwrap();
        std::fs::write(person, format!("{text}# saved again\n")).unwrap();
    }
    while builds() < 2 && started.elapsed() < PATIENCE {
        std::thread::sleep(Duration::from_millis(50));
    }
    // Long enough for a second rebuild to show, if the saves had caused one.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(builds(), 2, "{}", server.log());
    assert_eq!(
        server.get(VERSION).body,
        version,
        "a comment changes no page"
    );
}

/// The exit code and stderr of a `serve` that should stop at once, killed after `PATIENCE`.
fn stops(dir: &Path, args: &[&str]) -> (i32, String) {
    let (mut process, _, stderr) = spawn(dir, args);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = process.0.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < PATIENCE, "serve kept running");
        std::thread::sleep(Duration::from_millis(50));
    };
    // The reader thread finishes once the pipe closes.
    std::thread::sleep(Duration::from_millis(200));
    let log = stderr.lock().unwrap().clone();
    (status.code().unwrap_or(-1), log)
}

#[test]
fn a_port_in_use_or_no_records_folder_stops_with_one_sentence() {
    let dir = demo();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, stderr) = stops(dir.path(), &["--port", &port]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("port {port} is in use")) && stderr.contains("--port 0"),
        "{stderr}"
    );
    let empty = tempfile::tempdir().unwrap();
    let (code, stderr) = stops(empty.path(), &["--port", "0"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no records folder"), "{stderr}");
}

#[test]
fn serve_rev_previews_a_commit_and_leaves_the_work_tree_alone() {
    let dir = demo();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_GLOBAL", dir.path().join(".no-global-gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "first"]);
    // The work tree moves on: a relationship is removed without committing.
    std::fs::remove_dir_all(dir.path().join("records/relationships/r-2026-006")).expect("removed");
    let server = Server::start(dir.path(), &["--rev", "HEAD"]);
    let page = server.wait_for("/relationships/index.html", "built", |r| r.status == 200);
    assert!(page.body.contains("r-2026-006"), "{}", page.body);
    assert!(
        page.body.contains("Shown as at commit <code>"),
        "{}",
        page.body
    );
    assert!(!dir.path().join("records/relationships/r-2026-006").exists());
}

#[test]
fn a_privacy_guard_hit_shows_where_but_never_who() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    assert_eq!(server.get("/mentors/").status, 200);
    // An unpublished mentor's name typed into a published mentor's position.
    let path = dir.path().join("records/people/dana-whitfield.yaml");
    let original = std::fs::read_to_string(&path).unwrap();
    let position = original
        .lines()
        .find(|l| l.starts_with("position:"))
        .unwrap();
    let edited = original.replace(
        position,
        &format!("{position} (co-mentors with Grace Okonkwo)"),
    );
    std::fs::write(&path, edited).unwrap();
    let error = server.wait_for("/mentors/", "an error", |r| r.status == 500);
    assert!(
        error
            .body
            .contains("the file of a person who has not consented")
            && error.body.contains(
                "typed inside the public value of records/people/dana-whitfield.yaml (key position)"
            ),
        "{}",
        error.body
    );
    let body = error.body.to_lowercase();
    for who in ["grace", "okonkwo"] {
        assert!(
            !body.contains(who),
            "the error page names {who}:\n{}",
            error.body
        );
    }
    std::fs::write(&path, original).unwrap();
    server.wait_for("/mentors/", "recovered", |r| r.status == 200);
}

#[test]
fn a_kept_guard_still_watches_what_a_save_adds() {
    // serve keeps its privacy guard while a save changes nothing it reads. A note typed
    // after the first build, and shown by a template, must still stop the site.
    let dir = demo();
    let custom = dir.path().join("custom");
    std::fs::create_dir_all(&custom).unwrap();
    let line = "Budget talk with the branch director about the levy";
    std::fs::write(
        custom.join("mentors.html"),
        format!("{{% extends \"base.html\" %}}{{% block content %}}<h1>Mentors</h1><p>{line}</p>{{% endblock %}}"),
    )
    .unwrap();
    let server = Server::start(dir.path(), &["--templates", "custom"]);
    assert_eq!(server.get("/mentors/").status, 200);
    let meetings = dir.path().join("records/relationships/r-2026-001/meetings");
    let mut files: Vec<_> = std::fs::read_dir(&meetings)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let meeting = &files[0];
    let original = std::fs::read_to_string(meeting).unwrap();
    // A save the guard does not read (a trailing newline): the kept guard serves.
    std::fs::write(meeting, format!("{original}\n")).unwrap();
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(server.get("/mentors/").status, 200);
    std::fs::write(meeting, format!("{original}\n{line}\n")).unwrap();
    let error = server.wait_for("/mentors/", "an error", |r| r.status == 500);
    assert!(error.body.contains("privacy guard"), "{}", error.body);
    assert!(
        !error.body.contains(line),
        "the value printed:\n{}",
        error.body
    );
    std::fs::write(meeting, original).unwrap();
    server.wait_for("/mentors/", "recovered", |r| r.status == 200);
}
