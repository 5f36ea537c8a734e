//! A person's corrections of facts (`almanac correct`), and how they are laid over the
//! facts the extractor wrote.
//!
//! A correction is keyed by what survives re-extraction: the document's content hash and
//! the figure's byte span. `reindex`, a forced re-ingest or the same text ingested into
//! another ledger give the fact new ids, but the same text gives the same figure at the
//! same span, and the correction applies to it again. Corrections never change the rows
//! the extractor wrote: every read of facts goes through the `corrected_facts` view while
//! the ledger holds any (so that filters see the corrected subject, metric or period), and
//! [`Overlay::apply`] computes the money of a corrected value, unit or period again.

use std::collections::HashSet;

use almanac_extract::{Measure, Metric, Period, Status};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::model::{FactSort, StoredFact};
use crate::query::Columns;
use crate::sql::{self, FactSelect};
use crate::{now, rates, Result, Store, StoreError};

/// What a person says about one fact: the fields to change, or that it is no fact at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorrectionEdit {
    /// The figure is not a fact (a spurious extraction): hidden from every query and
    /// analysis.
    pub reject: bool,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub metric: Option<Metric>,
    pub measure: Option<Measure>,
    pub subject: Option<String>,
    pub period: Option<Period>,
    pub status: Option<Status>,
    /// Why, for whoever reads the corrections later.
    pub note: Option<String>,
}

impl CorrectionEdit {
    /// Whether the edit says anything.
    pub fn is_empty(&self) -> bool {
        *self == CorrectionEdit::default()
    }
}

/// A correction as the ledger keeps it, and as `almanac corrections export` writes it (one
/// JSON object a line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// The content hash of the document (`almanac docs --format csv` shows it).
    pub doc_hash: String,
    /// The figure's byte span in the document text.
    pub span: [usize; 2],
    /// The document id and the figure as written when the correction was made: for people
    /// reading the list, not part of the key.
    pub doc: String,
    pub figure: String,
    #[serde(default)]
    pub reject: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was last made (ISO 8601, UTC).
    pub corrected_at: String,
    /// The fact it applies to in this ledger now; `None` when no stored document holds
    /// the figure (not yet ingested here, or its text changed). Not exported.
    #[serde(default, skip_serializing)]
    pub fact_id: Option<i64>,
}

