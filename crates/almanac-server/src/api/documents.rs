//! `/api/documents`: the documents the facts come from, the list and each one with its
//! facts (posting documents is `ingest`).

use almanac_store::{DocFilter, DocumentSummary};
use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{Error, ErrorBody};
use crate::params::{non_empty, page_size, period, Q};
use crate::state::AppState;
use crate::views::{self, DocumentView};

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct DocumentsParams {
    /// Documents dated within this period: 2023, 2023-05, 2021/2023...
    pub period: Option<String>,
    /// Documents whose id, title or origin contains this, any case.
    pub q: Option<String>,
    /// Newest first (by date) rather than in the order they were ingested.
    pub newest: bool,
    /// At most this many, 1 to 1000 (100 by default).
    #[param(minimum = 1, maximum = 1000)]
    pub size: Option<usize>,
}

/// A list of documents.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    #[schema(value_type = Vec<Object>)]
    pub documents: Vec<DocumentSummary>,
    /// More documents match than are listed.
    pub truncated: bool,
}

impl DocumentsParams {
    pub fn check(&self) -> Result<(DocFilter, usize), Error> {
        let size = page_size("size", self.size, 100)?;
        let period = match non_empty(&self.period) {
            Some(p) => Some(period("period", &p)?),
            None => None,
        };
        Ok((
            DocFilter {
                period,
                search: non_empty(&self.q),
                newest_first: self.newest,
                limit: Some(size + 1),
            },
            size,
        ))
    }
}

pub fn document_list(
    store: &dyn almanac_store::Ledger,
    filter: &DocFilter,
    size: usize,
) -> Result<DocumentList, Error> {
    let mut documents = store.documents(filter)?;
    let truncated = documents.len() > size;
    documents.truncate(size);
    Ok(DocumentList {
        documents,
        truncated,
    })
}

/// The documents, with their fact counts.
#[utoipa::path(
    get,
    path = "/api/documents",
    tag = "documents",
    params(DocumentsParams),
    responses(
        (status = 200, description = "Documents", body = DocumentList),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
pub(super) async fn list_documents(
    State(state): State<AppState>,
    Q(params): Q<DocumentsParams>,
) -> Result<Json<DocumentList>, Error> {
    let (filter, size) = params.check()?;
    let list = state
        .read(move |ctx| document_list(ctx.store, &filter, size))
        .await?;
    Ok(Json(list))
}

/// One document: its text, title, URL and date, and its facts with their spans.
#[utoipa::path(
    get,
    path = "/api/documents/{doc}",
    tag = "documents",
    params(("doc" = String, Path, description = "The document id")),
    responses(
        (status = 200, description = "The document and its facts", body = DocumentView),
        (status = 404, description = "No such document", body = ErrorBody),
    )
)]
pub(super) async fn get_document(
    State(state): State<AppState>,
    Path(doc): Path<String>,
) -> Result<Json<DocumentView>, Error> {
    let view = state
        .read(move |ctx| views::document(ctx.store, &doc))
        .await?;
    Ok(Json(view))
}
