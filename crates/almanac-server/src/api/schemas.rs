//! Schemas of records serialised by other crates, for the document only. The tests check
//! the API's answers against them.

use utoipa::ToSchema;

use crate::params::MetricName;

/// A fact as the ledger keeps it: FACTS.md's fields plus its id, its document's date and
/// money in tenge and dollars with the rates used.
#[derive(ToSchema)]
#[schema(as = Fact)]
#[allow(dead_code)]
pub struct FactSchema {
    /// The fact's id in this ledger.
    id: i64,
    /// The document id.
    doc: String,
    /// The figure as written.
    text: String,
    /// The number; the lower end of a range.
    value: f64,
    /// The upper end of a range that reports one state (`20-30 million tenge`), else none.
    value_high: Option<f64>,
    /// ISO 4217 for money, `%`, or the singular of what is counted.
    unit: Option<String>,
    #[schema(value_type = Option<String>, pattern = "^(more_than|less_than|about)$")]
    qualifier: Option<String>,
    #[schema(value_type = Option<MetricName>)]
    metric: Option<String>,
    #[schema(value_type = Option<crate::params::MeasureName>)]
    measure: Option<String>,
    subject: Option<String>,
    /// ISO 8601: `2021`, `2021-05`, `2021-Q1`, `2016/2022`.
    period: Option<String>,
    #[schema(value_type = Option<crate::params::StatusName>)]
    status: Option<String>,
    equivalents: Vec<EquivalentSchema>,
    per: Option<String>,
    group: Option<u32>,
    object: Option<String>,
    /// UTF-8 byte offsets of `text` in the document's text.
    #[schema(min_items = 2, max_items = 2)]
    span: Vec<u64>,
    sentence: String,
    #[schema(format = Date)]
    doc_date: Option<String>,
    value_kzt: Option<f64>,
    value_usd: Option<f64>,
    kzt_rate: Option<RateSchema>,
    usd_rate: Option<RateSchema>,
    implied_rate: Option<RateSchema>,
}

/// The same amount in another unit, written next to it.
#[derive(ToSchema)]
#[schema(as = Equivalent)]
#[allow(dead_code)]
pub struct EquivalentSchema {
    value: f64,
    unit: String,
}

/// A rate used to convert money: tenge per unit of `currency` over `period`.
#[derive(ToSchema)]
#[schema(as = Rate)]
#[allow(dead_code)]
pub struct RateSchema {
    currency: String,
    kzt_per_unit: f64,
    period: String,
    #[schema(pattern = "^(nbk|text|identity)$")]
    source: String,
}

/// A place, organisation or person, with its counts.
#[derive(ToSchema)]
#[schema(as = Entity)]
#[allow(dead_code)]
pub struct EntitySchema {
    name: String,
    /// country, region, city, district, town, zone, organisation or person; none for a
    /// subject facts name that the entity layer did not record.
    kind: Option<String>,
    part_of: Option<String>,
    role: Option<String>,
    role_of: Option<String>,
    aliases: Vec<String>,
    mentions: u64,
    documents: u64,
    /// Facts whose subject it is.
    facts: u64,
}
