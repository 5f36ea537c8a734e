//! The PostgreSQL write path: the SQLite store's (`crate::write`) in PostgreSQL's words,
//! each transaction under the writer lock. A document is written whole in one
//! transaction (a savepoint inside a batch when one fails); its facts are numbered after
//! the highest id, which the lock keeps from moving under it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use almanac_extract::{Entity, Extraction, Period};
use postgres::types::ToSql;
use postgres::{Statement, Transaction};

use super::{prepared, sql, PgStore};
use crate::model::{DocStatus, NewDocument, Put};
use crate::write::{date_source_str, locate_sentence, SENTENCE_BY_RANGE_MAX_DOC};
use crate::{now, rates, Result, StoreError};

/// Entities and aliases known to be committed (as the SQLite store's cache): entities
/// are never deleted, so what one process wrote stays true while others write.
#[derive(Default)]
pub(super) struct EntityCache {
    entities: HashMap<String, (Entity, i64)>,
    aliases: HashMap<i64, HashSet<String>>,
}

impl EntityCache {
    fn clear(&mut self) {
        self.entities.clear();
        self.aliases.clear();
    }
}

/// What one transaction's statements share.
struct Writer<'a, 'c> {
    tx: &'a mut Transaction<'c>,
    statements: &'a mut HashMap<&'static str, Statement>,
    known: &'a mut EntityCache,
    next_fact: i64,
    now: String,
    pending: Pending,
    /// Facts were deleted (and counted out of `fact_counts`).
    uncounted: bool,
}

/// Facts and mentions written but not yet sent, a column an array (`sql::INSERT_FACTS`,
/// `sql::INSERT_MENTIONS`): sent in one statement each before anything deletes facts or
/// mentions, and before the transaction (or a document's savepoint) commits.
#[derive(Default)]
struct Pending {
    ints: [Vec<Option<i64>>; sql::FACT_INT_COLUMNS.len()],
    reals: [Vec<Option<f64>>; sql::FACT_REAL_COLUMNS.len()],
    texts: [Vec<Option<String>>; sql::FACT_TEXT_COLUMNS.len()],
    mentions: (Vec<i64>, Vec<i64>, Vec<i64>, Vec<String>),
}

impl Pending {
    fn push_fact(
        &mut self,
        ints: [Option<i64>; sql::FACT_INT_COLUMNS.len()],
        reals: [Option<f64>; sql::FACT_REAL_COLUMNS.len()],
        texts: [Option<String>; sql::FACT_TEXT_COLUMNS.len()],
    ) {
        for (column, value) in self.ints.iter_mut().zip(ints) {
            column.push(value);
        }
        for (column, value) in self.reals.iter_mut().zip(reals) {
            column.push(value);
        }
        for (column, value) in self.texts.iter_mut().zip(texts) {
            column.push(value);
        }
    }
}

impl Writer<'_, '_> {
    fn statement(&mut self, query: &'static str) -> Result<Statement> {
        prepared(self.tx, self.statements, query)
    }

    fn execute(&mut self, query: &'static str, params: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        let statement = self.statement(query)?;
        Ok(self.tx.execute(&statement, params)?)
    }

    /// Sends the facts and mentions waiting in `pending`.
    fn flush(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        if !pending.ints[0].is_empty() {
            let statement = self.statement(&sql::INSERT_FACTS)?;
            let mut params: Vec<&(dyn ToSql + Sync)> = Vec::new();
            params.extend(pending.ints.iter().map(|c| c as &(dyn ToSql + Sync)));
            params.extend(pending.reals.iter().map(|c| c as &(dyn ToSql + Sync)));
            params.extend(pending.texts.iter().map(|c| c as &(dyn ToSql + Sync)));
            self.tx.execute(&statement, &params)?;
            // The facts of one flush have consecutive ids.
            let first = pending.ints[0].first().copied().flatten();
            let last = pending.ints[0].last().copied().flatten();
            if let (Some(first), Some(last)) = (first, last) {
                self.execute(sql::COUNT_FACT_RANGE, &[&first, &(last + 1), &1_i64])?;
                self.execute(sql::ADD_PERIOD_VALUES, &[&first, &(last + 1)])?;
            }
        }
        let (docs, entities, n, spans) = &pending.mentions;
        if !docs.is_empty() {
            self.execute(sql::INSERT_MENTIONS, &[docs, entities, n, spans])?;
        }
        Ok(())
    }

