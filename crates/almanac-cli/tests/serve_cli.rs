//! `almanac serve` as the user runs it: the binary on a loopback port over a ledger of
//! `examples/news`, its request log on stderr, the token from `ALMANAC_TOKEN`, and a clean
//! stop on Ctrl-C (SIGINT). The API itself is tested in `crates/almanac-server`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/news")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 request; the status line's code and the whole answer.
fn request(port: u16, head: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let status = answer.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, answer))
}

fn get(port: u16, path: &str) -> Option<(u16, String)> {
    request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends SIGINT, as Ctrl-C in a terminal does.
fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn serves_logs_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let ingest = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(examples())
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");

    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(&db)
        .env("ALMANAC_TOKEN", "secret")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let (status, answer) = loop {
        if let Some(found) = get(port, "/api/facts?metric=jobs&size=2") {
            break found;
        }
        assert!(
            Instant::now() < deadline,
            "almanac serve did not answer on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("\"total\""), "{answer}");
    // The token comes from ALMANAC_TOKEN: a write without it is unauthorised (401), not
    // refused as on a server without a token (403).
    let (status, _) = request(
        port,
        "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nConnection: close\r\n\r\ntext",
    )
    .unwrap();
    assert_eq!(status, 401);

    interrupt(&child);
    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            Instant::now() < deadline,
            "almanac serve did not stop on SIGINT"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(exit.success(), "{exit:?}: {log}");
    assert!(
        log.contains("/api/facts?metric=jobs&size=2"),
        "each request logged: {log}"
    );
    assert!(log.contains("status=200"), "{log}");
    assert!(log.contains("shutting down"), "{log}");
    assert!(log.contains("stopped"), "{log}");
}

#[test]
fn without_a_ledger_it_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_almanac"))
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{}", free_port()),
            "--db",
        ])
        .arg(dir.path().join("missing.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no ledger at"), "{stderr}");
    assert!(!dir.path().join("missing.db").exists(), "nothing created");
}
