//! The store through its public API: writing documents whole and idempotently, every
//! filter of `facts`, money normalised, entities and their counts, migrations.

use almanac_extract::{
    DateSource, Entity, EntityKind, Equivalent, Extraction, Fact, Measure, Mention, Metric, Period,
    Status,
};
use almanac_store::{
    CorrectionEdit, DocFilter, DocStatus, EntityFilter, Facet, FactFilter, Ledger, NewDocument,
    Put, RateSource, SortKey, Store, StoreError,
};
use chrono::NaiveDate;

const V: &str = "test+1";

fn fact(
    text: &str,
    value: f64,
    unit: &str,
    metric: &str,
    subject: Option<&str>,
    period: Option<&str>,
    status: Status,
) -> Fact {
    Fact {
        doc: String::new(),
        text: text.to_string(),
        value,
        value_high: None,
        unit: Some(unit.to_string()),
        qualifier: None,
        metric: Some(metric.parse().unwrap()),
        measure: Some(Measure::Level),
        subject: subject.map(str::to_string),
        period: period.map(|p| p.parse().unwrap()),
        status: Some(status),
        equivalents: Vec::new(),
        per: None,
        group: None,
        object: None,
        span: [0, 0],
        sentence: String::new(),
    }
}

fn entity(name: &str, kind: EntityKind, part_of: Option<&str>, mentions: &[&str]) -> Entity {
    Entity {
        name: name.to_string(),
        kind,
        part_of: part_of.map(str::to_string),
        role: None,
        role_of: None,
        mentions: mentions
            .iter()
            .map(|m| Mention {
                span: [0, m.len()],
                text: m.to_string(),
                reference: false,
            })
            .collect(),
    }
}

/// Places a fact's span on its text inside `text`, and its sentence.
fn placed(mut f: Fact, doc: &str, text: &str) -> Fact {
    let start = text.find(&f.text).expect("fact text in document");
    f.span = [start, start + f.text.len()];
    f.doc = doc.to_string();
    let sentence_start = text[..start].rfind(". ").map_or(0, |i| i + 2);
    let sentence_end = text[start..]
        .find(". ")
        .map_or(text.len(), |i| start + i + 1);
    f.sentence = text[sentence_start..sentence_end].to_string();
    f
}

const ALMATY: &str = "Almaty attracted 15 billion tenge ($33.7 million) of investment in 2023. \
    The Almaty Industrial Zone will create 369 jobs by 2025. Industrial output grew 32.8%.";
const ALATAU: &str =
    "Alatau district opened 3 schools in 2024. The district plans 12 parks until 2030.";
const ASTANA: &str = "Astana's economy grew 5.5 percent in the first quarter of 2024.";

/// Every backend the suite runs on: SQLite in memory, and PostgreSQL when
/// `ALMANAC_TEST_PG` names a server (`postgres://user@host:port/db`; each ledger in a
/// schema of its own there). Under CI the server is required: `.ci/run` starts one.
fn backends() -> Vec<Box<dyn Ledger>> {
    let mut all: Vec<Box<dyn Ledger>> = vec![Box::new(Store::open_in_memory().unwrap())];
    match std::env::var("ALMANAC_TEST_PG") {
        Ok(url) if !url.is_empty() => {
            let scratch = almanac_store::pg::scratch_schema(&url).unwrap();
            all.push(Box::new(almanac_store::PgStore::open(&scratch).unwrap()));
        }
        _ => assert!(
            std::env::var_os("CI").is_none(),
            "CI runs the store's tests on PostgreSQL too: set ALMANAC_TEST_PG"
        ),
    }
    all
}

/// On every backend, a ledger with three documents whose facts are written by hand.
fn ledgers() -> Vec<Box<dyn Ledger>> {
    backends().into_iter().map(ledger).collect()
}

