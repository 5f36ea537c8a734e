//! Query parameters: typed structs that both deserialise and document themselves
//! (`IntoParams`: each field's doc comment is its description in the OpenAPI document), the
//! extractor that reads them and answers a bad one with a 400 naming it, and their
//! conversion into the store's filters.
//!
//! Lists (`metric`, `measure`, `status`, `unit`) take the parameter repeated, as an HTML
//! form sends checkboxes (`metric=jobs&metric=investment`), or comma-separated, as
//! `almanac facts --metric jobs,investment` does.

use almanac_analysis::Currency;
use almanac_extract::{Metric, Period};
use almanac_store::{FactCursor, FactFilter, FactSort};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{IntoParams, ToSchema};

use crate::error::Error;

/// The query string as `T`; a parameter that does not parse is a 400 naming it.
pub struct Q<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Error> {
        let query = parts.uri.query().unwrap_or_default();
        let deserializer = serde_html_form::Deserializer::from_bytes(query.as_bytes());
        serde_path_to_error::deserialize(deserializer)
            .map(Q)
            .map_err(|err| {
                let parameter = err.path().to_string();
                let message = err.into_inner().to_string();
                if parameter == "." {
                    Error::new(axum::http::StatusCode::BAD_REQUEST, message)
                } else {
                    Error::bad_parameter(&parameter, message)
                }
            })
    }
}

/// The metrics of FACTS.md, for the OpenAPI document: a string enum built from
/// `Metric::ALL`, so the document lists exactly what the extractor knows.
pub struct MetricName;

impl utoipa::PartialSchema for MetricName {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(Metric::ALL.iter().map(|m| m.as_str())))
            .into()
    }
}

impl ToSchema for MetricName {}

/// Amount, growth, index or share (FACTS.md `measure`).
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)] // Only its schema is used: the values are parsed with the others.
pub enum MeasureName {
    Level,
    Change,
    Index,
    Share,
}

const MEASURES: [&str; 4] = ["level", "change", "index", "share"];

/// Achieved or planned (FACTS.md `status`).
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)] // Only its schema is used.
pub enum StatusName {
    Actual,
    Planned,
}

const STATUSES: [&str; 2] = ["actual", "planned"];

/// How a list of facts is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One JSON document with the facts, the total, the facets and the next page.
    #[default]
    Json,
    /// The facts of the page as CSV, with the columns of `almanac facts --format csv`.
    Csv,
    /// The facts of the page, one JSON object a line.
    Ndjson,
}

/// The filters of `almanac facts`, a sort and a page.
#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct FactsParams {
    /// The place or organisation the facts are about: canonical name or alias, any case.
    #[param(example = "Almaty")]
    pub subject: Option<String>,
    /// With `subject`: also the places that are part of it (districts of a city...).
    pub within: bool,
    /// What is measured; several by repeating the parameter or separating them with commas.
    #[param(value_type = Vec<MetricName>, style = Form, explode = true)]
    pub metric: Vec<String>,
    /// Amount, growth, index or share; several as for `metric`.
    #[param(value_type = Vec<MeasureName>, style = Form, explode = true)]
    pub measure: Vec<String>,
    /// Achieved or planned; both as for `metric`.
    #[param(value_type = Vec<StatusName>, style = Form, explode = true)]
    pub status: Vec<String>,
    /// The unit: KZT, USD, %, job, project...; several as for `metric`.
    #[param(style = Form, explode = true)]
    pub unit: Vec<String>,
    /// Facts whose period overlaps this one: 2023, 2023-05, 2023-Q1, 2021/2023...
    #[param(example = "2023")]
    pub period: Option<String>,
    /// Facts of one document (its id).
    pub doc: Option<String>,
    /// Full-text search in the facts' sentences: words, "a phrase", a OR b, prefix*.
    pub text: Option<String>,
    /// The order: doc (ledger order, the default), date, period, value, value_kzt,
    /// value_usd, subject, metric; a leading - sorts descending (-value).
    #[param(example = "-value")]
    pub sort: Option<String>,
    /// Where the page starts: the `next_cursor` of the previous page (keyset pagination).
    pub cursor: Option<String>,
    /// Facts per page, 1 to 1000 (50 by default).
    #[param(minimum = 1, maximum = 1000)]
    pub size: Option<usize>,
    /// json (the default), csv or ndjson: the same facts in another format.
    #[serde(rename = "_format")]
    #[param(rename = "_format", value_type = Option<Format>)]
    pub format: Option<String>,
    /// Whether to count the facets of the filter (true by default).
    #[serde(rename = "_facets")]
    #[param(rename = "_facets")]
    pub facets: Option<bool>,
}

