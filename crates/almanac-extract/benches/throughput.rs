//! Extraction throughput in MB/s on the project's own corpus (`examples/news/*.txt`).
//!
//! Run (release, from the workspace root):
//!
//!     cargo bench -p almanac-extract --bench throughput -- --warm-up-time 1 --measurement-time 5
//!
//! `extract/corpus` extracts the news articles, repeated to about `ALMANAC_BENCH_MB` megabytes
//! (default 5), each as a separate document, so one iteration is one pass over that many bytes;
//! criterion reports the rate as `thrpt: ... MiB/s`. `extract/russian` does the same with the
//! Russian articles of `examples/ru`. `extract_scaling/*` extracts the articles
//! once as separate documents and once joined into one long document (and four times that), to
//! show whether the cost grows faster than the text. `all_quantities/news` runs the quantity
//! finder alone over the articles once.

use std::hint::black_box;
use std::ops::Range;

use almanac_extract::{
    all_quantities, document, entities, extract, quantities, sentences, times, DocContext,
};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;
use common::{articles_in, repeated_corpus};

// The allocator the `almanac` binary uses, so that the rate here is the rate it gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The news articles as (doc id, text), sorted by file name.
fn news_articles() -> Vec<(String, String)> {
    articles_in("news")
}

/// The articles as one document: their bodies (without ` date` header lines) joined as paragraphs.
fn joined_article_bodies(articles: &[(String, String)]) -> String {
    let bodies: Vec<&str> = articles
        .iter()
        .map(|(_, text)| match text.strip_prefix(" date ") {
            // The header is ` date YYYY-MM-DD` followed by a line break or a space.
            Some(rest) => rest.get(11..).unwrap_or(""),
            None => text.as_str(),
        })
        .collect();
    format!(" date 2023-07-31\n{}", bodies.join("\n\n"))
}

fn total_bytes(corpus: &[(String, String)]) -> u64 {
    corpus.iter().map(|(_, text)| text.len() as u64).sum()
}

fn bench_extract(c: &mut Criterion) {
    let articles = news_articles();
    let target_mb: usize = std::env::var("ALMANAC_BENCH_MB")
        .ok()
        .and_then(|mb| mb.parse().ok())
        .unwrap_or(5);
    let mut group = c.benchmark_group("extract");
    // One iteration is a whole pass over megabytes of text: few samples are enough.
    group.sample_size(10);
    // English news, and our Russian articles (`examples/ru`), whose rules read every
    // Cyrillic word by its stem.
    for (name, articles) in [("corpus", &articles), ("russian", &articles_in("ru"))] {
        let corpus = repeated_corpus(articles, target_mb * 1_000_000);
        let n_bytes = total_bytes(&corpus);
        group.throughput(Throughput::Bytes(n_bytes));
        group.bench_function(
            format!("{name}_{}_docs_{n_bytes}_bytes", corpus.len()),
            |b| {
                b.iter(|| {
                    let mut n_facts = 0;
                    for (doc, text) in &corpus {
                        let ctx = DocContext {
                            doc,
                            date: None,
                            lang: None,
                        };
                        n_facts += black_box(extract(black_box(text), &ctx)).facts.len();
                    }
                    n_facts
                })
            },
        );
    }
    group.finish();

    // The same bytes as separate documents and as one long document: a rate that falls with
    // document length points at work that grows faster than the text.
    let mut group = c.benchmark_group("extract_scaling");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total_bytes(&articles)));
    group.bench_function("news_separate", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(doc, text)| {
                    black_box(extract(
                        black_box(text),
                        &DocContext {
                            doc,
                            date: None,
                            lang: None,
                        },
                    ))
                    .facts
                    .len()
                })
                .sum::<usize>()
        })
    });
    for n_copies in [1, 4] {
        let joined = vec![joined_article_bodies(&articles); n_copies].join("\n\n");
        group.throughput(Throughput::Bytes(joined.len() as u64));
        group.bench_function(format!("news_one_document_x{n_copies}"), |b| {
            b.iter(|| {
                black_box(extract(
                    black_box(&joined),
                    &DocContext {
                        doc: "joined",
                        date: None,
                        lang: None,
                    },
                ))
                .facts
                .len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("all_quantities");
    group.throughput(Throughput::Bytes(total_bytes(&articles)));
    group.bench_function("news", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|(_, text)| black_box(all_quantities(black_box(text))).len())
                .sum::<usize>()
        })
    });
    group.finish();

    // Each layer alone over the articles once, so a profile's flat list can be read as
    // "which layer costs what". The layers take the paragraphs and sentences the pipeline
    // gives them.
    type Prepared<'a> = (&'a str, Vec<Range<usize>>, Vec<Range<usize>>);
    let prepared: Vec<Prepared> = articles
        .iter()
        .map(|(_, text)| {
            let doc = document::parse(text);
            let sentences = doc
                .paragraphs
                .iter()
                .flat_map(|p| sentences::split(text, p.clone()))
                .collect();
            (text.as_str(), doc.paragraphs, sentences)
        })
        .collect();
    let mut group = c.benchmark_group("layers");
    group.throughput(Throughput::Bytes(total_bytes(&articles)));
    group.bench_function("document_and_sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for (_, text) in &articles {
                let doc = document::parse(black_box(text));
                for p in &doc.paragraphs {
                    n += sentences::split(text, p.clone()).len();
                }
            }
            n
        })
    });
    group.bench_function("quantities", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, paragraphs, _) in &prepared {
                for p in paragraphs {
                    n += quantities::find(black_box(text), p.clone()).len();
                }
            }
            n
        })
    });
    group.bench_function("times", |b| {
        b.iter(|| {
            let mut n = 0;
            for (text, paragraphs, _) in &prepared {
                for p in paragraphs {
                    n += times::find(black_box(text), p.clone(), None).len();
                }
            }
            n
        })
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|(text, _, sentences)| entities::find(black_box(text), sentences).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
