//! The server under load, on loopback, over a ledger of a million facts.
//!
//! ```text
//! cargo bench -p almanac-server --bench load            # LOAD_SECS=20 LOAD_RATE=500 by default
//! ```
//!
//! The ledger is the `almanac-gen` corpus ingested through the pipeline of `almanac ingest`
//! (so its facts are the extractor's), built once into `target/bench-server-1m.db` and
//! reused. The server runs on a runtime of its own (two worker threads) in this process;
//! the load generator on another.
//!
//! For each of three requests (the facts API, a faceted facts page, a place page), each
//! drawn from many distinct filters or places so that caches do not answer everything:
//!
//! - cold: every distinct request once, one at a time, before anything is cached;
//! - open loop: `LOAD_RATE` requests a second for `LOAD_SECS` seconds, each sent at its
//!   scheduled time whatever the answers before it, its latency counted from that time
//!   (so a server that falls behind shows it, instead of slowing the generator down);
//! - closed loop: 16 connections asking as fast as answers come, for the most requests a
//!   second.
//!
//! The same requests are then asked of a copy of the ledger with a few corrections (a
//! subject, a metric, a value, a period changed and a figure rejected), built once into
//! `target/bench-server-1m-corrected.db`: a ledger that holds corrections reads its facts
//! through them.
//!
//! `LOAD_CASES="facts API;place"` runs only the cases whose names hold one of the parts.
//! The machine's load average is printed before and after: this machine is shared.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use almanac_extract::{Metric, Status};
use almanac_ingest::{IngestOptions, Progress, SourceDoc};
use almanac_store::{CorrectionEdit, EntityFilter, FactFilter, Store};

const TARGET_FACTS: u64 = 1_000_000;
const SEED: u64 = 16;
const CHUNK: u64 = 20_000;

struct Quiet;

impl Progress for Quiet {
    fn failed(&self, origin: &str, message: &str) {
        eprintln!("{origin}: {message}");
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

/// The million-fact ledger, ingested on first use.
fn ledger() -> PathBuf {
    let path = target_dir().join("bench-server-1m.db");
    let facts = |path: &Path| {
        Store::open(path)
            .and_then(|s| s.stats())
            .map(|s| s.facts)
            .unwrap_or(0)
    };
    if path.exists() && facts(&path) >= TARGET_FACTS {
        return path;
    }
    let _ = std::fs::remove_file(&path);
    let started = Instant::now();
    let opts = IngestOptions {
        force: false,
        date: None,
        limits: almanac_ingest::Limits::default(),
    };
    let mut next = 0;
    while facts(&path) < TARGET_FACTS {
        let docs = (next..next + CHUNK).map(|i| {
            let article = almanac_gen::article(SEED, i);
            Ok(SourceDoc {
                origin: format!("gen:{i}"),
                id: article.id,
                text: article.text,
                date: Some(article.date),
                lang: None,
                title: Some(article.title),
                url: None,
                warnings: Vec::new(),
            })
        });
        almanac_ingest::ingest(
            &almanac_store::LedgerAddress::Sqlite(path.clone()),
            docs,
            &opts,
            &Quiet,
        )
        .expect("ingest the corpus");
        next += CHUNK;
    }
    let stats = Store::open(&path).unwrap().stats().unwrap();
    eprintln!(
        "built {}: {} documents, {} facts, {} entities in {:.0} s",
        path.display(),
        stats.documents,
        stats.facts,
        stats.entities,
        started.elapsed().as_secs_f64()
    );
    path
}

/// A copy of `base` with a few corrections of its facts, made on first use.
fn corrected_ledger(base: &Path) -> PathBuf {
    let path = target_dir().join("bench-server-1m-corrected.db");
    let corrected = |path: &Path| {
        Store::open(path)
            .and_then(|s| s.corrections())
            .map(|c| c.len())
            .unwrap_or(0)
    };
    if path.exists() && corrected(&path) > 0 {
        return path;
    }
    // One file to copy: the write-ahead log folded back.
    Store::open(base).unwrap().checkpoint().unwrap();
    let _ = std::fs::remove_file(&path);
    std::fs::copy(base, &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    let some = |metric: &str, n: usize| {
        let filter = FactFilter {
            metric: vec![metric.to_string()],
            limit: Some(n),
            ..FactFilter::default()
        };
        store.facts(&filter).unwrap()
    };
    let (investment, jobs) = (some("investment", 3), some("jobs", 2));
    let edits = [
        CorrectionEdit {
            subject: Some("Shymkent".into()),
            ..CorrectionEdit::default()
        },
        CorrectionEdit {
            metric: Some(Metric::Fdi),
            ..CorrectionEdit::default()
        },
        CorrectionEdit {
            value: Some(investment[2].fact.value * 1000.0),
            period: Some("2019".parse().unwrap()),
            ..CorrectionEdit::default()
        },
        CorrectionEdit {
            status: Some(Status::Planned),
            ..CorrectionEdit::default()
        },
        CorrectionEdit {
            reject: true,
            ..CorrectionEdit::default()
        },
    ];
    let targets = investment.iter().chain(&jobs).map(|f| f.id);
    for (id, edit) in targets.zip(&edits) {
        store.correct(id, edit).unwrap().expect("the fact exists");
    }
    store.checkpoint().unwrap();
    path
}

/// Starts the server on a runtime of its own; it runs until the process ends.
fn start_server(db: PathBuf) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            almanac_server::serve_on(
                listener,
                almanac_server::Config::new(db),
                std::future::pending(),
            )
            .await
            .unwrap();
        });
    });
    addr
}

