//! A person's corrections on PostgreSQL: `crate::corrections` with the same keys, merge
//! rules and overlay, the statements in `sql/`.

use std::collections::HashSet;

use almanac_extract::{Measure, Metric, Period, Status};
use postgres::GenericClient;

use super::{sql, PgStore};
use crate::corrections::{
    row_to_correction, Correction, CorrectionEdit, CorrectionImport, Overlay, Target,
};
use crate::model::{FactSort, StoredFact};
use crate::query::row_to_fact;
use crate::sql::FactSelect;
use crate::Result;

fn target(client: &mut impl GenericClient, fact_id: i64) -> Result<Option<Target>> {
    Ok(client
        .query_opt(sql::CORRECTION_TARGET, &[&fact_id])?
        .map(|r| Target {
            doc_hash: r.get(0),
            doc: r.get(1),
            span: [r.get::<_, i64>(2) as usize, r.get::<_, i64>(3) as usize],
            figure: r.get(4),
        }))
}

fn upsert(client: &mut impl GenericClient, c: &Correction) -> Result<()> {
    let bounds = c.period.map(Period::bounds);
    client.execute(
        sql::UPSERT_CORRECTION,
        &[
            &c.doc_hash,
            &(c.span[0] as i64),
            &(c.span[1] as i64),
            &c.doc,
            &c.figure,
            &i64::from(c.reject),
            &c.value,
            &c.unit,
            &c.metric.map(Metric::as_str),
            &c.measure.map(Measure::as_str),
            &c.subject,
            &c.period.map(|p| p.to_string()),
            &bounds.map(|b| b.0.to_string()),
            &bounds.map(|b| b.1.to_string()),
            &c.status.map(Status::as_str),
            &c.note,
            &c.corrected_at,
        ],
    )?;
    Ok(())
}

/// Runs `change` to the correction of the figure at `span` of the document with content
/// hash `doc_hash`, keeping `fact_counts` exact (as `crate::corrections::recount`).
fn recount<C: GenericClient, T>(
    client: &mut C,
    doc_hash: &str,
    span: [usize; 2],
    change: impl FnOnce(&mut C) -> Result<T>,
) -> Result<T> {
    let (start, end) = (span[0] as i64, span[1] as i64);
    client.execute(
        sql::COUNT_CORRECTED_FACTS,
        &[&doc_hash, &start, &end, &-1_i64],
    )?;
    let changed = change(client)?;
    client.execute(
        sql::COUNT_CORRECTED_FACTS,
        &[&doc_hash, &start, &end, &1_i64],
    )?;
    Ok(changed)
}

fn list(client: &mut impl GenericClient) -> Result<Vec<Correction>> {
    client
        .query(sql::LIST_CORRECTIONS, &[])?
        .iter()
        .map(row_to_correction)
        .collect()
}

impl PgStore {
    /// Whether facts are read through corrections, and whose money is computed again.
    pub(crate) fn overlay(&self) -> Result<Overlay> {
        let mut inner = self.lock();
        let active: bool = inner.client.query_one(sql::ANY_CORRECTION, &[])?.get(0);
        let mut money = HashSet::new();
        if active {
            for row in inner.client.query(sql::MONEY_CORRECTED, &[])? {
                money.insert(row.get::<_, i64>(0));
            }
        }
        Ok(Overlay::new(active, money))
    }

    /// As [`crate::Store::correct`].
    pub fn correct(&mut self, fact_id: i64, edit: &CorrectionEdit) -> Result<Option<Correction>> {
        let mut inner = self.lock();
        let Some(target) = target(&mut inner.client, fact_id)? else {
            return Ok(None);
        };
        let correction = target.corrected_by(edit, fact_id);
        let mut tx = inner.client.transaction()?;
        recount(&mut tx, &correction.doc_hash, correction.span, |tx| {
            upsert(tx, &correction)
        })?;
        tx.execute(sql::PURGE_FACT_COUNTS, &[])?;
        tx.commit()?;
        Ok(list(&mut inner.client)?
            .into_iter()
            .find(|c| c.doc_hash == correction.doc_hash && c.span == correction.span))
    }

    /// As [`crate::Store::undo_correction`].
    pub fn undo_correction(&mut self, fact_id: i64) -> Result<bool> {
        let mut inner = self.lock();
        let Some(target) = target(&mut inner.client, fact_id)? else {
            return Ok(false);
        };
        let mut tx = inner.client.transaction()?;
        let removed = recount(&mut tx, &target.doc_hash, target.span, |tx| {
            Ok(tx.execute(
                sql::DELETE_CORRECTION,
                &[
                    &target.doc_hash,
                    &(target.span[0] as i64),
                    &(target.span[1] as i64),
                ],
            )?)
        })?;
        tx.execute(sql::PURGE_FACT_COUNTS, &[])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// As [`crate::Store::corrections`].
    pub fn corrections(&self) -> Result<Vec<Correction>> {
        list(&mut self.lock().client)
    }

    /// As [`crate::Store::import_corrections`]: one transaction.
    pub fn import_corrections(&mut self, corrections: &[Correction]) -> Result<CorrectionImport> {
        {
            let mut inner = self.lock();
            let mut tx = inner.client.transaction()?;
            for correction in corrections {
                recount(&mut tx, &correction.doc_hash, correction.span, |tx| {
                    upsert(tx, correction)
                })?;
            }
            tx.execute(sql::PURGE_FACT_COUNTS, &[])?;
            tx.commit()?;
        }
        Ok(CorrectionImport::of(corrections, &self.corrections()?))
    }

    /// As [`crate::Store::fact`].
    pub fn fact(&self, id: i64) -> Result<Option<StoredFact>> {
        let overlay = self.overlay()?;
        let query = sql::select_facts(
            FactSelect::Rows {
                sort: FactSort::default(),
                limit: Some(1),
            },
            overlay.active(),
            &[sql::fact_by_id(1)],
        );
        let row = self.lock().client.query_opt(&query, &[&id])?;
        match row {
            Some(row) => Ok(Some(overlay.apply(row_to_fact(&row)?))),
            None => Ok(None),
        }
    }
}
