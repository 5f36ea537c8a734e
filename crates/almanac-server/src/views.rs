//! What the API and the dashboard show, built once for both: a page of facts with its
//! total and facets, a place, a document with its figures, the home page's overview, the
//! checks and the promises. Each view is plain data that serialises to the JSON the API
//! (and the page's `.json` twin) returns; the templates render the same data.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use almanac_analysis::ledger::is_currency;
use almanac_analysis::{
    check, gazetteer, official_rates, promises, Alert, Currency, Promise, PromiseOptions, Severity,
    Verdict,
};
use almanac_extract::Status;
use almanac_store::{
    DocFilter, DocumentSummary, EntityFilter, EntitySummary, Facet, FacetCounts, FactFilter,
    Ledger, Overview, PeriodFigures, StoredFact,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::Error;
use crate::params::{encode_cursor, FactsParams, FactsRequest};
use crate::state::Ctx;

// Facts.

/// A page of facts.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactsPage {
    /// The facts of this page, each as `almanac facts --format json` writes it: a FACTS.md
    /// fact plus the ledger's fields.
    #[schema(value_type = Vec<crate::api::FactSchema>)]
    pub facts: Vec<StoredFact>,
    /// How many facts the filter selects, on every page.
    pub total: u64,
    /// The page size asked for.
    pub size: usize,
    /// The cursor of the next page; none on the last.
    pub next_cursor: Option<String>,
    /// The query string of the next page (this filter, sort and size, and its cursor).
    pub next: Option<String>,
    /// The facet counts of the filter (each as if its own filter were not set), unless
    /// `_facets=false`.
    pub facets: Option<Vec<FacetView>>,
}

/// The counts of one facet, each value with the query that selects or unselects it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FacetView {
    /// subject, metric, measure, status or period_year.
    pub facet: String,
    pub values: Vec<FacetValue>,
    /// More values exist than are listed.
    pub truncated: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FacetValue {
    /// The value; none counts the facts without one.
    pub value: Option<String>,
    /// How many facts it would select with the other filters as they are.
    pub count: u64,
    /// Whether the current filter selects it.
    pub selected: bool,
    /// The query string with this value toggled; none for the facts without a value,
    /// which no filter selects.
    pub toggle: Option<String>,
}

/// The total and facet counts of a filter: the costly part of a page, cached per filter
/// until the ledger changes.
#[derive(Debug)]
pub struct FactsSummary {
    pub total: u64,
    pub facets: Vec<FacetCounts>,
}

/// How many values the subject facet lists.
const SUBJECT_FACET_SIZE: usize = 15;

/// The facts page for `request` (from `params`, whose query string the links keep).
pub fn facts_page(
    ctx: &Ctx<'_>,
    params: &FactsParams,
    request: &FactsRequest,
) -> Result<FactsPage, Error> {
    let page = ctx
        .store
        .fact_page(&request.filter, request.cursor.as_ref(), request.size)?;
    let summary = facts_summary(ctx, &request.filter, request.facets)?;
    let next_cursor = page.next.as_ref().map(encode_cursor);
    let next = next_cursor.as_ref().map(|cursor| {
        let mut next = params.clone();
        next.cursor = Some(cursor.clone());
        query_string(&next)
    });
    let facets = request.facets.then(|| {
        summary
            .facets
            .iter()
            .map(|f| facet_view(f, params))
            .collect()
    });
    Ok(FactsPage {
        facts: page.facts,
        total: summary.total,
        size: request.size,
        next_cursor,
        next,
        facets,
    })
}