/// The requests of each scenario: many distinct filters, or places.
fn scenarios(db: &Path) -> Vec<(&'static str, Vec<String>)> {
    let metrics = [
        "investment",
        "jobs",
        "output",
        "project_value",
        "trade",
        "budget",
        "housing",
        "economy",
    ];
    let statuses = ["", "actual", "planned"];
    let years = ["", "2021", "2022", "2023", "2024"];
    let mut filters = Vec::new();
    for metric in metrics {
        for status in statuses {
            for year in years {
                let mut query = format!("metric={metric}");
                if !status.is_empty() {
                    query.push_str(&format!("&status={status}"));
                }
                if !year.is_empty() {
                    query.push_str(&format!("&period={year}"));
                }
                filters.push(query);
            }
        }
    }
    let store = Store::open_read_only(db).unwrap();
    let places: Vec<String> = store
        .entities(&EntityFilter {
            limit: Some(120),
            ..EntityFilter::default()
        })
        .unwrap()
        .into_iter()
        .filter(|e| {
            e.kind
                .as_deref()
                .is_some_and(|k| k != "organisation" && k != "person")
        })
        .map(|e| e.name.replace(' ', "%20"))
        .collect();
    vec![
        (
            "facts API (filters, facets, total)",
            filters
                .iter()
                .map(|f| format!("/api/facts?{f}&size=50"))
                .collect(),
        ),
        (
            "faceted facts page (HTML)",
            filters
                .iter()
                .map(|f| format!("/facts?{f}&sort=-value"))
                .collect(),
        ),
        (
            "place page (HTML, charts)",
            places.iter().map(|p| format!("/places/{p}")).collect(),
        ),
    ]
}

struct Latencies {
    millis: Vec<f64>,
    errors: usize,
    elapsed: Duration,
}

impl Latencies {
    fn percentile(&self, p: f64) -> f64 {
        if self.millis.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.millis.len() as f64).ceil() as usize;
        self.millis[rank.clamp(1, self.millis.len()) - 1]
    }

    fn line(&self, what: &str) -> String {
        format!(
            "{what:>11}: {:>6} requests, {:>7.1} req/s, p50 {:>6.1} ms, p99 {:>6.1} ms, max {:>7.1} ms, {} errors",
            self.millis.len(),
            self.millis.len() as f64 / self.elapsed.as_secs_f64(),
            self.percentile(50.0),
            self.percentile(99.0),
            self.millis.last().copied().unwrap_or(f64::NAN),
            self.errors
        )
    }
}

fn sorted(mut millis: Vec<f64>, errors: usize, elapsed: Duration) -> Latencies {
    millis.sort_by(f64::total_cmp);
    Latencies {
        millis,
        errors,
        elapsed,
    }
}

async fn fetch(client: &reqwest::Client, url: &str) -> bool {
    match client.get(url).send().await {
        Ok(response) => {
            let ok = response.status().is_success();
            response.bytes().await.is_ok() && ok
        }
        Err(_) => false,
    }
}

