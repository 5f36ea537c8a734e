//! The analyses on the Karaganda series (`examples/series/`), read from its hand-made
//! gold facts rather than from the extractor, so that these answers hold whatever the
//! extractor's state: exactly the alerts and verdicts `examples/series.md` states.

use std::collections::BTreeMap;

use almanac_analysis::{
    check, gazetteer, official_rates, promises, timeline, AlertKind, LedgerFact, PromiseOptions,
    Severity, TimelineOptions, Verdict,
};
use almanac_extract::{Equivalent, Fact, Measure, Qualifier, Status};
use serde_json::Value;

const GOLD: &str = include_str!("../../../examples/series-gold.jsonl");
const DOCS: &str = include_str!("../../../examples/series-docs.jsonl");

/// The gold facts as the ledger would hold them: ids in file order, document dates, money
/// normalised by the store's own rules.
fn ledger() -> Vec<LedgerFact> {
    let dates: BTreeMap<String, String> = DOCS
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|d| {
            (
                d["doc"].as_str().unwrap().to_string(),
                d["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let text = |v: &Value| v.as_str().map(str::to_string);
    GOLD.lines()
        .enumerate()
        .map(|(i, line)| {
            let g: Value = serde_json::from_str(line).unwrap();
            let fact = Fact {
                doc: g["doc"].as_str().unwrap().to_string(),
                text: g["text"].as_str().unwrap().to_string(),
                value: g["value"].as_f64().unwrap(),
                value_high: g["value_high"].as_f64(),
                unit: text(&g["unit"]),
                qualifier: serde_json::from_value::<Option<Qualifier>>(g["qualifier"].clone())
                    .unwrap(),
                metric: text(&g["metric"]).map(|m| m.parse().unwrap()),
                measure: serde_json::from_value::<Option<Measure>>(g["measure"].clone()).unwrap(),
                subject: text(&g["subject"]),
                period: g["period"].as_str().map(|p| p.parse().unwrap()),
                status: serde_json::from_value::<Option<Status>>(g["status"].clone()).unwrap(),
                equivalents: serde_json::from_value::<Vec<Equivalent>>(g["equivalents"].clone())
                    .unwrap(),
                per: text(&g["per"]),
                group: g["group"].as_u64().map(|n| n as u32),
                object: text(&g["object"]),
                span: [0, 0],
                sentence: g["sentence"].as_str().unwrap_or_default().to_string(),
            };
            let doc_date: chrono::NaiveDate = dates[&fact.doc].parse().unwrap();
            let on = fact.period.or(Some(almanac_extract::Period::Month(
                chrono::Datelike::year(&doc_date),
                chrono::Datelike::month(&doc_date) as u8,
            )));
            let money = fact.unit.as_deref().and_then(|u| {
                almanac_model::rates::normalise(fact.value, u, &fact.equivalents, on)
            });
            LedgerFact {
                id: i as i64 + 1,
                doc_date: Some(doc_date),
                value_kzt: money.as_ref().and_then(|m| m.value_kzt),
                value_usd: money.as_ref().and_then(|m| m.value_usd),
                kzt_rate: None,
                usd_rate: None,
                implied_rate: None,
                fact,
            }
        })
        .collect()
}

#[test]
fn check_finds_the_wrong_conversion_the_conflict_and_the_restatement_only() {
    let facts = ledger();
    let alerts = check(&facts, &official_rates, &gazetteer);
    type Found = (AlertKind, Severity, Vec<(String, String)>);
    let got: Vec<Found> = alerts
        .iter()
        .map(|a| {
            (
                a.kind,
                a.severity,
                a.facts
                    .iter()
                    .map(|e| (e.doc.clone(), e.text.clone()))
                    .collect(),
            )
        })
        .collect();
    let pair = |doc: &str, text: &str| (doc.to_string(), text.to_string());
    assert_eq!(
        got,
        [
            (
                AlertKind::Conversion,
                Severity::Warning,
                vec![pair("karaganda-2023-01", "46 billion tenge")]
            ),
            (
                AlertKind::Conflict,
                Severity::Warning,
                vec![
                    pair("karaganda-2023-01", "5.3 trillion tenge"),
                    pair("karaganda-2023-06", "5.9 trillion tenge")
                ]
            ),
            (
                AlertKind::Restated,
                Severity::Info,
                vec![
                    pair("karaganda-2022-06", "7.1 trillion tenge"),
                    pair("karaganda-2023-06", "7.1 trillion tenge")
                ]
            ),
        ],
        "{alerts:#?}"
    );
    assert_eq!(
        alerts[0].explanation,
        "46 billion KZT is given as 140 million USD, but at the official rate of 2022 it is 99.9 million USD: \
         the equivalent is 40% too high; it implies 328.57 KZT/USD against the official 460.48"
    );
    assert_eq!(
        alerts[1].explanation,
        "Karaganda region output 2022: reported as \"5.3 trillion tenge\" (karaganda-2023-01 2023-01-24) \
         vs \"5.9 trillion tenge\" (karaganda-2023-06 2023-06-20), 10% apart"
    );
    assert_eq!(
        alerts[2].explanation,
        "Karaganda region economy 2021: \"7.1 trillion tenge\" reported by 2 documents (karaganda-2022-06 2022-06-14, karaganda-2023-06 2023-06-20)"
    );
}

#[test]
fn promises_kept_partly_kept_and_open() {
    let facts = ledger();
    let found = promises(&facts, &PromiseOptions::default(), &gazetteer);
    let mut got: Vec<(String, String, Verdict, Option<f64>)> = found
        .iter()
        .flat_map(|p| {
            p.items.iter().map(move |i| {
                (
                    i.planned.doc.clone(),
                    i.planned.text.clone(),
                    p.verdict,
                    i.ratio.map(|r| (r * 100.0).round() / 100.0),
                )
            })
        })
        .collect();
    got.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let row = |doc: &str, text: &str, v: Verdict, r: Option<f64>| {
        (format!("karaganda-{doc}"), text.to_string(), v, r)
    };
    use Verdict::*;
    assert_eq!(
        got,
        [
            // P1, P2, P3.
            row("2021-11", "1,500 jobs", PartlyKept, Some(0.6)),
            row("2021-11", "12 investment projects", Kept, Some(1.0)),
            row("2021-11", "2,100 jobs", Kept, Some(1.0)),
            row("2021-11", "8 schools", Kept, Some(1.0)),
            row("2021-11", "85 billion tenge", Kept, Some(1.0)),
            // Open: the deadline has passed without a report, or is still ahead. The
            // plant's 240,000 tonnes a year has no deadline of its own: not a promise.
            row("2022-01", "14 km", Unreported, None),
            row("2023-01", "15 more projects", Unreported, None),
            row("2023-06", "27 km", NotYetReported, None),
            row("2024-02", "7 new participants", NotYetReported, None),
            row("2024-09", "18 km", NotYetReported, None),
            row("2024-09", "210 billion tenge", NotYetReported, None),
            row("2024-09", "30 investment projects", NotYetReported, None),
            row("2024-09", "5,200 jobs", NotYetReported, None),
            row("2024-09", "640 billion tenge", NotYetReported, None),
            row("2024-09", "900 jobs", NotYetReported, None),
        ]
    );
    let p2 = found
        .iter()
        .find(|p| p.items[0].planned.text == "1,500 jobs")
        .unwrap();
    assert_eq!(p2.items[0].evidence.len(), 1);
    assert_eq!(p2.items[0].evidence[0].doc, "karaganda-2024-02");
    assert_eq!(
        p2.explanation,
        "SEZ Saryarka: 1,500 jobs by 2023, announced 2021-11-16 (karaganda-2021-11): partly kept (60%); reported 900 jobs of 1,500 jobs"
    );
    // The Temirtau plan of 900 jobs is not matched to the zone's 900 jobs.
    let temirtau = found
        .iter()
        .find(|p| p.subject.as_deref() == Some("Temirtau") && p.items[0].planned.text == "900 jobs")
        .unwrap();
    assert!(temirtau.items[0].evidence.is_empty());
}

#[test]
fn promises_about_a_place_within_the_region() {
    let facts = ledger();
    let opts = PromiseOptions {
        subject: Some("SEZ Saryarka".into()),
        as_of: None,
    };
    let found = promises(&facts, &opts, &gazetteer);
    let texts: Vec<&str> = found
        .iter()
        .map(|p| p.items[0].planned.text.as_str())
        .collect();
    assert_eq!(texts, ["1,500 jobs", "7 new participants"]);
}

#[test]
fn timeline_of_the_regions_output() {
    let facts = ledger();
    let series = timeline(
        &facts,
        "Karaganda region",
        "output",
        &TimelineOptions::default(),
        &gazetteer,
    );
    assert_eq!(series.unit.as_deref(), Some("KZT"));
    let got: Vec<(String, Vec<f64>)> = series
        .points
        .iter()
        .map(|p| {
            (
                p.period.to_string(),
                p.readings
                    .iter()
                    .map(|r| (r.value / 1e11).round() / 10.0)
                    .collect(),
            )
        })
        .collect();
    let row = |p: &str, v: &[f64]| (p.to_string(), v.to_vec());
    assert_eq!(
        got,
        [
            row("2021-01/2021-10", &[4.3]),
            row("2021", &[4.9]),
            row("2022", &[5.3, 5.9]),
            row("2023", &[6.2]),
            row("2024-01/2024-07", &[4.1]),
        ]
    );
    assert!(series.points[2].is_disputed());
    // Restated GRP: one point, two sources.
    let grp = timeline(
        &facts,
        "Karaganda region",
        "economy",
        &TimelineOptions::default(),
        &gazetteer,
    );
    assert_eq!(grp.points[0].period.to_string(), "2021");
    assert_eq!(grp.points[0].readings.len(), 1);
    assert_eq!(grp.points[0].readings[0].sources.len(), 2);
    // The index is another measure, left out of the level series.
    assert!(grp
        .points
        .iter()
        .all(|p| p.readings.iter().all(|r| r.value > 1e12)));
}

/// A ledger of many documents: every analysis indexes rather than compares all pairs, so
/// this runs in well under a second (a quadratic pass would take minutes).
#[test]
fn large_ledgers_are_handled_without_pairwise_scans() {
    let base = ledger();
    let mut facts = Vec::new();
    for copy in 0..300 {
        for f in &base {
            let mut f = f.clone();
            f.id += copy * 1000;
            f.fact.doc = format!("{}-{copy}", f.fact.doc);
            // Each copy is about its own places, so copies do not restate each other.
            f.fact.subject = f.fact.subject.map(|s| format!("{s} {copy}"));
            facts.push(f);
        }
    }
    assert_eq!(facts.len(), 71 * 300);
    let started = std::time::Instant::now();
    let alerts = check(&facts, &official_rates, &gazetteer);
    let found = promises(&facts, &PromiseOptions::default(), &gazetteer);
    let elapsed = started.elapsed();
    // Three alerts per copy (the places are unknown to the gazetteer, so none lie in another).
    assert_eq!(alerts.len(), 3 * 300);
    assert_eq!(found.len(), 15 * 300);
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
}
