//! Benchmarks of the ledger.
//!
//! - `store_write`: writing generated articles with their facts (known from the
//!   generator's templates, so the extractor's speed does not count) in batches of 256, to a
//!   file ledger in WAL mode; throughput in documents and bytes, into a new ledger
//!   (`docs`, `bytes`) and into a copy of the 1M-fact ledger below (`docs_into_1m`), where
//!   the indexes are large and the page cache starts cold, as when ingest adds to a ledger
//!   in use.
//! - `facts query at 1M facts`: typical `almanac facts` queries on a ledger of about one
//!   million facts, built once into `target/bench-ledger-1m.db` and reused; prints the median
//!   and p99 latency of each over many runs, then criterion's estimate.
//!
//! `cargo bench -p almanac-store --bench ledger`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use almanac_extract::Extraction;
use almanac_gen::Article;
use almanac_store::{FactFilter, NewDocument, Store};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

const SEED: u64 = 2024;
const BATCH: usize = 256;
const TARGET_FACTS: u64 = 1_000_000;

fn write_articles(store: &mut Store, articles: &[(Article, Extraction)]) {
    for chunk in articles.chunks(BATCH) {
        let items: Vec<_> = chunk
            .iter()
            .map(|(a, ex)| {
                let mut doc = NewDocument::new(&a.id, "bench.jsonl", &a.text);
                doc.title = Some(&a.title);
                doc.meta_date = Some(a.date);
                (doc, ex)
            })
            .collect();
        for result in store.put_batch(&items, "bench", false).expect("batch") {
            result.expect("document");
        }
    }
}

fn store_write(c: &mut Criterion) {
    let n = 2048;
    let articles: Vec<(Article, Extraction)> = almanac_gen::articles(SEED, n)
        .map(|a| {
            let ex = a.extraction();
            (a, ex)
        })
        .collect();
    let bytes: usize = articles.iter().map(|(a, _)| a.text.len()).sum();
    let mut group = c.benchmark_group("store_write");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n));
    group.bench_function("docs", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(dir.path().join("bench.db")).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                write_articles(&mut store, &articles);
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bytes", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(dir.path().join("bench.db")).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                write_articles(&mut store, &articles);
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });

    // Other articles (another seed) into a copy of the 1M-fact ledger.
    let big = million_fact_ledger_path();
    let more: Vec<(Article, Extraction)> = almanac_gen::articles(SEED + 1, n)
        .map(|a| {
            let ex = a.extraction();
            (a, ex)
        })
        .collect();
    group.throughput(Throughput::Elements(n));
    group.bench_function("docs_into_1m", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("bench.db");
                std::fs::copy(&big, &path).unwrap();
                let store = Store::open(&path).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                write_articles(&mut store, &more);
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The 1M-fact ledger's file, built and folded into one file (no WAL) on first use.
fn million_fact_ledger_path() -> PathBuf {
    let store = million_fact_ledger();
    let path = store.path().unwrap().to_path_buf();
    drop(store);
    path
}

/// The 1M-fact ledger, built on first use.
fn million_fact_ledger() -> Store {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let path = target.join("bench-ledger-1m.db");
    if let Ok(store) = Store::open(&path) {
        if store
            .stats()
            .map(|s| s.facts >= TARGET_FACTS)
            .unwrap_or(false)
        {
            store.checkpoint().unwrap();
            return store;
        }
    }
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).expect("bench ledger");
    let started = Instant::now();
    let mut index = 0;
    while store.stats().unwrap().facts < TARGET_FACTS {
        let chunk: Vec<(Article, Extraction)> = (index..index + 8192)
            .map(|i| {
                let a = almanac_gen::article(SEED, i);
                let ex = a.extraction();
                (a, ex)
            })
            .collect();
        index += 8192;
        write_articles(&mut store, &chunk);
    }
    store.checkpoint().unwrap();
    let stats = store.stats().unwrap();
    eprintln!(
        "built {} with {} documents and {} facts in {:.1} s",
        path.display(),
        stats.documents,
        stats.facts,
        started.elapsed().as_secs_f64()
    );
    store
}

fn queries() -> Vec<(&'static str, FactFilter)> {
    let limit = Some(100);
    vec![
        (
            "metric",
            FactFilter {
                metric: vec!["investment".into()],
                limit,
                ..Default::default()
            },
        ),
        (
            "subject+metric",
            FactFilter {
                subject: Some("Shymkent".into()),
                metric: vec!["jobs".into()],
                limit,
                ..Default::default()
            },
        ),
        (
            "subject within+period",
            FactFilter {
                subject: Some("Almaty".into()),
                within: true,
                period: Some("2023".parse().unwrap()),
                limit,
                ..Default::default()
            },
        ),
        (
            "metric+status+period sort -value_usd",
            FactFilter {
                metric: vec!["investment".into()],
                status: vec!["planned".into()],
                period: Some("2021/2022".parse().unwrap()),
                sort: "-value_usd".parse().unwrap(),
                limit,
                ..Default::default()
            },
        ),
        (
            "text",
            FactFilter {
                text: Some("welded steel pipes".into()),
                limit,
                ..Default::default()
            },
        ),
        (
            "doc",
            FactFilter {
                doc: Some("gen-2024-0031337".into()),
                ..Default::default()
            },
        ),
        (
            "period",
            FactFilter {
                period: Some("2019-Q2".parse().unwrap()),
                limit,
                ..Default::default()
            },
        ),
    ]
}

fn facts_query(c: &mut Criterion) {
    let store = million_fact_ledger();
    // Median and p99 over many runs of each query (criterion reports means).
    println!(
        "facts query latency at {} facts (limit 100):",
        store.stats().unwrap().facts
    );
    for (name, filter) in queries() {
        let mut times: Vec<Duration> = (0..100)
            .map(|_| {
                let t = Instant::now();
                let n = store.facts(&filter).unwrap().len();
                std::hint::black_box(n);
                t.elapsed()
            })
            .collect();
        times.sort();
        let n = store.facts(&filter).unwrap().len();
        println!(
            "  {name:<40} median {:>8.3} ms  p99 {:>8.3} ms  ({n} rows)",
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() * 99 / 100].as_secs_f64() * 1e3
        );
    }
    let mut group = c.benchmark_group("facts_query_1m");
    for (name, filter) in queries() {
        group.bench_function(name, |b| b.iter(|| store.facts(&filter).unwrap().len()));
    }
    group.finish();
}

criterion_group!(benches, store_write, facts_query);
criterion_main!(benches);
