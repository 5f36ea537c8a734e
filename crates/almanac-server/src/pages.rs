//! The dashboard: server-rendered pages through minijinja templates (`templates/`), one
//! stylesheet and one small script (`assets/`), every page with a `.json` twin that holds
//! the data it shows. The templates escape every value (auto-escaping of `.html`
//! templates): a document's text is never markup, whatever it contains.

use almanac_analysis::numbers::{amount, amount_range};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use minijinja::value::Serde;
use minijinja::{context, Environment, Value};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use crate::api::{
    self, ChecksParams, DocumentsParams, EntitiesParams, EntityParams, PromisesParams,
};
use crate::error::Error;
use crate::params::{FactsParams, Format, Q};
use crate::state::AppState;
use crate::views;

/// The pages' routes, each page at `/x` with its twin at `/x.json`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/index.json", get(home_json))
        .route("/facts", get(facts))
        .route("/facts.json", get(facts_json))
        .route("/places", get(places))
        .route("/places.json", get(places_json))
        .route("/places/{name}", get(place))
        .route("/documents", get(documents))
        .route("/documents.json", get(documents_json))
        .route("/documents/{doc}", get(document))
        .route("/promises", get(promises))
        .route("/promises.json", get(promises_json))
        .route("/checks", get(checks))
        .route("/checks.json", get(checks_json))
        .route("/static/style.css", get(style))
        .route("/static/app.js", get(script))
}

/// The templates, compiled in.
pub fn templates() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("../templates/base.html")),
        ("macros.html", include_str!("../templates/macros.html")),
        ("home.html", include_str!("../templates/home.html")),
        ("facts.html", include_str!("../templates/facts.html")),
        ("places.html", include_str!("../templates/places.html")),
        ("place.html", include_str!("../templates/place.html")),
        (
            "documents.html",
            include_str!("../templates/documents.html"),
        ),
        ("document.html", include_str!("../templates/document.html")),
        ("promises.html", include_str!("../templates/promises.html")),
        ("checks.html", include_str!("../templates/checks.html")),
        ("error.html", include_str!("../templates/error.html")),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|err| panic!("template {name}: {err:#}"));
    }
    // `f.value|amount(f.unit, f.value_high)`: a range as `20–30 million KZT`.
    env.add_filter(
        "amount",
        |value: f64, unit: Option<String>, high: Option<f64>| {
            let unit = unit.as_deref().unwrap_or("");
            match high {
                Some(high) => amount_range(value, high, unit),
                None => amount(value, unit),
            }
        },
    );
    env.add_filter("path", |segment: String| path_segment(&segment));
    env.add_filter("thousands", |n: u64| thousands(n));
    env.add_filter("safe_url", |url: String| safe_url(&url));
    env
}

/// The characters left as they are in a path segment (RFC 3986's unreserved).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A name or id as one path segment: `/` and every other reserved character encoded.
pub fn path_segment(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A document's URL if it is one a browser may follow (http or https), else none: a
/// `javascript:` URL from a feed must never become a link.
fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.trim().to_string())
}

/// An error as a page.
pub struct PageError(Error, AppState);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let PageError(err, state) = self;
        let html = state
            .templates()
            .get_template("error.html")
            .and_then(|t| {
                t.render(context! {
                    title => format!("{} {}", err.status.as_u16(), err.status.canonical_reason().unwrap_or("")),
                    error => Value::from(Serde(err.body().error)),
                    writes => state.writes_enabled(),
                })
            })
            .unwrap_or_else(|e| format!("error: {}; and the error page failed: {e}", err.message));
        (err.status, Html(html)).into_response()
    }
}

