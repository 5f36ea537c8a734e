//! The JSON API under `/api/`: one handler a route, each described by its `utoipa::path`
//! attribute, and the OpenAPI document those descriptions make (`/api/openapi.json`).
//! Routes are only ever added through `routes!`, so none can go undescribed.
//!
//! This module holds the document and the router, which lists every route in the order
//! the document gives them; each family of routes is a module with its parameters, its
//! answers and the functions the dashboard shares (`crate::pages`): `facts`, `entities`,
//! `documents`, `ingest` (posting documents), `corrections`, `timeline`, `checks` and
//! `promises`. `schemas` describes the records other crates serialise, and `writes`
//! checks what every write brings (the token, the body).

mod checks;
mod corrections;
mod documents;
mod entities;
mod facts;
mod ingest;
mod promises;
mod schemas;
mod timeline;
mod writes;

pub use checks::{check_list, ChecksParams};
pub use documents::{document_list, DocumentsParams};
pub use entities::{entity_list, place_parts, place_view, EntitiesParams, EntityParams};
pub use facts::facts_response;
pub use promises::{promise_list, PromisesParams};
pub use schemas::{EntitySchema, FactSchema};

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ErrorBody;
use crate::params::Format;
use crate::state::AppState;
use crate::views::{FacetValue, FacetView};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "almanac",
        description = "The ledger of facts read from economic-development reporting: every \
                       figure with its value, unit, metric, subject, period, status and the \
                       sentence it came from (FACTS.md), with timelines, consistency checks \
                       and promises. Reads are open; writes need the server's bearer token.",
        license(name = "MIT OR Apache-2.0"),
    ),
    tags(
        (name = "facts", description = "The ledger's facts: filters, facets, pages"),
        (name = "entities", description = "Places, organisations and people"),
        (name = "documents", description = "The documents the facts come from"),
        (name = "analyses", description = "Timelines, checks and promises"),
        (name = "meta", description = "This document"),
    ),
    components(schemas(ErrorBody, FacetValue, FacetView, Format)),
    modifiers(&BearerToken),
)]
struct ApiDoc;

/// The `bearer` security scheme that writes name.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The token given to `almanac serve` with --token or ALMANAC_TOKEN",
                    ))
                    .build(),
            ),
        );
    }
}

/// The API's routes, each with its description.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(facts::list_facts))
        .routes(routes!(entities::list_entities))
        .routes(routes!(entities::get_entity))
        .routes(routes!(documents::list_documents, ingest::post_documents))
        .routes(routes!(documents::get_document))
        .routes(routes!(timeline::get_timeline))
        .routes(routes!(checks::get_checks))
        .routes(routes!(promises::get_promises))
        .routes(routes!(
            corrections::post_correction,
            corrections::delete_correction
        ))
        .routes(routes!(get_openapi))
}

/// The OpenAPI 3.1 document of the API, generated from the handlers.
pub fn openapi() -> utoipa::openapi::OpenApi {
    router().into_openapi()
}

/// This document: the OpenAPI 3.1 description of the API, generated from its handlers.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document", body = Object))
)]
async fn get_openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}
