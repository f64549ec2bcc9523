//! `mentorbook serve`: the dashboard at http://127.0.0.1:PORT/, rebuilt in memory by `build`'s
//! own pipeline whenever a record or template changes, with open pages reloading themselves.
//! What stops a build shows in the browser instead of stopping the server, and nothing is
//! written to disk (so `site/` is never touched and Ctrl-C leaves nothing to clean up).

use crate::cli::ServeArgs;
use crate::error::{Error, Result};
use crate::load;
use crate::render::{guard::Leak, templates::Templates};
use crate::serve::{Current, Outcome, server, watch};
use crate::site::{self, Rendered, Site};
use chrono::NaiveDate;
use std::io::{ErrorKind, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

/// Threads answering requests: a browser opens a few connections at once.
const THREADS: usize = 4;

/// What every rebuild reads.
#[derive(Clone)]
struct Options {
    records: PathBuf,
    as_of: Option<NaiveDate>,
    templates: PathBuf,
    /// A git revision to preview instead of the work tree.
    revision: Option<String>,
}

pub fn run(args: &ServeArgs) -> Result<u8> {
    let records = &args.records.records;
    if !records.is_dir() {
        return Err(Error::NoRecords {
            path: records.to_string_lossy().into_owned(),
        });
    }
    let listener = listen(SocketAddr::new(args.bind, args.port))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let options = Options {
        records: records.clone(),
        as_of: args.records.as_of,
        templates: args.templates.clone(),
        revision: args.rev.clone(),
    };
    let current = Arc::new(Current::new(Outcome::Failed("not built yet".into())));
    // The records at a revision never change: only the templates are watched then.
    let mut watched = vec![options.templates.clone()];
    if options.revision.is_none() {
        watched.push(options.records.clone());
    }
    let session = Arc::new(Mutex::new(Session::new(options)));
    let (for_watcher, current_for_watcher) = (Arc::clone(&session), Arc::clone(&current));
    // Watching starts before the first build, so a change made while it runs is not missed.
    if let Err(e) = watch::start(&watched, move |changed| {
        lock(&for_watcher).rebuild(&current_for_watcher, changed)
    }) {
        eprintln!("warning: cannot watch for changes ({e}): restart serve to see them");
    }
    lock(&session).rebuild(&current, None);
    let url = format!("http://{address}/");
    if !args.bind.is_loopback() {
        eprintln!("warning: serving on {address}: other machines can reach this preview");
    }
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "serving {url} (Ctrl-C to stop)");
    let _ = stdout.flush();
    drop(stdout);
    if args.open {
        open_browser(&browser_url(address));
    }
    server::serve(listener, current, THREADS)?;
    Ok(0)
}

/// Binds `address`, with one sentence on what to do when that fails.
fn listen(address: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(address).map_err(|e| {
        let what = match e.kind() {
            ErrorKind::AddrInUse => format!(
                "port {} is in use: pass another --port, or --port 0 for a free one",
                address.port()
            ),
            ErrorKind::AddrNotAvailable => format!(
                "{} is not an address of this machine: pass another --bind",
                address.ip()
            ),
            ErrorKind::PermissionDenied => format!(
                "port {} needs privileges: pass a --port above 1023",
                address.port()
            ),
            _ => format!("{e}"),
        };
        Error::Usage(format!("cannot listen on {address}: {what}"))
    })
}

/// What a rebuild keeps from the last: the loader (which re-reads only changed files) and
/// the last site rendered (whose unchanged pages are not rendered again).
struct Session {
    options: Options,
    /// The records as last loaded, or `None` before the first good load.
    records: Option<load::Session>,
    last: Option<Rendered>,
}

impl Session {
    fn new(options: Options) -> Session {
        Session {
            options,
            records: None,
            last: None,
        }
    }