/// The largest page.
pub const MAX_PAGE: usize = 1000;
/// The page size when none is asked.
pub const DEFAULT_PAGE: usize = 50;

/// A facts request, checked.
#[derive(Debug, Clone)]
pub struct FactsRequest {
    pub filter: FactFilter,
    pub cursor: Option<FactCursor>,
    pub size: usize,
    pub format: Format,
    pub facets: bool,
}

impl FactsParams {
    /// The store's filter, cursor and page, every value checked.
    pub fn check(&self) -> Result<FactsRequest, Error> {
        let subject = non_empty(&self.subject);
        if self.within && subject.is_none() {
            return Err(Error::bad_parameter("within", "needs a subject"));
        }
        let metric = list("metric", &self.metric, |m| {
            // The names the command line takes: FACTS.md's and the common ones (`GDP`).
            Metric::from_name(m)
                .map(|m| m.as_str().to_string())
                .ok_or_else(|| {
                    let names: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
                    format!("unknown metric {m:?}; expected one of {}", names.join(", "))
                })
        })?;
        let measure = list("measure", &self.measure, |m| {
            one_of(m, &MEASURES, "measure")
        })?;
        let status = list("status", &self.status, |s| one_of(s, &STATUSES, "status"))?;
        let unit = list("unit", &self.unit, |u| Ok(normalise_unit(u)))?;
        let period = match non_empty(&self.period) {
            None => None,
            Some(p) => Some(period("period", &p)?),
        };
        let sort = match non_empty(&self.sort) {
            None => FactSort::default(),
            Some(s) => s
                .parse::<FactSort>()
                .map_err(|e| Error::bad_parameter("sort", e))?,
        };
        let size = match self.size {
            None => DEFAULT_PAGE,
            Some(n) if (1..=MAX_PAGE).contains(&n) => n,
            Some(n) => {
                return Err(Error::bad_parameter(
                    "size",
                    format!("{n} is not from 1 to {MAX_PAGE}"),
                ))
            }
        };
        let cursor = match non_empty(&self.cursor) {
            None => None,
            Some(c) => Some(decode_cursor(&c)?),
        };
        let format = match non_empty(&self.format).as_deref() {
            None | Some("json") => Format::Json,
            Some("csv") => Format::Csv,
            Some("ndjson") | Some("jsonl") => Format::Ndjson,
            Some(other) => {
                return Err(Error::bad_parameter(
                    "_format",
                    format!("unknown format {other:?}; expected json, csv or ndjson"),
                ))
            }
        };
        Ok(FactsRequest {
            filter: FactFilter {
                subject,
                within: self.within,
                metric,
                measure,
                status,
                unit,
                period,
                doc: non_empty(&self.doc),
                text: non_empty(&self.text),
                sort,
                limit: None,
            },
            cursor,
            size,
            format,
            facets: self.facets.unwrap_or(true),
        })
    }
}

/// A period parameter: one of FACTS.md's forms, its start not after its end.
pub fn period(parameter: &str, text: &str) -> Result<Period, Error> {
    let period: Period = text.trim().parse().map_err(|_| {
        Error::bad_parameter(
            parameter,
            format!("{text:?} is not a period (2023, 2023-05, 2023-Q1, 2021/2023...)"),
        )
    })?;
    let (start, end) = period.bounds();
    if start > end {
        return Err(Error::bad_parameter(
            parameter,
            format!("{text:?} ends before it starts"),
        ));
    }
    Ok(period)
}

/// The value, trimmed, unless empty (an empty form field is no filter).
pub fn non_empty(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// A page size parameter: `default` when none is given, else from 1 to [`MAX_PAGE`].
pub fn page_size(parameter: &str, size: Option<usize>, default: usize) -> Result<usize, Error> {
    match size {
        None => Ok(default),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) => Err(Error::bad_parameter(
            parameter,
            format!("{n} is not from 1 to {MAX_PAGE}"),
        )),
    }
}

