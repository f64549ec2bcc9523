//! The wire side of `serve`: HTTP/1.1 by hyper on a small tokio runtime, with the limits that
//! keep any one client — or a web page in the browser — from holding or reading the preview:
//!
//! * a fixed pool of worker threads, and connections as tasks, not threads, at most
//!   `MAX_CONNECTIONS` open (a new one closes the quietest; `connections.rs`);
//! * a connection on which nothing moves for `QUIET` is closed (a client that never reads
//!   its answers, or idles), and one whose request head takes longer than `HEAD_TIME` too;
//! * a request line and headers larger than `HEAD_LIMIT` get 431 and the connection is
//!   closed: nothing more of it is read;
//! * a request whose `Host` is not the address served (its IP and port, or `localhost` and
//!   the port) gets 421, so a page that rebinds its own name to 127.0.0.1 reads nothing;
//! * Ctrl-C, SIGTERM or SIGHUP end the process at once with exit code 0: nothing is on disk.
//!
//! What is answered is decided in `http.rs`, from the preview in memory.

use super::connections::Connections;
use super::http::{self, Response};
use super::{Current, Preview};
use crate::error::Error;
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// Open connections at most; a browser opens six per site.
const MAX_CONNECTIONS: usize = 128;
/// A connection on which no byte has moved for this long is closed.
const QUIET: Duration = Duration::from_secs(10);
/// The longest a request's line and headers may take to arrive.
const HEAD_TIME: Duration = Duration::from_secs(10);
/// The largest request line and headers (cookies for `localhost` included).
const HEAD_LIMIT: usize = 32 << 10;

/// Answers requests from `current` on `threads` worker threads until the process is stopped.
pub fn serve(
    listener: std::net::TcpListener,
    current: Arc<Current>,
    threads: usize,
) -> Result<(), Error> {
    let failed = |e: std::io::Error| Error::Usage(format!("cannot serve: {e}"));
    crate::interrupt::exit_on_signal("stopped").map_err(failed)?;
    listener.set_nonblocking(true).map_err(failed)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.max(1))
        .max_blocking_threads(1)
        .thread_name("serve")
        .enable_io()
        .enable_time()
        .build()
        .map_err(failed)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(failed)?;
        accept(listener, current).await;
        Ok(())
    })
}

/// Takes connections in, one task each, forever.
async fn accept(listener: tokio::net::TcpListener, current: Arc<Current>) {
    let connections = Connections::new(MAX_CONNECTIONS, QUIET);
    tokio::spawn(Arc::clone(&connections).sweep());
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIME)
        .max_buf_size(HEAD_LIMIT)
        .max_header_size(HEAD_LIMIT);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: let the connections that are open finish.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(served) = stream.local_addr() else {
            continue;
        };
        let (stream, slot) = connections.open(stream);
        let id = slot.id();
        let current = Arc::clone(&current);
        let service = hyper::service::service_fn(move |request| {
            let answer = respond(&current, &request, served);
            std::future::ready(Ok::<_, Infallible>(answer))
        });
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let task = tokio::spawn(async move {
            // A client that went away or broke the protocol needs nothing more.
            let _ = connection.await;
            drop(slot);
        });
        connections.closes_with(id, task.abort_handle());
    }
}

type Wire = hyper::Response<Full<Bytes>>;

/// The answer to one request that reached `served`.
fn respond<B>(current: &Current, request: &Request<B>, served: SocketAddr) -> Wire {
    if !is_for(request, served) {
        let text = format!(
            "misdirected request: this preview answers only at http://{served}/ or http://localhost:{}/\n",
            served.port()
        );
        return to_wire(http::plain(421, text));
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return to_wire(http::plain(405, "only GET and HEAD\n".into()));
    }
    let url = request
        .uri()
        .path_and_query()
        .map_or("/", |path| path.as_str());
    let accepts_gzip = request
        .headers()
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').any(|coding| coding.trim().starts_with("gzip")));
    let preview: Arc<Preview> = current.get();
    to_wire(http::answer(&preview, url, accepts_gzip))
}

/// Whether the request names the address served: every `Host` it gives (the header, and the
/// authority of an absolute address) must be that IP and port, or `localhost` and the port.
fn is_for<B>(request: &Request<B>, served: SocketAddr) -> bool {
    let header = request.headers().get(header::HOST);
    let Some(host) = header.and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let authority = request.uri().authority().map(|a| a.as_str());
    names(host, served) && authority.is_none_or(|a| names(a, served))
}

/// Whether `host` (`name:port`, `[v6]:port`, or a name alone for port 80) is `served`.
fn names(host: &str, served: SocketAddr) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !port.contains(']') => (name, port.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    if port != Some(served.port()) {
        return false;
    }
    let name = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.to_canonical() == served.ip().to_canonical())
}

fn to_wire(answer: Response) -> Wire {
    let mut wire = hyper::Response::new(Full::new(answer.body));
    *wire.status_mut() =
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = wire.headers_mut();
    let fixed = [
        (header::CONTENT_TYPE, answer.content_type),
        // Every answer is fresh: the site changes under the browser.
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Some(encoding) = answer.encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if answer.status == 405 {
        headers.insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    let location = answer
        .location
        .and_then(|to| HeaderValue::from_str(&to).ok());
    if let Some(to) = location {
        headers.insert(header::LOCATION, to);
    }
    wire
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_address_served_or_localhost_with_its_port_is_answered() {
        let served: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        for host in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000"] {
            assert!(names(host, served), "{host}");
        }
        for host in [
            "127.0.0.1:4001",
            "127.0.0.1",
            "evil.example:4000",
            "localhost.evil.example:4000",
            "127.0.0.2:4000",
            "[::1]:4000",
            "",
        ] {
            assert!(!names(host, served), "{host}");
        }
        let v6: SocketAddr = "[::1]:80".parse().unwrap();
        assert!(names("[::1]:80", v6) && names("[::1]", v6) && names("localhost", v6));
        let mapped: SocketAddr = "[::ffff:127.0.0.1]:4000".parse().unwrap();
        assert!(names("127.0.0.1:4000", mapped));
    }
}
