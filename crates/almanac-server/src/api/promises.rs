//! `/api/promises`: planned figures and what was later reported.

use std::collections::BTreeMap;

use almanac_analysis::{gazetteer, is_within, promises, Promise, PromiseOptions};
use almanac_store::FactFilter;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{Error, ErrorBody};
use crate::params::{non_empty, Q};
use crate::state::AppState;
use crate::views;

#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PromisesParams {
    /// Only promises about this place or the places in it.
    pub subject: Option<String>,
    /// Judge deadlines as of this date, YYYY-MM-DD (by default the newest document's).
    #[param(value_type = Option<String>, format = Date)]
    pub as_of: Option<String>,
}

/// The promises, with the date they were judged at.
#[derive(Debug, Serialize, ToSchema)]
pub struct PromiseList {
    #[schema(value_type = Vec<Object>)]
    pub promises: Vec<Promise>,
    /// Promises by verdict, of those listed.
    pub counts: BTreeMap<String, usize>,
    #[schema(value_type = Option<String>, format = Date)]
    pub as_of: Option<chrono::NaiveDate>,
    pub computed_at: String,
}

/// Planned figures matched with what was later reported, with a verdict and the evidence
/// on both sides.
#[utoipa::path(
    get,
    path = "/api/promises",
    tag = "analyses",
    params(PromisesParams),
    responses(
        (status = 200, description = "The promises", body = PromiseList),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
pub(super) async fn get_promises(
    State(state): State<AppState>,
    Q(params): Q<PromisesParams>,
) -> Result<Json<PromiseList>, Error> {
    let list = state.read(move |ctx| promise_list(ctx, &params)).await?;
    Ok(Json(list))
}

pub fn promise_list(
    ctx: &crate::state::Ctx<'_>,
    params: &PromisesParams,
) -> Result<PromiseList, Error> {
    let as_of = match non_empty(&params.as_of) {
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| Error::bad_parameter("as_of", format!("{d:?} is not YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let subject = non_empty(&params.subject).map(|s| {
        almanac_extract::entities::lookup(&s)
            .map(|p| p.name.to_string())
            .unwrap_or(s)
    });
    let analyses = views::analyses(ctx)?;
    let (list, as_of, computed_at) = match as_of {
        // Another date than the ledger's own: judged afresh.
        Some(date) if Some(date) != analyses.as_of => {
            let facts = ctx.store.facts(&FactFilter::default())?;
            let opts = PromiseOptions {
                subject: subject.clone(),
                as_of: Some(date),
            };
            (
                promises(&facts, &opts, &gazetteer),
                Some(date),
                chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            )
        }
        _ => (
            analyses
                .promises
                .iter()
                .filter(|p| match (&subject, &p.subject) {
                    (None, _) => true,
                    (Some(want), Some(s)) => is_within(&gazetteer, s, want),
                    (Some(_), None) => false,
                })
                .cloned()
                .collect(),
            analyses.as_of,
            analyses.computed_at.clone(),
        ),
    };
    let mut counts = BTreeMap::new();
    for p in &list {
        *counts.entry(p.verdict.as_str().to_string()).or_insert(0) += 1;
    }
    Ok(PromiseList {
        promises: list,
        counts,
        as_of,
        computed_at,
    })
}
