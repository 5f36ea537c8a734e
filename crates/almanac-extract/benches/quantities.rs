//! The `--all-quantities` layer alone, in MB/s: `almanac_extract::all_quantities` over the
//! general-news sentences of `tests/quantity_bench.tsv` and the development articles of
//! `examples/news`, each repeated to about `ALMANAC_BENCH_MB` megabytes (default 2).
//!
//! Run (release, from the workspace root):
//!
//!     cargo bench -p almanac-extract --bench quantities -- --warm-up-time 1 --measurement-time 5
//!
//! criterion reports `thrpt: ... MiB/s`; issue 13 asks for at least 150 MB/s.

use std::hint::black_box;
use std::path::PathBuf;

use almanac_extract::all_quantities;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;
use common::{articles_in, repeated_corpus};

// The allocator the `almanac` binary uses, so that the rate here is the rate it gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn manifest_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The benchmark's sentences, one paragraph each (the first column of its rows).
fn general_news() -> String {
    let path = manifest_path("tests/quantity_bench.tsv");
    let tsv = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("reading {}: {err}", path.display()));
    let sentences: Vec<&str> = tsv
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split('\t').next())
        .collect();
    assert!(!sentences.is_empty(), "no sentences in {}", path.display());
    sentences.join("\n\n")
}

fn bench_quantities(c: &mut Criterion) {
    let target_mb: usize = std::env::var("ALMANAC_BENCH_MB")
        .ok()
        .and_then(|mb| mb.parse().ok())
        .unwrap_or(2);
    let general = [("general".to_string(), general_news())];
    let corpora = [
        (
            "general_news",
            repeated_corpus(&general, target_mb * 1_000_000),
        ),
        (
            "development_news",
            repeated_corpus(&articles_in("news"), target_mb * 1_000_000),
        ),
    ];
    let mut group = c.benchmark_group("all_quantities_layer");
    group.sample_size(10);
    for (name, docs) in &corpora {
        let n_bytes: u64 = docs.iter().map(|(_, d)| d.len() as u64).sum();
        group.throughput(Throughput::Bytes(n_bytes));
        group.bench_function(*name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|(_, doc)| black_box(all_quantities(black_box(doc))).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_quantities);
criterion_main!(benches);