/// A page rendered from `template` with `page` (the data its `.json` twin returns).
fn render<T: Serialize>(
    state: &AppState,
    template: &str,
    nav: &str,
    title: &str,
    page: &T,
    extra: Value,
) -> Result<Response, PageError> {
    let html = state
        .templates()
        .get_template(template)
        .and_then(|t| {
            t.render(context! {
                page => Value::from(Serde(page)),
                nav => nav,
                title => title,
                writes => state.writes_enabled(),
                ..extra
            })
        })
        .map_err(|err| {
            PageError(
                Error::internal(format!("rendering {template}: {err:#}")),
                state.clone(),
            )
        })?;
    Ok(Html(html).into_response())
}

fn page_error(state: &AppState) -> impl FnOnce(Error) -> PageError + '_ {
    move |err| PageError(err, state.clone())
}

// Home.

async fn home(State(state): State<AppState>) -> Result<Response, PageError> {
    let view = state.read(views::home).await.map_err(page_error(&state))?;
    render(
        &state,
        "home.html",
        "home",
        "almanac",
        &view,
        Value::UNDEFINED,
    )
}

async fn home_json(State(state): State<AppState>) -> Result<Response, Error> {
    let view = state.read(views::home).await?;
    Ok(Json(view).into_response())
}

// Facts.

async fn facts(
    State(state): State<AppState>,
    params: Result<Q<FactsParams>, Error>,
) -> Result<Response, PageError> {
    let Q(params) = params.map_err(page_error(&state))?;
    let request = params.check().map_err(page_error(&state))?;
    let described = views::describe_filter(&request.filter);
    let query = views::query_string(&params);
    let current_sort = almanac_store::sort_name(request.filter.sort);
    let size = request.size;
    let page = {
        let params = params.clone();
        let mut request = request.clone();
        request.format = Format::Json;
        request.facets = true;
        state
            .read(move |ctx| views::facts_page(ctx, &params, &request))
            .await
            .map_err(page_error(&state))?
    };
    // The table's CSV is the API's answer to the same query: the same facts, page and
    // order.
    let mut csv_params = params.clone();
    csv_params.format = Some("csv".into());
    csv_params.facets = None;
    let sort_links: Vec<(String, String, String)> = [
        ("value", "value"),
        ("subject", "subject"),
        ("metric", "metric"),
        ("period", "period"),
        ("date", "date"),
    ]
    .iter()
    .map(|(column, key)| {
        let mut next = params.clone();
        next.cursor = None;
        let (state_now, target) = if current_sort == *key {
            ("ascending", format!("-{key}"))
        } else if current_sort == format!("-{key}") {
            ("descending", "doc".to_string())
        } else {
            ("none", key.to_string())
        };
        next.sort = Some(target);
        (
            column.to_string(),
            state_now.to_string(),
            views::query_string(&next),
        )
    })
    .collect();
    let mut first = params.clone();
    first.cursor = None;
    let title = if described.is_empty() {
        "Facts".to_string()
    } else {
        format!("Facts: {described}")
    };
    render(
        &state,
        "facts.html",
        "facts",
        &title,
        &page,
        context! {
            params => Value::from(Serde(&params)),
            described => described,
            query => query,
            csv => views::query_string(&csv_params),
            first => views::query_string(&first),
            is_first => params.cursor.is_none(),
            sorts => sort_links,
            current_sort => current_sort,
            size => size,
            metrics => almanac_extract::Metric::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        },
    )
}

async fn facts_json(
    State(state): State<AppState>,
    Q(params): Q<FactsParams>,
) -> Result<Response, Error> {
    let mut request = params.check()?;
    let format = request.format;
    request.facets &= format == Format::Json;
    let page = state
        .read(move |ctx| views::facts_page(ctx, &params, &request))
        .await?;
    Ok(api::facts_response(page, format, "/facts.json"))
}

// Places.

async fn places(
    State(state): State<AppState>,
    params: Result<Q<EntitiesParams>, Error>,
) -> Result<Response, PageError> {
    let Q(params) = params.map_err(page_error(&state))?;
    let (filter, size) = params.check().map_err(page_error(&state))?;
    let list = state
        .read(move |ctx| api::entity_list(ctx.store, &filter, size))
        .await
        .map_err(page_error(&state))?;
    render(
        &state,
        "places.html",
        "places",
        "Places and organisations",
        &list,
        context! { q => params.q, kind => params.kind },
    )
}