/// A ledger with three documents whose facts are written by hand.
fn ledger(mut store: Box<dyn Ledger>) -> Box<dyn Ledger> {
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();

    let mut investment = fact(
        "15 billion tenge",
        15e9,
        "KZT",
        "investment",
        Some("Almaty"),
        Some("2023"),
        Status::Actual,
    );
    investment.equivalents = vec![Equivalent {
        value: 33.7e6,
        unit: "USD".into(),
    }];
    let mut output = fact(
        "32.8%",
        32.8,
        "%",
        "output",
        Some("Almaty"),
        Some("2023"),
        Status::Actual,
    );
    output.measure = Some(Measure::Change);
    let almaty = Extraction {
        facts: vec![
            placed(investment, "almaty", ALMATY),
            placed(
                fact(
                    "369 jobs",
                    369.0,
                    "job",
                    "jobs",
                    Some("Almaty Industrial Zone"),
                    Some("2025"),
                    Status::Planned,
                ),
                "almaty",
                ALMATY,
            ),
            placed(output, "almaty", ALMATY),
        ],
        entities: vec![
            entity("Almaty", EntityKind::City, None, &["Almaty", "Almaty city"]),
            entity(
                "Almaty Industrial Zone",
                EntityKind::Zone,
                Some("Almaty"),
                &["Almaty Industrial Zone", "AIZ"],
            ),
        ],
        date: date("2024-02-01"),
        date_source: Some(DateSource::Header),
        lang: almanac_extract::Lang::English,
        diagnostics: Vec::new(),
    };
    let alatau = Extraction {
        facts: vec![
            placed(
                fact(
                    "3 schools",
                    3.0,
                    "school",
                    "infrastructure",
                    Some("Alatau district"),
                    Some("2024"),
                    Status::Actual,
                ),
                "alatau",
                ALATAU,
            ),
            placed(
                fact(
                    "12 parks",
                    12.0,
                    "park",
                    "infrastructure",
                    Some("Alatau district"),
                    Some("2024/2030"),
                    Status::Planned,
                ),
                "alatau",
                ALATAU,
            ),
        ],
        entities: vec![entity(
            "Alatau district",
            EntityKind::District,
            Some("Almaty"),
            &["Alatau district"],
        )],
        date: date("2024-06-10"),
        date_source: Some(DateSource::Metadata),
        lang: almanac_extract::Lang::English,
        diagnostics: Vec::new(),
    };
    let mut growth = fact(
        "5.5 percent",
        5.5,
        "%",
        "economy",
        Some("Astana"),
        Some("2024-Q1"),
        Status::Actual,
    );
    growth.measure = Some(Measure::Change);
    let astana = Extraction {
        facts: vec![placed(growth, "astana", ASTANA)],
        entities: vec![entity(
            "Astana",
            EntityKind::City,
            None,
            &["Astana", "Nur-Sultan"],
        )],
        date: date("2024-04-15"),
        date_source: None,
        lang: almanac_extract::Lang::English,
        diagnostics: Vec::new(),
    };
    for (doc, text, extraction) in [
        ("almaty", ALMATY, almaty),
        ("alatau", ALATAU, alatau),
        ("astana", ASTANA, astana),
    ] {
        let new = NewDocument::new(doc, doc, text);
        let put = store.put(&new, &extraction, V, false).unwrap();
        assert!(matches!(put, Put::Inserted { .. }), "{put:?}");
    }
    store
}

fn texts(store: &dyn Ledger, filter: FactFilter) -> Vec<String> {
    store
        .facts(&filter)
        .unwrap()
        .into_iter()
        .map(|f| f.fact.text)
        .collect()
}

/// The facts whose sentence matches a full-text query.
fn search(store: &dyn Ledger, query: &str) -> Vec<String> {
    texts(
        store,
        FactFilter {
            text: Some(query.into()),
            ..Default::default()
        },
    )
}

const PLANTS: &str = "The region opened 5 plants. More follow.";
const FARMS: &str = "The region opened 7 farms. More follow.";

/// An extraction of one fact, a count of `unit` in `text`.
fn one_fact(doc: &str, text: &str, figure: &str, value: f64, unit: &str) -> Extraction {
    let fact = fact(figure, value, unit, "companies", None, None, Status::Actual);
    Extraction {
        facts: vec![placed(fact, doc, text)],
        ..Default::default()
    }
}

// Writing.

#[test]
fn a_document_is_written_once_and_replaced_when_its_text_changes() {
    for mut store in ledgers() {
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.facts), (3, 6));

        // The same text again: unchanged, nothing written.
        let same = NewDocument::new("astana", "astana", ASTANA);
        assert_eq!(
            store.status(&same).unwrap(),
            DocStatus::Unchanged {
                stored_as: "astana".into()
            }
        );
        let put = store.put(&same, &Extraction::default(), V, false).unwrap();
        assert_eq!(
            put,
            Put::Unchanged {
                stored_as: "astana".into()
            }
        );
        assert_eq!(store.stats().unwrap().facts, 6);

        // The same text under another id is recorded as a duplicate, not a second document.
        let copy = NewDocument::new("astana-copy", "feed.jsonl:7", ASTANA);
        assert_eq!(
            store.status(&copy).unwrap(),
            DocStatus::Duplicate {
                of: "astana".into()
            }
        );
        assert_eq!(
            store.put(&copy, &Extraction::default(), V, false).unwrap(),
            Put::Duplicate {
                of: "astana".into()
            }
        );
        assert_eq!(
            store.status(&copy).unwrap(),
            DocStatus::Unchanged {
                stored_as: "astana".into()
            }
        );

        // Forced: re-extracted, its facts replaced in place.
        let put = store.put(&same, &Extraction::default(), V, true).unwrap();
        assert_eq!(
            put,
            Put::Replaced {
                facts: 0,
                previous_origin: "astana".into()
            }
        );
        assert_eq!(
            store.stats().unwrap(),
            almanac_store::Stats {
                documents: 3,
                duplicates: 1,
                facts: 5,
                entities: 4
            }
        );

        // A new text under a stored id replaces that document.
        let changed = NewDocument::new(
            "alatau",
            "alatau-v2.txt",
            "Alatau district opened 4 schools.",
        );
        assert_eq!(store.status(&changed).unwrap(), DocStatus::Changed);
        let put = store
            .put(&changed, &Extraction::default(), V, false)
            .unwrap();
        assert_eq!(
            put,
            Put::Replaced {
                facts: 0,
                previous_origin: "alatau".into()
            }
        );
        let docs = store.documents(&DocFilter::default()).unwrap();
        assert_eq!(docs.len(), 4);
        assert_eq!(docs[1].origin, "alatau-v2.txt");
        assert_eq!(store.stats().unwrap().facts, 3);
        // Text search no longer finds the replaced sentences.
        assert!(texts(
            &*store,
            FactFilter {
                text: Some("parks".into()),
                ..Default::default()
            }
        )
        .is_empty());
        store.check_integrity().unwrap();
    }
}

