//! `/api/checks`: the consistency alerts over the whole ledger.

use std::collections::BTreeMap;

use almanac_analysis::{Alert, AlertKind, Severity};
use almanac_store::FactFilter;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{Error, ErrorBody};
use crate::params::{non_empty, FactsParams, MetricName, Q};
use crate::state::AppState;
use crate::views;

#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ChecksParams {
    /// Only alerts about facts of this place (or, with `within`, the places in it).
    pub subject: Option<String>,
    /// With `subject`: also the places that are part of it.
    pub within: bool,
    /// Only alerts involving facts of these metrics.
    #[param(value_type = Vec<MetricName>, style = Form, explode = true)]
    pub metric: Vec<String>,
    /// Only alerts involving facts whose period overlaps this one.
    pub period: Option<String>,
    /// Only alerts involving a fact of this document.
    pub doc: Option<String>,
    /// Only these kinds: conversion, part_exceeds_whole, implausible, arithmetic,
    /// conflict, restated.
    #[param(style = Form, explode = true)]
    pub kind: Vec<String>,
    /// Leave out alerts below this severity: info (the default), warning, error.
    #[param(pattern = "^(info|warning|error)$")]
    pub min_severity: Option<String>,
}

/// The alerts, with when they were computed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckList {
    #[schema(value_type = Vec<Object>)]
    pub alerts: Vec<Alert>,
    /// Alerts by severity, of those listed.
    pub counts: BTreeMap<String, usize>,
    /// The facts checked.
    pub facts: usize,
    /// When the checks ran: they are cached while the ledger does not change, and at most
    /// 30 seconds old while an ingest runs.
    pub computed_at: String,
}

const ALERT_KINDS: [(&str, AlertKind); 6] = [
    ("conversion", AlertKind::Conversion),
    ("part_exceeds_whole", AlertKind::PartExceedsWhole),
    ("implausible", AlertKind::Implausible),
    ("arithmetic", AlertKind::Arithmetic),
    ("conflict", AlertKind::Conflict),
    ("restated", AlertKind::Restated),
];

impl ChecksParams {
    fn to_filter(&self) -> Result<Option<FactFilter>, Error> {
        let facts = FactsParams {
            subject: self.subject.clone(),
            within: self.within,
            metric: self.metric.clone(),
            period: self.period.clone(),
            doc: self.doc.clone(),
            ..FactsParams::default()
        }
        .check()?;
        let filter = facts.filter;
        let any = filter.subject.is_some()
            || !filter.metric.is_empty()
            || filter.period.is_some()
            || filter.doc.is_some();
        Ok(any.then_some(filter))
    }
}

/// Consistency alerts over the whole ledger (conversions off the official rate, parts
/// larger than their whole, implausible values, conflicting reports, arithmetic), each
/// with the facts and sentences behind it, the most severe first.
#[utoipa::path(
    get,
    path = "/api/checks",
    tag = "analyses",
    params(ChecksParams),
    responses(
        (status = 200, description = "The alerts", body = CheckList),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
pub(super) async fn get_checks(
    State(state): State<AppState>,
    Q(params): Q<ChecksParams>,
) -> Result<Json<CheckList>, Error> {
    let list = state.read(move |ctx| check_list(ctx, &params)).await?;
    Ok(Json(list))
}

pub fn check_list(ctx: &crate::state::Ctx<'_>, params: &ChecksParams) -> Result<CheckList, Error> {
    let filter = params.to_filter()?;
    let mut kinds = Vec::new();
    for kind in params.kind.iter().flat_map(|k| k.split(',')).map(str::trim) {
        if kind.is_empty() {
            continue;
        }
        let found = ALERT_KINDS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(kind) || name.replace('_', "-") == kind)
            .ok_or_else(|| {
                let names: Vec<&str> = ALERT_KINDS.iter().map(|(n, _)| *n).collect();
                Error::bad_parameter(
                    "kind",
                    format!(
                        "unknown kind {kind:?}; expected one of {}",
                        names.join(", ")
                    ),
                )
            })?;
        kinds.push(found.1);
    }
    let min = match non_empty(&params.min_severity).as_deref() {
        None | Some("info") => Severity::Info,
        Some("warning") => Severity::Warning,
        Some("error") => Severity::Error,
        Some(other) => {
            return Err(Error::bad_parameter(
                "min_severity",
                format!("unknown severity {other:?}; expected info, warning or error"),
            ))
        }
    };
    let analyses = views::analyses(ctx)?;
    let selected = match &filter {
        Some(filter) => Some(views::fact_ids(ctx.store, filter)?),
        None => None,
    };
    let alerts: Vec<Alert> = analyses
        .alerts
        .iter()
        .filter(|a| a.severity >= min)
        .filter(|a| kinds.is_empty() || kinds.contains(&a.kind))
        .filter(|a| {
            selected
                .as_ref()
                .is_none_or(|ids| a.facts.iter().any(|e| ids.contains(&e.fact_id)))
        })
        .cloned()
        .collect();
    let mut counts = BTreeMap::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        counts.insert(
            severity.as_str().to_string(),
            alerts.iter().filter(|a| a.severity == severity).count(),
        );
    }
    Ok(CheckList {
        alerts,
        counts,
        facts: analyses.n_facts,
        computed_at: analyses.computed_at.clone(),
    })
}