async fn places_json(
    State(state): State<AppState>,
    Q(params): Q<EntitiesParams>,
) -> Result<Response, Error> {
    let (filter, size) = params.check()?;
    let list = state
        .read(move |ctx| api::entity_list(ctx.store, &filter, size))
        .await?;
    Ok(Json(list).into_response())
}

/// `/places/NAME` and its twin `/places/NAME.json`.
async fn place(
    State(state): State<AppState>,
    Path(name): Path<String>,
    params: Result<Q<EntityParams>, Error>,
) -> Result<Response, PageError> {
    let Q(params) = params.map_err(page_error(&state))?;
    let currency = params.currency().map_err(page_error(&state))?;
    let (name, json) = match name.strip_suffix(".json") {
        Some(stem) => (stem.to_string(), true),
        None => (name, false),
    };
    if json {
        let view = state
            .read(move |ctx| api::place_view(ctx, &name, currency))
            .await
            .map_err(page_error(&state))?;
        return Ok(Json(view).into_response());
    }
    let (data, facts) = state
        .read(move |ctx| api::place_parts(ctx, &name, currency))
        .await
        .map_err(page_error(&state))?;
    // The page shows each chart and how many points it has: the template is given only
    // that, not the points the SVG already draws.
    let charts: Vec<ChartSummary<'_>> = data
        .charts
        .iter()
        .map(|c| ChartSummary {
            metric: &c.metric,
            measure: &c.measure,
            unit: c.unit.as_deref(),
            actual_points: c.actual.points.len(),
            planned_points: c.planned.points.len(),
            svg: &c.svg,
        })
        .collect();
    let view = PlacePage {
        entity: &data.entity,
        within: &data.within,
        charts,
        facts,
    };
    render(
        &state,
        "place.html",
        "places",
        &data.entity.name,
        &view,
        context! { currency => currency.code() },
    )
}

/// A place page's data, as its template reads it.
#[derive(Serialize)]
struct PlacePage<'a> {
    entity: &'a almanac_store::EntitySummary,
    within: &'a [almanac_store::EntitySummary],
    charts: Vec<ChartSummary<'a>>,
    facts: crate::views::FactsPage,
}

/// One chart of a place page.
#[derive(Serialize)]
struct ChartSummary<'a> {
    metric: &'a str,
    measure: &'a str,
    unit: Option<&'a str>,
    actual_points: usize,
    planned_points: usize,
    svg: &'a str,
}

// Documents.

async fn documents(
    State(state): State<AppState>,
    params: Result<Q<DocumentsParams>, Error>,
) -> Result<Response, PageError> {
    let Q(params) = params.map_err(page_error(&state))?;
    let (filter, size) = params.check().map_err(page_error(&state))?;
    let list = state
        .read(move |ctx| api::document_list(ctx.store, &filter, size))
        .await
        .map_err(page_error(&state))?;
    render(
        &state,
        "documents.html",
        "documents",
        "Documents",
        &list,
        context! { q => params.q, period => params.period, newest => params.newest },
    )
}

async fn documents_json(
    State(state): State<AppState>,
    Q(params): Q<DocumentsParams>,
) -> Result<Response, Error> {
    let (filter, size) = params.check()?;
    let list = state
        .read(move |ctx| api::document_list(ctx.store, &filter, size))
        .await?;
    Ok(Json(list).into_response())
}