/// The facts of one document id, as `facts --doc` and `show` ask for them.
fn facts_of(store: &dyn Ledger, doc: &str) -> Vec<String> {
    texts(
        store,
        FactFilter {
            doc: Some(doc.into()),
            ..Default::default()
        },
    )
}

// The same text under several ids: a wire story in several feeds. Each id stays findable
// and no id's new text takes away another's.

#[test]
fn the_same_text_under_two_ids_keeps_both() {
    for mut store in backends() {
        let plants = one_fact("a", PLANTS, "5 plants", 5.0, "plant");
        let farms = one_fact("a", FARMS, "7 farms", 7.0, "farm");
        let a = NewDocument::new("a", "feed-1.jsonl:1", PLANTS);
        let mut b = NewDocument::new("b", "feed-2.jsonl:4", PLANTS);
        b.title = Some("Plants (syndicated)");
        assert!(store.put(&a, &plants, V, false).unwrap().is_written());
        assert_eq!(
            store.status(&b).unwrap(),
            DocStatus::Duplicate { of: "a".into() }
        );
        assert_eq!(
            store.put(&b, &plants, V, false).unwrap(),
            Put::Duplicate { of: "a".into() }
        );
        // Again: now it is unchanged, and written once.
        assert!(!store.put(&b, &plants, V, false).unwrap().is_written());

        // `show b` and `docs` find it, with the text and facts it shares.
        let shown = store.document("b").unwrap().unwrap();
        assert_eq!(shown.text, PLANTS);
        assert_eq!(shown.summary.duplicate_of.as_deref(), Some("a"));
        assert_eq!(shown.summary.origin, "feed-2.jsonl:4");
        assert_eq!(shown.summary.title.as_deref(), Some("Plants (syndicated)"));
        assert_eq!(shown.same_text, ["a"]);
        assert_eq!(store.document("a").unwrap().unwrap().same_text, ["b"]);
        assert_eq!(facts_of(&*store, "b"), ["5 plants"]);
        let docs = store.documents(&DocFilter::default()).unwrap();
        let listed: Vec<_> = docs
            .iter()
            .map(|d| (d.doc.as_str(), d.duplicate_of.as_deref(), d.facts))
            .collect();
        assert_eq!(listed, [("a", None, 1), ("b", Some("a"), 1)]);
        let found = store
            .documents(&DocFilter {
                search: Some("syndicated".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(found.len(), 1);
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.duplicates, stats.facts), (1, 1, 1));

        // a gets a new text: b keeps the old one and its facts.
        assert!(matches!(
            store.put(
                &NewDocument::new("a", "feed-1.jsonl:9", FARMS),
                &farms,
                V,
                false
            ),
            Ok(Put::Replaced { facts: 1, .. })
        ));
        let b_now = store.document("b").unwrap().unwrap();
        assert_eq!(
            (b_now.text.as_str(), b_now.summary.duplicate_of),
            (PLANTS, None)
        );
        assert_eq!(b_now.summary.origin, "feed-2.jsonl:4");
        assert_eq!(facts_of(&*store, "b"), ["5 plants"]);
        assert_eq!(facts_of(&*store, "a"), ["7 farms"]);
        assert_eq!(search(&*store, "opened"), ["5 plants", "7 farms"]);
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.duplicates, stats.facts), (2, 0, 2));
        store.check_integrity().unwrap();
    }
}

#[test]
fn a_shared_text_passes_to_the_oldest_duplicate_and_ids_move_between_texts() {
    for mut store in backends() {
        let plants = one_fact("a", PLANTS, "5 plants", 5.0, "plant");
        let farms = one_fact("a", FARMS, "7 farms", 7.0, "farm");
        for id in ["a", "b", "c"] {
            store
                .put(&NewDocument::new(id, id, PLANTS), &plants, V, false)
                .unwrap();
        }
        // c, a duplicate, is given a text of its own; then a leaves PLANTS: b takes it over.
        store
            .put(&NewDocument::new("c", "c2", FARMS), &farms, V, false)
            .unwrap();
        store
            .put(
                &NewDocument::new("a", "a2", "Nothing to count."),
                &Extraction::default(),
                V,
                false,
            )
            .unwrap();
        assert_eq!(facts_of(&*store, "b"), ["5 plants"]);
        assert_eq!(facts_of(&*store, "c"), ["7 farms"]);
        assert!(facts_of(&*store, "a").is_empty());
        // b, holding PLANTS, now says what c says: PLANTS has no one left and goes; b is a
        // duplicate of c.
        assert_eq!(
            store
                .put(&NewDocument::new("b", "b2", FARMS), &farms, V, false)
                .unwrap(),
            Put::Duplicate { of: "c".into() }
        );
        assert!(search(&*store, "plants").is_empty());
        assert_eq!(facts_of(&*store, "b"), ["7 farms"]);
        let stats = store.stats().unwrap();
        assert_eq!((stats.documents, stats.duplicates, stats.facts), (2, 1, 1));
        // And a forced ingest of a duplicate changes nothing.
        assert!(!store
            .put(&NewDocument::new("b", "b3", FARMS), &farms, V, true)
            .unwrap()
            .is_written());
        assert_eq!(store.stats().unwrap().facts, 1);
        store.check_integrity().unwrap();
    }
}

