//! Corrections of facts (`POST /api/facts/{id}/correction`): the request, its checks, and
//! the store's `correct`, which keeps a correction by the document's content hash and the
//! figure's span so that it survives reindex and re-ingest (the same as `almanac correct`).

use almanac_extract::{Measure, Metric, Status};
use almanac_store::{open_ledger, CorrectionEdit, LedgerAddress, StoredFact};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::Error;
use crate::params::{non_empty, period, MeasureName, MetricName, StatusName};

/// A person's correction of a fact: the fields as they should read, or `reject` for a
/// figure that is not a fact at all. The fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectionRequest {
    /// The place or organisation the figure is about.
    pub subject: Option<String>,
    /// ISO 8601: 2023, 2023-Q1, 2021/2023...
    pub period: Option<String>,
    #[schema(value_type = Option<MetricName>)]
    pub metric: Option<String>,
    #[schema(value_type = Option<MeasureName>)]
    pub measure: Option<String>,
    #[schema(value_type = Option<StatusName>)]
    pub status: Option<String>,
    pub value: Option<f64>,
    /// ISO 4217 for money, `%`, or the singular of what is counted.
    pub unit: Option<String>,
    /// Why, for the next reader.
    pub note: Option<String>,
    /// The figure is not a fact at all.
    #[serde(default)]
    pub reject: bool,
}

impl CorrectionRequest {
    /// The edit as the store takes it; a bad field is a 400 naming it, and a correction
    /// that neither changes a field nor rejects the fact is a 400 too.
    pub fn check(self) -> Result<CorrectionEdit, Error> {
        let period = match non_empty(&self.period) {
            Some(p) => Some(period("period", &p)?),
            None => None,
        };
        let metric = match non_empty(&self.metric) {
            Some(m) => Some(m.to_lowercase().parse::<Metric>().map_err(|_| {
                let names: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
                Error::bad_parameter(
                    "metric",
                    format!("unknown metric {m:?}; expected one of {}", names.join(", ")),
                )
            })?),
            None => None,
        };
        let measure = match non_empty(&self.measure)
            .map(|m| m.to_lowercase())
            .as_deref()
        {
            None => None,
            Some("level") => Some(Measure::Level),
            Some("change") => Some(Measure::Change),
            Some("index") => Some(Measure::Index),
            Some("share") => Some(Measure::Share),
            Some(other) => {
                return Err(Error::bad_parameter(
                    "measure",
                    format!("unknown measure {other:?}; expected level, change, index or share"),
                ))
            }
        };
        let status = match non_empty(&self.status).map(|s| s.to_lowercase()).as_deref() {
            None => None,
            Some("actual") => Some(Status::Actual),
            Some("planned") => Some(Status::Planned),
            Some(other) => {
                return Err(Error::bad_parameter(
                    "status",
                    format!("unknown status {other:?}; expected actual or planned"),
                ))
            }
        };
        if self.value.is_some_and(|v| !v.is_finite()) {
            return Err(Error::bad_parameter("value", "not a finite number"));
        }
        let correction = CorrectionEdit {
            subject: non_empty(&self.subject),
            period,
            metric,
            measure,
            status,
            value: self.value,
            unit: non_empty(&self.unit),
            note: non_empty(&self.note),
            reject: self.reject,
        };
        let changes = correction.subject.is_some()
            || correction.period.is_some()
            || correction.metric.is_some()
            || correction.measure.is_some()
            || correction.status.is_some()
            || correction.value.is_some()
            || correction.unit.is_some();
        if !changes && !correction.reject {
            return Err(Error::new(
                StatusCode::BAD_REQUEST,
                "a correction changes a field (subject, period, metric, measure, status, value, \
                 unit) or rejects the fact",
            ));
        }
        Ok(correction)
    }
}

/// Records `correction` of fact `fact_id` in the ledger at `db` (a connection that writes,
/// beside the server's read-only ones) and returns the fact as it now reads: `None` when
/// the correction rejected it.
///
/// # Errors
///
/// 404 when there is no such fact (or it was rejected before); 500 on a database error.
pub fn record(
    db: &LedgerAddress,
    fact_id: i64,
    correction: &CorrectionEdit,
) -> Result<Option<StoredFact>, Error> {
    let internal = |err: almanac_store::StoreError| {
        Error::internal(format!("the correction was not recorded: {err}"))
    };
    let mut store = open_ledger(db).map_err(internal)?;
    let no_fact = || {
        Error::new(
            StatusCode::NOT_FOUND,
            format!("no fact {} in this ledger", fact_id),
        )
    };
    // A rejected fact reads as none: it is corrected again only by undoing the rejection
    // (`almanac correct ID --undo`), never by a second edit that would revive it unseen.
    if store.fact(fact_id).map_err(internal)?.is_none() {
        return Err(no_fact());
    }
    store
        .correct(fact_id, correction)
        .map_err(internal)?
        .ok_or_else(no_fact)?;
    store.fact(fact_id).map_err(internal)
}

/// Undoes the correction of fact `fact_id` in the ledger at `db` (the same as `almanac
/// correct ID --undo`) and returns the fact as it reads again: as extracted. A rejected
/// fact comes back.
///
/// # Errors
///
/// 404 when the fact has no correction (or there is no such fact); 500 on a database
/// error.
pub fn undo(db: &LedgerAddress, fact_id: i64) -> Result<StoredFact, Error> {
    let internal = |err: almanac_store::StoreError| {
        Error::internal(format!("the correction was not undone: {err}"))
    };
    let mut store = open_ledger(db).map_err(internal)?;
    let not_corrected = || {
        Error::new(
            StatusCode::NOT_FOUND,
            format!("fact {fact_id} has no correction to undo in this ledger"),
        )
    };
    if !store.undo_correction(fact_id).map_err(internal)? {
        return Err(not_corrected());
    }
    store
        .fact(fact_id)
        .map_err(internal)?
        .ok_or_else(not_corrected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> Result<CorrectionEdit, Error> {
        serde_json::from_str::<CorrectionRequest>(json)
            .unwrap()
            .check()
    }

    #[test]
    fn fields_are_checked_and_named() {
        for (json, parameter) in [
            (r#"{"metric": "jobz"}"#, "metric"),
            (r#"{"measure": "amount"}"#, "measure"),
            (r#"{"status": "promised"}"#, "status"),
            (r#"{"period": "soon"}"#, "period"),
            (r#"{"period": "2025/2021"}"#, "period"),
        ] {
            let err = check(json).unwrap_err();
            assert_eq!(err.status, StatusCode::BAD_REQUEST, "{json}");
            assert_eq!(err.parameter.as_deref(), Some(parameter), "{json}");
        }
        let err = check(r#"{"note": "only a note"}"#).unwrap_err();
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn a_correction_reads_as_the_store_will_take_it() {
        let correction = check(
            r#"{"subject": " Astana ", "period": "2023", "metric": "Jobs", "measure": "level",
                "status": "Planned", "value": 250, "unit": "job", "note": "the city, not the region"}"#,
        )
        .unwrap();
        assert_eq!(
            correction,
            CorrectionEdit {
                subject: Some("Astana".into()),
                period: Some("2023".parse().unwrap()),
                metric: Some(Metric::Jobs),
                measure: Some(Measure::Level),
                status: Some(Status::Planned),
                value: Some(250.0),
                unit: Some("job".into()),
                note: Some("the city, not the region".into()),
                reject: false,
            }
        );
        assert!(check(r#"{"reject": true}"#).unwrap().reject);
    }
}
