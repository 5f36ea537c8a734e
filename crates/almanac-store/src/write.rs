//! The write path: one document, with its facts (and their sentences in the full-text
//! index), entities and mentions, in one transaction.
//!
//! Ingest is bound by this single writer, so it does as little per document as it can:
//! the store numbers facts itself (a document's facts are one id range), a fact keeps its
//! sentence as a byte range of the document text, the sentences of a whole transaction go
//! into the full-text index in one statement, and entities already written are
//! remembered rather than upserted again.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use almanac_extract::{DateSource, Entity, Extraction, Measure, Metric, Period, Qualifier, Status};
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use crate::model::{DocStatus, NewDocument, Put};
use crate::{now, rates, sql, Result, Store, StoreError};

/// Entity rows and alias rows this connection has written or found, by what was written.
/// Only ever holds what a committed transaction wrote: it is cleared whenever a
/// transaction or savepoint is rolled back (entities are never deleted).
#[derive(Default)]
pub(crate) struct EntityCache {
    /// By canonical name: the entity as last upserted, and its row id. Upserting the same
    /// entity again changes nothing (`ON CONFLICT` only fills columns that are NULL).
    entities: HashMap<String, (Entity, i64)>,
    /// By entity id: the aliases written for it.
    aliases: HashMap<i64, HashSet<String>>,
}

impl EntityCache {
    fn clear(&mut self) {
        self.entities.clear();
        self.aliases.clear();
    }
}

impl Store {
    /// Whether `doc` is stored already, by its content hash and id; lets a caller skip the
    /// extraction of unchanged documents.
    pub fn status(&self, doc: &NewDocument<'_>) -> Result<DocStatus> {
        let holder = stored_by_hash(&self.conn, &doc.hash())?;
        let place = Place::of(&self.conn, doc.doc)?;
        Ok(match (holder, place) {
            (Some((_, holder)), Place::Document(_)) if holder == doc.doc => {
                DocStatus::Unchanged { stored_as: holder }
            }
            (Some((row, holder)), Place::Duplicate { of_id, .. }) if of_id == row => {
                DocStatus::Unchanged { stored_as: holder }
            }
            (Some((_, holder)), _) => DocStatus::Duplicate { of: holder },
            (None, Place::Absent) => DocStatus::New,
            (None, _) => DocStatus::Changed,
        })
    }

    /// Writes one document and what was extracted from it, in one transaction.
    /// `extractor_version` is stored with it for `reindex`. Without `force` a document whose
    /// content is stored already is left alone; with it, its facts are replaced.
    ///
    /// # Errors
    ///
    /// On a database error; nothing of the document is written then.
    pub fn put(
        &mut self,
        doc: &NewDocument<'_>,
        extraction: &Extraction,
        extractor_version: &str,
        force: bool,
    ) -> Result<Put> {
        let known = &mut self.known;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let written = (|| {
            let mut batch = Batch::begin(&tx)?;
            let put = put_document(
                &tx,
                known,
                &mut batch,
                doc,
                extraction,
                extractor_version,
                force,
            )?;
            finish(&tx, &mut batch)?;
            tx.commit()?;
            Ok(put)
        })();
        if written.is_err() {
            known.clear();
        }
        written
    }

