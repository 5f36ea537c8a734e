//! The JSON API under `/api/`: one handler a route, each described by its `utoipa::path`
//! attribute, and the OpenAPI document those descriptions make (`/api/openapi.json`).
//! Routes are only ever added through `routes!`, so none can go undescribed.

use std::collections::BTreeMap;

use almanac_analysis::{
    gazetteer, is_within, promises, timeline, Alert, AlertKind, Currency, Promise, PromiseOptions,
    Series, Severity, TimelineOptions,
};
use almanac_extract::{Measure, Metric, Status};
use almanac_ingest::{IngestOptions, Progress};
use almanac_store::{DocFilter, DocumentSummary, EntityFilter, EntitySummary, FactFilter, Put};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::corrections::{self, CorrectionRequest};
use crate::error::{Error, ErrorBody};
use crate::params::{non_empty, period, FactsParams, Format, MetricName, MAX_PAGE, Q};
use crate::state::AppState;
use crate::views::{self, DocumentView, FacetValue, FacetView, FactsPage, PlaceView};

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
        .routes(routes!(list_facts))
        .routes(routes!(list_entities))
        .routes(routes!(get_entity))
        .routes(routes!(list_documents, post_documents))
        .routes(routes!(get_document))
        .routes(routes!(get_timeline))
        .routes(routes!(get_checks))
        .routes(routes!(get_promises))
        .routes(routes!(post_correction, delete_correction))
        .routes(routes!(get_openapi))
}

/// The OpenAPI 3.1 document of the API, generated from the handlers.
pub fn openapi() -> utoipa::openapi::OpenApi {
    router().into_openapi()
}

// Schemas of records serialised by other crates, for the document only. The tests check
// the API's answers against them.

/// A fact as the ledger keeps it: FACTS.md's fields plus its id, its document's date and
/// money in tenge and dollars with the rates used.
#[derive(ToSchema)]
#[schema(as = Fact)]
#[allow(dead_code)]
pub struct FactSchema {
    /// The fact's id in this ledger.
    id: i64,
    /// The document id.
    doc: String,
    /// The figure as written.
    text: String,
    /// The number; the lower end of a range.
    value: f64,
    /// The upper end of a range that reports one state (`20-30 million tenge`), else none.
    value_high: Option<f64>,
    /// ISO 4217 for money, `%`, or the singular of what is counted.
    unit: Option<String>,
    #[schema(value_type = Option<String>, pattern = "^(more_than|less_than|about)$")]
    qualifier: Option<String>,
    #[schema(value_type = Option<MetricName>)]
    metric: Option<String>,
    #[schema(value_type = Option<crate::params::MeasureName>)]
    measure: Option<String>,
    subject: Option<String>,
    /// ISO 8601: `2021`, `2021-05`, `2021-Q1`, `2016/2022`.
    period: Option<String>,
    #[schema(value_type = Option<crate::params::StatusName>)]
    status: Option<String>,
    equivalents: Vec<EquivalentSchema>,
    per: Option<String>,
    group: Option<u32>,
    object: Option<String>,
    /// UTF-8 byte offsets of `text` in the document's text.
    #[schema(min_items = 2, max_items = 2)]
    span: Vec<u64>,
    sentence: String,
    #[schema(format = Date)]
    doc_date: Option<String>,
    value_kzt: Option<f64>,
    value_usd: Option<f64>,
    kzt_rate: Option<RateSchema>,
    usd_rate: Option<RateSchema>,
    implied_rate: Option<RateSchema>,
}

/// The same amount in another unit, written next to it.
#[derive(ToSchema)]
#[schema(as = Equivalent)]
#[allow(dead_code)]
pub struct EquivalentSchema {
    value: f64,
    unit: String,
}

/// A rate used to convert money: tenge per unit of `currency` over `period`.
#[derive(ToSchema)]
#[schema(as = Rate)]
#[allow(dead_code)]
pub struct RateSchema {
    currency: String,
    kzt_per_unit: f64,
    period: String,
    #[schema(pattern = "^(nbk|text|identity)$")]
    source: String,
}

/// A place, organisation or person, with its counts.
#[derive(ToSchema)]
#[schema(as = Entity)]
#[allow(dead_code)]
pub struct EntitySchema {
    name: String,
    /// country, region, city, district, town, zone, organisation or person; none for a
    /// subject facts name that the entity layer did not record.
    kind: Option<String>,
    part_of: Option<String>,
    role: Option<String>,
    role_of: Option<String>,
    aliases: Vec<String>,
    mentions: u64,
    documents: u64,
    /// Facts whose subject it is.
    facts: u64,
}

// Facts.

