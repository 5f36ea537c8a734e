//! Time per megabyte of the input shapes that once took minutes, at 1, 2, 4 and 8 MB: the
//! time per MB must stay flat (within 2x from 1 to 8 MB) when reading and extraction are
//! linear. Issue 18.
//!
//! - `extract/long_sentence`: one sentence without full stops repeating a clause of
//!   figures (a scraped page);
//! - `extract/short_sentences`: `5 jobs. ` over and over;
//! - `read/nested_html`: `<div>` nested to the input's size around one paragraph, read
//!   as `almanac` reads an HTML page (depth capped, then parsed);
//! - `read/one_line`: a single line, decoded and cut into paragraphs as `Limits::check`
//!   does before refusing it for its paragraph (the 50 MB case).
//!
//! Run from the workspace root (release):
//!
//!     cargo bench -p almanac-ingest --bench pathological
//!
//! `PATHOLOGICAL_KB` sets the sizes, in kilobytes (default `1024,2048,4096,8192`); while
//! the extractor is superlinear on the first two shapes, `PATHOLOGICAL_KB=10,20,40` shows
//! the slope in seconds rather than hours. `PATHOLOGICAL_SHAPES` picks shapes by name
//! (comma-separated substrings).

use std::hint::black_box;
use std::time::Duration;

use almanac_extract::{document, extract, DocContext};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../src/read/parse.rs"]
#[allow(dead_code, unused_imports)]
mod parse;

/// A shape's name and how to make it at a size in bytes.
type Shape = (&'static str, fn(usize) -> String);

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn sizes_kb() -> Vec<usize> {
    std::env::var("PATHOLOGICAL_KB")
        .ok()
        .map(|sizes| {
            sizes
                .split(',')
                .filter_map(|s| s.trim().parse().ok())
                .collect()
        })
        .filter(|sizes: &Vec<usize>| !sizes.is_empty())
        .unwrap_or_else(|| vec![1024, 2048, 4096, 8192])
}

fn wanted(name: &str) -> bool {
    match std::env::var("PATHOLOGICAL_SHAPES") {
        Ok(shapes) => shapes.split(',').any(|s| name.contains(s.trim())),
        Err(_) => true,
    }
}

/// `unit` repeated to about `bytes`.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()).max(1))
}

fn long_sentence(bytes: usize) -> String {
    repeat_to(
        "Almaty invested 1,500 tenge in roads in 2023 and unemployment fell to 4.5 percent ",
        bytes,
    )
}

fn short_sentences(bytes: usize) -> String {
    repeat_to("5 jobs. ", bytes)
}

fn nested_html(bytes: usize) -> String {
    let depth = bytes / "<div></div>".len();
    format!(
        "<html><body>{}<p>Aktobe opened 3 plants in 2022.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

fn one_line(bytes: usize) -> String {
    repeat_to("the akimat reported on the work of the departments ", bytes)
}

fn pathological(c: &mut Criterion) {
    let ctx = DocContext {
        doc: "bench",
        date: None,
        lang: None,
    };
    let shapes: [Shape; 4] = [
        ("extract/long_sentence", long_sentence),
        ("extract/short_sentences", short_sentences),
        ("read/nested_html", nested_html),
        ("read/one_line", one_line),
    ];
    for (name, make) in shapes {
        if !wanted(name) {
            continue;
        }
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));
        for kb in sizes_kb() {
            let input = make(kb * 1024);
            group.throughput(Throughput::Bytes(input.len() as u64));
            let id = BenchmarkId::from_parameter(format!("{kb}KB"));
            group.bench_with_input(id, &input, |b, input| {
                b.iter(|| match name {
                    "read/nested_html" => {
                        black_box(parse::html_main_text(input, 256).text.len());
                    }
                    "read/one_line" => {
                        let text = parse::to_text(input.as_bytes().to_vec()).unwrap_or_default();
                        let longest = document::parse(&text)
                            .paragraphs
                            .iter()
                            .map(|p| p.end - p.start)
                            .max();
                        black_box(longest);
                    }
                    _ => {
                        black_box(extract(input, &ctx).facts.len());
                    }
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
