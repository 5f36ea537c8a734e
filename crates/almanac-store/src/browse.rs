//! What a browser of the ledger asks beyond the CLI's queries (`almanac serve`): pages
//! of facts by keyset with their total, facet counts, one entity by
//! any of its names, and an overview of what the ledger holds.
//!
//! Pages are keyset ("seek") pages, not offsets: the next page starts after the last fact
//! of this one in the sort order, so it costs the same at page 1 and page 10,000 and a
//! fact written between two requests neither repeats nor hides a row. That needs a unique
//! order, which every sort has: its key, then the fact id.

use almanac_extract::{Measure, Metric, Period, Status};
use chrono::Datelike;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::corrections::Overlay;
use crate::model::{EntityFilter, EntitySummary, FactFilter, FactSort, SortKey, StoredFact};
use crate::query::{
    fact_conditions, get_u64, parse_measure, parse_status, row_to_fact, text_error, Params,
};
use crate::sql::{self, FacetColumn, FactSelect};
use crate::{Result, Store, StoreError};

/// Where a page of facts ends, to ask for the next one: the sort it was taken in, and the
/// last fact's sort values and id. Plain data; the server carries it in URLs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactCursor {
    /// The sort the page was taken in (`-value`, `period`...); a cursor only continues
    /// its own sort.
    pub sort: String,
    /// The last fact's values of the sort's columns (none for ledger order); `None` when
    /// it had none (such facts come last).
    pub keys: Option<Vec<CursorValue>>,
    /// The last fact's id.
    pub id: i64,
}

/// One sort value of a cursor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CursorValue {
    Number(f64),
    Text(String),
}

impl FactCursor {
    /// The cursor just after `fact` in `sort`.
    pub fn after(fact: &StoredFact, sort: FactSort) -> FactCursor {
        let text = |s: Option<String>| s.map(|s| vec![CursorValue::Text(s)]);
        let number = |n: Option<f64>| n.map(|n| vec![CursorValue::Number(n)]);
        let keys = match sort.key {
            SortKey::Document => Some(Vec::new()),
            SortKey::Date => text(fact.doc_date.map(|d| d.to_string())),
            SortKey::Period => fact.fact.period.map(|p| {
                let (start, end) = Period::bounds(p);
                vec![
                    CursorValue::Text(start.to_string()),
                    CursorValue::Text(end.to_string()),
                ]
            }),
            SortKey::Value => number(Some(fact.fact.value)),
            SortKey::ValueKzt => number(fact.value_kzt),
            SortKey::ValueUsd => number(fact.value_usd),
            SortKey::Subject => text(fact.fact.subject.clone()),
            SortKey::Metric => text(fact.fact.metric.map(|m| m.as_str().to_string())),
        };
        FactCursor {
            sort: sort_name(sort),
            keys,
            id: fact.id,
        }
    }
}

/// A sort as `FactSort::from_str` reads it: `value`, `-period`.
pub fn sort_name(sort: FactSort) -> String {
    let name = match sort.key {
        SortKey::Document => "doc",
        SortKey::Date => "date",
        SortKey::Period => "period",
        SortKey::Value => "value",
        SortKey::ValueKzt => "value_kzt",
        SortKey::ValueUsd => "value_usd",
        SortKey::Subject => "subject",
        SortKey::Metric => "metric",
    };
    if sort.descending {
        format!("-{name}")
    } else {
        name.to_string()
    }
}

/// One page of facts.
#[derive(Debug, Clone, PartialEq)]
pub struct FactPage {
    pub facts: Vec<StoredFact>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<FactCursor>,
}

/// What facts can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Subject,
    Metric,
    Measure,
    Status,
    /// The years a fact's period overlaps: a fact of `2021/2023` counts in 2021, 2022 and
    /// 2023, as a `period=2022` filter finds it.
    PeriodYear,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Subject,
        Facet::Metric,
        Facet::Measure,
        Facet::Status,
        Facet::PeriodYear,
    ];

    /// Its name, as in JSON and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Subject => "subject",
            Facet::Metric => "metric",
            Facet::Measure => "measure",
            Facet::Status => "status",
            Facet::PeriodYear => "period_year",
        }
    }
}

/// One value of a facet and how many facts have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// `None` counts the facts without a value.
    pub value: Option<String>,
    pub count: u64,
}

/// The values of a facet, the most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<FacetCount>,
    /// More values exist than were asked for.
    pub truncated: bool,
}

/// What a subject's facts of one metric, measure, status, period and unit say: the
/// figure most of them give and how many they are. A chart draws one point of it,
/// without reading every fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodFigures {
    pub metric: Metric,
    /// `level` when the facts give none.
    pub measure: Measure,
    /// `actual` when the facts give none.
    pub status: Status,
    pub period: Period,
    pub unit: Option<String>,
    /// The figure most of the facts give (the latest written on a tie), and its money.
    pub value: f64,
    pub value_kzt: Option<f64>,
    pub value_usd: Option<f64>,
    /// How many facts.
    pub facts: u64,
    /// How many distinct figures they give: more than one, the sources disagree.
    pub figures: u64,
}

/// What the ledger holds, at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub documents: u64,
    pub facts: u64,
    pub entities: u64,
    /// Entities that are places (countries, regions, cities, districts, towns, zones).
    pub places: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