impl Correction {
    /// The names of the fields it corrects, in FACTS.md's order (`rejected` alone for a
    /// rejection).
    pub fn fields(&self) -> Vec<&'static str> {
        if self.reject {
            return vec!["rejected"];
        }
        [
            ("value", self.value.is_some()),
            ("unit", self.unit.is_some()),
            ("metric", self.metric.is_some()),
            ("measure", self.measure.is_some()),
            ("subject", self.subject.is_some()),
            ("period", self.period.is_some()),
            ("status", self.status.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

/// What importing corrections did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CorrectionImport {
    /// Corrections recorded (new, or merged into one the figure had).
    pub recorded: usize,
    /// How many of them apply to a fact of this ledger now.
    pub applied: usize,
}

impl Store {
    /// Corrects fact `fact_id` (its id in this ledger now); several corrections of one fact
    /// merge, a field given later replacing the earlier. Returns the correction as it now
    /// stands, or `None` when the ledger has no such fact.
    ///
    /// # Errors
    ///
    /// On a database error.
    pub fn correct(&mut self, fact_id: i64, edit: &CorrectionEdit) -> Result<Option<Correction>> {
        let Some(target) = target(&self.conn, fact_id)? else {
            return Ok(None);
        };
        let correction = target.corrected_by(edit, fact_id);
        let tx = self.conn.transaction()?;
        recount(&tx, &correction.doc_hash, correction.span, || {
            upsert(&tx, &correction)
        })?;
        tx.execute(sql::PURGE_FACT_COUNTS, [])?;
        tx.commit()?;
        Ok(self
            .corrections()?
            .into_iter()
            .find(|c| c.doc_hash == correction.doc_hash && c.span == correction.span))
    }

    /// Removes the correction of fact `fact_id`; `false` when it had none (or there is no
    /// such fact).
    ///
    /// # Errors
    ///
    /// On a database error.
    pub fn undo_correction(&mut self, fact_id: i64) -> Result<bool> {
        let Some(target) = target(&self.conn, fact_id)? else {
            return Ok(false);
        };
        let tx = self.conn.transaction()?;
        let removed = recount(&tx, &target.doc_hash, target.span, || {
            Ok(tx.execute(
                sql::DELETE_CORRECTION,
                params![
                    target.doc_hash,
                    target.span[0] as i64,
                    target.span[1] as i64
                ],
            )?)
        })?;
        tx.execute(sql::PURGE_FACT_COUNTS, [])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// Every correction in the ledger, with the fact each applies to now.
    ///
    /// # Errors
    ///
    /// On a database error, or a stored field that does not parse.
    pub fn corrections(&self) -> Result<Vec<Correction>> {
        let mut stmt = self.conn.prepare(sql::LIST_CORRECTIONS)?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(row_to_correction(row)?);
        }
        Ok(out)
    }

    /// Records corrections exported from another ledger (or this one), in one transaction:
    /// each is merged into the one its figure has here, field by field.
    ///
    /// # Errors
    ///
    /// On a database error; nothing is recorded then.
    pub fn import_corrections(&mut self, corrections: &[Correction]) -> Result<CorrectionImport> {
        let tx = self.conn.transaction()?;
        for correction in corrections {
            recount(&tx, &correction.doc_hash, correction.span, || {
                upsert(&tx, correction)
            })?;
        }
        tx.execute(sql::PURGE_FACT_COUNTS, [])?;
        tx.commit()?;
        Ok(CorrectionImport::of(corrections, &self.corrections()?))
    }

    /// Fact `id` as the ledger reads it (corrections applied); `None` when there is no
    /// such fact or it was rejected.
    ///
    /// # Errors
    ///
    /// On a database error.
    pub fn fact(&self, id: i64) -> Result<Option<StoredFact>> {
        let overlay = Overlay::load(&self.conn)?;
        let query = sql::select_facts(
            FactSelect::Rows {
                sort: FactSort::default(),
                limit: Some(1),
            },
            false,
            overlay.active(),
            &[sql::fact_by_id(1)],
        );
        let mut stmt = self.conn.prepare(&query)?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(overlay.apply(crate::query::row_to_fact(row)?))),
            None => Ok(None),
        }
    }
}

/// Whether corrections are to be read, and which facts need their money computed again.
pub(crate) struct Overlay {
    active: bool,
    money: HashSet<i64>,
    /// The facts a correction applies to (read on SQLite only, for pages of facts).
    corrected: HashSet<i64>,
}

impl Overlay {
    /// An overlay read elsewhere (PostgreSQL): whether any correction exists, and the
    /// facts whose money is computed again.
    pub(crate) fn new(active: bool, money: HashSet<i64>) -> Overlay {
        Overlay {
            active,
            money,
            corrected: HashSet::new(),
        }
    }

    pub(crate) fn load(conn: &Connection) -> Result<Overlay> {
        let active: bool = conn.query_row(sql::ANY_CORRECTION, [], |r| r.get(0))?;
        let mut money = HashSet::new();
        if active {
            let mut stmt = conn.prepare_cached(sql::MONEY_CORRECTED)?;
            let ids = stmt.query_map([], |r| r.get::<_, i64>(0))?;
            for id in ids {
                money.insert(id?);
            }
        }
        let mut corrected = HashSet::new();
        if active {
            let mut stmt = conn.prepare_cached(sql::corrected_ids())?;
            let ids = stmt.query_map([], |r| r.get::<_, i64>(0))?;
            for id in ids {
                corrected.insert(id?);
            }
        }
        Ok(Overlay {
            active,
            money,
            corrected,
        })
    }

    /// The facts a correction applies to.
    pub(crate) fn corrected(&self) -> &HashSet<i64> {
        &self.corrected
    }

    /// Whether the ledger holds corrections (facts are then read through them).
    pub(crate) fn active(&self) -> bool {
        self.active
    }

