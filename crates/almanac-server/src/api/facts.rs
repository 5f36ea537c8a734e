//! `/api/facts`: pages of facts in JSON, CSV or NDJSON.

use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::error::{Error, ErrorBody};
use crate::params::{FactsParams, Format, Q};
use crate::state::AppState;
use crate::views::{self, FactsPage};

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
pub(super) async fn list_facts(
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