    /// Sends what waits (`flush`), forgets the keys of `fact_counts` and rows of
    /// `period_values` that facts deleted in this transaction left empty and repairs the
    /// rows they left stale: the last step before it commits.
    fn finish(&mut self) -> Result<()> {
        self.flush()?;
        if self.uncounted {
            self.execute(sql::PURGE_FACT_COUNTS, &[])?;
            self.execute(sql::PURGE_PERIOD_VALUES, &[])?;
            self.execute(sql::REPAIR_PERIOD_VALUES, &[])?;
        }
        Ok(())
    }

    fn query_opt(
        &mut self,
        query: &'static str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<postgres::Row>> {
        let statement = self.statement(query)?;
        Ok(self.tx.query_opt(&statement, params)?)
    }
}

impl PgStore {
    /// Whether `doc` is stored already (as [`crate::Store::status`]).
    pub fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus> {
        let mut inner = self.lock();
        let inner = &mut *inner;
        let statement = prepared(&mut inner.client, &mut inner.statements, sql::DOC_STATUS)?;
        let row = inner
            .client
            .query_one(&statement, &[&doc.hash(), &doc.doc])?;
        let holder: Option<(i64, String)> = match (row.try_get(0)?, row.try_get(1)?) {
            (Some(id), Some(name)) => Some((id, name)),
            _ => None,
        };
        let (own_row, duplicate_of): (Option<i64>, Option<i64>) =
            (row.try_get(2)?, row.try_get(3)?);
        Ok(match (holder, own_row, duplicate_of) {
            (Some((_, holder)), Some(_), _) if holder == doc.doc => {
                DocStatus::Unchanged { stored_as: holder }
            }
            (Some((row, holder)), None, Some(of_id)) if of_id == row => {
                DocStatus::Unchanged { stored_as: holder }
            }
            (Some((_, holder)), _, _) => DocStatus::Duplicate { of: holder },
            (None, None, None) => DocStatus::New,
            (None, _, _) => DocStatus::Changed,
        })
    }

    /// Writes one document in one transaction (as [`crate::Store::put`]).
    pub fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put> {
        let mut results = self.put_batch(&[(*doc, extraction)], extractor_version, force)?;
        results.pop().unwrap_or_else(|| {
            Err(StoreError::Corrupt {
                column: "batch",
                value: "no result".into(),
            })
        })
    }

    /// Writes many documents in one transaction, each whole or not at all (as
    /// [`crate::Store::put_batch`]): when one fails, the batch is written again with a
    /// savepoint around each document, and the failed one is left out alone.
    pub fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>> {
        let mut inner = self.lock();
        let inner = &mut *inner;
        {
            let mut tx = inner.client.transaction()?;
            let fast = (|| {
                let mut writer = Writer::begin(&mut tx, &mut inner.statements, &mut inner.known)?;
                if let Some(results) = insert_new_batch(&mut writer, items, extractor_version)? {
                    writer.finish()?;
                    return Ok(results.into_iter().map(Ok).collect());
                }
                let mut results = Vec::with_capacity(items.len());
                for (doc, extraction) in items {
                    let put = put_document(&mut writer, doc, extraction, extractor_version, force)?;
                    results.push(Ok(put));
                }
                writer.finish()?;
                Ok::<_, StoreError>(results)
            })();
            match fast {
                Ok(results) => {
                    return match tx.commit() {
                        Ok(()) => Ok(results),
                        Err(err) => {
                            inner.known.clear();
                            Err(err.into())
                        }
                    };
                }
                Err(_) => {
                    inner.known.clear();
                    tx.rollback()?;
                }
            }
        }
        let mut tx = inner.client.transaction()?;
        let slow = (|| {
            let mut results = Vec::with_capacity(items.len());
            let mut next_fact = None;
            for (doc, extraction) in items {
                let mut sp = tx.transaction()?;
                let outcome = (|| {
                    let mut writer =
                        Writer::begin(&mut sp, &mut inner.statements, &mut inner.known)?;
                    if let Some(next) = next_fact {
                        writer.next_fact = writer.next_fact.max(next);
                    }
                    let put = put_document(&mut writer, doc, extraction, extractor_version, force)?;
                    writer.finish()?;
                    Ok::<_, StoreError>((put, writer.next_fact))
                })();
                match outcome {
                    Ok((put, next)) => {
                        sp.commit()?;
                        next_fact = Some(next);
                        results.push(Ok(put));
                    }
                    Err(err) => {
                        sp.rollback()?;
                        inner.known.clear();
                        results.push(Err(err));
                    }
                }
            }
            Ok::<_, StoreError>(results)
        })();
        let committed = slow.and_then(|results| {
            tx.commit()?;
            Ok(results)
        });
        if committed.is_err() {
            inner.known.clear();
        }
        committed
    }
}

