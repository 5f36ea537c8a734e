//! `/api/entities`: places, organisations and people, the list and each one.

use almanac_analysis::Currency;
use almanac_store::{EntityFilter, EntitySummary};
use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::schemas::EntitySchema;
use crate::error::{Error, ErrorBody};
use crate::params::{currency, non_empty, page_size, FactsParams, Q};
use crate::state::AppState;
use crate::views::{self, FactsPage, PlaceView};

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct EntitiesParams {
    /// Only entities of this kind: country, region, city, district, town, zone,
    /// organisation, person.
    pub kind: Option<String>,
    /// Entities whose name or an alias contains this, any case.
    pub q: Option<String>,
    /// Only this place and the places within it.
    pub within: Option<String>,
    /// At most this many, 1 to 1000 (100 by default).
    #[param(minimum = 1, maximum = 1000)]
    pub size: Option<usize>,
}

const KINDS: [&str; 8] = [
    "country",
    "region",
    "city",
    "district",
    "town",
    "zone",
    "organisation",
    "person",
];

/// A list of entities, the most cited first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityList {
    #[schema(value_type = Vec<EntitySchema>)]
    pub entities: Vec<EntitySummary>,
    /// More entities match than are listed.
    pub truncated: bool,
}

impl EntitiesParams {
    pub fn check(&self) -> Result<(EntityFilter, usize), Error> {
        let kind = match non_empty(&self.kind) {
            Some(k) if KINDS.contains(&k.to_lowercase().as_str()) => Some(k.to_lowercase()),
            Some(k) => {
                return Err(Error::bad_parameter(
                    "kind",
                    format!("unknown kind {k:?}; expected one of {}", KINDS.join(", ")),
                ))
            }
            None => None,
        };
        let size = page_size("size", self.size, 100)?;
        Ok((
            EntityFilter {
                kind,
                search: non_empty(&self.q),
                within: non_empty(&self.within),
                limit: Some(size + 1),
            },
            size,
        ))
    }
}

/// Places, organisations and people with their counts, the most cited first.
#[utoipa::path(
    get,
    path = "/api/entities",
    tag = "entities",
    params(EntitiesParams),
    responses(
        (status = 200, description = "Entities", body = EntityList),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
pub(super) async fn list_entities(
    State(state): State<AppState>,
    Q(params): Q<EntitiesParams>,
) -> Result<Json<EntityList>, Error> {
    let (filter, size) = params.check()?;
    let list = state
        .read(move |ctx| entity_list(ctx.store, &filter, size))
        .await?;
    Ok(Json(list))
}

pub fn entity_list(
    store: &dyn almanac_store::Ledger,
    filter: &EntityFilter,
    size: usize,
) -> Result<EntityList, Error> {
    let mut entities = store.entities(filter)?;
    let truncated = entities.len() > size;
    entities.truncate(size);
    Ok(EntityList {
        entities,
        truncated,
    })
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct EntityParams {
    /// The currency money is charted in: KZT (the default) or USD.
    #[param(value_type = Option<String>, pattern = "^(KZT|USD)$")]
    pub currency: Option<String>,
}

impl EntityParams {
    pub fn currency(&self) -> Result<Currency, Error> {
        currency("currency", &self.currency)
    }
}

/// One place (or organisation, or person) by any of its names: its counts, the places
/// within it, one timeline per metric with targets apart from reported figures, and the
/// first page of its facts.
#[utoipa::path(
    get,
    path = "/api/entities/{name}",
    tag = "entities",
    params(("name" = String, Path, description = "Its canonical name or an alias, any case"), EntityParams),
    responses(
        (status = 200, description = "The entity with its facts and the places within it", body = PlaceView),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
        (status = 404, description = "No entity of that name", body = ErrorBody),
    )
)]
pub(super) async fn get_entity(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Q(params): Q<EntityParams>,
) -> Result<Json<PlaceView>, Error> {
    let currency = params.currency()?;
    let view = state
        .read(move |ctx| place_view(ctx, &name, currency))
        .await?;
    Ok(Json(view))
}

/// A place page's data: the cached part and the first page of its facts.
pub fn place_view(
    ctx: &crate::state::Ctx<'_>,
    name: &str,
    currency: Currency,
) -> Result<PlaceView, Error> {
    let (data, facts) = place_parts(ctx, name, currency)?;
    Ok(PlaceView {
        entity: data.entity.clone(),
        within: data.within.clone(),
        charts: data.charts.clone(),
        facts,
    })
}

/// What a place's view is made of: its cached data (charts, places within) and the first
/// page of its facts.
pub fn place_parts(
    ctx: &crate::state::Ctx<'_>,
    name: &str,
    currency: Currency,
) -> Result<(std::sync::Arc<views::PlaceData>, FactsPage), Error> {
    let data = views::place_data(ctx, name, currency)?;
    let params = FactsParams {
        subject: Some(data.entity.name.clone()),
        size: Some(20),
        facets: Some(false),
        ..FactsParams::default()
    };
    let request = params.check()?;
    let facts = views::facts_page(ctx, &params, &request)?;
    Ok((data, facts))
}
