//! Small hand-made ledgers for the unit tests.

use almanac_extract::{Fact, Measure, Status};

use crate::ledger::LedgerFact;

/// A fact as the ledger would hold it; `""` leaves a field empty. Money gets no
/// normalised values: tests that need them set them.
#[allow(clippy::too_many_arguments)]
pub fn fact(
    id: i64,
    doc: &str,
    date: &str,
    text: &str,
    value: f64,
    unit: &str,
    metric: &str,
    measure: &str,
    subject: &str,
    period: &str,
    status: &str,
) -> LedgerFact {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    LedgerFact {
        id,
        fact: Fact {
            doc: doc.to_string(),
            text: text.to_string(),
            value,
            value_high: None,
            unit: some(unit),
            qualifier: None,
            metric: some(metric).map(|m| m.parse().unwrap()),
            measure: match measure {
                "level" => Some(Measure::Level),
                "change" => Some(Measure::Change),
                "index" => Some(Measure::Index),
                "share" => Some(Measure::Share),
                _ => None,
            },
            subject: some(subject),
            period: (!period.is_empty()).then(|| period.parse().expect("a period")),
            status: match status {
                "actual" => Some(Status::Actual),
                "planned" => Some(Status::Planned),
                _ => None,
            },
            equivalents: Vec::new(),
            per: None,
            group: None,
            object: None,
            span: [0, 0],
            sentence: format!("{subject}: {text}."),
        },
        doc_date: (!date.is_empty()).then(|| date.parse().expect("a date")),
        value_kzt: None,
        value_usd: None,
        kzt_rate: None,
        usd_rate: None,
        implied_rate: None,
    }
}

/// A small gazetteer: Almaty with a district and a zone, all in Kazakhstan.
pub fn places(name: &str) -> Vec<String> {
    let chain: &[&str] = match name {
        "Alatau district" | "Almaty Industrial Zone" => &["Almaty", "Kazakhstan"],
        "Almaty" | "Astana" | "Almaty region" => &["Kazakhstan"],
        _ => &[],
    };
    chain.iter().map(|s| s.to_string()).collect()
}