    /// Builds the site and serves it from now on; reports on stderr. Never panics: a bug
    /// in the build shows as an error page like any other failure.
    fn rebuild(&mut self, current: &Current, changed: Option<&[PathBuf]>) {
        let started = Instant::now();
        let built = catch_unwind(AssertUnwindSafe(|| self.build(changed))).unwrap_or_else(|_| {
            // The records may be half updated: load them afresh next time.
            self.records = None;
            self.last = None;
            Err(
                "mentorbook failed while building (the message above says where); \
                 save a file to try again"
                    .into(),
            )
        });
        let outcome = match built {
            Ok(summary) => {
                eprintln!("built {summary} in {} ms", started.elapsed().as_millis());
                let files = self
                    .last
                    .as_ref()
                    .map(|r| r.files.clone())
                    .unwrap_or_default();
                Outcome::Site(files)
            }
            Err(message) => {
                eprintln!("error: {message}\n(shown in the browser until the next good save)");
                Outcome::Failed(message)
            }
        };
        current.replace(outcome);
    }

    /// Renders what changed since the last build, or says what stopped the build.
    fn build(&mut self, changed: Option<&[PathBuf]>) -> std::result::Result<String, String> {
        let options = &self.options.clone();
        let site_options = site::Options {
            records: options.records.clone(),
            as_of: options.as_of,
            templates: options.templates.clone(),
            base_url: None,
            revision: options.revision.clone(),
        };
        let describe = |e: &Error| describe(e, options);
        if options.revision.is_some() {
            let site = Site::load(&site_options).map_err(|e| describe(&e))?;
            return self.render(site, options);
        }
        let templates = Templates::load(Some(&options.templates)).map_err(|e| describe(&e))?;
        let loaded = match &mut self.records {
            Some(session) => session.update(changed),
            None => load::Session::open(&options.records, &options.records.to_string_lossy()).map(
                |session| {
                    self.records = Some(session);
                },
            ),
        };
        if let Err(e) = loaded {
            // A broken program.toml: load everything again once it is fixed.
            self.records = None;
            return Err(describe(&e));
        }
        let Some(session) = &self.records else {
            return Err("the records could not be loaded".into());
        };
        // The last build's guard is kept when this save changed nothing it reads.
        let kept = self.last.as_mut().and_then(|last| last.take_guard());
        let site = Site::prepare_reusing(
            session.records(),
            session.diagnostics(),
            &site_options,
            templates,
            kept,
        );
        self.render(site, options)
    }

    /// Renders what changed since the last build and keeps it.
    fn render(&mut self, site: Site, options: &Options) -> std::result::Result<String, String> {
        let describe = |e: &Error| describe(e, options);
        let (as_of, errors, warnings) =
            (site.as_of, site.findings.errors(), site.findings.warnings());
        let rendered = site
            .render_since(self.last.take())
            .map_err(|e| describe(&e))?
            .map_err(|leaks| leak_message(&leaks))?;
        let summary = format!(
            "{} files as of {as_of}; {}, {} in the records",
            rendered.files.len(),
            crate::diagnostics::plural(errors, "error"),
            crate::diagnostics::plural(warnings, "warning")
        );
        self.last = Some(rendered);
        Ok(summary)
    }
}

/// The message of what stopped a build; a template's names the folder it was read from.
fn describe(error: &Error, options: &Options) -> String {
    match error {
        Error::Template { .. } => format!(
            "{error}\n(A file in `{}` replaces the built-in template of the same name.)",
            options.templates.display()
        ),
        _ => error.to_string(),
    }
}

/// The privacy guard's findings, as `build` prints them: never the value itself.
fn leak_message(leaks: &[Leak]) -> String {
    let mut message = format!(
        "the privacy guard found confidential values in {} file(s); nothing is served until they are gone",
        leaks.len()
    );
    for leak in leaks {
        message.push('\n');
        message.push_str(&leak.describe());
    }
    message
}

fn lock(session: &Mutex<Session>) -> MutexGuard<'_, Session> {
    session.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The address a browser on this machine opens: the loopback one when listening on all.
fn browser_url(address: SocketAddr) -> String {
    let ip = if address.ip().is_unspecified() {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        address.ip()
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

/// Opens `url` with the platform's opener; a failure only costs the convenience.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    let opened = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match opened {
        // Reaped on a thread of its own, so it never lingers as a zombie.
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(_) => eprintln!("could not open a browser: open {url} yourself"),
    }
}