/// The total and (with `facets`) the facet counts of `filter`, cached.
pub fn facts_summary(
    ctx: &Ctx<'_>,
    filter: &FactFilter,
    facets: bool,
) -> Result<std::sync::Arc<FactsSummary>, Error> {
    let key = FactFilter {
        sort: Default::default(),
        limit: None,
        ..filter.clone()
    };
    let key = format!("{facets} {key:?}");
    ctx.state.summaries().get_or(key, ctx.generation, || {
        let total = ctx.store.total_facts(filter)?;
        let mut counts = Vec::new();
        if facets {
            for facet in Facet::ALL {
                // Each facet counts as if its own filter were not set, so that its other
                // values say what choosing them would give.
                let mut without = filter.clone();
                match facet {
                    Facet::Subject => {
                        without.subject = None;
                        without.within = false;
                    }
                    Facet::Metric => without.metric.clear(),
                    Facet::Measure => without.measure.clear(),
                    Facet::Status => without.status.clear(),
                    Facet::PeriodYear => without.period = None,
                }
                let limit = match facet {
                    Facet::Subject => SUBJECT_FACET_SIZE,
                    _ => 100,
                };
                counts.push(ctx.store.facet_counts(&without, facet, limit)?);
            }
        }
        Ok(FactsSummary {
            total,
            facets: counts,
        })
    })
}

fn facet_view(counts: &FacetCounts, params: &FactsParams) -> FacetView {
    let lower = |v: &[String]| {
        v.iter()
            .flat_map(|s| s.split(','))
            .map(|s| s.trim().to_lowercase())
            .collect::<Vec<_>>()
    };
    let values = counts
        .values
        .iter()
        .map(|v| {
            let Some(value) = &v.value else {
                return FacetValue {
                    value: None,
                    count: v.count,
                    selected: false,
                    toggle: None,
                };
            };
            let mut next = params.clone();
            next.cursor = None;
            let selected = match counts.facet {
                Facet::Subject => {
                    let selected = params
                        .subject
                        .as_deref()
                        .is_some_and(|s| s.trim().eq_ignore_ascii_case(value));
                    next.subject = (!selected).then(|| value.clone());
                    next.within = false;
                    selected
                }
                Facet::PeriodYear => {
                    let selected = params.period.as_deref().map(str::trim) == Some(value.as_str());
                    next.period = (!selected).then(|| value.clone());
                    selected
                }
                Facet::Metric | Facet::Measure | Facet::Status => {
                    let list = match counts.facet {
                        Facet::Metric => &mut next.metric,
                        Facet::Measure => &mut next.measure,
                        _ => &mut next.status,
                    };
                    let mut items = lower(list);
                    let selected = items.contains(&value.to_lowercase());
                    if selected {
                        items.retain(|i| i != &value.to_lowercase());
                    } else {
                        items.push(value.to_lowercase());
                    }
                    items.retain(|i| !i.is_empty());
                    *list = items;
                    selected
                }
            };
            FacetValue {
                value: Some(value.clone()),
                count: v.count,
                selected,
                toggle: Some(query_string(&next)),
            }
        })
        .collect();
    FacetView {
        facet: counts.facet.as_str().to_string(),
        values,
        truncated: counts.truncated,
    }
}

/// The query string of `params` (without `?`), empty values left out.
pub fn query_string(params: &FactsParams) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut pair = |name: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            out.append_pair(name, v);
        }
    };
    pair("subject", &params.subject);
    pair("period", &params.period);
    pair("doc", &params.doc);
    pair("text", &params.text);
    pair("sort", &params.sort);
    pair("_format", &params.format);
    pair("cursor", &params.cursor);
    if params.within {
        out.append_pair("within", "true");
    }
    for (name, values) in [
        ("metric", &params.metric),
        ("measure", &params.measure),
        ("status", &params.status),
        ("unit", &params.unit),
    ] {
        for v in values.iter().flat_map(|v| v.split(',')).map(str::trim) {
            if !v.is_empty() {
                out.append_pair(name, v);
            }
        }
    }
    if let Some(size) = params.size {
        out.append_pair("size", &size.to_string());
    }
    if let Some(false) = params.facets {
        out.append_pair("_facets", "false");
    }
    out.finish()
}

// Places.

/// A place (or any entity) with what the ledger says of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceView {
    #[schema(value_type = crate::api::EntitySchema)]
    pub entity: EntitySummary,
    /// The places that are part of it, at any depth, the most cited first.
    #[schema(value_type = Vec<crate::api::EntitySchema>)]
    pub within: Vec<EntitySummary>,
    /// One chart per metric with figures of its own, targets apart from actuals.
    pub charts: Vec<ChartView>,
    /// Its facts (the first page; `next` continues them in `/api/facts`).
    pub facts: FactsPage,
}