impl<'a, 'c> Writer<'a, 'c> {
    /// Takes the writer lock (held to the end of the transaction) and reads where fact
    /// numbering goes on.
    fn begin(
        tx: &'a mut Transaction<'c>,
        statements: &'a mut HashMap<&'static str, Statement>,
        known: &'a mut EntityCache,
    ) -> Result<Writer<'a, 'c>> {
        tx.execute(sql::WRITER_LOCK, &[])?;
        let max: i64 = tx.query_one(sql::MAX_FACT, &[])?.get(0);
        Ok(Writer {
            tx,
            statements,
            known,
            next_fact: max + 1,
            now: now(),
            pending: Pending::default(),
            uncounted: false,
        })
    }
}

/// A bulk ingest's common case in a few statements for the whole batch: when no text or
/// id of the batch is stored and none occurs twice in it, every document is inserted, all
/// in one statement (`sql::INSERT_DOCS`). `None` when the batch is not of that kind: then
/// each document is decided on its own.
fn insert_new_batch(
    w: &mut Writer<'_, '_>,
    items: &[(NewDocument<'_>, &Extraction)],
    extractor_version: &str,
) -> Result<Option<Vec<Put>>> {
    let hashes: Vec<String> = items.iter().map(|(doc, _)| doc.hash()).collect();
    let ids: Vec<&str> = items.iter().map(|(doc, _)| doc.doc).collect();
    let distinct = |values: &[&str]| values.iter().collect::<HashSet<_>>().len() == values.len();
    let hash_refs: Vec<&str> = hashes.iter().map(String::as_str).collect();
    if items.len() < 2 || !distinct(&ids) || !distinct(&hash_refs) {
        return Ok(None);
    }
    let stored: i64 = w
        .query_opt(sql::COUNT_STORED, &[&hashes, &ids])?
        .map_or(1, |r| r.get(0));
    if stored > 0 {
        return Ok(None);
    }
    let mut first_facts = Vec::with_capacity(items.len());
    let mut next = w.next_fact;
    for (_, extraction) in items {
        first_facts.push(next);
        next += extraction.facts.len() as i64;
    }
    let column =
        |f: &dyn Fn(&NewDocument<'_>, &Extraction) -> Option<String>| -> Vec<Option<String>> {
            items.iter().map(|(doc, ex)| f(doc, ex)).collect()
        };
    let origins = column(&|d, _| Some(d.origin.to_string()));
    let titles = column(&|d, _| d.title.map(str::to_string));
    let urls = column(&|d, _| d.url.map(str::to_string));
    let meta_dates = column(&|d, _| d.meta_date.map(|x| x.to_string()));
    let dates = column(&|_, ex| ex.date.map(|x| x.to_string()));
    let date_sources = column(&|_, ex| ex.date_source.map(|x| date_source_str(x).to_string()));
    let texts: Vec<&str> = items.iter().map(|(doc, _)| doc.text).collect();
    let bytes: Vec<i64> = texts.iter().map(|t| t.len() as i64).collect();
    let n_facts: Vec<i64> = items.iter().map(|(_, ex)| ex.facts.len() as i64).collect();
    let langs: Vec<&str> = items.iter().map(|(_, ex)| ex.lang.code()).collect();
    let now = w.now.clone();
    let statement = w.statement(sql::INSERT_DOCS)?;
    let rows = w.tx.query(
        &statement,
        &[
            &ids,
            &hashes,
            &origins,
            &titles,
            &urls,
            &meta_dates,
            &dates,
            &date_sources,
            &texts,
            &bytes,
            &extractor_version,
            &now,
            &first_facts,
            &n_facts,
            &langs,
        ],
    )?;
    let row_of: HashMap<String, i64> = rows.iter().map(|r| (r.get(1), r.get(0))).collect();
    let mut results = Vec::with_capacity(items.len());
    for (doc, extraction) in items {
        let Some(&doc_id) = row_of.get(doc.doc) else {
            return Err(StoreError::Corrupt {
                column: "documents",
                value: format!("{} was written by another process meanwhile", doc.doc),
            });
        };
        put_facts(w, doc_id, doc.text, extraction)?;
        put_entities(w, doc_id, extraction)?;
        results.push(Put::Inserted {
            facts: extraction.facts.len(),
        });
    }
    debug_assert_eq!(w.next_fact, next);
    Ok(Some(results))
}

fn stored_by_hash(w: &mut Writer<'_, '_>, hash: &str) -> Result<Option<(i64, String)>> {
    Ok(w.query_opt(sql::DOC_BY_HASH, &[&hash])?
        .map(|r| (r.get(0), r.get(1))))
}

enum Place {
    Document(StoredRow),
    Duplicate { of_id: i64, origin: String },
    Absent,
}

struct StoredRow {
    id: i64,
    origin: String,
    first_fact: i64,
    n_facts: i64,
}

impl Place {
    fn of(w: &mut Writer<'_, '_>, doc: &str) -> Result<Place> {
        if let Some(r) = w.query_opt(sql::DOC_BY_ID, &[&doc])? {
            return Ok(Place::Document(StoredRow {
                id: r.get(0),
                origin: r.get(1),
                first_fact: r.get(2),
                n_facts: r.get(3),
            }));
        }
        Ok(match w.query_opt(sql::DUPLICATE_BY_ID, &[&doc])? {
            Some(r) => Place::Duplicate {
                of_id: r.get(0),
                origin: r.get(1),
            },
            None => Place::Absent,
        })
    }
}

/// One document, as `crate::write::put_document` decides it.
fn put_document(
    w: &mut Writer<'_, '_>,
    doc: &NewDocument<'_>,
    extraction: &Extraction,
    extractor_version: &str,
    force: bool,
) -> Result<Put> {
    let hash = doc.hash();
    let holder = stored_by_hash(w, &hash)?;
    let place = Place::of(w, doc.doc)?;
    let mut replace = None;
    let previous_origin = match (holder, place) {
        (Some((row, holder)), Place::Document(old)) if old.id == row => {
            if !force {
                return Ok(Put::Unchanged { stored_as: holder });
            }
            let origin = old.origin.clone();
            replace = Some(old);
            Some(origin)
        }
        (Some((row, holder)), Place::Duplicate { of_id, .. }) if of_id == row => {
            return Ok(Put::Unchanged { stored_as: holder });
        }
        (Some((row, holder)), place) => {
            release(w, doc.doc, place)?;
            let now = w.now.clone();
            w.execute(
                sql::INSERT_DUPLICATE,
                &[&doc.doc, &row, &doc.origin, &doc.title, &doc.url, &now],
            )?;
            return Ok(Put::Duplicate { of: holder });
        }
        (None, Place::Document(old)) => {
            let origin = old.origin.clone();
            if !promote_duplicate(w, old.id)? {
                replace = Some(old);
            }
            Some(origin)
        }
        (None, Place::Duplicate { origin, .. }) => {
            w.execute(sql::DELETE_DUPLICATE, &[&doc.doc])?;
            Some(origin)
        }
        (None, Place::Absent) => None,
    };
    if let Some(old) = &replace {
        remove_contents(w, old)?;
    }
    let first_fact = w.next_fact;
    let n_facts = extraction.facts.len() as i64;
    let meta_date = doc.meta_date.map(|d| d.to_string());
    let date = extraction.date.map(|d| d.to_string());
    let date_source = extraction.date_source.map(date_source_str);
    let bytes = doc.text.len() as i64;
    let now = w.now.clone();
    let lang = extraction.lang.code();
    let row: [&(dyn ToSql + Sync); 15] = [
        &doc.doc,
        &hash,
        &doc.origin,
        &doc.title,
        &doc.url,
        &meta_date,
        &date,
        &date_source,
        &doc.text,
        &bytes,
        &extractor_version,
        &now,
        &first_fact,
        &n_facts,
        &lang,
    ];
    let doc_id = match &replace {
        Some(old) => {
            let mut values = row.to_vec();
            values.push(&old.id);
            w.execute(sql::UPDATE_DOC, &values)?;
            old.id
        }
        None => match w.query_opt(sql::INSERT_DOC, &row)? {
            Some(r) => r.get(0),
            // Only a writer that ignored the lock could get here; the constraint held.
            None => {
                return Err(StoreError::Corrupt {
                    column: "documents",
                    value: format!("{} was written by another process meanwhile", doc.doc),
                })
            }
        },
    };
    put_facts(w, doc_id, doc.text, extraction)?;
    put_entities(w, doc_id, extraction)?;
    let n_facts = extraction.facts.len();
    Ok(match previous_origin {
        Some(previous_origin) => Put::Replaced {
            facts: n_facts,
            previous_origin,
        },
        None => Put::Inserted { facts: n_facts },
    })
}

fn release(w: &mut Writer<'_, '_>, doc: &str, place: Place) -> Result<()> {
    match place {
        Place::Absent => {}
        Place::Duplicate { .. } => {
            w.execute(sql::DELETE_DUPLICATE, &[&doc])?;
        }
        Place::Document(old) => {
            if !promote_duplicate(w, old.id)? {
                remove_contents(w, &old)?;
                w.execute(sql::DELETE_DOC, &[&old.id])?;
            }
        }
    }
    Ok(())
}

fn promote_duplicate(w: &mut Writer<'_, '_>, id: i64) -> Result<bool> {
    let Some(first) = w.query_opt(sql::FIRST_DUPLICATE, &[&id])? else {
        return Ok(false);
    };
    let (doc, origin, title, url): (String, String, Option<String>, Option<String>) =
        (first.get(0), first.get(1), first.get(2), first.get(3));
    w.execute(sql::DELETE_DUPLICATE, &[&doc])?;
    w.execute(sql::PROMOTE_DUPLICATE, &[&id, &doc, &origin, &title, &url])?;
    Ok(true)
}

/// A document's facts (and with them their full-text entries) and mentions.
fn remove_contents(w: &mut Writer<'_, '_>, old: &StoredRow) -> Result<()> {
    // What this transaction wrote of them must be there to be deleted.
    w.flush()?;
    let end = old.first_fact + old.n_facts;
    w.execute(sql::COUNT_FACT_RANGE, &[&old.first_fact, &end, &-1_i64])?;
    w.execute(sql::REMOVE_PERIOD_VALUES, &[&old.first_fact, &end])?;
    w.uncounted = true;
    w.execute(sql::DELETE_DOC_FACTS, &[&old.first_fact, &old.n_facts])?;
    w.execute(sql::DELETE_DOC_MENTIONS, &[&old.id])?;
    Ok(())
}

fn put_facts(
    w: &mut Writer<'_, '_>,
    doc_id: i64,
    text: &str,
    extraction: &Extraction,
) -> Result<()> {
    let facts = &extraction.facts;
    let mut sentence_facts = vec![0_i64; facts.len()];
    let mut first: Option<usize> = None;
    for (i, fact) in facts.iter().enumerate() {
        match first {
            _ if fact.sentence.is_empty() => first = None,
            Some(f) if facts[f].sentence == fact.sentence => sentence_facts[f] += 1,
            _ => {
                first = Some(i);
                sentence_facts[i] = 1;
            }
        }
    }
    let mut last: Option<(&str, Option<(usize, usize)>)> = None;
    let by_range = text.len() <= SENTENCE_BY_RANGE_MAX_DOC;
    let doc_period = extraction.date.map(Period::Day);
    for (fact, &sentence_facts) in facts.iter().zip(&sentence_facts) {
        let id = w.next_fact;
        w.next_fact += 1;
        let first_of_sentence = sentence_facts > 0;
        let (range, sentence_text) = if fact.sentence.is_empty() {
            (None, None)
        } else {
            let range = match last {
                Some((sentence, range)) if sentence == fact.sentence => range,
                _ if by_range => locate_sentence(text, &fact.sentence, fact.span),
                _ => None,
            };
            last = Some((&fact.sentence, range));
            match range {
                Some(_) => (range, None),
                None => (None, Some(fact.sentence.as_str())),
            }
        };
        let bounds = fact.period.map(Period::bounds);
        let money = fact.unit.as_deref().and_then(|unit| {
            rates::normalise(
                fact.value,
                unit,
                &fact.equivalents,
                fact.period.or(doc_period),
            )
        });
        let kzt_rate = money.as_ref().and_then(|m| m.kzt_rate.as_ref());
        let usd_rate = money.as_ref().and_then(|m| m.usd_rate.as_ref());
        let implied = money.as_ref().and_then(|m| m.implied.as_ref());
        let equivalents = if fact.equivalents.is_empty() {
            None
        } else {
            serde_json::to_string(&fact.equivalents).ok()
        };
        w.pending.push_fact(
            [
                Some(id),
                Some(doc_id),
                fact.group.map(i64::from),
                Some(fact.span[0] as i64),
                Some(fact.span[1] as i64),
                range.map(|r| r.0 as i64),
                range.map(|r| r.1 as i64),
                first_of_sentence.then_some(sentence_facts),
            ],
            [
                Some(fact.value),
                fact.value_high,
                money.as_ref().and_then(|m| m.value_kzt),
                money.as_ref().and_then(|m| m.value_usd),
                kzt_rate.map(|r| r.kzt_per_unit),
                usd_rate.map(|r| r.kzt_per_unit),
                implied.map(|r| r.kzt_per_unit),
            ],
            [
                Some(fact.text.clone()),
                fact.unit.clone(),
                fact.qualifier.map(|q| q.as_str().to_string()),
                fact.metric.map(|m| m.as_str().to_string()),
                fact.measure.map(|m| m.as_str().to_string()),
                fact.subject.clone(),
                fact.period.map(|p| p.to_string()),
                bounds.map(|b| b.0.to_string()),
                bounds.map(|b| b.1.to_string()),
                fact.status.map(|s| s.as_str().to_string()),
                equivalents,
                fact.per.clone(),
                fact.object.clone(),
                sentence_text.map(str::to_string),
                kzt_rate.map(|r| r.source.as_str().to_string()),
                kzt_rate.map(|r| r.period.clone()),
                usd_rate.map(|r| r.source.as_str().to_string()),
                usd_rate.map(|r| r.period.clone()),
                implied.map(|r| r.currency.clone()),
                first_of_sentence.then(|| fact.sentence.clone()),
            ],
        );
    }
    Ok(())
}

/// Entities, aliases and mentions, as `crate::write::put_entities` writes them.
fn put_entities(w: &mut Writer<'_, '_>, doc_id: i64, extraction: &Extraction) -> Result<()> {
    let mut mentions: Vec<(i64, i64, String)> = Vec::with_capacity(extraction.entities.len());
    for entity in &extraction.entities {
        let cached = match w.known.entities.get(&entity.name) {
            Some((stored, id))
                if stored.kind == entity.kind
                    && stored.part_of == entity.part_of
                    && stored.role == entity.role
                    && stored.role_of == entity.role_of =>
            {
                Some(*id)
            }
            _ => None,
        };
        let id = match cached {
            Some(id) => id,
            None => {
                let kind = serde_json::to_value(entity.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let id: i64 = w
                    .query_opt(
                        sql::UPSERT_ENTITY,
                        &[
                            &entity.name,
                            &kind,
                            &entity.part_of,
                            &entity.role,
                            &entity.role_of,
                        ],
                    )?
                    .map(|r| r.get(0))
                    .unwrap_or_default();
                let mut stored = entity.clone();
                stored.mentions = Vec::new();
                w.known.entities.insert(entity.name.clone(), (stored, id));
                id
            }
        };
        put_alias(w, &entity.name, id)?;
        if entity.mentions.is_empty() {
            continue;
        }
        let slot = match mentions.iter().position(|m| m.0 == id) {
            Some(i) => i,
            None => {
                mentions.push((id, 0, String::new()));
                mentions.len() - 1
            }
        };
        for m in &entity.mentions {
            if !m.reference && !m.text.trim().is_empty() {
                put_alias(w, m.text.trim(), id)?;
            }
            let (_, n, spans) = &mut mentions[slot];
            *n += 1;
            if !spans.is_empty() {
                spans.push(' ');
            }
            let _ = write!(spans, "{}-{}", m.span[0], m.span[1]);
            if m.reference {
                spans.push('r');
            }
        }
    }
    let pending = &mut w.pending.mentions;
    for (entity_id, n, spans) in mentions {
        pending.0.push(doc_id);
        pending.1.push(entity_id);
        pending.2.push(n);
        pending.3.push(spans);
    }
    Ok(())
}

fn put_alias(w: &mut Writer<'_, '_>, alias: &str, id: i64) -> Result<()> {
    if w.known
        .aliases
        .get(&id)
        .is_some_and(|written| written.contains(alias))
    {
        return Ok(());
    }
    w.execute(sql::INSERT_ALIAS, &[&alias, &id])?;
    w.known
        .aliases
        .entry(id)
        .or_default()
        .insert(alias.to_string());
    Ok(())
}