#[test]
fn the_date_given_with_a_text_is_part_of_its_identity() {
    for mut store in backends() {
        let mut a = NewDocument::new("a", "a", "Prices rose 2% this year.");
        a.meta_date = NaiveDate::from_ymd_opt(2023, 1, 1);
        let mut b = a;
        b.doc = "b";
        b.meta_date = NaiveDate::from_ymd_opt(2024, 1, 1);
        assert!(store
            .put(&a, &Extraction::default(), V, false)
            .unwrap()
            .is_written());
        assert!(store
            .put(&b, &Extraction::default(), V, false)
            .unwrap()
            .is_written());
        let stored = store.document("b").unwrap().unwrap();
        assert_eq!(stored.meta_date, b.meta_date);
    }
}

#[test]
fn a_batch_writes_each_document_whole() {
    for mut store in backends() {
        let one = Extraction {
            facts: vec![fact(
                "5 plants",
                5.0,
                "plant",
                "companies",
                None,
                None,
                Status::Actual,
            )],
            ..Default::default()
        };
        let docs = [
            NewDocument::new("d1", "d1", "text one"),
            NewDocument::new("d2", "d2", "text two"),
            NewDocument::new("d1", "d1 again", "text one"),
        ];
        let items: Vec<_> = docs.iter().map(|d| (*d, &one)).collect();
        let results = store.put_batch(&items, V, false).unwrap();
        assert!(matches!(results[0], Ok(Put::Inserted { facts: 1 })));
        assert!(matches!(results[1], Ok(Put::Inserted { facts: 1 })));
        assert!(matches!(results[2], Ok(Put::Unchanged { .. })));
        assert_eq!(store.stats().unwrap().facts, 2);
    }
}

#[test]
fn a_batch_may_replace_what_it_wrote_earlier_in_it() {
    for mut store in backends() {
        let plants = one_fact("d1", PLANTS, "5 plants", 5.0, "plant");
        let farms = one_fact("d1", FARMS, "7 farms", 7.0, "farm");
        let items = [
            (NewDocument::new("d1", "a", PLANTS), &plants),
            (NewDocument::new("d2", "b", PLANTS), &plants),
            (NewDocument::new("d1", "c", FARMS), &farms),
        ];
        let results = store.put_batch(&items, V, false).unwrap();
        assert!(matches!(results[0], Ok(Put::Inserted { facts: 1 })));
        assert!(matches!(results[1], Ok(Put::Duplicate { .. })));
        assert!(matches!(results[2], Ok(Put::Replaced { facts: 1, .. })));
        // d1's old text stays, now under d2, whose duplicate it was.
        assert_eq!(search(&*store, "plants"), ["5 plants"]);
        assert_eq!(search(&*store, "region opened"), ["5 plants", "7 farms"]);
        store.check_integrity().unwrap();
        let d2 = store.document("d2").unwrap().unwrap();
        assert_eq!((d2.text.as_str(), d2.summary.duplicate_of), (PLANTS, None));

        // Forced twice in one batch, after a batch that indexed it.
        let items = [
            (NewDocument::new("d1", "d", FARMS), &farms),
            (NewDocument::new("d1", "e", FARMS), &farms),
        ];
        let results = store.put_batch(&items, V, true).unwrap();
        assert!(results
            .iter()
            .all(|r| matches!(r, Ok(Put::Replaced { facts: 1, .. }))));
        assert_eq!(search(&*store, "\"7 farms\""), ["7 farms"]);
        assert_eq!(store.stats().unwrap().facts, 2);
        let doc = FactFilter {
            doc: Some("d1".into()),
            ..Default::default()
        };
        assert_eq!(texts(&*store, doc), ["7 farms"]);
        store.check_integrity().unwrap();
    }
}

/// `fact_counts` (what totals and facets read) stays the count of the corrected facts
/// through corrections, their undoing, a document written again and an import; the
/// integrity check recounts it.
#[test]
fn fact_counts_follow_corrections_and_rewrites() {
    for mut store in ledgers() {
        store.check_integrity().unwrap();
        let facts = store.facts(&FactFilter::default()).unwrap();
        let id = |text: &str| facts.iter().find(|f| f.fact.text == text).unwrap().id;
        let edit = CorrectionEdit {
            subject: Some("ASTANA".into()),
            metric: Some(Metric::Investment),
            period: Some("2019/2021".parse().unwrap()),
            status: Some(Status::Planned),
            measure: Some(Measure::Share),
            ..CorrectionEdit::default()
        };
        store.correct(id("369 jobs"), &edit).unwrap().unwrap();
        store.check_integrity().unwrap();
        let reject = CorrectionEdit {
            reject: true,
            ..CorrectionEdit::default()
        };
        store.correct(id("3 schools"), &reject).unwrap().unwrap();
        store.check_integrity().unwrap();
        // A second correction of the same fact merges into the first.
        let again = CorrectionEdit {
            subject: Some("Almaty".into()),
            ..CorrectionEdit::default()
        };
        store.correct(id("369 jobs"), &again).unwrap().unwrap();
        store.check_integrity().unwrap();

        // Written again under new ids: the corrections hold, and so do the counts.
        let alatau = store.document("alatau").unwrap().unwrap();
        let extraction = Extraction {
            facts: store
                .facts(&FactFilter {
                    doc: Some("alatau".into()),
                    ..FactFilter::default()
                })
                .unwrap()
                .into_iter()
                .map(|f| f.fact)
                .collect(),
            ..Extraction::default()
        };
        let new = NewDocument::new("alatau", "again", &alatau.text);
        store.put(&new, &extraction, V, true).unwrap();
        store.check_integrity().unwrap();

        let facts = store.facts(&FactFilter::default()).unwrap();
        let jobs = facts.iter().find(|f| f.fact.text == "369 jobs").unwrap().id;
        assert!(store.undo_correction(jobs).unwrap());
        store.check_integrity().unwrap();
        let exported = store.corrections().unwrap();
        assert_eq!(exported.len(), 1);

        let mut other = ledger(backends().swap_remove(0));
        other.import_corrections(&exported).unwrap();
        other.check_integrity().unwrap();
        assert_eq!(other.stats().unwrap().facts, 6);
        assert_eq!(other.facts(&FactFilter::default()).unwrap().len(), 5);
    }
}