/// One metric of a place over time.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChartView {
    pub metric: String,
    /// The measure charted: the one the place has most figures of.
    pub measure: String,
    /// The unit of the values (a currency code for money): the one most of the figures
    /// have, money in any currency counting as one.
    pub unit: Option<String>,
    /// Figures reported as achieved, one point per period.
    pub actual: ChartSeries,
    /// Targets and plans, one point per period they are for.
    pub planned: ChartSeries,
    /// The chart as SVG (the dashboard draws it inline).
    #[serde(skip)]
    pub svg: String,
}

/// The points of one status of a chart, in time order.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct ChartSeries {
    pub points: Vec<ChartPoint>,
    /// Facts in other units, left out.
    pub other_units: Vec<UnitCount>,
    /// Facts of money left out for want of a rate into the chart's currency.
    pub left_out: u64,
}

/// How many facts of a chart's metric are in a unit it does not draw.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitCount {
    /// The unit (`money` for any currency; empty for none).
    pub unit: String,
    pub facts: u64,
}

/// What the facts of one period say.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChartPoint {
    /// The period, as FACTS.md writes it (`2023`, `2023-Q2`, `2021/2023`).
    pub period: String,
    /// The figure most of the period's facts give (the latest written on a tie), in the
    /// chart's unit.
    pub value: f64,
    /// How many facts report a figure for the period.
    pub facts: u64,
    /// How many distinct figures they give: more than one, the sources disagree.
    pub figures: u64,
    /// The facts behind the point, with their sentences and documents: a page of
    /// `/api/facts` and `/facts` (whose period filter also finds longer periods that
    /// overlap this one).
    pub sources: String,
}

/// The costly part of a place page, cached until the ledger changes.
#[derive(Debug)]
pub struct PlaceData {
    pub entity: EntitySummary,
    pub within: Vec<EntitySummary>,
    pub charts: Vec<ChartView>,
}

/// How many places within a place are listed.
const WITHIN_SIZE: usize = 200;

/// The place called `name` (any of its names), its charts in `currency`.
pub fn place_data(
    ctx: &Ctx<'_>,
    name: &str,
    currency: Currency,
) -> Result<std::sync::Arc<PlaceData>, Error> {
    let key = format!("{currency:?} {}", name.to_lowercase());
    ctx.state.places().get_or(key, ctx.generation, || {
        let entity = ctx.store.entity(name)?.ok_or_else(|| {
            Error::not_found(format!(
                "no place or organisation called {name:?} in the ledger"
            ))
        })?;
        let mut within = ctx.store.entities(&EntityFilter {
            within: Some(entity.name.clone()),
            limit: Some(WITHIN_SIZE + 1),
            ..EntityFilter::default()
        })?;
        within.retain(|e| !e.name.eq_ignore_ascii_case(&entity.name));
        within.truncate(WITHIN_SIZE);
        let figures = ctx.store.period_figures(&entity.name)?;
        let charts = charts(&entity.name, &figures, currency);
        Ok(PlaceData {
            entity,
            within,
            charts,
        })
    })
}

