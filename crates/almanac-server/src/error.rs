//! Errors as the API answers them: a JSON body with the status, a message a person can act
//! on and, for a bad parameter, its name. The dashboard shows the same error as a page.

use almanac_store::StoreError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// An error on its way to the client.
#[derive(Debug, Clone)]
pub struct Error {
    pub status: StatusCode,
    pub message: String,
    /// The request parameter at fault.
    pub parameter: Option<String>,
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status, repeated.
    #[schema(example = 400)]
    pub status: u16,
    /// What went wrong, for a person.
    #[schema(example = "metric: unknown metric \"jobz\"; expected one of investment, fdi, ...")]
    pub message: String,
    /// The query or path parameter (or body field) at fault, when one is.
    #[schema(example = "metric")]
    pub parameter: Option<String>,
}

impl Error {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Error {
        Error {
            status,
            message: message.into(),
            parameter: None,
        }
    }

    /// A 400 naming the parameter at fault: the message starts with its name.
    pub fn bad_parameter(parameter: &str, message: impl std::fmt::Display) -> Error {
        Error {
            status: StatusCode::BAD_REQUEST,
            message: format!("{parameter}: {message}"),
            parameter: Some(parameter.to_string()),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Error {
        Error::new(StatusCode::NOT_FOUND, message)
    }

    pub fn internal(message: impl Into<String>) -> Error {
        let message = message.into();
        tracing::error!("{message}");
        Error::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                message: self.message.clone(),
                parameter: self.parameter.clone(),
            },
        }
    }
}

impl From<StoreError> for Error {
    fn from(err: StoreError) -> Error {
        match err {
            StoreError::TextQuery { .. } => Error::bad_parameter("text", err),
            StoreError::Cursor(_) => Error::bad_parameter("cursor", err),
            other => Error::internal(format!("the ledger: {other}")),
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"almanac\""),
            );
        }
        response
    }
}
