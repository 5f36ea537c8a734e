//! `POST /api/documents`: documents into the ledger through the pipeline of `almanac
//! ingest`, and what became of each.

use almanac_ingest::{IngestOptions, Progress};
use almanac_store::Put;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::writes::{authorise, body};
use crate::error::{Error, ErrorBody};
use crate::params::{non_empty, Q};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct IngestParams {
    /// The id of a text or HTML document (JSONL records carry their own `id`); by default
    /// `post-` and the start of the text's hash, so the same text posted twice is one
    /// document.
    pub id: Option<String>,
    /// The publication date of documents that carry none, YYYY-MM-DD.
    #[param(value_type = Option<String>, format = Date)]
    pub date: Option<String>,
    /// Re-extract documents already stored and replace their facts.
    pub force: bool,
}

/// What became of the documents posted.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct IngestReport {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Texts stored already under another id, recorded under this one too.
    pub duplicates: u64,
    pub failed: u64,
    /// Facts written.
    pub facts: u64,
    pub documents: Vec<IngestOutcome>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IngestOutcome {
    /// The document id; none when the input could not be read as a document.
    pub doc: Option<String>,
    /// Where it was in the request: `request`, or `request:LINE` for JSONL.
    pub origin: String,
    /// inserted, replaced, unchanged, duplicate or failed.
    pub outcome: String,
    pub facts: usize,
    /// Why it failed, or under which id the same text is stored.
    pub message: Option<String>,
    /// What was left out in reading it (HTML nested too deep).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Collects the pipeline's news for the response.
#[derive(Default)]
struct Collect {
    outcomes: std::sync::Mutex<Vec<IngestOutcome>>,
    /// Warnings by origin, told before the document's outcome.
    warnings: std::sync::Mutex<Vec<(String, String)>>,
}

impl Progress for Collect {
    fn failed(&self, origin: &str, message: &str) {
        self.push(IngestOutcome {
            doc: None,
            origin: origin.to_string(),
            outcome: "failed".into(),
            facts: 0,
            message: Some(message.to_string()),
            warnings: Vec::new(),
        });
    }

    fn doc_warning(&self, origin: &str, message: &str) {
        self.warnings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((origin.to_string(), message.to_string()));
    }

    fn document(&self, doc: &str, origin: &str, outcome: &Put) {
        let (name, facts, message) = match outcome {
            Put::Inserted { facts } => ("inserted", *facts, None),
            Put::Replaced { facts, .. } => ("replaced", *facts, None),
            Put::Unchanged { stored_as } => (
                "unchanged",
                0,
                Some(format!("the same text is stored as {stored_as}")),
            ),
            Put::Duplicate { of } => (
                "duplicate",
                0,
                Some(format!(
                    "the same text is stored as {of}; kept under both ids"
                )),
            ),
        };
        self.push(IngestOutcome {
            doc: Some(doc.to_string()),
            origin: origin.to_string(),
            outcome: name.into(),
            facts,
            message,
            warnings: Vec::new(),
        });
    }
}

impl Collect {
    fn push(&self, mut outcome: IngestOutcome) {
        let mut warnings = self
            .warnings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        warnings.retain(|(origin, message)| {
            let mine = *origin == outcome.origin;
            if mine {
                outcome.warnings.push(message.clone());
            }
            !mine
        });
        self.outcomes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(outcome);
    }
}

/// Ingests documents: one text, an HTML page, or JSONL with one document a line (`id`,
/// `text`, optional `date`, `title`, `url`), through the pipeline of `almanac ingest`.
#[utoipa::path(
    post,
    path = "/api/documents",
    tag = "documents",
    params(IngestParams),
    request_body(description = "A text, an HTML page, or JSONL documents", content(
        (String = "text/plain"),
        (String = "text/html"),
        (String = "application/x-ndjson"),
    )),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What became of each document", body = IngestReport),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
        (status = 401, description = "No token, or the wrong one", body = ErrorBody),
        (status = 403, description = "Writes are off on this server", body = ErrorBody),
        (status = 413, description = "The body is over the limit", body = ErrorBody),
    )
)]
pub(super) async fn post_documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    Q(params): Q<IngestParams>,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<Json<IngestReport>, Error> {
    authorise(&state, &headers)?;
    let bytes = body(bytes)?;
    let date = match non_empty(&params.date) {
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| Error::bad_parameter("date", format!("{d:?} is not YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let id = non_empty(&params.id)
        .unwrap_or_else(|| format!("post-{}", &blake3::hash(&bytes).to_hex()[..12]));
    let opts = IngestOptions {
        force: params.force,
        date,
        limits: state.config().limits,
    };
    let db = state.config().db.clone();
    let report = tokio::task::spawn_blocking(move || {
        let docs = almanac_ingest::read::from_reader(
            std::io::Cursor::new(bytes),
            "request",
            &id,
            opts.limits.max_html_depth,
        );
        let collect = Collect::default();
        let tally = almanac_ingest::ingest(&db, docs, &opts, &collect);
        (tally, collect)
    })
    .await
    .map_err(|err| Error::internal(format!("ingest failed: {err}")))?;
    let (tally, collect) = report;
    state.ledger_changed();
    let tally = tally.map_err(|err| Error::internal(format!("ingest: {err}")))?;
    Ok(Json(IngestReport {
        new: tally.new,
        updated: tally.updated,
        unchanged: tally.unchanged,
        duplicates: tally.duplicates,
        failed: tally.failed,
        facts: tally.facts,
        documents: collect.outcomes.into_inner().unwrap_or_default(),
    }))
}