impl Store {
    /// A number that changes when another connection commits to the ledger (SQLite's
    /// `data_version`): a reader's cheap test of whether what it computed still holds.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row(sql::DATA_VERSION, [], |r| r.get(0))?)
    }

    /// A page of at most `size` facts of `filter`, in its sort, after `cursor` (from the
    /// start without one). The filter's `limit` is not read.
    ///
    /// # Errors
    ///
    /// [`StoreError::Cursor`] when the cursor belongs to another sort; a database error
    /// or an invalid `text` search.
    pub fn fact_page(
        &self,
        filter: &FactFilter,
        cursor: Option<&FactCursor>,
        size: usize,
    ) -> Result<FactPage> {
        let corrections = Overlay::load(&self.conn)?;
        let mut params = Params::default();
        let mut conditions = fact_conditions(filter, &mut params);
        if let Some(text) = &filter.text {
            conditions.push(sql::text_filter(params.text(sql::fts_query(text))));
        }
        if let Some(cursor) = cursor {
            conditions.push(keyset_condition(filter.sort, cursor, &mut params)?);
        }
        // With corrections, the table's rows of corrected facts come too, and are dropped
        // here (see `sql::select_fact_page`).
        let hidden = corrections.corrected();
        let query = if corrections.active() {
            sql::select_fact_page(filter.sort, size + 1 + hidden.len(), &conditions)
        } else {
            sql::select_facts(
                FactSelect::Rows {
                    sort: filter.sort,
                    limit: Some(size + 1),
                },
                false,
                false,
                &conditions,
            )
        };
        let mut stmt = self.conn.prepare_cached(&query)?;
        let from_view = stmt.column_count().saturating_sub(1);
        let mut rows = stmt
            .query(params_from_iter(params.0))
            .map_err(|err| text_error(filter, err))?;
        let mut facts = Vec::with_capacity(size.min(1024));
        while let Some(row) = rows.next().map_err(|err| text_error(filter, err))? {
            if facts.len() > size {
                break;
            }
            let fact = row_to_fact(row)?;
            if corrections.active()
                && hidden.contains(&fact.id)
                && row.get::<_, i64>(from_view)? == 0
            {
                continue;
            }
            facts.push(corrections.apply(fact));
        }
        let next = if facts.len() > size {
            facts.truncate(size);
            facts.last().map(|f| FactCursor::after(f, filter.sort))
        } else {
            None
        };
        Ok(FactPage { facts, next })
    }

    /// How many facts `filter` selects (its limit is not read). Unlike
    /// [`Store::count_facts`] it does not join the documents, which no condition needs.
    pub fn total_facts(&self, filter: &FactFilter) -> Result<u64> {
        self.total_facts_from(filter, true)
    }

    /// [`Store::total_facts`], from `fact_counts` where they answer the filter and
    /// `stored` allows (the tests compare both ways).
    fn total_facts_from(&self, filter: &FactFilter, stored: bool) -> Result<u64> {
        if let Some((conditions, params)) = counted_conditions(filter).filter(|_| stored) {
            let mut stmt = self
                .conn
                .prepare_cached(&sql::count_facts_stored(&conditions))?;
            return Ok(stmt.query_row(params_from_iter(params.0), |r| get_u64(r, 0))?);
        }
        let (conditions, params) = filter_conditions(filter);
        let corrected = Overlay::load(&self.conn)?.active();
        let mut stmt = self
            .conn
            .prepare_cached(&sql::count_facts(&conditions, corrected))?;
        stmt.query_row(params_from_iter(params.0), |r| get_u64(r, 0))
            .map_err(|err| text_error(filter, err))
    }

    /// The facts `filter` selects, counted by `facet`: at most `limit` values, the most
    /// frequent first (ties in value order).
    pub fn facet_counts(
        &self,
        filter: &FactFilter,
        facet: Facet,
        limit: usize,
    ) -> Result<FacetCounts> {
        self.facet_counts_from(filter, facet, limit, true)
    }

    /// [`Store::facet_counts`], from `fact_counts` where they answer the filter and
    /// `stored` allows.
    fn facet_counts_from(
        &self,
        filter: &FactFilter,
        facet: Facet,
        limit: usize,
        stored: bool,
    ) -> Result<FacetCounts> {
        let column = match facet {
            Facet::Subject => FacetColumn::Subject,
            Facet::Metric => FacetColumn::Metric,
            Facet::Measure => FacetColumn::Measure,
            Facet::Status => FacetColumn::Status,
            Facet::PeriodYear => FacetColumn::PeriodYears,
        };
        // The years are counted as (first, last) pairs and spread over their span here,
        // so every pair must be read.
        let sql_limit = match facet {
            Facet::PeriodYear => usize::MAX >> 1,
            _ => limit + 1,
        };
        let (query, params) = match counted_conditions(filter).filter(|_| stored) {
            Some((conditions, params)) => (
                sql::facet_counts_stored(column, &conditions, sql_limit),
                params,
            ),
            None => {
                let (conditions, params) = filter_conditions(filter);
                let corrected = Overlay::load(&self.conn)?.active();
                let query = sql::facet_counts(column, &conditions, sql_limit, corrected);
                (query, params)
            }
        };
        let mut stmt = self.conn.prepare_cached(&query)?;
        let mut rows = stmt
            .query(params_from_iter(params.0))
            .map_err(|err| text_error(filter, err))?;
        let mut read = Vec::new();
        while let Some(row) = rows.next().map_err(|err| text_error(filter, err))? {
            read.push(if facet == Facet::PeriodYear {
                FacetRow::Years(row.get(0)?, row.get(1)?, get_u64(row, 2)?)
            } else {
                FacetRow::Value(row.get(0)?, get_u64(row, 1)?)
            });
        }
        Ok(facet_values(facet, read, limit))
    }

    /// The entity called `name` (its canonical name or an alias, any case), with its
    /// aliases and counts; a subject that facts name without an entity record has no
    /// kind. `None` when nothing in the ledger goes by that name.
    pub fn entity(&self, name: &str) -> Result<Option<EntitySummary>> {
        let name = name.trim();
        let mut params = Params::default();
        let condition = sql::entity_named(params.text(name.to_string()));
        let query = sql::select_entities(&[condition]);
        let found: Option<String> = {
            let mut stmt = self.conn.prepare_cached(&query)?;
            let mut rows = stmt.query(params_from_iter(params.0))?;
            match rows.next()? {
                Some(row) => Some(row.get(1)?),
                None => None,
            }
        };
        // `entities` reads the counts and aliases; its search is a substring match, so
        // the entity is picked from its answer by its canonical name.
        let wanted = found.unwrap_or_else(|| name.to_string());
        let candidates = self.entities(&EntityFilter {
            search: Some(wanted.clone()),
            ..EntityFilter::default()
        })?;
        Ok(candidates
            .into_iter()
            .find(|e| e.name.eq_ignore_ascii_case(&wanted)))
    }

    /// The facts about `subject` (any of its names; not the places within it) that have a
    /// metric and a period, summed up by metric, measure, status, period and unit, in
    /// that order (periods in time order). Facts a person corrected are read one by one
    /// as corrected (there are few) and added to their group: each counts as a figure of
    /// its own unless it gives the group's figure.
    ///
    /// # Errors
    ///
    /// On a database error, or a stored field that does not parse.
    pub fn period_figures(&self, subject: &str) -> Result<Vec<PeriodFigures>> {
        let overlay = Overlay::load(&self.conn)?;
        let mut params = Params::default();
        let name = params.text(subject.trim().to_string());
        let read = |query: &str| -> Result<Vec<PeriodValue>> {
            let mut stmt = self.conn.prepare_cached(query)?;
            let mut rows = stmt.query(params_from_iter(params.0.iter()))?;
            let mut values = Vec::new();
            while let Some(row) = rows.next()? {
                values.push(PeriodValue {
                    key: [
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                    ],
                    value: row.get(6)?,
                    value_kzt: row.get(7)?,
                    value_usd: row.get(8)?,
                    n: row.get(9)?,
                    last: row.get(10)?,
                });
            }
            Ok(values)
        };
        let mut values = read(&sql::period_values_of(name))?;
        if !overlay.active() {
            return rank_period_values(values);
        }
        for fact in read(&sql::corrected_period_values_of(name))? {
            let Some(at) = take_out(&mut values, &fact) else {
                continue;
            };
            let row = &mut values[at];
            let [subject, metric, measure, status, period, unit] = &row.key;
            let (start, end) = period_bounds(period)?;
            let (kzt, usd, last) = self.conn.query_row(
                &sql::uncorrected_period_value(),
                rusqlite::params![
                    subject, metric, measure, status, period, unit, row.value, start, end
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, Option<i64>>(2)?)),
            )?;
            (row.value_kzt, row.value_usd) = (kzt, usd);
            row.last = last.unwrap_or(row.last);
        }
        let mut out = rank_period_values(values)?;
        let corrected = vec![sql::fact_subject_in(name, false), sql::fact_corrected()];
        let query = sql::select_facts(
            FactSelect::Rows {
                sort: FactSort::default(),
                limit: None,
            },
            false,
            true,
            &corrected,
        );
        let mut stmt = self.conn.prepare_cached(&query)?;
        let mut rows = stmt.query(params_from_iter(params.0.iter()))?;
        while let Some(row) = rows.next()? {
            add_corrected_fact(&mut out, overlay.apply(row_to_fact(row)?));
        }
        sort_period_figures(&mut out);
        Ok(out)
    }

    /// Counts and the span of document dates.
    pub fn overview(&self) -> Result<Overview> {
        let stats = self.stats()?;
        let (first_date, last_date) = self
            .conn
            .query_row(sql::DOCUMENT_DATES, [], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let places = self
            .conn
            .query_row(sql::COUNT_PLACES, [], |r| get_u64(r, 0))?;
        Ok(Overview {
            documents: stats.documents,
            facts: stats.facts,
            entities: stats.entities,
            places,
            first_date,
            last_date,
        })
    }
}

