//! Answering requests from the preview in memory: `/` and `dir/` are `index.html`, a folder
//! asked for without its slash is redirected (so its relative links work), an unknown path
//! gets a "not found" page, and a path that tries to leave the site (`..`) is refused. HTML
//! responses get the reload script; the site in memory never has it.

use super::pages::{self, VERSION_PATH};
use super::{Current, Outcome, Preview};
use std::sync::Arc;
use std::time::Duration;

/// One answer, before it is put on the wire.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Where a redirect leads.
    pub location: Option<String>,
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// The answer to `GET url` from `preview`.
pub fn answer(preview: &Preview, url: &str) -> Response {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == VERSION_PATH {
        return response(200, TEXT, preview.version.to_string().into_bytes());
    }
    let html = |status, page: String| {
        let body = pages::with_reload(page.as_bytes(), preview.version);
        response(status, HTML, body)
    };
    let files = match &preview.outcome {
        Outcome::Site(files) => files,
        Outcome::Failed(message) => return html(500, pages::error_page(message)),
    };
    match resolve(path, |file| files.contains_key(file)) {
        Resolved::File(file) => {
            let bytes = files.get(&file).map_or(&[][..], |b| &b[..]);
            let content_type = content_type(&file);
            let body = if content_type == HTML {
                pages::with_reload(bytes, preview.version)
            } else {
                bytes.to_vec()
            };
            response(200, content_type, body)
        }
        Resolved::Folder => Response {
            location: Some(format!("{path}/")),
            ..response(301, TEXT, b"moved: the address ends with /\n".to_vec())
        },
        Resolved::NotFound => html(404, pages::not_found(path)),
        Resolved::Refused => response(
            400,
            TEXT,
            b"bad request: not a path inside the site\n".into(),
        ),
    }
}

fn response(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
    Response {
        status,
        content_type,
        body,
        location: None,
    }
}

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// A file of the site, by its path inside it.
    File(String),
    /// A folder with an `index.html`, asked for without the trailing slash.
    Folder,
    NotFound,
    /// Not a path inside the site: `..`, `.`, a backslash, bad percent-encoding.
    Refused,
}

fn resolve(path: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    let Some(decoded) = percent_decode(path) else {
        return Resolved::Refused;
    };
    let Some(rel) = decoded.strip_prefix('/') else {
        return Resolved::Refused;
    };
    let outside = rel.split('/').any(|s| s == ".." || s == ".");
    if outside || rel.contains(['\\', '\0']) {
        return Resolved::Refused;
    }
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    };
    if exists(&file) {
        Resolved::File(file)
    } else if file == rel && exists(&format!("{rel}/index.html")) {
        Resolved::Folder
    } else {
        Resolved::NotFound
    }
}

/// `%xx` escapes decoded; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &str) -> &'static str {
    match file.rsplit_once('.').map(|(_, extension)| extension) {
        Some("html") => HTML,
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("txt") => TEXT,
        _ => "application/octet-stream",
    }
}

/// Answers requests on `threads` threads (this one included); returns only if every
/// thread has stopped, which nothing but a bug does.
pub fn serve(server: tiny_http::Server, current: Arc<Current>, threads: usize) {
    let server = Arc::new(server);
    let workers: Vec<_> = (1..threads.max(1))
        .map(|_| {
            let (server, current) = (Arc::clone(&server), Arc::clone(&current));
            std::thread::spawn(move || answer_requests(&server, &current))
        })
        .collect();
    answer_requests(&server, &current);
    for worker in workers {
        let _ = worker.join();
    }
}

fn answer_requests(server: &tiny_http::Server, current: &Current) {
    loop {
        let request = match server.recv() {
            Ok(request) => request,
            // An accept failure (too many open files, say) passes; try again shortly.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        let answer = match request.method() {
            tiny_http::Method::Get | tiny_http::Method::Head => {
                answer(&current.get(), request.url())
            }
            _ => response(405, TEXT, b"only GET and HEAD\n".to_vec()),
        };
        // A client that went away needs no answer.
        let _ = request.respond(to_wire(answer));
    }
}

fn to_wire(answer: Response) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut headers = vec![
        ("Content-Type", answer.content_type.to_owned()),
        // Every answer is fresh: the site changes under the browser.
        ("Cache-Control", "no-store".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
    ];
    if answer.status == 405 {
        headers.push(("Allow", "GET, HEAD".to_owned()));
    }
    headers.extend(answer.location.map(|to| ("Location", to)));
    let mut wire = tiny_http::Response::from_data(answer.body)
        .with_status_code(answer.status)
        // A known length rather than chunks: the bodies are in memory anyway.
        .with_chunked_threshold(usize::MAX);
    for (name, value) in headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name, value) {
            wire.add_header(header);
        }
    }
    wire
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(path: &str) -> Resolved {
        let files = ["index.html", "style.css", "relationships/index.html"];
        resolve(path, |file| files.contains(&file))
    }

    #[test]
    fn paths_resolve_to_files_of_the_site() {
        assert_eq!(resolved("/"), Resolved::File("index.html".into()));
        assert_eq!(resolved("/style.css"), Resolved::File("style.css".into()));
        let folder = Resolved::File("relationships/index.html".into());
        assert_eq!(resolved("/relationships/"), folder);
        assert_eq!(resolved("/relationships/index.html"), folder);
        assert_eq!(resolved("/relationships"), Resolved::Folder);
        assert_eq!(resolved("/mentors/"), Resolved::NotFound);
        assert_eq!(resolved("/style.css/"), Resolved::NotFound);
    }

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        for path in [
            "/../records/program.toml",
            "/relationships/../../x",
            "/%2e%2e/program.toml",
            "/%2E%2E%2fprogram.toml",
            "/./index.html",
            "/..%5cprogram.toml",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolved(path), Resolved::Refused, "{path}");
        }
    }

    #[test]
    fn a_failed_build_answers_every_page_with_the_error() {
        let preview = Preview {
            version: 3,
            outcome: Outcome::Failed("template `index.html`, line 3: oops".into()),
        };
        let page = answer(&preview, "/mentors/?x=1");
        assert_eq!((page.status, page.content_type), (500, HTML));
        let text = String::from_utf8(page.body).unwrap();
        assert!(text.contains("line 3: oops") && text.contains(VERSION_PATH));
        assert_eq!(answer(&preview, VERSION_PATH).body, b"3");
    }
}