/// Facts: every filter of `almanac facts`, keyset pages with the total, facet counts.
///
/// Pages follow each other by `cursor` (the `next_cursor` of the previous page), which
/// costs the same on every page and never repeats or skips a fact. `_format=csv` or
/// `ndjson` gives the same facts of the same page in that format, with the total in
/// `X-Total-Count` and the next page in a `Link` header.
#[utoipa::path(
    get,
    path = "/api/facts",
    tag = "facts",
    params(FactsParams),
    responses(
        (status = 200, description = "A page of facts", content(
            (FactsPage = "application/json"),
            (String = "text/csv"),
            (String = "application/x-ndjson"),
        )),
        (status = 400, description = "A bad parameter, named", body = ErrorBody),
    )
)]
async fn list_facts(
    State(state): State<AppState>,
    Q(params): Q<FactsParams>,
) -> Result<Response, Error> {
    let mut request = params.check()?;
    let format = request.format;
    request.facets &= format == Format::Json;
    let page = state
        .read(move |ctx| views::facts_page(ctx, &params, &request))
        .await?;
    Ok(facts_response(page, format, "/api/facts"))
}

/// The page in its format: JSON, or CSV and NDJSON with the total and the next page in
/// headers.
pub fn facts_response(page: FactsPage, format: Format, path: &str) -> Response {
    let body = match format {
        Format::Json => return Json(page).into_response(),
        Format::Csv => csv(&page.facts),
        Format::Ndjson => ndjson(&page.facts),
    };
    let mut headers = HeaderMap::new();
    let content_type = match format {
        Format::Csv => "text/csv; charset=utf-8",
        _ => "application/x-ndjson",
    };
    headers.insert(
        header::CONTENT_TYPE,
        content_type.parse().expect("a header value"),
    );
    headers.insert("x-total-count", page.total.into());
    if let Some(next) = &page.next {
        if let Ok(link) = format!("<{path}?{next}>; rel=\"next\"").parse() {
            headers.insert(header::LINK, link);
        }
    }
    (headers, body).into_response()
}

/// Facts as CSV with the columns of `almanac facts --format csv`.
fn csv(facts: &[almanac_store::StoredFact]) -> Vec<u8> {
    use almanac_model::columns::COLUMNS;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    // Writing to memory cannot fail.
    let _ = writer.write_record(&header);
    for fact in facts {
        let cells: Vec<std::borrow::Cow<'_, str>> = COLUMNS
            .iter()
            .map(|c| c.csv_cell(fact).unwrap_or_default())
            .collect();
        let _ = writer.write_record(cells.iter().map(|c| c.as_bytes()));
    }
    writer.into_inner().unwrap_or_default()
}

/// Facts one JSON record a line, as `almanac facts --format jsonl` writes them.
fn ndjson(facts: &[almanac_store::StoredFact]) -> Vec<u8> {
    let mut out = Vec::new();
    for fact in facts {
        if serde_json::to_writer(&mut out, fact).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

// Entities.

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

fn page_size(parameter: &str, size: Option<usize>, default: usize) -> Result<usize, Error> {
    match size {
        None => Ok(default),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) => Err(Error::bad_parameter(
            parameter,
            format!("{n} is not from 1 to {MAX_PAGE}"),
        )),
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
async fn list_entities(
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

fn currency(parameter: &str, value: &Option<String>) -> Result<Currency, Error> {
    match non_empty(value).map(|c| c.to_ascii_uppercase()).as_deref() {
        None | Some("KZT") => Ok(Currency::Kzt),
        Some("USD") => Ok(Currency::Usd),
        Some(other) => Err(Error::bad_parameter(
            parameter,
            format!("unknown currency {other:?}; expected KZT or USD"),
        )),
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
async fn get_entity(
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

// Documents.

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
async fn list_documents(
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
async fn get_document(
    State(state): State<AppState>,
    Path(doc): Path<String>,
) -> Result<Json<DocumentView>, Error> {
    let view = state
        .read(move |ctx| views::document(ctx.store, &doc))
        .await?;
    Ok(Json(view))
}

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

/// The fact id of a path's `{id}`.
fn fact_id(id: &str) -> Result<i64, Error> {
    id.parse()
        .map_err(|_| Error::bad_parameter("id", format!("{id:?} is not a fact id")))
}

/// Checks the bearer token of a write.
fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), Error> {
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
fn body(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Error> {
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
async fn post_documents(
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

// Corrections.

/// The largest correction body.
const MAX_CORRECTION_BYTES: usize = 64 * 1024;

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
async fn post_correction(
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
async fn delete_correction(
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

// Analyses.

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
async fn get_timeline(
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
async fn get_checks(
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
async fn get_promises(
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