#[test]
fn a_range_keeps_its_upper_end_until_its_value_is_corrected() {
    const RANGES: &str = "The fund will invest 20-30 billion tenge. It will open 4 plants.";
    for mut store in backends() {
        let mut range = fact(
            "20-30 billion tenge",
            20e9,
            "KZT",
            "investment",
            None,
            None,
            Status::Planned,
        );
        range.value_high = Some(30e9);
        let plants = fact(
            "4 plants",
            4.0,
            "plant",
            "companies",
            None,
            None,
            Status::Planned,
        );
        let extraction = Extraction {
            facts: vec![
                placed(range, "fund", RANGES),
                placed(plants, "fund", RANGES),
            ],
            ..Default::default()
        };
        store
            .put(
                &NewDocument::new("fund", "fund.txt", RANGES),
                &extraction,
                V,
                false,
            )
            .unwrap();
        let highs = |store: &dyn Ledger| -> Vec<(f64, Option<f64>)> {
            let facts = store.facts(&FactFilter::default()).unwrap();
            facts
                .iter()
                .map(|f| (f.fact.value, f.fact.value_high))
                .collect()
        };
        assert_eq!(highs(&*store), [(20e9, Some(30e9)), (4.0, None)]);
        let stored = store.facts(&FactFilter::default()).unwrap();
        assert_eq!(stored[0].fact, extraction.facts[0]);

        // Read through corrections: another subject keeps the range, another value ends it.
        let id = stored[0].id;
        let subject = CorrectionEdit {
            subject: Some("Astana".into()),
            ..CorrectionEdit::default()
        };
        store.correct(id, &subject).unwrap().unwrap();
        assert_eq!(highs(&*store), [(20e9, Some(30e9)), (4.0, None)]);
        let value = CorrectionEdit {
            value: Some(25e9),
            ..CorrectionEdit::default()
        };
        store.correct(id, &value).unwrap().unwrap();
        assert_eq!(highs(&*store), [(25e9, None), (4.0, None)]);
        assert!(store.undo_correction(id).unwrap());
        assert_eq!(highs(&*store), [(20e9, Some(30e9)), (4.0, None)]);
        store.check_integrity().unwrap();
    }
}

#[test]
fn a_document_that_fails_leaves_the_batch_as_it_was() {
    for mut store in backends() {
        let plants = one_fact("d1", PLANTS, "5 plants", 5.0, "plant");
        // A fact neither backend can hold (SQLite stores NaN as NULL, PostgreSQL takes no NUL
        // in a text): writing this document fails, after it has taken the place of the first
        // one.
        let mut broken = one_fact("d1", FARMS, "7 farms", f64::NAN, "farm");
        broken.facts[0].text.push('\0');
        let items = [
            (NewDocument::new("d1", "a", PLANTS), &plants),
            (NewDocument::new("d1", "b", FARMS), &broken),
            (
                NewDocument::new("d2", "c", "Other text."),
                &Extraction::default(),
            ),
        ];
        let results = store.put_batch(&items, V, false).unwrap();
        assert!(matches!(results[0], Ok(Put::Inserted { facts: 1 })));
        assert!(results[1].is_err(), "{:?}", results[1]);
        assert!(matches!(results[2], Ok(Put::Inserted { facts: 0 })));
        assert_eq!(search(&*store, "plants"), ["5 plants"]);
        assert!(search(&*store, "farms").is_empty());
        assert_eq!(store.document("d1").unwrap().unwrap().summary.origin, "a");
        store.check_integrity().unwrap();
    }
}

#[test]
fn stale_documents_are_those_of_another_extractor_version() {
    for mut store in ledgers() {
        let newer = NewDocument::new("new", "new", "A newer text.");
        store
            .put(&newer, &Extraction::default(), "test+2", false)
            .unwrap();
        let stale = store.stale_documents("test+2").unwrap();
        assert_eq!(stale.len(), 3);
        let first = store.document_by_row(stale[0]).unwrap().unwrap();
        assert_eq!(first.summary.doc, "almaty");
        assert_eq!(first.as_new().text, ALMATY);
        assert!(store.stale_documents(V).unwrap().len() == 1);
    }
}

#[test]
fn a_file_ledger_reopens_at_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .put(
                &NewDocument::new("x", "x", "Some text."),
                &Extraction::default(),
                V,
                false,
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 8);
    assert_eq!(store.stats().unwrap().documents, 1);
    drop(store);

    // A ledger written by a newer almanac is refused, not misread.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO schema_migrations VALUES (99, 'future', 'now')",
        [],
    )
    .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::SchemaTooNew {
            found: 99,
            known: 8
        })
    ));

    // Not a database at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![7u8; 4096]).unwrap();
    let err = Store::open(&junk).unwrap_err();
    assert!(err.to_string().contains("junk.db"), "{err}");
}