/// Every condition of `filter`, its text search as a filter, and their values.
fn filter_conditions(filter: &FactFilter) -> (Vec<String>, Params) {
    let mut params = Params::default();
    let mut conditions = fact_conditions(filter, &mut params);
    if let Some(text) = &filter.text {
        conditions.push(sql::text_filter(params.text(sql::fts_query(text))));
    }
    (conditions, params)
}

/// The conditions of `filter` on `fact_counts` and their values, when the counts can
/// answer it: filters on subject (and the places within it), metric, measure, status and
/// a period of whole years only. `None` for the others (a unit, a document, a text search,
/// a quarter or a month), which are counted on the facts.
fn counted_conditions(filter: &FactFilter) -> Option<(Vec<String>, Params)> {
    // Named field by field, so that a new filter must be decided here.
    let FactFilter {
        subject,
        within,
        metric,
        measure,
        status,
        unit,
        period,
        doc,
        text,
        sort: _,
        limit: _,
    } = filter;
    if !unit.is_empty() || doc.is_some() || text.is_some() {
        return None;
    }
    let counted = FactFilter {
        subject: subject.clone(),
        within: *within,
        metric: metric.clone(),
        measure: measure.clone(),
        status: status.clone(),
        ..FactFilter::default()
    };
    let mut params = Params::default();
    let mut conditions = fact_conditions(&counted, &mut params);
    if let Some(period) = period {
        let (start, end) = period.bounds();
        if (start.month(), start.day(), end.month(), end.day()) != (1, 1, 12, 31) {
            return None;
        }
        params.0.push(Value::Integer(start.year().into()));
        let first = params.0.len();
        params.0.push(Value::Integer(end.year().into()));
        let last = params.0.len();
        conditions.push(sql::counted_years_overlap(first, last));
    }
    Some((conditions, params))
}

