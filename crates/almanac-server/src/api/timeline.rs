//! `/api/timeline`: a subject's metric over time.

use almanac_analysis::{gazetteer, timeline, Series, TimelineOptions};
use almanac_extract::{Measure, Metric, Status};
use almanac_store::FactFilter;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{Error, ErrorBody};
use crate::params::{currency, non_empty, MetricName, Q};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct TimelineParams {
    /// The place or organisation: canonical name or alias.
    #[param(required = true, example = "Almaty")]
    pub subject: Option<String>,
    /// What is measured.
    #[param(required = true, value_type = MetricName)]
    pub metric: Option<String>,
    /// level (the default), change, index or share.
    #[param(value_type = Option<crate::params::MeasureName>)]
    pub measure: Option<String>,
    /// actual (the default) or planned.
    #[param(value_type = Option<crate::params::StatusName>)]
    pub status: Option<String>,
    /// The currency money is shown in: KZT (the default) or USD.
    #[param(pattern = "^(KZT|USD)$")]
    pub currency: Option<String>,
    /// Only facts in this unit (job, %...); by default the commonest.
    pub unit: Option<String>,
    /// Also the places that are part of the subject.
    pub within: bool,
}

/// A subject's metric over time, one point per period, every source kept and differing
/// figures shown apart (the series `almanac timeline --format json` prints).
#[utoipa::path(
    get,
    path = "/api/timeline",
    tag = "analyses",
    params(TimelineParams),
    responses(
        (status = 200, description = "The series", body = Object),
        (status = 400, description = "A bad or missing parameter, named", body = ErrorBody),
    )
)]
pub(super) async fn get_timeline(
    State(state): State<AppState>,
    Q(params): Q<TimelineParams>,
) -> Result<Json<Series>, Error> {
    let subject =
        non_empty(&params.subject).ok_or_else(|| Error::bad_parameter("subject", "is required"))?;
    let metric = non_empty(&params.metric)
        .ok_or_else(|| Error::bad_parameter("metric", "is required"))?
        .to_lowercase()
        .parse::<Metric>()
        .map_err(|_| Error::bad_parameter("metric", "unknown metric"))?;
    let measure = match non_empty(&params.measure).as_deref() {
        None | Some("level") => Measure::Level,
        Some("change") => Measure::Change,
        Some("index") => Measure::Index,
        Some("share") => Measure::Share,
        Some(other) => {
            return Err(Error::bad_parameter(
                "measure",
                format!("unknown measure {other:?}; expected level, change, index or share"),
            ))
        }
    };
    let status = match non_empty(&params.status).as_deref() {
        None | Some("actual") => Status::Actual,
        Some("planned") => Status::Planned,
        Some(other) => {
            return Err(Error::bad_parameter(
                "status",
                format!("unknown status {other:?}; expected actual or planned"),
            ))
        }
    };
    let opts = TimelineOptions {
        measure,
        status,
        currency: currency("currency", &params.currency)?,
        within: params.within,
        unit: non_empty(&params.unit),
    };
    let series = state
        .read(move |ctx| {
            let facts = ctx.store.facts(&FactFilter {
                subject: Some(subject.clone()),
                within: opts.within,
                metric: vec![metric.as_str().to_string()],
                ..FactFilter::default()
            })?;
            let canonical = ctx
                .store
                .entity(&subject)?
                .map(|e| e.name)
                .unwrap_or(subject);
            Ok(timeline(
                &facts,
                &canonical,
                metric.as_str(),
                &opts,
                &gazetteer,
            ))
        })
        .await?;
    Ok(Json(series))
}