// Queries: one test per filter.

#[test]
fn subject_matches_names_and_aliases_in_any_case() {
    for store in ledgers() {
        let by = |s: &str| {
            texts(
                &*store,
                FactFilter {
                    subject: Some(s.into()),
                    ..Default::default()
                },
            )
        };
        assert_eq!(by("Almaty"), ["15 billion tenge", "32.8%"]);
        assert_eq!(by("almaty city"), ["15 billion tenge", "32.8%"]);
        assert_eq!(by("AIZ"), ["369 jobs"]);
        assert_eq!(by("Nur-Sultan"), ["5.5 percent"]);
        assert!(by("Shymkent").is_empty());
    }
}

#[test]
fn within_adds_the_places_that_are_part_of_the_subject() {
    for store in ledgers() {
        let got = texts(
            &*store,
            FactFilter {
                subject: Some("Almaty".into()),
                within: true,
                ..Default::default()
            },
        );
        assert_eq!(
            got,
            [
                "15 billion tenge",
                "369 jobs",
                "32.8%",
                "3 schools",
                "12 parks"
            ]
        );
    }
}

#[test]
fn metric_measure_status_unit_and_doc() {
    for store in ledgers() {
        let f = |filter: FactFilter| texts(&*store, filter);
        assert_eq!(
            f(FactFilter {
                metric: vec!["infrastructure".into()],
                ..Default::default()
            }),
            ["3 schools", "12 parks"]
        );
        assert_eq!(
            f(FactFilter {
                metric: vec!["jobs".into(), "economy".into()],
                ..Default::default()
            }),
            ["369 jobs", "5.5 percent"]
        );
        assert_eq!(
            f(FactFilter {
                measure: vec!["change".into()],
                ..Default::default()
            }),
            ["32.8%", "5.5 percent"]
        );
        assert_eq!(
            f(FactFilter {
                status: vec!["planned".into()],
                ..Default::default()
            }),
            ["369 jobs", "12 parks"]
        );
        assert_eq!(
            f(FactFilter {
                unit: vec!["KZT".into()],
                ..Default::default()
            }),
            ["15 billion tenge"]
        );
        assert_eq!(
            f(FactFilter {
                doc: Some("alatau".into()),
                ..Default::default()
            }),
            ["3 schools", "12 parks"]
        );
    }
}

#[test]
fn period_selects_by_overlap() {
    for store in ledgers() {
        let at = |p: &str| {
            texts(
                &*store,
                FactFilter {
                    period: Some(p.parse().unwrap()),
                    ..Default::default()
                },
            )
        };
        assert_eq!(at("2024"), ["3 schools", "12 parks", "5.5 percent"]);
        assert_eq!(at("2024-02"), ["3 schools", "12 parks", "5.5 percent"]);
        assert_eq!(at("2024-05"), ["3 schools", "12 parks"]);
        assert_eq!(at("2029"), ["12 parks"]);
        assert_eq!(
            at("2023-06/2025-01"),
            [
                "15 billion tenge",
                "369 jobs",
                "32.8%",
                "3 schools",
                "12 parks",
                "5.5 percent"
            ]
        );
        assert!(at("2019").is_empty());
    }
}

#[test]
fn text_searches_the_sentences() {
    for store in ledgers() {
        let search = |q: &str| search(&*store, q);
        assert_eq!(search("industrial zone"), ["369 jobs"]);
        assert_eq!(search("\"industrial output\""), ["32.8%"]);
        assert_eq!(search("schools OR economy"), ["3 schools", "5.5 percent"]);
        assert_eq!(search("invest*"), ["15 billion tenge"]);
        assert_eq!(search("32.8%"), ["32.8%"]);
        let err = store
            .facts(&FactFilter {
                text: Some("AND (".into()),
                ..Default::default()
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::TextQuery { .. }), "{err}");
    }
}

#[test]
fn sort_and_limit() {
    for store in ledgers() {
        let sorted = |s: &str, limit| {
            texts(
                &*store,
                FactFilter {
                    sort: s.parse().unwrap(),
                    limit,
                    ..Default::default()
                },
            )
        };
        assert_eq!(sorted("-value_usd", Some(1)), ["15 billion tenge"]);
        assert_eq!(sorted("-value", Some(2)), ["15 billion tenge", "369 jobs"]);
        assert_eq!(sorted("period", Some(2)), ["15 billion tenge", "32.8%"]);
        assert_eq!(sorted("-date", Some(2)), ["3 schools", "12 parks"]);
        assert_eq!(sorted("subject", Some(1)), ["3 schools"]);
        assert_eq!(
            "value".parse::<almanac_store::FactSort>().unwrap().key,
            SortKey::Value
        );
        assert!("size".parse::<almanac_store::FactSort>().is_err());
        let filter = FactFilter {
            limit: Some(1),
            ..Default::default()
        };
        assert_eq!(store.count_facts(&filter).unwrap(), 6);
    }
}