/// One row of a facet's counts as the database gives them.
pub(crate) enum FacetRow {
    /// A value (none: the facts without one) and its count.
    Value(Option<String>, u64),
    /// A period's first and last year, and how many facts have them.
    Years(Option<i32>, Option<i32>, u64),
}

/// The counts of `facet` from its rows (the most frequent first, as the database sorted
/// them): years spread over their span and listed newest first, at most `limit` values.
pub(crate) fn facet_values(facet: Facet, rows: Vec<FacetRow>, limit: usize) -> FacetCounts {
    let mut values = Vec::new();
    let mut years: std::collections::BTreeMap<Option<i32>, u64> = Default::default();
    for row in rows {
        match row {
            FacetRow::Value(value, count) => values.push(FacetCount { value, count }),
            FacetRow::Years(Some(a), Some(b), n) if a <= b => {
                for y in a..=b {
                    *years.entry(Some(y)).or_default() += n;
                }
            }
            FacetRow::Years(_, _, n) => *years.entry(None).or_default() += n,
        }
    }
    if facet == Facet::PeriodYear {
        values = years
            .into_iter()
            .map(|(year, count)| FacetCount {
                value: year.map(|y| y.to_string()),
                count,
            })
            .collect();
        // Years read best in time order, newest first; the facts without a period last.
        values.sort_by(|a, b| match (&a.value, &b.value) {
            (Some(x), Some(y)) => y.cmp(x),
            (None, _) => std::cmp::Ordering::Greater,
            (_, None) => std::cmp::Ordering::Less,
        });
    }
    let truncated = values.len() > limit;
    values.truncate(limit);
    FacetCounts {
        facet,
        values,
        truncated,
    }
}

/// Adds a fact a person corrected (read as corrected) to the group it now belongs to in
/// `groups`: it counts as a figure of its own unless it gives the group's figure.
pub(crate) fn add_corrected_fact(groups: &mut Vec<PeriodFigures>, stored: StoredFact) {
    let (Some(metric), Some(period)) = (stored.fact.metric, stored.fact.period) else {
        return;
    };
    let measure = stored.fact.measure.unwrap_or(Measure::Level);
    let status = stored.fact.status.unwrap_or(Status::Actual);
    let group = groups.iter_mut().find(|g| {
        (g.metric, g.measure, g.status, g.period, g.unit.as_deref())
            == (metric, measure, status, period, stored.fact.unit.as_deref())
    });
    match group {
        Some(group) => {
            group.facts += 1;
            group.figures += u64::from(group.value != stored.fact.value);
        }
        None => groups.push(PeriodFigures {
            metric,
            measure,
            status,
            period,
            unit: stored.fact.unit.clone(),
            value: stored.fact.value,
            value_kzt: stored.value_kzt,
            value_usd: stored.value_usd,
            facts: 1,
            figures: 1,
        }),
    }
}

/// Groups in the order [`Store::period_figures`] gives them.
pub(crate) fn sort_period_figures(groups: &mut [PeriodFigures]) {
    groups.sort_by(|a, b| {
        let key = |g: &PeriodFigures| {
            let (start, end) = g.period.bounds();
            (
                g.metric.as_str(),
                g.measure.as_str(),
                g.status.as_str(),
                start,
                end,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.period.to_string().cmp(&b.period.to_string()))
            .then_with(|| a.unit.cmp(&b.unit))
    });
}

/// A row of `period_values` (or one corrected fact, as extracted): how many facts of a
/// subject give one figure for a metric, measure, status, period and unit.
pub(crate) struct PeriodValue {
    /// Subject, metric, measure, status, period and unit (`''` for none), as stored.
    pub key: [String; 6],
    pub value: f64,
    pub value_kzt: Option<f64>,
    pub value_usd: Option<f64>,
    pub n: i64,
    /// The latest fact's id.
    pub last: i64,
}

impl PeriodValue {
    fn same_figure(&self, other: &PeriodValue) -> bool {
        self.key[0].eq_ignore_ascii_case(&other.key[0])
            && self.key[1..] == other.key[1..]
            && self.value.to_bits() == other.value.to_bits()
    }
}

/// Takes one corrected fact out of the rows: `Some(row)` when that row's latest id or
/// money may have been the fact's and must be read again without it.
pub(crate) fn take_out(values: &mut Vec<PeriodValue>, fact: &PeriodValue) -> Option<usize> {
    let at = values.iter().position(|v| v.same_figure(fact))?;
    let row = &mut values[at];
    row.n -= fact.n;
    if row.n <= 0 {
        values.swap_remove(at);
        return None;
    }
    let held = row.last == fact.last
        || (fact.value_kzt.is_some() && row.value_kzt == fact.value_kzt)
        || (fact.value_usd.is_some() && row.value_usd == fact.value_usd);
    held.then_some(at)
}

/// The larger of two amounts, as SQL's `MAX` takes them (none only when neither is).
fn larger(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => a.or(b),
    }
}