/// One chart per metric: of the measure with most facts (level on a tie), its actual
/// and planned points in the unit most of its facts have.
fn charts(subject: &str, figures: &[PeriodFigures], currency: Currency) -> Vec<ChartView> {
    let mut by_metric: BTreeMap<&'static str, Vec<&PeriodFigures>> = BTreeMap::new();
    for g in figures {
        by_metric.entry(g.metric.as_str()).or_default().push(g);
    }
    let mut out = Vec::new();
    for (metric, groups) in by_metric {
        let mut measures: BTreeMap<&'static str, u64> = BTreeMap::new();
        for g in &groups {
            *measures.entry(g.measure.as_str()).or_default() += g.facts;
        }
        let measure = measures
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then((*b.0 != "level").cmp(&(*a.0 != "level"))))
            .map(|(m, _)| *m)
            .unwrap_or("level");
        let groups: Vec<&PeriodFigures> = groups
            .into_iter()
            .filter(|g| g.measure.as_str() == measure)
            .collect();
        // Money is one unit whatever the currency it was written in; the actual figures'
        // unit is the chart's, so that targets share their axis.
        let unit_key = |g: &PeriodFigures| match g.unit.as_deref() {
            Some(u) if is_currency(u) => "money".to_string(),
            other => other.unwrap_or("").to_string(),
        };
        let mut units: BTreeMap<String, u64> = BTreeMap::new();
        for g in groups.iter().filter(|g| g.status == Status::Actual) {
            *units.entry(unit_key(g)).or_default() += g.facts;
        }
        if units.is_empty() {
            for g in &groups {
                *units.entry(unit_key(g)).or_default() += g.facts;
            }
        }
        let Some(unit) = units
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(u, _)| u.clone())
        else {
            continue;
        };
        let series = |status: Status| {
            let mut series = ChartSeries::default();
            let mut other_units: BTreeMap<String, u64> = BTreeMap::new();
            // Groups of one period in several currencies are one point.
            let mut points: Vec<(almanac_extract::Period, ChartPoint, u64)> = Vec::new();
            for g in groups.iter().filter(|g| g.status == status) {
                let key = unit_key(g);
                if key != unit {
                    *other_units.entry(key).or_default() += g.facts;
                    continue;
                }
                let value = if key == "money" {
                    match currency {
                        Currency::Kzt => g.value_kzt,
                        Currency::Usd => g.value_usd,
                    }
                } else {
                    Some(g.value)
                };
                let Some(value) = value else {
                    series.left_out += g.facts;
                    continue;
                };
                let top = g.facts;
                match points.iter_mut().find(|(p, _, _)| *p == g.period) {
                    Some((_, point, best)) => {
                        point.facts += g.facts;
                        point.figures += g.figures;
                        if top > *best {
                            (point.value, *best) = (value, top);
                        }
                    }
                    None => {
                        let sources = source_query(subject, metric, measure, status, g);
                        let point = ChartPoint {
                            period: g.period.to_string(),
                            value,
                            facts: g.facts,
                            figures: g.figures,
                            sources,
                        };
                        points.push((g.period, point, top));
                    }
                }
            }
            series.points = points.into_iter().map(|(_, p, _)| p).collect();
            series.other_units = other_units
                .into_iter()
                .map(|(unit, facts)| UnitCount { unit, facts })
                .collect();
            series
        };
        let (actual, planned) = (series(Status::Actual), series(Status::Planned));
        if actual.points.is_empty() && planned.points.is_empty() {
            continue;
        }
        let unit = match unit.as_str() {
            "money" => Some(currency.code().to_string()),
            "" => None,
            other => Some(other.to_string()),
        };
        let svg = crate::chart::svg(
            &format!("{subject}: {metric} ({measure})"),
            &actual,
            &planned,
            unit.as_deref().unwrap_or(""),
        );
        out.push(ChartView {
            metric: metric.to_string(),
            measure: measure.to_string(),
            unit,
            actual,
            planned,
            svg,
        });
    }
    out
}

/// The query string of the facts behind a chart's point.
fn source_query(
    subject: &str,
    metric: &str,
    measure: &str,
    status: Status,
    group: &PeriodFigures,
) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("subject", subject)
        .append_pair("metric", metric)
        .append_pair("measure", measure)
        .append_pair("status", status.as_str())
        .append_pair("period", &group.period.to_string());
    query.finish()
}

// Documents.

/// A document with its text and its facts.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    pub doc: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The publication date (from the text's header, the metadata or the date given).
    #[schema(value_type = Option<String>, format = Date)]
    pub date: Option<chrono::NaiveDate>,
    pub origin: String,
    pub ingested_at: String,
    pub extractor_version: String,
    /// The text as it was given; every fact's `span` is a byte range into it.
    pub text: String,
    /// Its facts in text order.
    #[schema(value_type = Vec<crate::api::FactSchema>)]
    pub facts: Vec<StoredFact>,
    /// The ids of its facts that a person corrected (their fields above are as
    /// corrected; `DELETE /api/facts/{id}/correction` undoes it).
    pub corrected: Vec<i64>,
    /// Its figures a person rejected as no facts: left out of `facts` and of every
    /// answer until the rejection is undone.
    pub rejected: Vec<RejectedFigure>,
    /// The text cut at the facts' spans, for the page.
    #[serde(skip)]
    pub segments: Vec<Segment>,
}

