//! What only a shared server asks of the PostgreSQL ledger (the behaviour both backends
//! share is `store.rs`, run on both): several writers at once never store a text or a
//! fact twice, a new database is made a ledger once, a newer schema is refused. Runs
//! where `ALMANAC_TEST_PG` names a server, as under `.ci/run`.

use std::collections::{BTreeMap, BTreeSet};

use almanac_extract::{Extraction, Fact};
use almanac_store::{pg, FactFilter, Ledger, NewDocument, PgStore, Put, StoreError};

/// The schema this build makes.
const SCHEMA: u32 = 8;

/// A ledger of its own on the test server (a fresh schema), or `None` without a server
/// (never under CI).
fn scratch() -> Option<String> {
    match std::env::var("ALMANAC_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(pg::scratch_schema(&url).unwrap()),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI runs the PostgreSQL tests: set ALMANAC_TEST_PG"
            );
            None
        }
    }
}

fn fact(doc: &str, text: &str, figure: &str, value: f64) -> Fact {
    let at = text.find(figure).unwrap();
    let sentence_start = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let sentence_end = text[at..].find('.').map_or(text.len(), |i| at + i + 1);
    Fact {
        doc: doc.into(),
        text: figure.into(),
        value,
        value_high: None,
        unit: Some("job".into()),
        qualifier: None,
        metric: "jobs".parse().ok(),
        measure: None,
        subject: Some("Karaganda".into()),
        period: None,
        status: None,
        equivalents: Vec::new(),
        per: None,
        group: None,
        object: None,
        span: [at, at + figure.len()],
        sentence: text[sentence_start..sentence_end].into(),
    }
}

/// Text number `n` of a corpus, with `n % 5 + 1` facts.
fn article(n: usize) -> (String, Extraction) {
    let mut text = String::new();
    let mut figures = Vec::new();
    for i in 0..n % 5 + 1 {
        let figure = format!("{} jobs", n * 10 + i);
        text.push_str(&format!("Plant {n} line {i} created {figure}. "));
        figures.push((figure, (n * 10 + i) as f64));
    }
    let facts = figures
        .iter()
        .map(|(figure, value)| fact("", &text, figure, *value))
        .collect();
    (
        text,
        Extraction {
            facts,
            ..Default::default()
        },
    )
}

#[test]
fn writers_at_once_store_each_text_and_fact_once() {
    let Some(url) = scratch() else { return };
    // Four writers over overlapping corpora: texts 0..60 under ids `a-N` (two writers
    // each), and the same texts again under `b-N` (the other two): 60 texts, 120 ids.
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut store = PgStore::open(&url).unwrap();
                let prefix = if w % 2 == 0 { "a" } else { "b" };
                let mut outcomes = Vec::new();
                // Each writer walks the corpus from another place, in batches of 7.
                let order: Vec<usize> = (0..60).map(|i| (i + w * 17) % 60).collect();
                for chunk in order.chunks(7) {
                    let articles: Vec<(String, String, Extraction)> = chunk
                        .iter()
                        .map(|&n| {
                            let (text, extraction) = article(n);
                            (format!("{prefix}-{n}"), text, extraction)
                        })
                        .collect();
                    let items: Vec<_> = articles
                        .iter()
                        .map(|(id, text, ex)| (NewDocument::new(id, id, text), ex))
                        .collect();
                    for put in store.put_batch(&items, "v", false).unwrap() {
                        outcomes.push(put.unwrap());
                    }
                }
                outcomes
            })
        })
        .collect();
    let outcomes: Vec<Put> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();

    let store = PgStore::open(&url).unwrap();
    let stats = store.stats().unwrap();
    let facts_per_text: usize = (0..60).map(|n| n % 5 + 1).sum();
    assert_eq!(
        (stats.documents, stats.duplicates, stats.facts),
        (60, 60, facts_per_text as u64)
    );
    // Every text was written exactly once, whoever got there first.
    let inserted = outcomes
        .iter()
        .filter(|p| matches!(p, Put::Inserted { .. }))
        .count();
    let duplicates = outcomes
        .iter()
        .filter(|p| matches!(p, Put::Duplicate { .. }))
        .count();
    assert_eq!((inserted, duplicates), (60, 60), "{outcomes:?}");
    store.check_integrity().unwrap();
    // Each id finds its text's facts, once each.
    for n in [0, 13, 59] {
        for id in [format!("a-{n}"), format!("b-{n}")] {
            let facts = store
                .facts(&FactFilter {
                    doc: Some(id.clone()),
                    ..Default::default()
                })
                .unwrap();
            assert_eq!(facts.len(), n % 5 + 1, "{id}");
        }
    }
    // No fact id twice, and each document's facts one range.
    let all = store.facts(&FactFilter::default()).unwrap();
    let ids: BTreeSet<i64> = all.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), all.len());
    let mut by_doc: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for f in &all {
        by_doc.entry(f.fact.doc.clone()).or_default().push(f.id);
    }
    for (doc, ids) in by_doc {
        assert_eq!(ids.last().unwrap() - ids[0] + 1, ids.len() as i64, "{doc}");
    }
}