/// A currency parameter: KZT when none is given, or USD, in any case.
pub fn currency(parameter: &str, value: &Option<String>) -> Result<Currency, Error> {
    match non_empty(value).map(|c| c.to_ascii_uppercase()).as_deref() {
        None | Some("KZT") => Ok(Currency::Kzt),
        Some("USD") => Ok(Currency::Usd),
        Some(other) => Err(Error::bad_parameter(
            parameter,
            format!("unknown currency {other:?}; expected KZT or USD"),
        )),
    }
}

/// The items of a list parameter, repeated or comma-separated, each checked by `parse`.
fn list(
    parameter: &str,
    values: &[String],
    parse: impl Fn(&str) -> Result<String, String>,
) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::new();
    for item in values.iter().flat_map(|v| v.split(',')) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let value = parse(item).map_err(|message| Error::bad_parameter(parameter, message))?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

fn one_of(value: &str, names: &[&str], what: &str) -> Result<String, String> {
    let lower = value.to_lowercase();
    if names.contains(&lower.as_str()) {
        Ok(lower)
    } else {
        Err(format!(
            "unknown {what} {value:?}; expected one of {}",
            names.join(", ")
        ))
    }
}

/// Currency codes upper case, every other unit lower case, as `almanac facts --unit` reads
/// them (`usd` -> `USD`, `Jobs` -> `jobs`, `kwh` -> `kWh`).
fn normalise_unit(unit: &str) -> String {
    if almanac_store::rates::is_currency(unit) {
        unit.to_ascii_uppercase()
    } else if unit.eq_ignore_ascii_case("kwh") {
        "kWh".to_string()
    } else {
        unit.to_lowercase()
    }
}

/// A cursor as the API writes it: the store's cursor as JSON, in URL-safe base64.
pub fn encode_cursor(cursor: &FactCursor) -> String {
    let json = serde_json::to_vec(cursor).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode_cursor(text: &str) -> Result<FactCursor, Error> {
    let bad = || {
        Error::bad_parameter(
            "cursor",
            "not a cursor this server wrote (take `next_cursor` from a page)",
        )
    };
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|_| bad())?;
    serde_json::from_slice(&json).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str) -> Result<FactsRequest, Error> {
        let params: FactsParams = serde_html_form::from_str(query).unwrap();
        params.check()
    }

    /// Each bad value is a 400 that names its parameter.
    #[test]
    fn bad_values_name_their_parameter() {
        for (query, parameter) in [
            ("metric=jobz", "metric"),
            ("metric=jobs,nothing", "metric"),
            ("measure=amount", "measure"),
            ("status=plan", "status"),
            ("period=2023-13", "period"),
            ("period=2025/2021", "period"),
            ("sort=size", "sort"),
            ("size=0", "size"),
            ("size=1001", "size"),
            ("cursor=xyz", "cursor"),
            ("_format=xml", "_format"),
            ("within=true", "within"),
        ] {
            let err = check(query).unwrap_err();
            assert_eq!(err.status, 400, "{query}");
            assert_eq!(err.parameter.as_deref(), Some(parameter), "{query}");
            assert!(
                err.message.starts_with(parameter),
                "{query}: {}",
                err.message
            );
        }
    }

    #[test]
    fn lists_are_repeated_or_comma_separated() {
        let request =
            check("metric=jobs&metric=Investment,fdi&status=planned&unit=usd&unit=Job").unwrap();
        assert_eq!(request.filter.metric, ["jobs", "investment", "fdi"]);
        assert_eq!(request.filter.status, ["planned"]);
        assert_eq!(request.filter.unit, ["USD", "job"]);
        assert_eq!(request.size, DEFAULT_PAGE);
        assert_eq!(request.format, Format::Json);
    }

    #[test]
    fn empty_form_fields_do_not_filter() {
        let request = check("subject=&metric=&period=&text=+&sort=&_format=").unwrap();
        assert_eq!(request.filter.subject, None);
        assert!(request.filter.metric.is_empty());
        assert_eq!(request.filter.period, None);
        assert_eq!(request.filter.text, None);
    }

    #[test]
    fn a_cursor_reads_back() {
        let cursor = FactCursor {
            sort: "-value".into(),
            keys: Some(vec![almanac_store::CursorValue::Number(15e9)]),
            id: 42,
        };
        let request = check(&format!("sort=-value&cursor={}", encode_cursor(&cursor))).unwrap();
        assert_eq!(request.cursor, Some(cursor));
    }
}
