//! `serve` under clients that misbehave, all on 127.0.0.1 and every wait bounded by a socket
//! timeout: one that pipelines requests and never reads, hundreds of idle connections, a
//! request head too large to read, a `Host` that is not the address served (DNS rebinding),
//! and Ctrl-C.

use super::{PATIENCE, Server};
use crate::support::demo;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// How long a well-behaved client may wait for its answer while others misbehave.
const PROMPTLY: Duration = Duration::from_secs(5);

/// Sends `request` on a new connection and reads the answer until the server closes it or
/// `PROMPTLY` passes; the bytes read, however many.
fn exchange(address: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    stream.set_read_timeout(Some(PROMPTLY)).unwrap();
    stream.set_write_timeout(Some(PROMPTLY)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).into_owned()
}

/// The status code of an answer, 0 for none.
fn status(answer: &str) -> u16 {
    let code = answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3));
    code.and_then(|c| c.parse().ok()).unwrap_or(0)
}

fn get_overview(address: &str) -> String {
    exchange(
        address,
        &format!("GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"),
    )
}

#[test]
fn a_client_that_pipelines_and_never_reads_does_not_stall_another() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    let address = &server.address;
    let mut stalled = TcpStream::connect(address).unwrap();
    stalled
        .set_write_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let requests = format!("GET /data.json HTTP/1.1\r\nHost: {address}\r\n\r\n").repeat(1000);
    // Until the server stops taking requests, its answers piling up unread.
    for _ in 0..20 {
        if stalled.write_all(requests.as_bytes()).is_err() {
            break;
        }
    }
    // Time for the server to take them in and get stuck on answers nobody reads; a server
    // that can be stalled stays stalled, so this is no race.
    std::thread::sleep(Duration::from_secs(1));
    let answer = get_overview(address);
    assert_eq!(status(&answer), 200, "{answer:.200}\n{}", server.log());
    drop(stalled);
}

/// The number of threads of process `pid`.
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

#[test]
fn hundreds_of_idle_connections_neither_block_a_client_nor_take_a_thread_each() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    let address = &server.address;
    assert_eq!(status(&get_overview(address)), 200);
    #[cfg(target_os = "linux")]
    let before = threads(server.process.0.id());
    let mut idle: Vec<TcpStream> = (0..400)
        .map(|_| TcpStream::connect(address).expect("the server accepts"))
        .collect();
    for stream in idle.iter_mut().step_by(2) {
        let _ = stream.write_all(b"GET / HTTP/1.1\r\n");
    }
    let answer = get_overview(address);
    assert_eq!(status(&answer), 200, "{answer:.200}\n{}", server.log());
    #[cfg(target_os = "linux")]
    {
        let after = threads(server.process.0.id());
        assert!(
            after <= before + 2,
            "{before} threads, then {after} with 400 idle connections"
        );
    }
    drop(idle);
}

/// Sends `head` followed by endless `a`s, reading the answer on another thread; returns the
/// answer and how many bytes could be sent before the server closed the connection.
fn oversized(address: &str, head: &str) -> (String, usize) {
    const AT_MOST: usize = 64 << 20;
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_write_timeout(Some(PROMPTLY)).unwrap();
    stream.set_read_timeout(Some(PROMPTLY)).unwrap();
    let mut reader = stream.try_clone().unwrap();
    let answer = std::thread::spawn(move || {
        let mut raw = Vec::new();
        let _ = reader.read_to_end(&mut raw);
        String::from_utf8_lossy(&raw).into_owned()
    });
    let mut sent = 0;
    let chunk = vec![b'a'; 64 << 10];
    if stream.write_all(head.as_bytes()).is_ok() {
        while sent < AT_MOST {
            match stream.write(&chunk) {
                Ok(n) => sent += n,
                Err(_) => break,
            }
        }
    }
    (answer.join().unwrap(), sent)
}

#[test]
fn an_oversized_request_line_or_header_gets_431_without_being_read_whole() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    let address = &server.address;
    let header = format!("GET / HTTP/1.1\r\nHost: {address}\r\nX-Filler: ");
    for head in ["GET /", header.as_str()] {
        let (answer, sent) = oversized(address, head);
        assert_eq!(status(&answer), 431, "{head:?}: {answer:.200}");
        assert!(sent < 16 << 20, "{head:?}: the server read {sent} bytes");
    }
    assert_eq!(status(&get_overview(address)), 200);
}

#[test]
fn a_host_that_is_not_the_address_served_gets_421() {
    let dir = demo();
    let server = Server::start(dir.path(), &[]);
    let address = &server.address;
    let port = address.rsplit_once(':').unwrap().1;
    let ask = |target: &str, host: Option<&str>| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        let request = format!("GET {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n");
        exchange(address, &request)
    };
    for host in [
        address.clone(),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
    ] {
        let answer = ask("/", Some(&host));
        assert_eq!(status(&answer), 200, "{host}: {answer:.200}");
    }
    let foreign = [
        ask("/", Some(&format!("rebound.example:{port}"))),
        ask("/", Some("127.0.0.1:1")),
        ask("/", Some(&format!("localhost.rebound.example:{port}"))),
        ask(&format!("http://rebound.example:{port}/"), Some(address)),
        ask("/", None),
    ];
    for answer in foreign {
        assert_eq!(status(&answer), 421, "{answer:.300}");
        assert!(!answer.contains("Mentoring Program"), "{answer}");
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_promptly_with_exit_code_0() {
    let dir = demo();
    let mut server = Server::start(dir.path(), &[]);
    assert_eq!(status(&get_overview(&server.address)), 200);
    let pid = server.process.0.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.process.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "serve kept running after SIGINT"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(started.elapsed() < PROMPTLY, "{:?}", started.elapsed());
    assert_eq!(status.code(), Some(0), "{status:?}\n{}", server.log());
}