#[test]
fn money_is_normalised_and_says_which_rate_it_used() {
    for store in ledgers() {
        let facts = store
            .facts(&FactFilter {
                unit: vec!["KZT".into()],
                ..Default::default()
            })
            .unwrap();
        let f = &facts[0];
        assert_eq!(f.value_kzt, Some(15e9));
        assert_eq!(f.value_usd, Some(33.7e6));
        let usd_rate = f.usd_rate.as_ref().unwrap();
        assert_eq!(usd_rate.source, RateSource::Text);
        let implied = f.implied_rate.as_ref().unwrap();
        assert_eq!(
            (implied.currency.as_str(), implied.kzt_per_unit.round()),
            ("USD", 445.0)
        );
        assert_eq!(
            f.fact.equivalents,
            [Equivalent {
                value: 33.7e6,
                unit: "USD".into()
            }]
        );
        assert_eq!(f.fact.period, Some(Period::Year(2023)));
        assert_eq!(f.doc_date, NaiveDate::from_ymd_opt(2024, 2, 1));
        assert_eq!(&ALMATY[f.fact.span[0]..f.fact.span[1]], f.fact.text);
        assert!(f.fact.sentence.starts_with("Almaty attracted"));
    }

    // Without an equivalent, the official rate of the period.
    for mut store in backends() {
        let text = "The plant cost 2 million euros in 2021.";
        let ex = Extraction {
            facts: vec![placed(
                fact(
                    "2 million euros",
                    2e6,
                    "EUR",
                    "investment",
                    None,
                    Some("2021"),
                    Status::Actual,
                ),
                "p",
                text,
            )],
            ..Default::default()
        };
        store
            .put(&NewDocument::new("p", "p", text), &ex, V, false)
            .unwrap();
        let f = &store.facts(&FactFilter::default()).unwrap()[0];
        assert_eq!(f.value_kzt, Some(2e6 * 504.10));
        let rate = f.kzt_rate.as_ref().unwrap();
        assert_eq!(
            (rate.currency.as_str(), rate.source, rate.period.as_str()),
            ("EUR", RateSource::Nbk, "2021")
        );
        assert_eq!(f.usd_rate.as_ref().unwrap().kzt_per_unit, 426.03);
        assert!(f.implied_rate.is_none());
    }
}