/// Each request once, one at a time.
async fn cold(client: &reqwest::Client, base: &str, paths: &[String]) -> Latencies {
    let started = Instant::now();
    let (mut millis, mut errors) = (Vec::new(), 0);
    for path in paths {
        let sent = Instant::now();
        errors += usize::from(!fetch(client, &format!("{base}{path}")).await);
        millis.push(sent.elapsed().as_secs_f64() * 1e3);
    }
    sorted(millis, errors, started.elapsed())
}

/// `rate` requests a second for `secs`, each at its time, latency from that time.
async fn open_loop(
    client: &reqwest::Client,
    base: &str,
    paths: &[String],
    rate: f64,
    secs: f64,
) -> Latencies {
    let n = (rate * secs) as usize;
    let start = tokio::time::Instant::now() + Duration::from_millis(50);
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let at = start + Duration::from_secs_f64(i as f64 / rate);
        tokio::time::sleep_until(at).await;
        let client = client.clone();
        // A spread of the requests: consecutive ones differ.
        let url = format!("{base}{}", paths[(i * 7919) % paths.len()]);
        tasks.push(tokio::spawn(async move {
            let ok = fetch(&client, &url).await;
            (at.elapsed().as_secs_f64() * 1e3, ok)
        }));
    }
    let (mut millis, mut errors) = (Vec::with_capacity(n), 0);
    for task in tasks {
        let (ms, ok) = task.await.unwrap();
        millis.push(ms);
        errors += usize::from(!ok);
    }
    sorted(millis, errors, start.elapsed())
}

/// `connections` clients asking as fast as answers come, for `secs`.
async fn closed_loop(
    client: &reqwest::Client,
    base: &str,
    paths: &[String],
    connections: usize,
    secs: f64,
) -> Latencies {
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(secs);
    let mut tasks = Vec::new();
    for c in 0..connections {
        let client = client.clone();
        let urls: Vec<String> = paths.iter().map(|p| format!("{base}{p}")).collect();
        tasks.push(tokio::spawn(async move {
            let (mut millis, mut errors, mut i) = (Vec::new(), 0, c * 31);
            while Instant::now() < deadline {
                let sent = Instant::now();
                errors += usize::from(!fetch(&client, &urls[i % urls.len()]).await);
                millis.push(sent.elapsed().as_secs_f64() * 1e3);
                i += 7;
            }
            (millis, errors)
        }));
    }
    let (mut millis, mut errors) = (Vec::new(), 0);
    for task in tasks {
        let (m, e) = task.await.unwrap();
        millis.extend(m);
        errors += e;
    }
    sorted(millis, errors, started.elapsed())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn env_f64(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: nothing to measure then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let secs = env_f64("LOAD_SECS", 20.0);
    let rate = env_f64("LOAD_RATE", 500.0);
    let wanted: Vec<String> = std::env::var("LOAD_CASES")
        .map(|v| v.split(';').map(str::to_string).collect())
        .unwrap_or_default();
    let db = ledger();
    let stats = Store::open_read_only(&db).unwrap().stats().unwrap();
    let mut cases = Vec::new();
    let plain = scenarios(&db);
    let addr = start_server(db.clone());
    cases.extend(plain.into_iter().map(|(name, paths)| (name, addr, paths)));
    let corrected = wanted.is_empty() || wanted.iter().any(|w| w.contains("correct"));
    if corrected {
        let db = corrected_ledger(&db);
        let with_corrections = scenarios(&db);
        let addr = start_server(db);
        for (name, paths) in with_corrections {
            let name: &'static str = format!("{name}, with corrections").leak();
            cases.push((name, addr, paths));
        }
    }
    cases.retain(|(name, _, _)| {
        wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()))
    });
    println!(
        "ledger: {} documents, {} facts, {} entities; {} cores; load average before: {}",
        stats.documents,
        stats.facts,
        stats.entities,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(64)
            .build()
            .unwrap();
        for (name, addr, paths) in &cases {
            let base = format!("http://{addr}");
            // The server is up when it answers.
            while !fetch(&client, &format!("{base}/api/openapi.json")).await {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            println!("{name}: {} distinct requests", paths.len());
            println!("{}", cold(&client, &base, paths).await.line("cold"));
            let open = open_loop(&client, &base, paths, rate, secs).await;
            println!("{}", open.line(&format!("{rate} req/s")));
            let closed = closed_loop(&client, &base, paths, 16, secs / 2.0).await;
            println!("{}", closed.line("16 conns"));
        }
    });
    println!("load average after: {}", load_average());
}