    /// Writes many documents in one transaction, each whole or not at all: a document that
    /// fails is left out alone and reported in its slot, the others are written.
    ///
    /// # Errors
    ///
    /// When the transaction itself cannot begin or commit; then nothing of the batch is
    /// written.
    pub fn put_batch(
        &mut self,
        items: &[(NewDocument<'_>, &Extraction)],
        extractor_version: &str,
        force: bool,
    ) -> Result<Vec<Result<Put>>> {
        // The fast path: the whole batch in one transaction without savepoints. A
        // savepoint per document would make FTS5 flush a segment per document, which
        // measured as the largest single cost of ingest. Documents rarely fail here, so
        // when one does, the batch is rolled back and written again document by document.
        let known = &mut self.known;
        {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let fast = (|| {
                let mut batch = Batch::begin(&tx)?;
                let mut results = Vec::with_capacity(items.len());
                for (doc, extraction) in items {
                    let put = put_document(
                        &tx,
                        known,
                        &mut batch,
                        doc,
                        extraction,
                        extractor_version,
                        force,
                    )?;
                    results.push(Ok(put));
                }
                finish(&tx, &mut batch)?;
                Ok::<_, StoreError>(results)
            })();
            if let Ok(results) = fast {
                match tx.commit() {
                    Ok(()) => return Ok(results),
                    Err(err) => {
                        known.clear();
                        return Err(err.into());
                    }
                }
            }
            known.clear();
            tx.rollback()?;
        }
        let mut tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let slow = (|| {
            let mut batch = Batch::begin(&tx)?;
            let mut results = Vec::with_capacity(items.len());
            for (doc, extraction) in items {
                let mut sp = tx.savepoint()?;
                let mark = batch.mark();
                match put_document(
                    &sp,
                    known,
                    &mut batch,
                    doc,
                    extraction,
                    extractor_version,
                    force,
                ) {
                    Ok(put) => {
                        sp.commit()?;
                        results.push(Ok(put));
                    }
                    Err(err) => {
                        sp.rollback()?;
                        batch.roll_back_to(mark);
                        known.clear();
                        results.push(Err(err));
                    }
                }
            }
            finish(&tx, &mut batch)?;
            Ok::<_, StoreError>(results)
        })();
        let committed = slow.and_then(|results| {
            tx.commit()?;
            Ok(results)
        });
        if committed.is_err() {
            known.clear();
        }
        committed
    }
}

/// What the documents of one transaction share.
struct Batch {
    /// The sentences of facts up to this id are in the full-text index; newer ones wait
    /// in `pending` until [`index_pending`].
    indexed: i64,
    /// The id of the next fact. Ids are given here rather than by SQLite: a document's
    /// facts have consecutive ids, known before they are written.
    next_fact: i64,
    /// The sentence of each fact written in this batch (fact `indexed + 1` first), NULL
    /// for none: indexed in one statement at the end, as FTS5 flushes its pending terms
    /// at every statement that writes to it.
    pending: Vec<Value>,
    /// Staged sentences forgotten since the batch began (slot, sentence), to restore
    /// when the document that forgot them is rolled back.
    unstaged: Vec<(usize, Value)>,
    /// When the batch was written.
    now: String,
    /// Facts written before the batch were deleted (and taken out of `fact_counts`).
    uncounted: bool,
}

/// Where a batch was before a document, to go back there if it fails.
#[derive(Clone, Copy)]
struct Mark {
    next_fact: i64,
    unstaged: usize,
}

impl Batch {
    fn begin(tx: &Connection) -> Result<Batch> {
        let indexed: i64 = tx.query_row(sql::MAX_FACT, [], |r| r.get(0))?;
        Ok(Batch {
            indexed,
            next_fact: indexed + 1,
            pending: Vec::new(),
            unstaged: Vec::new(),
            now: now(),
            uncounted: false,
        })
    }

    /// Fact `id`'s sentence, for the full-text index.
    fn stage(&mut self, id: i64, sentence: Option<&str>) {
        debug_assert_eq!(self.slot(id), self.pending.len());
        self.pending
            .push(sentence.map_or(Value::Null, |s| Value::Text(s.to_string())));
    }

    /// Forgets the staged sentences of facts `first..first + n` (a document replaced in
    /// the batch that wrote it).
    fn unstage(&mut self, first: i64, n: i64) {
        if first > self.indexed {
            let (from, to) = (self.slot(first), self.slot(first + n));
            let to = to.min(self.pending.len());
            for slot in from..to {
                let value = std::mem::replace(&mut self.pending[slot], Value::Null);
                self.unstaged.push((slot, value));
            }
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            next_fact: self.next_fact,
            unstaged: self.unstaged.len(),
        }
    }

    /// Back to where the batch was at `mark` (a document rolled back).
    fn roll_back_to(&mut self, mark: Mark) {
        while self.unstaged.len() > mark.unstaged {
            if let Some((slot, value)) = self.unstaged.pop() {
                self.pending[slot] = value;
            }
        }
        self.pending.truncate(self.slot(mark.next_fact));
        self.next_fact = mark.next_fact;
    }

    fn slot(&self, id: i64) -> usize {
        (id - self.indexed - 1) as usize
    }
}

/// What a transaction does once its documents are written: the sentences staged go into
/// the full-text index, and its new facts into `fact_counts` and `period_values` (the keys
/// its replaced facts left empty are forgotten, the rows they left stale repaired).
fn finish(tx: &Connection, batch: &mut Batch) -> Result<()> {
    index_pending(tx, batch)?;
    if batch.next_fact > batch.indexed + 1 {
        tx.prepare_cached(&sql::count_fact_range())?
            .execute(params![batch.indexed + 1, batch.next_fact, 1])?;
    }
    if batch.next_fact > batch.indexed + 1 {
        tx.prepare_cached(sql::ADD_PERIOD_VALUES)?
            .execute(params![batch.indexed + 1, batch.next_fact])?;
    }
    if batch.uncounted {
        tx.prepare_cached(sql::PURGE_FACT_COUNTS)?.execute([])?;
        tx.prepare_cached(sql::PURGE_PERIOD_VALUES)?.execute([])?;
        tx.prepare_cached(sql::REPAIR_PERIOD_VALUES)?.execute([])?;
    }
    Ok(())
}

/// Adds the sentences staged in the batch to the full-text index, in one statement.
fn index_pending(tx: &Connection, batch: &mut Batch) -> Result<()> {
    if batch.pending.iter().any(|v| *v != Value::Null) {
        let pending = std::rc::Rc::new(std::mem::take(&mut batch.pending));
        tx.prepare_cached(sql::INDEX_PENDING)?
            .execute(params![pending, batch.indexed])?;
    }
    Ok(())
}

/// The row and id of the document that holds the text of this content hash.
fn stored_by_hash(conn: &Connection, hash: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached(sql::DOC_BY_HASH)?
        .query_row([hash], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Where a document id is in the ledger.
enum Place {
    /// The id of a document row with its own text.
    Document(StoredRow),
    /// A duplicate of document row `of_id`.
    Duplicate {
        of_id: i64,
        origin: String,
    },
    Absent,
}

impl Place {
    fn of(conn: &Connection, doc: &str) -> Result<Place> {
        let row = conn
            .prepare_cached(sql::DOC_BY_ID)?
            .query_row([doc], |r| {
                Ok(StoredRow {
                    id: r.get(0)?,
                    origin: r.get(1)?,
                    first_fact: r.get(2)?,
                    n_facts: r.get(3)?,
                })
            })
            .optional()?;
        if let Some(row) = row {
            return Ok(Place::Document(row));
        }
        let duplicate = conn
            .prepare_cached(sql::DUPLICATE_BY_ID)?
            .query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match duplicate {
            Some((of_id, origin)) => Place::Duplicate { of_id, origin },
            None => Place::Absent,
        })
    }
}

/// Writes one document inside an open transaction or savepoint; its sentences are staged
/// for the caller to index.
///
/// Every id given a text stays findable: a text already stored under another id makes
/// this id a recorded duplicate of it, and an id that leaves a text which duplicates
/// share hands its row (text, facts, entities) to the oldest of them. Nothing is counted
/// as unchanged unless this very id holds this very text.
fn put_document(
    tx: &Connection,
    known: &mut EntityCache,
    batch: &mut Batch,
    doc: &NewDocument<'_>,
    extraction: &Extraction,
    extractor_version: &str,
    force: bool,
) -> Result<Put> {
    let hash = doc.hash();
    let holder = stored_by_hash(tx, &hash)?;
    let place = Place::of(tx, doc.doc)?;
    let mut replace = None;
    let previous_origin = match (holder, place) {
        (Some((row, holder)), Place::Document(old)) if old.id == row => {
            if !force {
                return Ok(Put::Unchanged { stored_as: holder });
            }
            // Forced: re-extracted, its facts replaced in place.
            let origin = old.origin.clone();
            replace = Some(old);
            Some(origin)
        }
        (Some((row, holder)), Place::Duplicate { of_id, .. }) if of_id == row => {
            // Forcing a duplicate re-extracts nothing: its text is re-extracted under the
            // id that holds it.
            return Ok(Put::Unchanged { stored_as: holder });
        }
        (Some((row, holder)), place) => {
            release(tx, batch, doc.doc, place)?;
            tx.prepare_cached(sql::INSERT_DUPLICATE)?.execute(params![
                doc.doc, row, doc.origin, doc.title, doc.url, batch.now
            ])?;
            return Ok(Put::Duplicate { of: holder });
        }
        (None, Place::Document(old)) => {
            let origin = old.origin.clone();
            if !promote_duplicate(tx, old.id)? {
                replace = Some(old);
            }
            Some(origin)
        }
        (None, Place::Duplicate { origin, .. }) => {
            tx.prepare_cached(sql::DELETE_DUPLICATE)?
                .execute([doc.doc])?;
            Some(origin)
        }
        (None, Place::Absent) => None,
    };
    if let Some(old) = &replace {
        remove_contents(tx, batch, old)?;
    }
    let date = extraction.date;
    let first_fact = batch.next_fact;
    let n_facts = extraction.facts.len() as i64;
    let row = params![
        doc.doc,
        hash,
        doc.origin,
        doc.title,
        doc.url,
        doc.meta_date.map(|d| d.to_string()),
        date.map(|d| d.to_string()),
        extraction.date_source.map(date_source_str),
        doc.text,
        doc.text.len() as i64,
        extractor_version,
        batch.now,
        first_fact,
        n_facts,
        extraction.lang.code(),
    ];
    let doc_id = match &replace {
        Some(old) => {
            let mut update = tx.prepare_cached(sql::UPDATE_DOC)?;
            let mut values: Vec<&dyn rusqlite::ToSql> = row.to_vec();
            values.push(&old.id);
            update.execute(values.as_slice())?;
            old.id
        }
        None => {
            tx.prepare_cached(sql::INSERT_DOC)?.execute(row)?;
            tx.last_insert_rowid()
        }
    };
    let n_facts = put_facts(tx, batch, doc_id, doc.text, extraction)?;
    debug_assert_eq!(batch.next_fact, first_fact + n_facts as i64);
    put_entities(tx, known, doc_id, extraction)?;
    Ok(match previous_origin {
        Some(previous_origin) => Put::Replaced {
            facts: n_facts,
            previous_origin,
        },
        None => Put::Inserted { facts: n_facts },
    })
}

/// Frees a document id from what it named: a duplicate record is dropped; a document row
/// goes to its oldest duplicate, or, with none, is deleted with its facts and mentions.
fn release(tx: &Connection, batch: &mut Batch, doc: &str, place: Place) -> Result<()> {
    match place {
        Place::Absent => {}
        Place::Duplicate { .. } => {
            tx.prepare_cached(sql::DELETE_DUPLICATE)?.execute([doc])?;
        }
        Place::Document(old) => {
            if !promote_duplicate(tx, old.id)? {
                remove_contents(tx, batch, &old)?;
                tx.prepare_cached(sql::DELETE_DOC)?.execute([old.id])?;
            }
        }
    }
    Ok(())
}

/// Hands document row `id` to its oldest duplicate, which stops being one; `false` when
/// it has none.
fn promote_duplicate(tx: &Connection, id: i64) -> Result<bool> {
    let first = tx
        .prepare_cached(sql::FIRST_DUPLICATE)?
        .query_row([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })
        .optional()?;
    let Some((doc, origin, title, url)) = first else {
        return Ok(false);
    };
    tx.prepare_cached(sql::DELETE_DUPLICATE)?.execute([&doc])?;
    tx.prepare_cached(sql::PROMOTE_DUPLICATE)?
        .execute(params![id, doc, origin, title, url])?;
    Ok(true)
}

/// Removes a stored document's facts (and their sentences from the full-text index) and
/// mentions, leaving its row.
fn remove_contents(tx: &Connection, batch: &mut Batch, old: &StoredRow) -> Result<()> {
    batch.unstage(old.first_fact, old.n_facts);
    // The old sentences leave the index while the old text and facts still say what they
    // were.
    let indexed_end = (old.first_fact + old.n_facts).min(batch.indexed + 1);
    if old.first_fact < indexed_end {
        tx.prepare_cached(&sql::unindex_sentences())?
            .execute(params![old.first_fact, indexed_end])?;
        // Facts of this batch are counted when it ends, so only older ones are uncounted.
        tx.prepare_cached(&sql::count_fact_range())?
            .execute(params![old.first_fact, indexed_end, -1])?;
        tx.prepare_cached(sql::REMOVE_PERIOD_VALUES)?
            .execute(params![old.first_fact, indexed_end])?;
        batch.uncounted = true;
    }
    tx.prepare_cached(sql::DELETE_DOC_FACTS)?
        .execute(params![old.first_fact, old.n_facts])?;
    tx.prepare_cached(sql::DELETE_DOC_MENTIONS)?
        .execute([old.id])?;
    Ok(())
}

/// A stored document about to be replaced.
struct StoredRow {
    id: i64,
    origin: String,
    first_fact: i64,
    n_facts: i64,
}

/// Documents up to this size keep their facts' sentences as byte ranges of their text;
/// a larger one stores each sentence's text, so that reading a fact never loads a huge
/// text.
pub(crate) const SENTENCE_BY_RANGE_MAX_DOC: usize = 32 * 1024;

/// Where `sentence` occurs in `text`, looked for first where it holds the fact at `span`
/// (any occurrence will do: the same bytes are the same sentence).
pub(crate) fn locate_sentence(
    text: &str,
    sentence: &str,
    span: [usize; 2],
) -> Option<(usize, usize)> {
    let (t, s) = (text.as_bytes(), sentence.as_bytes());
    let len = s.len();
    if len == 0 || len > t.len() {
        return None;
    }
    // It starts at or before the fact and ends at or after it; a start whose first byte
    // matches is a char boundary, as `sentence` is UTF-8. Few candidates are compared
    // whole, so that no text makes this quadratic.
    let latest = span[0].min(t.len() - len);
    let earliest = span[1].saturating_sub(len);
    let mut compared = 0;
    for start in (earliest..=latest).rev() {
        if t[start] == s[0] {
            if &t[start..start + len] == s {
                return Some((start, start + len));
            }
            compared += 1;
            if compared == 64 {
                break;
            }
        }
    }
    let at = text.find(sentence)?;
    Some((at, at + len))
}

fn put_facts(
    tx: &Connection,
    batch: &mut Batch,
    doc_id: i64,
    text: &str,
    extraction: &Extraction,
) -> Result<usize> {
    let mut insert_fact = tx.prepare_cached(sql::INSERT_FACT)?;
    // Consecutive facts of one sentence share its entry in the full-text index: how many
    // they are, on the first of them.
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
    // The last sentence located: facts come in text order, several to a sentence.
    let mut last: Option<(&str, Option<(usize, usize)>)> = None;
    let by_range = text.len() <= SENTENCE_BY_RANGE_MAX_DOC;
    let doc_period = extraction.date.map(Period::Day);
    for (fact, &sentence_facts) in facts.iter().zip(&sentence_facts) {
        let id = batch.next_fact;
        batch.next_fact += 1;
        let first_of_sentence = sentence_facts > 0;
        batch.stage(id, first_of_sentence.then_some(fact.sentence.as_str()));
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
        insert_fact.execute(params![
            id,
            doc_id,
            fact.text,
            fact.value,
            fact.unit,
            fact.qualifier.map(Qualifier::as_str),
            fact.metric.map(Metric::as_str),
            fact.measure.map(Measure::as_str),
            fact.subject,
            fact.period.map(|p| p.to_string()),
            bounds.map(|b| IsoDate::new(b.0)),
            bounds.map(|b| IsoDate::new(b.1)),
            fact.status.map(Status::as_str),
            equivalents,
            fact.per,
            fact.group,
            fact.object,
            fact.span[0] as i64,
            fact.span[1] as i64,
            range.map(|r| r.0 as i64),
            range.map(|r| r.1 as i64),
            sentence_text,
            first_of_sentence.then_some(sentence_facts),
            money.as_ref().and_then(|m| m.value_kzt),
            money.as_ref().and_then(|m| m.value_usd),
            kzt_rate.map(|r| r.kzt_per_unit),
            kzt_rate.map(|r| r.source.as_str()),
            kzt_rate.map(|r| r.period.as_str()),
            usd_rate.map(|r| r.kzt_per_unit),
            usd_rate.map(|r| r.source.as_str()),
            usd_rate.map(|r| r.period.as_str()),
            implied.map(|r| r.kzt_per_unit),
            implied.map(|r| r.currency.as_str()),
            fact.value_high,
        ])?;
    }
    Ok(extraction.facts.len())
}

/// Entities and aliases as they come; mentions as one row per entity of the document,
/// with their count and spans.
fn put_entities(
    tx: &Connection,
    known: &mut EntityCache,
    doc_id: i64,
    extraction: &Extraction,
) -> Result<()> {
    // By entity id: the number of mentions and their spans (names differing only in case
    // are one entity).
    let mut mentions: Vec<(i64, usize, String)> = Vec::with_capacity(extraction.entities.len());
    for entity in &extraction.entities {
        let id = match known.entities.get(&entity.name) {
            Some((stored, id))
                if stored.kind == entity.kind
                    && stored.part_of == entity.part_of
                    && stored.role == entity.role
                    && stored.role_of == entity.role_of =>
            {
                *id
            }
            _ => {
                let id = upsert_entity(tx, entity)?;
                let mut stored = entity.clone();
                stored.mentions = Vec::new();
                known.entities.insert(entity.name.clone(), (stored, id));
                id
            }
        };
        put_alias(tx, known, &entity.name, id)?;
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
                put_alias(tx, known, m.text.trim(), id)?;
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
    let mut insert = tx.prepare_cached(sql::INSERT_MENTIONS)?;
    for (entity_id, n, spans) in mentions {
        insert.execute(params![doc_id, entity_id, n as i64, spans])?;
    }
    Ok(())
}

fn upsert_entity(tx: &Connection, entity: &Entity) -> Result<i64> {
    let kind = serde_json::to_value(entity.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Ok(tx.prepare_cached(sql::UPSERT_ENTITY)?.query_row(
        params![
            entity.name,
            kind,
            entity.part_of,
            entity.role,
            entity.role_of
        ],
        |r| r.get(0),
    )?)
}

fn put_alias(tx: &Connection, known: &mut EntityCache, alias: &str, id: i64) -> Result<()> {
    // Keyed by the exact text: a spelling that differs only in case is one more no-op
    // insert, never a missing alias.
    let written = known.aliases.entry(id).or_default();
    if written.contains(alias) {
        return Ok(());
    }
    tx.prepare_cached(sql::INSERT_ALIAS)?
        .execute(params![alias, id])?;
    written.insert(alias.to_string());
    Ok(())
}

pub(crate) fn date_source_str(source: DateSource) -> &'static str {
    match source {
        DateSource::Header => "header",
        DateSource::Metadata => "metadata",
        DateSource::Text => "text",
    }
}

/// A date as `YYYY-MM-DD` (as `NaiveDate`'s `Display` writes it for years 0 to 9999),
/// bound without formatting or allocating: ingest writes two a fact.
enum IsoDate {
    Digits([u8; 10]),
    Other(String),
}

impl IsoDate {
    fn new(date: NaiveDate) -> IsoDate {
        let (year, month, day) = (date.year(), date.month(), date.day());
        if !(0..=9999).contains(&year) {
            return IsoDate::Other(date.to_string());
        }
        let (year, month, day) = (year as u32, month, day);
        let digit = |n: u32| b'0' + n as u8;
        IsoDate::Digits([
            digit(year / 1000),
            digit(year / 100 % 10),
            digit(year / 10 % 10),
            digit(year % 10),
            b'-',
            digit(month / 10),
            digit(month % 10),
            b'-',
            digit(day / 10),
            digit(day % 10),
        ])
    }

    fn as_str(&self) -> &str {
        match self {
            IsoDate::Digits(digits) => std::str::from_utf8(digits).unwrap_or_default(),
            IsoDate::Other(s) => s,
        }
    }
}

impl rusqlite::ToSql for IsoDate {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        self.as_str().to_sql()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::Fact;

    use crate::testing::text_search;
    use crate::{FactFilter, FactSort};

    #[test]
    fn sentences_are_found_in_the_text_or_kept_whole() {
        let text = "One. The same sentence. Two. The same sentence.";
        assert_eq!(
            locate_sentence(text, "The same sentence.", [33, 37]),
            Some((29, 47))
        );
        assert_eq!(locate_sentence(text, "Two.", [24, 27]), Some((24, 28)));
        // A span that does not hold it: found elsewhere all the same.
        assert_eq!(locate_sentence(text, "One.", [40, 41]), Some((0, 4)));
        assert_eq!(locate_sentence(text, "Three.", [0, 1]), None);
        assert_eq!(locate_sentence(text, "", [0, 0]), None);
        assert_eq!(locate_sentence("é", "é", [0, 2]), Some((0, 2)));
        assert_eq!(locate_sentence("é", "e", [0, 2]), None);
        for date in ["2023-01-09", "0999-12-31", "2024-02-29"] {
            let parsed: NaiveDate = date.parse().unwrap();
            assert_eq!(IsoDate::new(parsed).as_str(), date);
        }

        // Written and read back, wherever the sentence comes from.
        let mut store = Store::open_in_memory().unwrap();
        let fact = |text: &str, span: [usize; 2], sentence: &str| Fact {
            doc: "d".into(),
            text: text.into(),
            value: 1.0,
            value_high: None,
            unit: None,
            qualifier: None,
            metric: None,
            measure: None,
            subject: None,
            period: None,
            status: None,
            equivalents: Vec::new(),
            per: None,
            group: None,
            object: None,
            span,
            sentence: sentence.into(),
        };
        let extraction = Extraction {
            facts: vec![
                fact("One", [0, 3], "One."),
                fact("same", [33, 37], "The same sentence."),
                fact("sentence", [38, 46], "The same sentence."),
                fact("not", [0, 0], "A sentence not in the text."),
                fact("bare", [0, 0], ""),
            ],
            ..Default::default()
        };
        store
            .put(&NewDocument::new("d", "d", text), &extraction, "v", false)
            .unwrap();
        let sentences: Vec<String> = store
            .facts(&FactFilter::default())
            .unwrap()
            .into_iter()
            .map(|f| f.fact.sentence)
            .collect();
        assert_eq!(
            sentences,
            [
                "One.",
                "The same sentence.",
                "The same sentence.",
                "A sentence not in the text.",
                ""
            ]
        );
        assert_eq!(text_search(&store, "\"not in the\""), ["not"]);
        // Two facts of one sentence, found through its one entry in the index: alone in
        // ledger order, in another order, with another filter, counted.
        assert_eq!(text_search(&store, "same"), ["same", "sentence"]);
        let mut filter = FactFilter {
            text: Some("same".into()),
            sort: "-doc".parse().unwrap(),
            ..Default::default()
        };
        let found = |filter: &FactFilter| -> Vec<String> {
            let facts = store.facts(filter).unwrap();
            facts.into_iter().map(|f| f.fact.text).collect()
        };
        assert_eq!(found(&filter), ["sentence", "same"]);
        filter.sort = FactSort::default();
        filter.doc = Some("d".into());
        assert_eq!(found(&filter), ["same", "sentence"]);
        assert_eq!(store.count_facts(&filter).unwrap(), 2);
        filter.limit = Some(1);
        filter.doc = None;
        assert_eq!(found(&filter), ["same"]);
        store.check_integrity().unwrap();

        // Replaced: its sentences leave the index.
        store
            .put(
                &NewDocument::new("d", "d", "Other."),
                &Extraction::default(),
                "v",
                false,
            )
            .unwrap();
        assert!(text_search(&store, "same").is_empty());
        assert!(text_search(&store, "text").is_empty());
        store.check_integrity().unwrap();
    }
}