#[test]
fn entities_with_aliases_and_counts() {
    for store in ledgers() {
        let all = store.entities(&EntityFilter::default()).unwrap();
        let names: Vec<_> = all.iter().map(|e| (e.name.as_str(), e.facts)).collect();
        assert_eq!(
            names,
            [
                ("Almaty", 2),
                ("Alatau district", 2),
                ("Almaty Industrial Zone", 1),
                ("Astana", 1)
            ]
        );
        assert_eq!(all[0].aliases, ["Almaty city"]);
        assert_eq!((all[0].mentions, all[0].documents), (2, 1));
        let within = store
            .entities(&EntityFilter {
                within: Some("Almaty".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(within.len(), 3);
        let districts = store
            .entities(&EntityFilter {
                kind: Some("district".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(districts.len(), 1);
        let search = store
            .entities(&EntityFilter {
                search: Some("nur".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(search[0].name, "Astana");
    }
}

#[test]
fn documents_list_with_counts() {
    for store in ledgers() {
        let docs = store
            .documents(&DocFilter {
                newest_first: true,
                ..Default::default()
            })
            .unwrap();
        let ids: Vec<_> = docs.iter().map(|d| (d.doc.as_str(), d.facts)).collect();
        assert_eq!(ids, [("alatau", 2), ("astana", 1), ("almaty", 3)]);
        assert_eq!(docs[0].date_source.as_deref(), Some("metadata"));
        let in_april = store
            .documents(&DocFilter {
                period: Some("2024-04".parse().unwrap()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(in_april.len(), 1);
        let search = store
            .documents(&DocFilter {
                search: Some("ALA".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(search.len(), 1);
    }
}

#[test]
fn each_document_keeps_the_language_it_was_read_in() {
    use almanac_extract::Lang;
    for mut store in backends() {
        let read_as = |lang| Extraction {
            lang,
            ..Default::default()
        };
        let (en, ru, kk) = (
            read_as(Lang::English),
            read_as(Lang::Russian),
            read_as(Lang::Kazakh),
        );
        // A batch of new documents (PostgreSQL writes it in one statement), then one more.
        let items = [
            (NewDocument::new("en", "en", "Exports rose."), &en),
            (NewDocument::new("ru", "ru", "Экспорт вырос."), &ru),
        ];
        for result in store.put_batch(&items, V, false).unwrap() {
            assert!(matches!(result, Ok(Put::Inserted { .. })), "{result:?}");
        }
        let kazakh = NewDocument::new("kk", "kk", "Экспорт өсті.");
        store.put(&kazakh, &kk, V, false).unwrap();
        // The same text under another id shares its document's language.
        let again = NewDocument::new("ru-again", "ru2", "Экспорт вырос.");
        store.put(&again, &en, V, false).unwrap();

        let langs = |store: &dyn Ledger| -> Vec<(String, Option<Lang>)> {
            let docs = store.documents(&DocFilter::default()).unwrap();
            docs.into_iter().map(|d| (d.doc, d.lang)).collect()
        };
        let owned = |pairs: &[(&str, Lang)]| -> Vec<(String, Option<Lang>)> {
            pairs
                .iter()
                .map(|(d, l)| (d.to_string(), Some(*l)))
                .collect()
        };
        assert_eq!(
            langs(&*store),
            owned(&[
                ("en", Lang::English),
                ("ru", Lang::Russian),
                ("ru-again", Lang::Russian),
                ("kk", Lang::Kazakh),
            ])
        );
        let shown = store.document("kk").unwrap().unwrap();
        assert_eq!(shown.summary.lang, Some(Lang::Kazakh));

        // Read again in another language (`--force`, `reindex`): the new one is kept.
        store.put(&kazakh, &ru, V, true).unwrap();
        let shown = store.document("kk").unwrap().unwrap();
        assert_eq!(shown.summary.lang, Some(Lang::Russian));
        let json = serde_json::to_value(&shown.summary).unwrap();
        assert_eq!(json["lang"], "ru");
    }
}

// Reading only.

#[test]
fn a_ledger_opened_read_only_answers_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    {
        let mut store = Store::open(&path).unwrap();
        let plants = one_fact("a", PLANTS, "5 plants", 5.0, "plant");
        store
            .put(&NewDocument::new("a", "a", PLANTS), &plants, V, false)
            .unwrap();
    }
    // SQLite's read-only mode: real whoever runs it, root included.
    let mut store = Store::open_read_only(&path).unwrap();
    assert_eq!(search(&store, "plants"), ["5 plants"]);
    assert_eq!(store.stats().unwrap().documents, 1);
    let farms = one_fact("b", FARMS, "7 farms", 7.0, "farm");
    let err = store
        .put(&NewDocument::new("b", "b", FARMS), &farms, V, false)
        .unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
    drop(store);
    assert_eq!(Store::open(&path).unwrap().stats().unwrap().facts, 1);
    // A missing ledger is not created by reading it.
    assert!(Store::open_read_only(dir.path().join("none.db")).is_err());
    assert!(!dir.path().join("none.db").exists());
}

/// What `almanac serve` reads, on every backend and the same there: keyset pages that
/// follow each other in every sort, totals and facet counts that count the facts, one
/// entity by any name, the overview and a subject's figures by period, before and after
/// corrections.
#[test]
fn pages_facets_and_period_figures_are_the_same_on_every_backend() {
    let sorts = [
        "doc",
        "-doc",
        "date",
        "-date",
        "period",
        "-period",
        "value",
        "-value",
        "value_kzt",
        "-value_kzt",
        "value_usd",
        "-value_usd",
        "subject",
        "-subject",
        "metric",
        "-metric",
    ];
    let filters = || {
        let mut out = vec![FactFilter::default()];
        out.push(FactFilter {
            subject: Some("almaty".into()),
            within: true,
            ..FactFilter::default()
        });
        out.push(FactFilter {
            status: vec!["actual".into()],
            period: Some("2023/2024".parse().unwrap()),
            ..FactFilter::default()
        });
        out
    };
    let answers = |store: &dyn Ledger| {
        let mut out = Vec::new();
        for filter in filters() {
            for sort in sorts {
                let filter = FactFilter {
                    sort: sort.parse().unwrap(),
                    ..filter.clone()
                };
                let all = texts(store, filter.clone());
                let mut walked = Vec::new();
                let mut cursor = None;
                loop {
                    let page = store.fact_page(&filter, cursor.as_ref(), 2).unwrap();
                    walked.extend(page.facts.iter().map(|f| f.fact.text.clone()));
                    match page.next {
                        Some(next) => cursor = Some(next),
                        None => break,
                    }
                }
                assert_eq!(walked, all, "pages of {filter:?}");
                out.push(format!("{sort}: {all:?}"));
            }
            let total = store.total_facts(&filter).unwrap();
            assert_eq!(total, store.facts(&filter).unwrap().len() as u64);
            out.push(format!("total {total}"));
            for facet in Facet::ALL {
                let counts = store.facet_counts(&filter, facet, 10).unwrap();
                out.push(format!("{counts:?}"));
            }
        }
        let almaty = store.entity("ALMATY").unwrap().unwrap();
        assert_eq!(almaty.name, "Almaty");
        assert!(store.entity("Atlantis").unwrap().is_none());
        let overview = store.overview().unwrap();
        assert_eq!(overview.documents, 3);
        out.push(format!("{overview:?}"));
        let figures = store.period_figures("almaty").unwrap();
        let dated = store
            .facts(&FactFilter {
                subject: Some("Almaty".into()),
                ..FactFilter::default()
            })
            .unwrap()
            .into_iter()
            .filter(|f| f.fact.metric.is_some() && f.fact.period.is_some())
            .count() as u64;
        assert_eq!(figures.iter().map(|g| g.facts).sum::<u64>(), dated);
        out.push(format!("{figures:?}"));
        out
    };
    let mut seen: Option<(Vec<String>, Vec<String>)> = None;
    for mut store in ledgers() {
        let extracted = answers(&*store);
        let facts = store.facts(&FactFilter::default()).unwrap();
        let id = |text: &str| facts.iter().find(|f| f.fact.text == text).unwrap().id;
        let edit = CorrectionEdit {
            subject: Some("ALMATY".into()),
            value: Some(4e12),
            period: Some("2022".parse().unwrap()),
            ..CorrectionEdit::default()
        };
        store.correct(id("3 schools"), &edit).unwrap().unwrap();
        let reject = CorrectionEdit {
            reject: true,
            ..CorrectionEdit::default()
        };
        store.correct(id("369 jobs"), &reject).unwrap().unwrap();
        let corrected = answers(&*store);
        assert_ne!(extracted, corrected);
        match &seen {
            None => seen = Some((extracted, corrected)),
            Some(first) => assert_eq!(first, &(extracted, corrected), "the same on PostgreSQL"),
        }
    }
}
