//! What every write checks before it starts: the bearer token and the body.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderMap, StatusCode};

use crate::error::Error;
use crate::state::AppState;

/// Checks the bearer token of a write.
pub(super) fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), Error> {
    if !state.writes_enabled() {
        return Err(Error::new(
            StatusCode::FORBIDDEN,
            "writes are off on this server: start it with --token or ALMANAC_TOKEN",
        ));
    }
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        });
    match given {
        Some(token) if state.token_matches(token.trim()) => Ok(()),
        Some(_) => Err(Error::new(StatusCode::UNAUTHORIZED, "wrong token")),
        None => Err(Error::new(
            StatusCode::UNAUTHORIZED,
            "this needs the server's token: Authorization: Bearer TOKEN",
        )),
    }
}

/// The request body, or the error that reading it met (413 over the limit).
pub(super) fn body(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Error> {
    body.map_err(|rejection| {
        let status = rejection.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "the request body is over this server's limit (--max-body-mb)".to_string()
        } else {
            rejection.body_text()
        };
        Error::new(status, message)
    })
}