#[test]
fn a_new_database_becomes_a_ledger_once_and_a_newer_schema_is_refused() {
    let Some(url) = scratch() else { return };
    assert!(matches!(
        PgStore::open_existing(&url),
        Err(StoreError::NoLedger { .. })
    ));
    // Several processes opening a new ledger at once: one makes it, all use it.
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || PgStore::open(&url).map(|s| s.schema_version().unwrap()))
        })
        .collect();
    for opener in openers {
        assert_eq!(opener.join().unwrap().unwrap(), SCHEMA);
    }
    let store = PgStore::open_existing(&url).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA);

    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .execute(
            "INSERT INTO schema_migrations VALUES (99, 'future', 'now')",
            &[],
        )
        .unwrap();
    assert!(matches!(
        PgStore::open(&url),
        Err(StoreError::SchemaTooNew {
            found: 99,
            known: SCHEMA
        })
    ));
}

#[test]
fn a_server_that_cannot_be_reached_is_named_without_its_password() {
    // Port 1 on loopback: nothing listens there.
    let err = PgStore::open("postgres://ann:secret@127.0.0.1:1/ledger").unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, StoreError::Connect { .. }), "{message}");
    assert!(
        message.contains("postgres://ann@127.0.0.1:1/ledger"),
        "{message}"
    );
    assert!(!message.contains("secret"), "{message}");
}

#[test]
fn text_searches_that_postgresql_cannot_run_say_why() {
    let Some(url) = scratch() else { return };
    let store = PgStore::open(&url).unwrap();
    for bad in ["\"open", "NEAR(a b)", "AND ("] {
        let err = store.check_text_query(bad).unwrap_err();
        assert!(matches!(err, StoreError::TextQuery { .. }), "{bad}: {err}");
    }
    store
        .check_text_query("jobs OR \"new plant\" invest*")
        .unwrap();
}

#[test]
fn a_ledger_of_schema_4_gains_a_language_unknown_until_reindexed() {
    let Some(url) = scratch() else { return };
    let mut store = PgStore::open(&url).unwrap();
    let doc = NewDocument::new("kentau", "k.txt", "Экспорт вырос на 5%.");
    let russian = Extraction {
        lang: almanac_extract::Lang::Russian,
        ..Default::default()
    };
    store.put(&doc, &russian, "v4", false).unwrap();
    drop(store);
    // Migration 5 only adds the column, 6 a table and indexes, 7 a column and the view
    // again, and 8 a table: without them the ledger is one of schema 4.
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!(
            "ALTER TABLE documents DROP COLUMN lang; DROP TABLE fact_counts; \
             DROP INDEX facts_metric_status, facts_metric_status_value, facts_metric_value; \
             {WITHOUT_VALUE_HIGH} DROP TABLE period_values; \
             DELETE FROM schema_migrations WHERE version >= 5;"
        ))
        .unwrap();
    let mut store = PgStore::open(&url).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA);
    store.check_integrity().unwrap();
    let old = store.document("kentau").unwrap().unwrap();
    assert_eq!(old.summary.lang, None);
    // Stale for its unknown language, though of the current extractor.
    assert_eq!(store.stale_documents("v4").unwrap().len(), 1);
    store.put(&old.as_new(), &russian, "v4", true).unwrap();
    let new = store.document("kentau").unwrap().unwrap();
    assert_eq!(new.summary.lang, Some(almanac_extract::Lang::Russian));
    assert!(store.stale_documents("v4").unwrap().is_empty());
}