/// A figure of a document that a person said is no fact.
#[derive(Debug, Serialize, ToSchema)]
pub struct RejectedFigure {
    /// The id of its fact in this ledger now.
    pub id: i64,
    /// The figure as written.
    pub figure: String,
    /// Why, as the person wrote it.
    pub note: Option<String>,
}

/// A piece of a document's text: a figure (with its fact) or the text between two.
#[derive(Debug, Clone, Serialize)]
pub struct Segment {
    pub text: String,
    /// The index in `facts` of the figure's fact.
    pub fact: Option<usize>,
}

/// The document `doc` with its facts.
pub fn document(store: &dyn Ledger, doc: &str) -> Result<DocumentView, Error> {
    let stored = store
        .document(doc)?
        .ok_or_else(|| Error::not_found(format!("no document {doc:?} in the ledger")))?;
    let facts = store.facts(&FactFilter {
        doc: Some(doc.to_string()),
        ..FactFilter::default()
    })?;
    let segments = segments(&stored.text, &facts);
    let summary = stored.summary;
    let mut corrected = Vec::new();
    let mut rejected = Vec::new();
    for correction in store.corrections()? {
        let Some(id) = correction.fact_id else {
            continue;
        };
        if correction.doc_hash != summary.hash {
            continue;
        }
        if correction.reject {
            rejected.push(RejectedFigure {
                id,
                figure: correction.figure,
                note: correction.note,
            });
        } else {
            corrected.push(id);
        }
    }
    corrected.sort_unstable();
    rejected.sort_by_key(|r| r.id);
    Ok(DocumentView {
        doc: summary.doc,
        title: summary.title,
        url: summary.url,
        date: summary.date,
        origin: summary.origin,
        ingested_at: summary.ingested_at,
        extractor_version: summary.extractor_version,
        text: stored.text,
        facts,
        corrected,
        rejected,
        segments,
    })
}

/// `text` cut at the spans of `facts`. A span that overlaps one already taken, or that
/// does not fall on character boundaries of this text, is not highlighted (its fact is
/// still listed).
fn segments(text: &str, facts: &[StoredFact]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, usize)> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.fact.span[0], f.fact.span[1], i))
        .filter(|&(a, b, _)| {
            a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
        })
        .collect();
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, i) in spans {
        if start < at {
            continue;
        }
        if start > at {
            out.push(Segment {
                text: text[at..start].to_string(),
                fact: None,
            });
        }
        out.push(Segment {
            text: text[start..end].to_string(),
            fact: Some(i),
        });
        at = end;
    }
    if at < text.len() {
        out.push(Segment {
            text: text[at..].to_string(),
            fact: None,
        });
    }
    out
}

// The analyses.

/// The checks and promises over the whole ledger, and when they were computed.
#[derive(Debug)]
pub struct Analyses {
    pub alerts: Vec<Alert>,
    pub promises: Vec<Promise>,
    /// The date deadlines were judged against: the newest document's.
    pub as_of: Option<chrono::NaiveDate>,
    pub n_facts: usize,
    pub computed_at: String,
}

/// The checks and promises, from the cache or computed over every fact.
pub fn analyses(ctx: &Ctx<'_>) -> Result<std::sync::Arc<Analyses>, Error> {
    ctx.state.analyses(ctx, || {
        let facts = ctx.store.facts(&FactFilter::default())?;
        let as_of = latest_date(ctx.store)?;
        let alerts = check(&facts, &official_rates, &gazetteer);
        let opts = PromiseOptions {
            subject: None,
            as_of,
        };
        let promises = promises(&facts, &opts, &gazetteer);
        Ok(Analyses {
            alerts,
            promises,
            as_of,
            n_facts: facts.len(),
            computed_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        })
    })
}

/// The newest document's date: the ledger's "now" for promises.
pub fn latest_date(store: &dyn Ledger) -> Result<Option<chrono::NaiveDate>, Error> {
    Ok(store
        .documents(&DocFilter {
            newest_first: true,
            limit: Some(1),
            ..DocFilter::default()
        })?
        .first()
        .and_then(|d| d.date))
}