/// A period's first and last day as stored (`2023` -> `2023-01-01`, `2023-12-31`).
pub(crate) fn period_bounds(period: &str) -> Result<(String, String)> {
    let period: Period = period.parse().map_err(|_| StoreError::Corrupt {
        column: "period",
        value: period.to_string(),
    })?;
    let (start, end) = period.bounds();
    Ok((start.to_string(), end.to_string()))
}

/// The groups of [`Store::period_figures`] from the rows of their figures: each group's
/// figure is the one most facts give (the latest written on a tie), in the order
/// [`sort_period_figures`] gives. Rows of one figure under several names of the subject
/// are one figure.
pub(crate) fn rank_period_values(values: Vec<PeriodValue>) -> Result<Vec<PeriodFigures>> {
    type Figure = (i64, i64, f64, Option<f64>, Option<f64>);
    // Per group (metric, measure, status, period, unit), per figure: facts, latest id, money.
    let mut groups: std::collections::HashMap<[String; 5], Vec<Figure>> = Default::default();
    for v in values {
        let [_, metric, measure, status, period, unit] = v.key;
        let figures = groups
            .entry([metric, measure, status, period, unit])
            .or_default();
        match figures
            .iter_mut()
            .find(|f| f.2.to_bits() == v.value.to_bits())
        {
            Some(f) => {
                f.0 += v.n;
                f.1 = f.1.max(v.last);
                f.3 = larger(f.3, v.value_kzt);
                f.4 = larger(f.4, v.value_usd);
            }
            None => figures.push((v.n, v.last, v.value, v.value_kzt, v.value_usd)),
        }
    }
    let corrupt = |column: &'static str, value: String| StoreError::Corrupt { column, value };
    let mut out = Vec::with_capacity(groups.len());
    for ([metric, measure, status, period, unit], figures) in groups {
        let facts: i64 = figures.iter().map(|f| f.0).sum();
        let Some(&(_, _, value, value_kzt, value_usd)) = figures.iter().max_by_key(|f| (f.0, f.1))
        else {
            continue;
        };
        out.push(PeriodFigures {
            metric: metric.parse().map_err(|_| corrupt("metric", metric))?,
            measure: parse_measure(&measure).ok_or_else(|| corrupt("measure", measure))?,
            status: parse_status(&status).ok_or_else(|| corrupt("status", status))?,
            period: period.parse().map_err(|_| corrupt("period", period))?,
            unit: Some(unit).filter(|u| !u.is_empty()),
            value,
            value_kzt,
            value_usd,
            facts: facts.max(0) as u64,
            figures: figures.len() as u64,
        });
    }
    sort_period_figures(&mut out);
    Ok(out)
}

/// The condition "after `cursor`" in `sort`, its values bound into `params`.
fn keyset_condition(sort: FactSort, cursor: &FactCursor, params: &mut Params) -> Result<String> {
    let keys = cursor_keys(sort, cursor, sql::sort_key_width(sort.key))?;
    let slots = keys.map(|keys| {
        keys.iter()
            .map(|key| {
                params.0.push(match key {
                    CursorValue::Number(n) => Value::Real(*n),
                    CursorValue::Text(s) => Value::Text(s.clone()),
                });
                params.0.len()
            })
            .collect::<Vec<_>>()
    });
    params.0.push(Value::Integer(cursor.id));
    let id = params.0.len();
    Ok(sql::fact_after(sort, slots.as_deref(), id))
}

