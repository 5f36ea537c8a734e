//! What the server's tests share: a ledger ingested from `examples/` (through the pipeline
//! of `almanac ingest`) with one hostile article, and a server on a free loopback port.
//!
//! The ledgers are SQLite files, or, when `ALMANAC_SERVER_TEST_PG` names a PostgreSQL
//! server (`.ci/run` runs the API tests a second time so), each a schema of its own there.

#![allow(dead_code)] // Each test binary uses its own part of this.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use almanac_ingest::{IngestOptions, Progress};
use almanac_server::Config;
use almanac_store::LedgerAddress;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// An article that tries to run script from its text, its title and its URL.
pub const HOSTILE_ID: &str = "hostile-markup";
pub const HOSTILE: &str = r#"{"id": "hostile-markup", "date": "2024-03-01", "title": "Results <img src=x onerror=\"window.__pwned=1\">", "url": "javascript:window.__pwned=3", "text": "The <script>window.__pwned=2</script> district of Almaty attracted 12 billion tenge of investment in 2023.\n\nA new \"onmouseover=window.__pwned=4 x=\" zone in Almaty created 250 jobs in 2023."}"#;

struct Quiet;

impl Progress for Quiet {
    fn failed(&self, origin: &str, message: &str) {
        panic!("{origin}: {message}");
    }
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// A new, empty ledger's address: a file in `dir`, or a schema on the PostgreSQL server.
fn new_ledger(dir: &Path) -> LedgerAddress {
    match std::env::var("ALMANAC_SERVER_TEST_PG") {
        Ok(url) if !url.is_empty() => {
            LedgerAddress::Postgres(almanac_store::pg::scratch_schema(&url).unwrap())
        }
        _ => LedgerAddress::Sqlite(dir.join("ledger.db")),
    }
}

/// Ingests `examples/news`, `examples/series` and the hostile article into `db`; `dir`
/// holds the hostile article's file.
pub fn fill(db: &LedgerAddress, dir: &Path) {
    let hostile = dir.join("hostile.jsonl");
    std::fs::write(&hostile, HOSTILE).unwrap();
    let paths = vec![
        examples().join("news").display().to_string(),
        examples().join("series").display().to_string(),
        hostile.display().to_string(),
    ];
    let opts = IngestOptions {
        force: false,
        date: None,
        limits: almanac_ingest::Limits::default(),
    };
    let docs = almanac_ingest::read::documents(&paths, opts.limits.max_html_depth);
    almanac_ingest::ingest(db, docs, &opts, &Quiet).unwrap();
}

/// The shared ledger, ingested once per test binary (nothing writes to it).
pub fn ledger() -> &'static LedgerAddress {
    static LEDGER: OnceLock<(tempfile::TempDir, LedgerAddress)> = OnceLock::new();
    &LEDGER.get_or_init(own_ledger).1
}

/// A ledger of its own, for tests that write. Made on a thread of its own: PostgreSQL's
/// client blocks, which a test's async runtime does not allow.
pub fn own_ledger() -> (tempfile::TempDir, LedgerAddress) {
    std::thread::spawn(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = new_ledger(dir.path());
        fill(&db, dir.path());
        (dir, db)
    })
    .join()
    .unwrap()
}

/// A server on a free loopback port; it stops when dropped.
pub struct Server {
    pub base: String,
    stop: Option<oneshot::Sender<()>>,
}

impl Server {
    pub async fn start(config: Config) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let state = almanac_server::AppState::open(config).await.unwrap();
        tokio::spawn(async move {
            axum::serve(listener, almanac_server::app(state))
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        Server {
            base,
            stop: Some(stop),
        }
    }

    /// A server over the shared ledger, with the token `secret`.
    pub async fn shared() -> Server {
        let mut config = Config::new(ledger().clone());
        config.token = Some("secret".into());
        Server::start(config).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
