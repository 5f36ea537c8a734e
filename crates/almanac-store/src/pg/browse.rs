//! The queries of a browser of the ledger (`crate::browse`, for `almanac serve`) on
//! PostgreSQL: keyset pages, totals and facet counts, one entity, the overview, a
//! subject's figures by period, and the number that changes when the ledger does.
//!
//! Totals and facets count the facts (PostgreSQL's `fact_counts` keeps the counts exact
//! for `check_integrity`, but the server does not read it yet), which the server caches
//! until the ledger changes.

use super::query::{fact_conditions, text_error, Params};
use super::{sql, PgStore};
use crate::browse::{
    add_corrected_fact, cursor_keys, facet_values, period_bounds, rank_period_values,
    sort_period_figures, take_out, FacetRow, PeriodValue,
};
use crate::model::{EntityFilter, EntitySummary, FactFilter, FactSort};
use crate::query::row_to_fact;
use crate::sql::{FacetColumn, FactSelect};
use crate::{
    CursorValue, Facet, FacetCounts, FactCursor, FactPage, Ledger, Overview, PeriodFigures, Result,
};

impl PgStore {
    /// A number that changes when the ledger may have changed (see
    /// [`sql::DATA_VERSION`]), as [`crate::Store::data_version`].
    ///
    /// # Errors
    ///
    /// On a database error.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .lock()
            .client
            .query_one(sql::DATA_VERSION, &[])?
            .try_get(0)?)
    }

    /// As [`crate::Store::fact_page`].
    ///
    /// # Errors
    ///
    /// As that does.
    pub fn fact_page(
        &self,
        filter: &FactFilter,
        cursor: Option<&FactCursor>,
        size: usize,
    ) -> Result<FactPage> {
        let overlay = self.overlay()?;
        let (mut conditions, mut params) = fact_conditions(filter)?;
        if let Some(cursor) = cursor {
            conditions.push(keyset_condition(filter.sort, cursor, &mut params)?);
        }
        let query = sql::select_facts(
            FactSelect::Rows {
                sort: filter.sort,
                limit: Some(size + 1),
            },
            overlay.active(),
            &conditions,
        );
        let rows = self
            .lock()
            .client
            .query(&query, &params.refs())
            .map_err(|err| text_error(filter, err))?;
        let mut facts = Vec::with_capacity(rows.len());
        for row in &rows {
            facts.push(overlay.apply(row_to_fact(row)?));
        }
        let next = if facts.len() > size {
            facts.truncate(size);
            facts.last().map(|f| FactCursor::after(f, filter.sort))
        } else {
            None
        };
        Ok(FactPage { facts, next })
    }

    /// As [`crate::Store::total_facts`].
    ///
    /// # Errors
    ///
    /// On a database error or an invalid text search.
    pub fn total_facts(&self, filter: &FactFilter) -> Result<u64> {
        self.count_facts(filter)
    }

    /// As [`crate::Store::facet_counts`].
    ///
    /// # Errors
    ///
    /// On a database error or an invalid text search.
    pub fn facet_counts(
        &self,
        filter: &FactFilter,
        facet: Facet,
        limit: usize,
    ) -> Result<FacetCounts> {
        let corrected = self.overlay()?.active();
        let (conditions, params) = fact_conditions(filter)?;
        let (column, sql_limit) = match facet {
            Facet::Subject => (FacetColumn::Subject, limit + 1),
            Facet::Metric => (FacetColumn::Metric, limit + 1),
            Facet::Measure => (FacetColumn::Measure, limit + 1),
            Facet::Status => (FacetColumn::Status, limit + 1),
            // Every pair of years is spread over its span: all are read.
            Facet::PeriodYear => (FacetColumn::PeriodYears, usize::MAX >> 1),
        };
        let query = sql::facet_counts(column, &conditions, sql_limit, corrected);
        let rows = self
            .lock()
            .client
            .query(&query, &params.refs())
            .map_err(|err| text_error(filter, err))?;
        let count = |row: &postgres::Row, idx: usize| -> Result<u64> {
            Ok(row.try_get::<_, i64>(idx)?.max(0) as u64)
        };
        let mut read = Vec::with_capacity(rows.len());
        for row in &rows {
            read.push(if facet == Facet::PeriodYear {
                FacetRow::Years(row.try_get(0)?, row.try_get(1)?, count(row, 2)?)
            } else {
                FacetRow::Value(row.try_get(0)?, count(row, 1)?)
            });
        }
        Ok(facet_values(facet, read, limit))
    }

    /// As [`crate::Store::entity`].
    ///
    /// # Errors
    ///
    /// On a database error.
    pub fn entity(&self, name: &str) -> Result<Option<EntitySummary>> {
        let name = name.trim();
        let found: Option<String> = self
            .lock()
            .client
            .query_opt(sql::ENTITY_NAMED, &[&name])?
            .map(|row| row.try_get(0))
            .transpose()?;
        let wanted = found.unwrap_or_else(|| name.to_string());
        let candidates = self.entities(&EntityFilter {
            search: Some(wanted.clone()),
            ..EntityFilter::default()
        })?;
        Ok(candidates
            .into_iter()
            .find(|e| e.name.eq_ignore_ascii_case(&wanted)))
    }

    /// As [`crate::Store::overview`].
    ///
    /// # Errors
    ///
    /// On a database error.
    pub fn overview(&self) -> Result<Overview> {
        let stats = self.stats()?;
        let mut inner = self.lock();
        let dates = inner.client.query_one(sql::DOCUMENT_DATES, &[])?;
        let places: i64 = inner.client.query_one(sql::COUNT_PLACES, &[])?.try_get(0)?;
        Ok(Overview {
            documents: stats.documents,
            facts: stats.facts,
            entities: stats.entities,
            places: places.max(0) as u64,
            first_date: dates.try_get(0)?,
            last_date: dates.try_get(1)?,
        })
    }

    /// As [`crate::Store::period_figures`].
    ///
    /// # Errors
    ///
    /// On a database error, or a stored field that does not parse.
    pub fn period_figures(&self, subject: &str) -> Result<Vec<PeriodFigures>> {
        let overlay = self.overlay()?;
        let mut params = Params::default();
        let name = params.text(subject.trim().to_string());
        let read = |query: &str| -> Result<Vec<PeriodValue>> {
            let rows = self.lock().client.query(query, &params.refs())?;
            let mut values = Vec::with_capacity(rows.len());
            for row in &rows {
                values.push(PeriodValue {
                    key: [
                        row.try_get(0)?,
                        row.try_get(1)?,
                        row.try_get(2)?,
                        row.try_get(3)?,
                        row.try_get(4)?,
                        row.try_get(5)?,
                    ],
                    value: row.try_get(6)?,
                    value_kzt: row.try_get(7)?,
                    value_usd: row.try_get(8)?,
                    n: row.try_get(9)?,
                    last: row.try_get(10)?,
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
            let found = self.lock().client.query_one(
                &sql::uncorrected_period_value(),
                &[
                    subject, metric, measure, status, period, unit, &row.value, &start, &end,
                ],
            )?;
            (row.value_kzt, row.value_usd) = (found.try_get(0)?, found.try_get(1)?);
            row.last = found.try_get::<_, Option<i64>>(2)?.unwrap_or(row.last);
        }
        let mut out = rank_period_values(values)?;
        let corrected = vec![sql::fact_subject_in(name, false), sql::fact_corrected()];
        let query = sql::select_facts(
            FactSelect::Rows {
                sort: FactSort::default(),
                limit: None,
            },
            true,
            &corrected,
        );
        let rows = self.lock().client.query(&query, &params.refs())?;
        for row in &rows {
            add_corrected_fact(&mut out, overlay.apply(row_to_fact(row)?));
        }
        sort_period_figures(&mut out);
        Ok(out)
    }
}

/// The condition "after `cursor`" in `sort`, its values bound into `params` as text.
fn keyset_condition(sort: FactSort, cursor: &FactCursor, params: &mut Params) -> Result<String> {
    let keys = cursor_keys(sort, cursor, sql::sort_key_width(sort.key))?;
    let slots = keys.map(|keys| {
        keys.iter()
            .map(|key| {
                params.text(match key {
                    CursorValue::Number(n) => n.to_string(),
                    CursorValue::Text(s) => s.clone(),
                })
            })
            .collect::<Vec<_>>()
    });
    let id = params.text(cursor.id.to_string());
    Ok(sql::fact_after(sort, slots.as_deref(), id))
}