/// The ids of the facts a filter selects (to choose the alerts that involve them).
pub fn fact_ids(store: &dyn Ledger, filter: &FactFilter) -> Result<HashSet<i64>, Error> {
    let mut ids = HashSet::new();
    store.for_each_fact(filter, &mut |f| {
        ids.insert(f.id);
        true
    })?;
    Ok(ids)
}

// Home.

/// What the ledger holds, at a glance.
#[derive(Debug, Serialize, ToSchema)]
pub struct HomeView {
    #[schema(value_type = Object)]
    pub overview: Overview,
    /// The documents most recently dated.
    #[schema(value_type = Vec<Object>)]
    pub latest_documents: Vec<DocumentSummary>,
    /// The facts most recently added.
    #[schema(value_type = Vec<crate::api::FactSchema>)]
    pub latest_facts: Vec<StoredFact>,
    /// Alerts by severity.
    pub alerts: BTreeMap<String, usize>,
    /// The most severe alerts.
    #[schema(value_type = Vec<Object>)]
    pub top_alerts: Vec<Alert>,
    /// Promises by verdict.
    pub promises: BTreeMap<String, usize>,
    /// The promises whose deadline came last.
    #[schema(value_type = Vec<Object>)]
    pub recent_promises: Vec<Promise>,
    /// When the checks and promises were computed.
    pub analysed_at: String,
}

pub fn home(ctx: &Ctx<'_>) -> Result<HomeView, Error> {
    let overview = ctx.store.overview()?;
    let latest_documents = ctx.store.documents(&DocFilter {
        newest_first: true,
        limit: Some(8),
        ..DocFilter::default()
    })?;
    let latest_facts = ctx
        .store
        .fact_page(
            &FactFilter {
                sort: "-doc".parse().expect("a sort"),
                ..FactFilter::default()
            },
            None,
            8,
        )?
        .facts;
    let analyses = analyses(ctx)?;
    let mut alerts = BTreeMap::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = analyses
            .alerts
            .iter()
            .filter(|a| a.severity == severity)
            .count();
        alerts.insert(severity.as_str().to_string(), n);
    }
    let mut by_verdict = BTreeMap::new();
    for verdict in [
        Verdict::Kept,
        Verdict::PartlyKept,
        Verdict::NotKept,
        Verdict::NotYetReported,
        Verdict::Unreported,
    ] {
        let n = analyses
            .promises
            .iter()
            .filter(|p| p.verdict == verdict)
            .count();
        by_verdict.insert(verdict.as_str().to_string(), n);
    }
    let top_alerts = analyses
        .alerts
        .iter()
        .filter(|a| a.severity > Severity::Info)
        .take(5)
        .cloned()
        .collect();
    let mut recent: Vec<&Promise> = analyses.promises.iter().collect();
    recent.sort_by(|a, b| {
        b.deadline
            .map(|d| d.bounds().1)
            .cmp(&a.deadline.map(|d| d.bounds().1))
    });
    Ok(HomeView {
        overview,
        latest_documents,
        latest_facts,
        alerts,
        top_alerts,
        promises: by_verdict,
        recent_promises: recent.into_iter().take(5).cloned().collect(),
        analysed_at: analyses.computed_at.clone(),
    })
}

/// A list of short words for a page title: `jobs, investment`.
pub fn describe_filter(filter: &FactFilter) -> String {
    let mut out = String::new();
    if let Some(s) = &filter.subject {
        let _ = write!(
            out,
            "{s}{} ",
            if filter.within { " and within" } else { "" }
        );
    }
    for list in [
        &filter.metric,
        &filter.measure,
        &filter.status,
        &filter.unit,
    ] {
        if !list.is_empty() {
            let _ = write!(out, "{} ", list.join(" or "));
        }
    }
    if let Some(p) = filter.period {
        let _ = write!(out, "in {p} ");
    }
    if let Some(d) = &filter.doc {
        let _ = write!(out, "of {d} ");
    }
    if let Some(t) = &filter.text {
        let _ = write!(out, "matching {t:?} ");
    }
    out.trim().to_string()
}