    /// A fact read through the corrections: its money in KZT and USD computed again, as
    /// ingest computes it, when a correction changed its value, unit or period.
    pub(crate) fn apply(&self, mut fact: StoredFact) -> StoredFact {
        if !self.money.contains(&fact.id) {
            return fact;
        }
        let on = fact
            .fact
            .period
            .or(fact.doc_date.map(almanac_extract::Period::Day));
        let money =
            fact.fact.unit.as_deref().and_then(|unit| {
                rates::normalise(fact.fact.value, unit, &fact.fact.equivalents, on)
            });
        fact.value_kzt = money.as_ref().and_then(|m| m.value_kzt);
        fact.value_usd = money.as_ref().and_then(|m| m.value_usd);
        fact.kzt_rate = money.as_ref().and_then(|m| m.kzt_rate.clone());
        fact.usd_rate = money.as_ref().and_then(|m| m.usd_rate.clone());
        fact.implied_rate = money.and_then(|m| m.implied);
        fact
    }
}

/// What a correction of a fact is keyed by, and what it says about itself.
pub(crate) struct Target {
    pub(crate) doc_hash: String,
    pub(crate) doc: String,
    pub(crate) span: [usize; 2],
    pub(crate) figure: String,
}

impl Target {
    /// The correction `edit` makes of fact `fact_id`, made now.
    pub(crate) fn corrected_by(self, edit: &CorrectionEdit, fact_id: i64) -> Correction {
        Correction {
            doc_hash: self.doc_hash,
            span: self.span,
            doc: self.doc,
            figure: self.figure,
            reject: edit.reject,
            value: edit.value,
            unit: edit.unit.clone(),
            metric: edit.metric,
            measure: edit.measure,
            subject: edit.subject.clone(),
            period: edit.period,
            status: edit.status,
            note: edit.note.clone(),
            corrected_at: now(),
            fact_id: Some(fact_id),
        }
    }
}

impl CorrectionImport {
    /// What importing `imported` did, judged from the ledger's corrections after it
    /// (`stored`): how many figures were recorded, and how many apply to a fact here.
    pub(crate) fn of(imported: &[Correction], stored: &[Correction]) -> CorrectionImport {
        let keys: HashSet<(&str, [usize; 2])> = imported
            .iter()
            .map(|c| (c.doc_hash.as_str(), c.span))
            .collect();
        let applied = stored
            .iter()
            .filter(|c| c.fact_id.is_some() && keys.contains(&(c.doc_hash.as_str(), c.span)))
            .count();
        CorrectionImport {
            recorded: keys.len(),
            applied,
        }
    }
}

/// Runs `change` to a correction of the figure at `span` of the document with content
/// hash `doc_hash`, keeping `fact_counts` exact: the facts it applies to are counted out
/// as they read before and in as they read after. The caller purges the keys left empty
/// (`sql::PURGE_FACT_COUNTS`) before it commits.
fn recount<T>(
    tx: &Connection,
    doc_hash: &str,
    span: [usize; 2],
    change: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let mut delta = tx.prepare_cached(&sql::count_corrected_facts())?;
    let key = (doc_hash, span[0] as i64, span[1] as i64);
    delta.execute(params![key.0, key.1, key.2, -1])?;
    let changed = change()?;
    delta.execute(params![key.0, key.1, key.2, 1])?;
    Ok(changed)
}

fn target(conn: &Connection, fact_id: i64) -> Result<Option<Target>> {
    Ok(conn
        .prepare_cached(sql::CORRECTION_TARGET)?
        .query_row([fact_id], |r| {
            Ok(Target {
                doc_hash: r.get(0)?,
                doc: r.get(1)?,
                span: [r.get::<_, i64>(2)? as usize, r.get::<_, i64>(3)? as usize],
                figure: r.get(4)?,
            })
        })
        .optional()?)
}

fn upsert(conn: &Connection, c: &Correction) -> Result<()> {
    let bounds = c.period.map(Period::bounds);
    conn.prepare_cached(sql::UPSERT_CORRECTION)?
        .execute(params![
            c.doc_hash,
            c.span[0] as i64,
            c.span[1] as i64,
            c.doc,
            c.figure,
            c.reject,
            c.value,
            c.unit,
            c.metric.map(Metric::as_str),
            c.measure.map(Measure::as_str),
            c.subject,
            c.period.map(|p| p.to_string()),
            bounds.map(|b| b.0.to_string()),
            bounds.map(|b| b.1.to_string()),
            c.status.map(Status::as_str),
            c.note,
            c.corrected_at,
        ])?;
    Ok(())
}

