//! `/api/facts/{id}/correction`: a person's correction of a fact and its undoing, through
//! `crate::corrections`.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::schemas::FactSchema;
use super::writes::{authorise, body};
use crate::corrections::{self, CorrectionRequest};
use crate::error::{Error, ErrorBody};
use crate::state::AppState;

/// The largest correction body.
const MAX_CORRECTION_BYTES: usize = 64 * 1024;

/// The fact id of a path's `{id}`.
fn fact_id(id: &str) -> Result<i64, Error> {
    id.parse()
        .map_err(|_| Error::bad_parameter("id", format!("{id:?} is not a fact id")))
}

/// Corrects a fact: a person's correction of its fields, or its rejection, kept by the
/// document's content hash and the figure's span so that it survives re-extraction (the
/// same as `almanac correct`). Every query and analysis reads the corrected fact.
#[utoipa::path(
    post,
    path = "/api/facts/{id}/correction",
    tag = "facts",
    params(("id" = i64, Path, description = "The fact's id")),
    request_body(content = CorrectionRequest, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The fact as corrected", body = FactSchema),
        (status = 204, description = "The fact was rejected: no query or analysis reads it now"),
        (status = 404, description = "No fact with that id (or it was rejected)", body = ErrorBody),
        (status = 400, description = "A bad field, named", body = ErrorBody),
        (status = 401, description = "No token, or the wrong one", body = ErrorBody),
        (status = 403, description = "Writes are off on this server", body = ErrorBody),
        (status = 413, description = "The body is over the limit", body = ErrorBody),
    )
)]
pub(super) async fn post_correction(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Response, Error> {
    authorise(&state, &headers)?;
    let bytes = body(bytes)?;
    if bytes.len() > MAX_CORRECTION_BYTES {
        return Err(Error::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("a correction is at most {MAX_CORRECTION_BYTES} bytes"),
        ));
    }
    let fact_id = fact_id(&id)?;
    let request: CorrectionRequest = {
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let field = err.path().to_string();
            let message = err.into_inner().to_string();
            if field == "." {
                Error::new(
                    StatusCode::BAD_REQUEST,
                    format!("the body is not a correction: {message}"),
                )
            } else {
                Error::bad_parameter(&field, message)
            }
        })?
    };
    let correction = request.check()?;
    let db = state.config().db.clone();
    let fact = tokio::task::spawn_blocking(move || corrections::record(&db, fact_id, &correction))
        .await
        .map_err(|err| Error::internal(format!("the correction failed: {err}")))??;
    state.ledger_changed();
    Ok(match fact {
        Some(fact) => Json(fact).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

/// Undoes a person's correction of a fact, or its rejection: the fact reads again as the
/// extractor wrote it (the same as `almanac correct ID --undo`).
#[utoipa::path(
    delete,
    path = "/api/facts/{id}/correction",
    tag = "facts",
    params(("id" = i64, Path, description = "The fact's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The fact as extracted, its correction undone", body = FactSchema),
        (status = 404, description = "The fact has no correction (or there is no such fact)", body = ErrorBody),
        (status = 400, description = "The id is not a fact id", body = ErrorBody),
        (status = 401, description = "No token, or the wrong one", body = ErrorBody),
        (status = 403, description = "Writes are off on this server", body = ErrorBody),
    )
)]
pub(super) async fn delete_correction(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<almanac_store::StoredFact>, Error> {
    authorise(&state, &headers)?;
    let fact_id = fact_id(&id)?;
    let db = state.config().db.clone();
    let fact = tokio::task::spawn_blocking(move || corrections::undo(&db, fact_id))
        .await
        .map_err(|err| Error::internal(format!("undoing the correction failed: {err}")))??;
    state.ledger_changed();
    Ok(Json(fact))
}