/// The sort values of `cursor` (`None`: the last fact had none), checked against `sort`,
/// whose keys are `width` values.
pub(crate) fn cursor_keys(
    sort: FactSort,
    cursor: &FactCursor,
    width: usize,
) -> Result<Option<&[CursorValue]>> {
    let wrong = |why: &str| StoreError::Cursor(why.to_string());
    if cursor.sort != sort_name(sort) {
        return Err(wrong(&format!(
            "it continues the sort {:?}, not {:?}",
            cursor.sort,
            sort_name(sort)
        )));
    }
    match &cursor.keys {
        None if width == 0 => Err(wrong("ledger order has no sort values")),
        None => Ok(None),
        Some(keys) if keys.len() != width => Err(wrong(&format!(
            "it holds {} sort values, the sort has {width}",
            keys.len()
        ))),
        Some(keys) => Ok(Some(keys)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::{extract, DocContext};

    /// Invented articles with facts of several metrics, subjects, periods and units, some
    /// without a period, a subject or money, and equal values, so that every sort meets
    /// NULLs and ties.
    const ARTICLES: [(&str, &str); 4] = [
        (
            "almaty-zone",
            " date 2023-05-10\nThe Almaty Industrial Zone attracted 15 billion tenge of \
             investment in 2022 and created 369 jobs. The city plans 12 new schools by 2025.",
        ),
        (
            "astana-budget",
            " date 2024-02-01\nAstana's economy grew 5.5 percent in 2023. The city will \
             build 12 kindergartens and create 369 jobs by 2026.",
        ),
        (
            "aktau-port",
            " date 2022-11-20\nThe port of Aktau handled 7 million tonnes of cargo in \
             2021. Mangystau region attracted $200 million of foreign direct investment \
             in 2016-2021.",
        ),
        (
            "undated",
            "Some 40 companies joined the programme, and 1,200 people found work.",
        ),
    ];

    fn fill(store: &mut Store) {
        for (doc, text) in ARTICLES {
            put(store, doc, text, false);
        }
    }

    /// Extracts `text` and writes it as document `doc` (`force`: again when stored).
    fn put(store: &mut Store, doc: &str, text: &str, force: bool) {
        let extraction = extract(
            text,
            &DocContext {
                doc,
                date: None,
                lang: None,
            },
        );
        let new = crate::NewDocument::new(doc, doc, text);
        store.put(&new, &extraction, "test", force).unwrap();
    }

    fn ledger() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        fill(&mut store);
        store
    }

    fn ids(facts: &[StoredFact]) -> Vec<i64> {
        facts.iter().map(|f| f.id).collect()
    }

    /// The test ledger with corrections: one fact's value, subject and period changed,
    /// another's metric, a third rejected.
    fn corrected_ledger() -> (Store, i64) {
        let mut store = ledger();
        let all = store.facts(&FactFilter::default()).unwrap();
        let edits = [
            crate::CorrectionEdit {
                value: Some(1e15),
                subject: Some("aktau".into()),
                period: Some("2010".parse().unwrap()),
                ..Default::default()
            },
            crate::CorrectionEdit {
                metric: Some(almanac_extract::Metric::Rank),
                ..Default::default()
            },
            crate::CorrectionEdit {
                reject: true,
                ..Default::default()
            },
        ];
        for (fact, edit) in all.iter().skip(2).zip(&edits) {
            store.correct(fact.id, edit).unwrap().unwrap();
        }
        (store, all[4].id)
    }

    /// Walking a filter page by page in every sort gives exactly the facts of one query,
    /// in its order, with and without corrections (whose facts are merged into the
    /// others in the sort's order).
    #[test]
    fn pages_follow_each_other_in_every_sort() {
        let (corrected, rejected) = corrected_ledger();
        let n_corrected = corrected.facts(&FactFilter::default()).unwrap().len();
        let plain = ledger();
        assert_eq!(
            n_corrected + 1,
            plain.facts(&FactFilter::default()).unwrap().len()
        );
        for store in [&plain, &corrected] {
            walk_pages_in_every_sort(store);
        }
        let by_value = FactFilter {
            sort: "-value".parse().unwrap(),
            ..FactFilter::default()
        };
        let facts = corrected.facts(&by_value).unwrap();
        assert_eq!(facts[0].fact.value, 1e15, "the corrected value sorts first");
        assert_eq!(facts[0].fact.subject.as_deref(), Some("aktau"));
        assert!(facts.windows(2).all(|w| w[0].fact.value >= w[1].fact.value));
        assert!(facts.iter().all(|f| f.id != rejected));
        let ranks = FactFilter {
            metric: vec!["rank".into()],
            ..FactFilter::default()
        };
        assert_eq!(corrected.facts(&ranks).unwrap().len(), 1);
        assert_eq!(corrected.total_facts(&ranks).unwrap(), 1);
        assert_eq!(corrected.total_facts_from(&ranks, false).unwrap(), 1);
        let in_2010 = FactFilter {
            period: Some("2010".parse().unwrap()),
            subject: Some("Aktau".into()),
            sort: "period".parse().unwrap(),
            ..FactFilter::default()
        };
        let page = corrected.fact_page(&in_2010, None, 5).unwrap();
        assert_eq!(page.facts.len(), 1);
        assert_eq!(page.facts[0].fact.value, 1e15);
    }

    fn walk_pages_in_every_sort(store: &Store) {
        for sort in [
            "doc",
            "-doc",
            "date",
            "-date",
            "period",
            "-period",
            "value",
            "-value",
            "value_kzt",
            "-value_kzt",
            "value_usd",
            "-value_usd",
            "subject",
            "-subject",
            "metric",
            "-metric",
        ] {
            let filter = FactFilter {
                sort: sort.parse().unwrap(),
                ..FactFilter::default()
            };
            let all = ids(&store.facts(&filter).unwrap());
            assert!(all.len() > 5, "{sort}: the test ledger is too small");
            for size in [1, 2, 3, 7] {
                let mut walked = Vec::new();
                let mut cursor = None;
                loop {
                    let page = store.fact_page(&filter, cursor.as_ref(), size).unwrap();
                    assert!(page.facts.len() <= size);
                    walked.extend(ids(&page.facts));
                    match page.next {
                        Some(next) => cursor = Some(next),
                        None => break,
                    }
                }
                assert_eq!(walked, all, "sort {sort}, pages of {size}");
            }
        }
    }

    #[test]
    fn a_cursor_continues_only_its_own_sort() {
        let store = ledger();
        let by_value = FactFilter {
            sort: "-value".parse().unwrap(),
            ..FactFilter::default()
        };
        let page = store.fact_page(&by_value, None, 2).unwrap();
        let cursor = page.next.unwrap();
        let by_period = FactFilter {
            sort: "period".parse().unwrap(),
            ..FactFilter::default()
        };
        let err = store.fact_page(&by_period, Some(&cursor), 2).unwrap_err();
        assert!(matches!(err, StoreError::Cursor(_)), "{err}");
    }

    #[test]
    fn totals_and_facets_follow_the_filter() {
        let store = ledger();
        let all = FactFilter::default();
        let n = store.facts(&all).unwrap().len() as u64;
        assert_eq!(store.total_facts(&all).unwrap(), n);
        for facet in Facet::ALL {
            let counts = store.facet_counts(&all, facet, 100).unwrap();
            assert!(!counts.truncated);
            if facet != Facet::PeriodYear {
                let sum: u64 = counts.values.iter().map(|v| v.count).sum();
                assert_eq!(sum, n, "{facet:?} counts every fact once");
            }
        }
        let jobs = FactFilter {
            metric: vec!["jobs".into()],
            ..FactFilter::default()
        };
        let n_jobs = store.facts(&jobs).unwrap().len() as u64;
        assert_eq!(store.total_facts(&jobs).unwrap(), n_jobs);
        let metrics = store.facet_counts(&jobs, Facet::Metric, 100).unwrap();
        assert_eq!(
            metrics.values,
            [FacetCount {
                value: Some("jobs".into()),
                count: n_jobs
            }]
        );
        let one = store.facet_counts(&all, Facet::Metric, 1).unwrap();
        assert_eq!(one.values.len(), 1);
        assert!(one.truncated);
    }

    /// A year's count is what a filter on that year finds.
    #[test]
    fn a_period_year_counts_what_its_filter_finds() {
        let store = ledger();
        let years = store
            .facet_counts(&FactFilter::default(), Facet::PeriodYear, 100)
            .unwrap();
        assert!(years.values.iter().any(|v| v.value.is_some()));
        for year in &years.values {
            let Some(value) = &year.value else { continue };
            let filter = FactFilter {
                period: Some(value.parse().unwrap()),
                ..FactFilter::default()
            };
            assert_eq!(store.total_facts(&filter).unwrap(), year.count, "{value}");
        }
    }

    /// Every filter the counts answer gives what counting the facts gives, before and
    /// after corrections, their undoing and a document written again.
    #[test]
    fn stored_counts_are_the_facts_counts() {
        let mut store = ledger();
        let filters = || {
            let mut out = vec![FactFilter::default()];
            let subjects = [None, Some(("almaty", false)), Some(("Mangystau", true))];
            for subject in subjects {
                for metric in [
                    vec![],
                    vec!["jobs".to_string()],
                    vec!["investment".into(), "fdi".into()],
                ] {
                    for status in [vec![], vec!["planned".to_string()]] {
                        for period in [None, Some("2021"), Some("2016/2019"), Some("2023-Q2")] {
                            out.push(FactFilter {
                                subject: subject.map(|s| s.0.to_string()),
                                within: subject.is_some_and(|s| s.1),
                                metric: metric.clone(),
                                status: status.clone(),
                                period: period.map(|p| p.parse().unwrap()),
                                ..FactFilter::default()
                            });
                        }
                    }
                }
            }
            out.push(FactFilter {
                measure: vec!["level".into()],
                unit: vec!["job".into()],
                ..FactFilter::default()
            });
            out
        };
        let compare = |store: &Store, when: &str| {
            store.check_integrity().unwrap();
            for filter in filters() {
                assert_eq!(
                    store.total_facts_from(&filter, true).unwrap(),
                    store.total_facts_from(&filter, false).unwrap(),
                    "{when}: total of {filter:?}"
                );
                // Which spelling of a subject written in several cases is shown is
                // either's (`ALMATY` corrected, `Almaty` extracted): one subject.
                let folded = |mut counts: FacetCounts| {
                    for v in &mut counts.values {
                        v.value = v.value.as_ref().map(|s| s.to_lowercase());
                    }
                    counts
                };
                for facet in Facet::ALL {
                    assert_eq!(
                        folded(store.facet_counts_from(&filter, facet, 3, true).unwrap()),
                        folded(store.facet_counts_from(&filter, facet, 3, false).unwrap()),
                        "{when}: {facet:?} of {filter:?}"
                    );
                }
            }
        };
        compare(&store, "as extracted");
        let all = store.facts(&FactFilter::default()).unwrap();
        let jobs = all
            .iter()
            .find(|f| f.fact.unit.as_deref() == Some("job"))
            .unwrap()
            .id;
        let edit = crate::CorrectionEdit {
            subject: Some("ALMATY".into()),
            metric: Some(almanac_extract::Metric::Investment),
            period: Some("2019/2021".parse().unwrap()),
            ..Default::default()
        };
        store.correct(jobs, &edit).unwrap().unwrap();
        let rejected = all.iter().find(|f| f.fact.period.is_none()).unwrap().id;
        let reject = crate::CorrectionEdit {
            reject: true,
            ..Default::default()
        };
        store.correct(rejected, &reject).unwrap().unwrap();
        compare(&store, "corrected");
        assert_eq!(
            store.total_facts(&FactFilter::default()).unwrap(),
            all.len() as u64 - 1
        );
        // Written again: the corrections hold for the new facts.
        let (doc, text) = ARTICLES[0];
        put(&mut store, doc, text, true);
        compare(&store, "written again");
        let jobs = store
            .facts(&FactFilter {
                metric: vec!["investment".into()],
                ..FactFilter::default()
            })
            .unwrap()
            .into_iter()
            .find(|f| f.fact.unit.as_deref() == Some("job"))
            .unwrap()
            .id;
        assert!(store.undo_correction(jobs).unwrap());
        compare(&store, "undone");
        let exported = store.corrections().unwrap();
        let mut other = ledger();
        other.import_corrections(&exported).unwrap();
        compare(&other, "imported");
    }

    /// Each group of a subject's facts says how many there are, how many distinct
    /// figures, and the one most of them give, as counting the facts does; a corrected
    /// fact counts in its corrected group, a rejected one nowhere.
    #[test]
    fn period_figures_sum_up_a_subjects_facts() {
        let (corrected, _) = corrected_ledger();
        let plain = ledger();
        for (store, exact_figures) in [(&plain, true), (&corrected, false)] {
            let all = store.facts(&FactFilter::default()).unwrap();
            let mut subjects: Vec<String> =
                all.iter().filter_map(|f| f.fact.subject.clone()).collect();
            subjects.sort_by_key(|s| s.to_lowercase());
            subjects.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
            let mut n_groups = 0;
            for subject in &subjects {
                let groups = store.period_figures(subject).unwrap();
                let mut expected: std::collections::BTreeMap<String, Vec<&StoredFact>> =
                    Default::default();
                for f in all.iter().filter(|f| {
                    f.fact
                        .subject
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(subject))
                        && f.fact.metric.is_some()
                        && f.fact.period.is_some()
                }) {
                    let key = format!(
                        "{} {} {} {} {:?}",
                        f.fact.metric.unwrap().as_str(),
                        f.fact.measure.unwrap_or(Measure::Level).as_str(),
                        f.fact.status.unwrap_or(Status::Actual).as_str(),
                        f.fact.period.unwrap(),
                        f.fact.unit
                    );
                    expected.entry(key).or_default().push(f);
                }
                assert_eq!(groups.len(), expected.len(), "{subject}: {groups:?}");
                for g in &groups {
                    let key = format!(
                        "{} {} {} {} {:?}",
                        g.metric.as_str(),
                        g.measure.as_str(),
                        g.status.as_str(),
                        g.period,
                        g.unit
                    );
                    let facts = &expected[&key];
                    assert_eq!(g.facts, facts.len() as u64, "{key}");
                    let mut values: Vec<f64> = facts.iter().map(|f| f.fact.value).collect();
                    values.sort_by(f64::total_cmp);
                    values.dedup();
                    if exact_figures {
                        assert_eq!(g.figures, values.len() as u64, "{key}");
                    }
                    let most = facts
                        .iter()
                        .map(|f| {
                            facts
                                .iter()
                                .filter(|o| o.fact.value == f.fact.value)
                                .count()
                        })
                        .max()
                        .unwrap();
                    let given = facts.iter().filter(|f| f.fact.value == g.value).count();
                    assert_eq!(given, most, "{key}: the figure most facts give");
                    let holder = facts.iter().find(|f| f.fact.value == g.value).unwrap();
                    assert_eq!(g.value_kzt, holder.value_kzt, "{key}");
                }
                n_groups += groups.len();
            }
            assert!(n_groups > 3, "the test ledger is too small");
        }
        let aktau = corrected.period_figures("Aktau").unwrap();
        assert!(aktau
            .iter()
            .any(|g| g.value == 1e15 && g.period.to_string() == "2010"));
    }

    /// The figure of a tie is the one written last, which stays true when the fact that
    /// was last is replaced (`period_values` repaired by the write path) or corrected
    /// (taken out as it is read).
    #[test]
    fn a_tie_goes_to_the_latest_figure_that_remains() {
        let texts = [
            (
                "a",
                "Aktobe attracted 12 billion tenge of investment in 2022.",
            ),
            (
                "b",
                "Aktobe attracted 15 billion tenge of investment in 2022.",
            ),
            (
                "c",
                "Investment in Aktobe reached 12 billion tenge in 2022.",
            ),
        ];
        let figure_of_2022 = |store: &Store| {
            let groups = store.period_figures("Aktobe").unwrap();
            let group = groups
                .iter()
                .find(|g| g.metric == Metric::Investment && g.period.to_string() == "2022")
                .unwrap_or_else(|| panic!("no 2022 investment in {groups:?}"));
            (group.value, group.facts, group.figures)
        };
        let mut store = Store::open_in_memory().unwrap();
        for (doc, text) in texts {
            put(&mut store, doc, text, false);
        }
        assert_eq!(figure_of_2022(&store), (12e9, 3, 2));

        let mut replaced = Store::open_in_memory().unwrap();
        for (doc, text) in texts {
            put(&mut replaced, doc, text, false);
        }
        put(
            &mut replaced,
            "c",
            "Aktobe attracted 12 billion tenge of investment in 2021.",
            true,
        );
        replaced.check_integrity().unwrap();
        assert_eq!(figure_of_2022(&replaced), (15e9, 2, 2));

        let last = store
            .facts(&FactFilter::default())
            .unwrap()
            .last()
            .unwrap()
            .id;
        let planned = crate::CorrectionEdit {
            status: Some(Status::Planned),
            ..Default::default()
        };
        store.correct(last, &planned).unwrap().unwrap();
        store.check_integrity().unwrap();
        assert_eq!(figure_of_2022(&store), (15e9, 2, 2));
    }

    #[test]
    fn an_entity_by_any_of_its_names() {
        let store = ledger();
        let by_name = store.entity("almaty").unwrap().unwrap();
        assert_eq!(by_name.name, "Almaty");
        assert!(by_name.facts > 0);
        assert_eq!(store.entity("Nowhere at all").unwrap(), None);
    }

    #[test]
    fn a_read_only_connection_reads_and_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.db");
        let mut writer = Store::open(&path).unwrap();
        fill(&mut writer);
        let reader = Store::open_read_only(&path).unwrap();
        let before = reader.data_version().unwrap();
        assert_eq!(
            reader.total_facts(&FactFilter::default()).unwrap(),
            writer.stats().unwrap().facts
        );
        let overview = reader.overview().unwrap();
        assert!(overview.documents > 0 && overview.places > 0);
        assert!(overview.first_date <= overview.last_date);
        // Another connection's commit changes what the reader sees, and its data version.
        let doc = crate::NewDocument::new("late", "late.txt", "Nothing here.");
        writer
            .put(&doc, &Default::default(), "test", false)
            .unwrap();
        assert_ne!(reader.data_version().unwrap(), before);
        assert!(reader.conn.execute_batch("DELETE FROM facts").is_err());
        assert!(Store::open_read_only(dir.path().join("missing.db")).is_err());
    }
}