/// A row of `LIST_CORRECTIONS` (either dialect's) as a [`Correction`].
pub(crate) fn row_to_correction(row: &impl Columns) -> Result<Correction> {
    let corrupt = |column: &'static str, value: String| StoreError::Corrupt { column, value };
    let text = |idx: usize| row.text(idx);
    let metric = match text(8)? {
        None => None,
        Some(m) => Some(m.parse::<Metric>().map_err(|_| corrupt("metric", m))?),
    };
    let measure = match text(9)? {
        None => None,
        Some(m) => Some(
            serde_json::from_value(serde_json::Value::String(m.clone()))
                .map_err(|_| corrupt("measure", m))?,
        ),
    };
    let status = match text(12)? {
        None => None,
        Some(s) => Some(
            serde_json::from_value(serde_json::Value::String(s.clone()))
                .map_err(|_| corrupt("status", s))?,
        ),
    };
    let period = match text(11)? {
        None => None,
        Some(p) => Some(p.parse::<Period>().map_err(|_| corrupt("period", p))?),
    };
    Ok(Correction {
        doc_hash: row.text_req(0)?,
        span: [row.int_req(1)? as usize, row.int_req(2)? as usize],
        doc: row.text_req(3)?,
        figure: row.text_req(4)?,
        reject: row.int_req(5)? != 0,
        value: row.real(6)?,
        unit: text(7)?,
        metric,
        measure,
        subject: text(10)?,
        period,
        status,
        note: text(13)?,
        corrected_at: row.text_req(14)?,
        fact_id: row.int(15)?,
    })
}

#[cfg(test)]
mod tests {
    use almanac_extract::{Extraction, Fact};

    use super::*;
    use crate::{FactFilter, NewDocument};

    const TEXT: &str = "Karaganda produced goods worth 1.5 billion tenge in 2023. \
                        The region will create 900 jobs.";

    fn fact(text: &str, value: f64, unit: &str, metric: Metric, status: Status) -> Fact {
        let start = TEXT.find(text).unwrap();
        Fact {
            doc: "k".into(),
            text: text.into(),
            value,
            value_high: None,
            unit: Some(unit.into()),
            qualifier: None,
            metric: Some(metric),
            measure: Some(Measure::Level),
            subject: Some("Karaganda".into()),
            period: Some("2023".parse().unwrap()),
            status: Some(status),
            equivalents: Vec::new(),
            per: None,
            group: None,
            object: None,
            span: [start, start + text.len()],
            sentence: String::new(),
        }
    }

    fn extraction() -> Extraction {
        Extraction {
            facts: vec![
                fact(
                    "1.5 billion tenge",
                    1.5e9,
                    "KZT",
                    Metric::Output,
                    Status::Actual,
                ),
                fact("900 jobs", 900.0, "job", Metric::Jobs, Status::Planned),
            ],
            ..Default::default()
        }
    }

