//! Temporary micro-benchmark for times::find and entities::find (delete when done).
use almanac_extract::{document, entities, sentences, times};
use std::io::Write;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or("examples/news".into());
    let dump = std::env::args().nth(2).filter(|s| !s.is_empty());
    let only = std::env::args().nth(3).unwrap_or_default();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    let mut bytes = 0usize;
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let d = document::parse(&text);
        let date = d.header_date.or_else(|| {
            d.paragraphs
                .first()
                .and_then(|p| times::date_in_text(&text, p.start..text.len()).map(|x| x.0))
        });
        let mut sents = Vec::new();
        for p in &d.paragraphs {
            sents.extend(sentences::split(&text, p.clone()));
        }
        bytes += text.len();
        docs.push((text, d.paragraphs.clone(), date, sents));
    }
    if let Some(path) = dump {
        let mut f = std::fs::File::create(path).unwrap();
        for (text, paras, date, sents) in &docs {
            for p in paras {
                writeln!(f, "T {:?}", times::find(text, p.clone(), *date)).unwrap();
            }
            // also odd ranges / no date
            writeln!(f, "TN {:?}", times::find(text, 0..text.len(), None)).unwrap();
            writeln!(f, "D {:?}", times::date_in_text(text, 0..text.len())).unwrap();
            writeln!(f, "E {:?}", entities::find(text, sents)).unwrap();
        }
    }
    let reps = 50;
    for round in 0..5 {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..reps {
            if only == "entities" { break; }
            for (text, paras, date, _) in &docs {
                for p in paras {
                    n += times::find(text, p.clone(), *date).len();
                }
            }
        }
        let tt = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut m = 0;
        for _ in 0..reps {
            if only == "times" { break; }
            for (text, _, _, sents) in &docs {
                m += entities::find(text, sents).len();
            }
        }
        let te = t.elapsed().as_secs_f64();
        let mb = (bytes * reps) as f64 / 1e6;
        println!(
            "round {round}: times {:.1} MB/s ({n})  entities {:.1} MB/s ({m})",
            mb / tt,
            mb / te
        );
    }
}