/// A reader's data version changes when another connection commits (what `almanac
/// serve` drops its caches on). That it stays while nothing is written cannot be tested
/// here: the other tests write to the same server at the same time.
#[test]
fn a_readers_data_version_follows_another_connections_commits() {
    let Some(url) = scratch() else { return };
    let mut writer = PgStore::open(&url).unwrap();
    let reader = PgStore::open_existing(&url).unwrap();
    let before = reader.data_version().unwrap();
    let (text, extraction) = article(3);
    let doc = NewDocument::new("plant-3", "plant-3.txt", &text);
    writer.put(&doc, &extraction, "test", false).unwrap();
    let after = reader.data_version().unwrap();
    assert_ne!(after, before, "a commit");
    assert_eq!(
        reader.total_facts(&FactFilter::default()).unwrap(),
        extraction.facts.len() as u64
    );
}

/// Undoes migration 7 on a scratch ledger. The view it replaces stands in for the one of
/// schema 6, which the migration drops whatever it holds.
const WITHOUT_VALUE_HIGH: &str = "ALTER TABLE facts DROP COLUMN value_high CASCADE; \
     CREATE VIEW corrected_facts AS SELECT * FROM facts;";

#[test]
fn a_ledger_of_schema_6_gains_range_upper_ends_that_reindex_fills() {
    let Some(url) = scratch() else { return };
    let text = "The mine will hire 300 people. It will need 40 to 60 engineers.";
    let mut store = PgStore::open(&url).unwrap();
    let extraction = Extraction {
        facts: vec![fact("mine", text, "300 people", 300.0)],
        ..Default::default()
    };
    store
        .put(
            &NewDocument::new("mine", "m.txt", text),
            &extraction,
            "v6",
            false,
        )
        .unwrap();
    drop(store);
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!(
            "{WITHOUT_VALUE_HIGH} DROP TABLE period_values; \
             DELETE FROM schema_migrations WHERE version >= 7;"
        ))
        .unwrap();
    let mut store = PgStore::open(&url).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA);
    store.check_integrity().unwrap();
    let facts = store.facts(&FactFilter::default()).unwrap();
    assert_eq!(facts[0].fact.value_high, None);
    assert_eq!(store.stale_documents("v7").unwrap().len(), 1);

    let mut range = fact("mine", text, "40 to 60 engineers", 40.0);
    range.value_high = Some(60.0);
    let extraction = Extraction {
        facts: vec![fact("mine", text, "300 people", 300.0), range],
        ..Default::default()
    };
    let old = store.document("mine").unwrap().unwrap();
    store.put(&old.as_new(), &extraction, "v7", true).unwrap();
    let highs = |store: &PgStore| -> Vec<Option<f64>> {
        let facts = store.facts(&FactFilter::default()).unwrap();
        facts.iter().map(|f| f.fact.value_high).collect()
    };
    assert_eq!(highs(&store), [None, Some(60.0)]);
    // Read through the new view once a correction exists.
    let id = store.facts(&FactFilter::default()).unwrap()[0].id;
    let edit = almanac_store::CorrectionEdit {
        subject: Some("Temirtau".into()),
        ..Default::default()
    };
    store.correct(id, &edit).unwrap().unwrap();
    assert_eq!(highs(&store), [None, Some(60.0)]);
    store.check_integrity().unwrap();
}