    fn ledger() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        store
            .put(
                &NewDocument::new("k", "k.txt", TEXT),
                &extraction(),
                "v1",
                false,
            )
            .unwrap();
        store
    }

    fn by_subject(store: &Store, subject: &str) -> Vec<StoredFact> {
        store
            .facts(&FactFilter {
                subject: Some(subject.into()),
                ..Default::default()
            })
            .unwrap()
    }

    #[test]
    fn corrections_are_read_filtered_on_and_survive_re_extraction() {
        let mut store = ledger();
        let ids: Vec<i64> = store
            .facts(&FactFilter::default())
            .unwrap()
            .iter()
            .map(|f| f.id)
            .collect();
        let before = store.fact(ids[0]).unwrap().unwrap();
        let kzt_per_usd = before.fact.value / before.value_usd.unwrap();

        let edit = CorrectionEdit {
            value: Some(1.5e12),
            subject: Some("Karaganda region".into()),
            note: Some("trillion: the other years".into()),
            ..Default::default()
        };
        let made = store.correct(ids[0], &edit).unwrap().unwrap();
        assert_eq!(made.fields(), ["value", "subject"]);
        assert_eq!(made.fact_id, Some(ids[0]));
        // A second correction of the same fact merges into the first.
        store
            .correct(
                ids[0],
                &CorrectionEdit {
                    period: Some("2022".parse().unwrap()),
                    ..Default::default()
                },
            )
            .unwrap();
        store
            .correct(
                ids[1],
                &CorrectionEdit {
                    reject: true,
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(store.correct(999, &edit).unwrap().is_none());

        let check = |store: &Store| {
            let all = store.facts(&FactFilter::default()).unwrap();
            assert_eq!(all.len(), 1, "the rejected fact is hidden");
            let f = &all[0];
            assert_eq!(f.fact.value, 1.5e12);
            assert_eq!(f.fact.subject.as_deref(), Some("Karaganda region"));
            assert_eq!(f.fact.period.unwrap().to_string(), "2022");
            // Money follows the corrected value (at the corrected period's rate).
            let usd = f.value_usd.unwrap();
            assert!(
                (f.fact.value / usd / kzt_per_usd - 1.0).abs() < 0.5,
                "{usd}"
            );
            assert_eq!(f.value_kzt, Some(1.5e12));
            // Filters see the corrected fields, in any case.
            assert_eq!(by_subject(store, "karaganda region").len(), 1);
            assert!(by_subject(store, "Karaganda").is_empty());
            let in_2022 = FactFilter {
                period: Some("2022".parse().unwrap()),
                ..Default::default()
            };
            assert_eq!(store.count_facts(&in_2022).unwrap(), 1);
            let corrections = store.corrections().unwrap();
            assert_eq!(corrections.len(), 2);
            assert!(corrections.iter().all(|c| c.fact_id.is_some()));
        };
        check(&store);

        // Re-extracted (`reindex`): new fact ids, the same spans.
        store
            .put(
                &NewDocument::new("k", "k.txt", TEXT),
                &extraction(),
                "v2",
                true,
            )
            .unwrap();
        let new_id = store.facts(&FactFilter::default()).unwrap()[0].id;
        assert_ne!(new_id, ids[0]);
        check(&store);

        // Exported and imported into a fresh ledger holding the same text under another id.
        let exported: Vec<String> = store
            .corrections()
            .unwrap()
            .iter()
            .map(|c| serde_json::to_string(c).unwrap())
            .collect();
        assert!(!exported[0].contains("fact_id"), "{}", exported[0]);
        let read: Vec<Correction> = exported
            .iter()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let mut other = Store::open_in_memory().unwrap();
        let outcome = other.import_corrections(&read).unwrap();
        assert_eq!(
            outcome,
            CorrectionImport {
                recorded: 2,
                applied: 0
            }
        );
        other
            .put(
                &NewDocument::new("k2", "k2.txt", TEXT),
                &extraction(),
                "v1",
                false,
            )
            .unwrap();
        check(&other);

        // Undone: the extracted fact again.
        let id = other.facts(&FactFilter::default()).unwrap()[0].id;
        assert!(other.undo_correction(id).unwrap());
        assert_eq!(other.fact(id).unwrap().unwrap().fact.value, 1.5e9);
        assert_eq!(by_subject(&other, "Karaganda").len(), 1);
    }

    #[test]
    fn a_changed_text_is_not_corrected_by_the_old_spans() {
        let mut store = ledger();
        let id = store.facts(&FactFilter::default()).unwrap()[0].id;
        store
            .correct(
                id,
                &CorrectionEdit {
                    value: Some(1.5e12),
                    ..Default::default()
                },
            )
            .unwrap();
        let changed = TEXT.replace("1.5 billion", "2.5 billion");
        let mut extraction = extraction();
        extraction.facts[0].value = 2.5e9;
        extraction.facts[0].text = "2.5 billion tenge".into();
        store
            .put(
                &NewDocument::new("k", "k.txt", &changed),
                &extraction,
                "v1",
                false,
            )
            .unwrap();
        assert_eq!(
            store.facts(&FactFilter::default()).unwrap()[0].fact.value,
            2.5e9
        );
        assert_eq!(store.corrections().unwrap()[0].fact_id, None);
    }
}