/// `/documents/DOC` and its twin `/documents/DOC.json`.
async fn document(
    State(state): State<AppState>,
    Path(doc): Path<String>,
) -> Result<Response, PageError> {
    let (doc, json) = match doc.strip_suffix(".json") {
        Some(stem) => (stem.to_string(), true),
        None => (doc, false),
    };
    let view = state
        .read(move |ctx| views::document(ctx.store, &doc))
        .await
        .map_err(page_error(&state))?;
    if json {
        return Ok(Json(view).into_response());
    }
    let title = view.title.clone().unwrap_or_else(|| view.doc.clone());
    let mut metrics: Vec<&str> = view
        .facts
        .iter()
        .filter_map(|f| f.fact.metric.map(|m| m.as_str()))
        .collect();
    metrics.sort_unstable();
    metrics.dedup();
    render(
        &state,
        "document.html",
        "documents",
        &title,
        &view,
        context! { segments => Value::from(Serde(&view.segments)), metrics => metrics },
    )
}

// Analyses.

async fn promises(
    State(state): State<AppState>,
    params: Result<Q<PromisesParams>, Error>,
) -> Result<Response, PageError> {
    let Q(params) = params.map_err(page_error(&state))?;
    let form = params.clone();
    let list = state
        .read(move |ctx| api::promise_list(ctx, &params))
        .await
        .map_err(page_error(&state))?;
    render(
        &state,
        "promises.html",
        "promises",
        "Promises",
        &list,
        context! { params => Value::from(Serde(&form)) },
    )
}

async fn promises_json(
    State(state): State<AppState>,
    Q(params): Q<PromisesParams>,
) -> Result<Response, Error> {
    let list = state
        .read(move |ctx| api::promise_list(ctx, &params))
        .await?;
    Ok(Json(list).into_response())
}

async fn checks(
    State(state): State<AppState>,
    params: Result<Q<ChecksParams>, Error>,
) -> Result<Response, PageError> {
    let Q(params) = params.map_err(page_error(&state))?;
    let form = params.clone();
    let list = state
        .read(move |ctx| api::check_list(ctx, &params))
        .await
        .map_err(page_error(&state))?;
    render(
        &state,
        "checks.html",
        "checks",
        "Checks",
        &list,
        context! { params => Value::from(Serde(&form)) },
    )
}

async fn checks_json(
    State(state): State<AppState>,
    Q(params): Q<ChecksParams>,
) -> Result<Response, Error> {
    let list = state.read(move |ctx| api::check_list(ctx, &params)).await?;
    Ok(Json(list).into_response())
}

// Assets.

async fn style() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../assets/style.css"),
    )
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    )
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        body,
    )
        .into_response()
}

/// Unknown paths: a JSON error under `/api/`, a page elsewhere.
pub async fn not_found(State(state): State<AppState>, uri: axum::http::Uri) -> Response {
    let err = Error::not_found(format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") || uri.path().ends_with(".json") {
        err.into_response()
    } else {
        PageError(err, state).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_and_urls() {
        assert_eq!(path_segment("Almaty region"), "Almaty%20region");
        assert_eq!(path_segment("a/b?c#d"), "a%2Fb%3Fc%23d");
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(
            safe_url(" https://example.org/a "),
            Some("https://example.org/a".into())
        );
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }

    #[test]
    fn a_range_shows_both_ends_in_the_fact_cells() {
        let env = templates();
        let cells = |high: serde_json::Value| {
            let fact = serde_json::json!({
                "id": 1, "doc": "d", "text": "20-30 million tenge", "value": 20e6,
                "value_high": high, "unit": "KZT",
            });
            env.render_str(
                r#"{% import "macros.html" as m %}{{ m.fact_cells(f) }}"#,
                minijinja::context! { f => Value::from(Serde(fact)) },
            )
            .unwrap()
        };
        assert!(cells(30e6.into()).contains("<td class=\"num\">20–30 million KZT</td>"));
        assert!(cells(serde_json::Value::Null).contains("<td class=\"num\">20 million KZT</td>"));
    }

    #[test]
    fn every_template_compiles() {
        let env = templates();
        assert!(env.get_template("base.html").is_ok());
    }
}
