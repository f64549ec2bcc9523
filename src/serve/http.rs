//! Answering requests from the preview in memory: `/` and `dir/` are `index.html`, a folder
//! asked for without its slash is redirected (so its relative links work), an unknown path
//! gets a "not found" page, and a path that tries to leave the site (`..`) is refused. HTML
//! responses get the reload script; the site in memory never has it. Other files are sent
//! from the preview itself, not copied, so a client slow to read them costs no memory.
//! (`server.rs` puts the answers on the wire.)

use super::pages::{self, VERSION_PATH};
use super::{Outcome, Preview};
use bytes::Bytes;
use std::sync::Arc;

/// One answer, before it is put on the wire.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Bytes,
    /// `gzip` when the body is sent compressed.
    pub encoding: Option<&'static str>,
    /// Where a redirect leads.
    pub location: Option<String>,
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// The answer to `GET url` from `preview`, compressed when the client `accepts_gzip`.
pub fn answer(preview: &Arc<Preview>, url: &str, accepts_gzip: bool) -> Response {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == VERSION_PATH {
        return plain(200, preview.version.to_string());
    }
    let html = |status, page: String| {
        let body = pages::with_reload(page.as_bytes(), preview.version);
        response(status, HTML, body.into())
    };
    let files = match &preview.outcome {
        Outcome::Site(files) => files,
        Outcome::Failed(message) => return html(500, pages::error_page(message)),
    };
    match resolve(path, |file| files.contains_key(file)) {
        Resolved::File(file) => {
            let bytes = files
                .get(&file)
                .cloned()
                .unwrap_or_else(|| Arc::from(&[][..]));
            let content_type = content_type(&file);
            if content_type == HTML {
                let page = crate::site::gunzip(&bytes);
                return response(
                    200,
                    content_type,
                    pages::with_reload(&page, preview.version).into(),
                );
            }
            if accepts_gzip {
                // Shared with the preview rather than copied.
                return Response {
                    encoding: Some("gzip"),
                    ..response(200, content_type, Bytes::from_owner(bytes))
                };
            }
            response(200, content_type, crate::site::gunzip(&bytes).into())
        }
        Resolved::Folder => Response {
            location: Some(format!("{path}/")),
            ..plain(301, "moved: the address ends with /\n".into())
        },
        Resolved::NotFound => html(404, pages::not_found(path)),
        Resolved::Refused => plain(400, "bad request: not a path inside the site\n".into()),
    }
}

/// A plain-text answer.
pub fn plain(status: u16, text: String) -> Response {
    response(status, TEXT, text.into())
}

fn response(status: u16, content_type: &'static str, body: Bytes) -> Response {
    Response {
        status,
        content_type,
        body,
        encoding: None,
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
    fn files_are_sent_compressed_to_clients_that_accept_it() {
        let css = b"body { color: black }\n";
        let mut files = std::collections::HashMap::new();
        let compressed: Arc<[u8]> = {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(css).unwrap();
            Arc::from(e.finish().unwrap())
        };
        files.insert("style.css".to_owned(), Arc::clone(&compressed));
        let preview = Arc::new(Preview {
            version: 1,
            outcome: Outcome::Site(files),
        });
        let zipped = answer(&preview, "/style.css", true);
        assert_eq!(
            (zipped.encoding, &zipped.body[..]),
            (Some("gzip"), &compressed[..])
        );
        let plain = answer(&preview, "/style.css", false);
        assert_eq!((plain.encoding, &plain.body[..]), (None, &css[..]));
    }

    #[test]
    fn a_failed_build_answers_every_page_with_the_error() {
        let preview = Arc::new(Preview {
            version: 3,
            outcome: Outcome::Failed("template `index.html`, line 3: oops".into()),
        });
        let page = answer(&preview, "/mentors/?x=1", false);
        assert_eq!((page.status, page.content_type), (500, HTML));
        let text = String::from_utf8(page.body.to_vec()).unwrap();
        assert!(text.contains("line 3: oops") && text.contains(VERSION_PATH));
        assert_eq!(&answer(&preview, VERSION_PATH, true).body[..], b"3");
    }
}
