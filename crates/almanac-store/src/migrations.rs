//! Bringing a ledger's schema up to date on open.
//!
//! The schema is a list of numbered migrations (`sql::MIGRATIONS`), each recorded in the
//! `schema_migrations` table when applied (portable, unlike SQLite's `user_version`). A
//! ledger of an older schema is converted in place, in one transaction; one of a newer
//! schema than this build knows is refused rather than misread.

use rusqlite::params;

use crate::{now, sql, Result, Store, StoreError};

impl Store {
    /// The schema version the ledger is at.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row(sql::CURRENT_VERSION, [], |row| row.get(0))?)
    }

    pub(crate) fn migrate(&mut self) -> Result<()> {
        let known = sql::MIGRATIONS.last().map_or(0, |m| m.0);
        // A ledger already at this schema needs no write lock: opening it (for a query,
        // or a second connection) must not wait for a running ingest to pause.
        if let Ok(found) = self
            .conn
            .query_row(sql::CURRENT_VERSION, [], |row| row.get::<_, u32>(0))
        {
            if found == known {
                return Ok(());
            }
        }
        self.conn.execute_batch(sql::CREATE_MIGRATIONS)?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: u32 = tx.query_row(sql::CURRENT_VERSION, [], |row| row.get(0))?;
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        for (version, name, migration) in sql::MIGRATIONS.iter().filter(|m| m.0 > found) {
            tx.execute_batch(migration)?;
            tx.execute(sql::RECORD_MIGRATION, params![version, name, now()])?;
        }
        tx.commit()?;
        if found > 0 {
            // An upgrade rebuilt tables, and with them lost the planner's statistics.
            self.conn.execute_batch(sql::OPTIMIZE)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use almanac_extract::Extraction;
    use rusqlite::Connection;

    use crate::testing::text_search;
    use crate::{DocFilter, EntityFilter, FactFilter, NewDocument, Put};

    /// A ledger as schema version 1 wrote it: two documents, one sentence with two facts,
    /// a fact without a sentence, entities with aliases and mentions.
    const V1_LEDGER: &str = "
INSERT INTO documents VALUES
  (1, 'almaty', 'h1', 'a.txt', NULL, NULL, NULL, '2023-07-31', 'metadata',
   'Almaty attracted 15 billion tenge ($33.7 million) in 2023. The zone will create 369 jobs and 12 plants.',
   103, 'v1', '2024-01-01T00:00:00Z'),
  (2, 'astana', 'h2', 'b.txt', 'Astana', NULL, NULL, '2024-04-15', 'metadata',
   'Astana''s economy grew 5.5 percent in 2024. Almaty too.', 55, 'v1', '2024-01-01T00:00:00Z');
INSERT INTO sentences VALUES
  (1, 1, 'Almaty attracted 15 billion tenge ($33.7 million) in 2023.'),
  (2, 1, 'The zone will create 369 jobs and 12 plants.'),
  (3, 2, 'Astana''s economy grew 5.5 percent in 2024.');
INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences;
INSERT INTO facts (id, doc_id, seq, text, value, unit, metric, subject, period, period_start,
                   period_end, status, equivalents, span_start, span_end, sentence_id)
VALUES
  (1, 1, 0, '15 billion tenge', 15e9, 'KZT', 'investment', 'Almaty', '2023', '2023-01-01',
   '2023-12-31', 'actual', '[{\"value\":33700000.0,\"unit\":\"USD\"}]', 17, 33, 1),
  (2, 1, 1, '369 jobs', 369, 'job', 'jobs', 'Almaty', NULL, NULL, NULL, 'planned', '[]',
   80, 88, 2),
  (3, 1, 2, '12 plants', 12, 'plant', 'projects', 'Almaty', NULL, NULL, NULL, 'planned', '[]',
   93, 102, 2),
  (4, 2, 0, '5.5 percent', 5.5, '%', 'economy', 'Astana', '2024', '2024-01-01', '2024-12-31',
   'actual', '[]', 22, 33, 3),
  (5, 2, 1, 'too', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '[]', 51, 54, NULL);
INSERT INTO entities VALUES (1, 'Almaty', 'city', 'Kazakhstan', NULL, NULL),
  (2, 'Astana', 'city', 'Kazakhstan', NULL, NULL);
INSERT INTO aliases VALUES ('Almaty', 1), ('Astana', 1), ('Astana', 2);
DELETE FROM aliases WHERE alias = 'Astana' AND entity_id = 1;
INSERT INTO mentions (doc_id, entity_id, span_start, span_end, text, reference) VALUES
  (1, 1, 0, 6, 'Almaty', 0), (1, 1, 60, 68, 'The zone', 1), (2, 2, 0, 6, 'Astana', 0),
  (2, 1, 44, 50, 'Almaty', 0);
";

    #[test]
    fn a_version_1_ledger_is_upgraded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(sql::CREATE_MIGRATIONS).unwrap();
            let (version, name, migration) = sql::MIGRATIONS[0];
            conn.execute_batch(migration).unwrap();
            conn.execute(sql::RECORD_MIGRATION, params![version, name, "then"])
                .unwrap();
            conn.execute_batch(V1_LEDGER).unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            sql::MIGRATIONS.last().unwrap().0
        );
        store.check_integrity().unwrap();

        let all = store.facts(&FactFilter::default()).unwrap();
        let ids: Vec<i64> = all.iter().map(|f| f.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        assert_eq!(
            all[0].fact.sentence,
            "Almaty attracted 15 billion tenge ($33.7 million) in 2023."
        );
        assert_eq!(all[0].fact.equivalents.len(), 1);
        assert_eq!(
            all[2].fact.sentence,
            "The zone will create 369 jobs and 12 plants."
        );
        assert_eq!(all[4].fact.sentence, "");
        assert_eq!(
            text_search(&store, "\"369 jobs\""),
            ["369 jobs", "12 plants"]
        );
        assert_eq!(text_search(&store, "economy"), ["5.5 percent"]);
        let doc = |d: &str| FactFilter {
            doc: Some(d.into()),
            ..Default::default()
        };
        assert_eq!(store.facts(&doc("astana")).unwrap().len(), 2);
        let docs = store.documents(&DocFilter::default()).unwrap();
        assert_eq!(docs.iter().map(|d| d.facts).collect::<Vec<_>>(), [3, 2]);
        let entities = store.entities(&EntityFilter::default()).unwrap();
        let almaty = entities.iter().find(|e| e.name == "Almaty").unwrap();
        assert_eq!((almaty.mentions, almaty.documents, almaty.facts), (3, 2, 3));
        let spans: String = store
            .conn
            .query_row(
                "SELECT spans FROM mentions WHERE doc_id = 1 AND entity_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(spans, "0-6 60-68r");

        // A migrated document is replaced like any other: its old sentences leave the index.
        let text = "Almaty attracted 20 billion tenge in 2024.";
        let mut fact = all[0].fact.clone();
        fact.text = "20 billion tenge".into();
        fact.span = [17, 33];
        fact.sentence = text.into();
        let extraction = Extraction {
            facts: vec![fact],
            ..Default::default()
        };
        let put = store
            .put(
                &NewDocument::new("almaty", "a2.txt", text),
                &extraction,
                "v2",
                false,
            )
            .unwrap();
        assert!(matches!(put, Put::Replaced { facts: 1, .. }));
        store.check_integrity().unwrap();
        assert!(text_search(&store, "jobs").is_empty());
        assert_eq!(text_search(&store, "attracted"), ["20 billion tenge"]);
        assert_eq!(store.facts(&doc("almaty")).unwrap().len(), 1);
        assert_eq!(store.stats().unwrap().facts, 3);
    }

    #[test]
    fn a_version_6_ledger_gains_range_upper_ends_that_reindex_fills() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v6.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(sql::CREATE_MIGRATIONS).unwrap();
            for (version, name, migration) in sql::MIGRATIONS.iter().filter(|m| m.0 <= 6) {
                conn.execute_batch(migration).unwrap();
                conn.execute(sql::RECORD_MIGRATION, params![version, name, "then"])
                    .unwrap();
                if *version == 1 {
                    conn.execute_batch(V1_LEDGER).unwrap();
                }
                if *version == 4 {
                    // A correction made at schema 4, laid over the facts since.
                    conn.execute(
                        "INSERT INTO corrections (doc_hash, span_start, span_end, doc, figure, \
                         subject, corrected_at) VALUES ('h1', 80, 88, 'almaty', '369 jobs', \
                         'Almaty Industrial Zone', 'then')",
                        [],
                    )
                    .unwrap();
                }
            }
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 8);
        store.check_integrity().unwrap();
        let facts = store.facts(&FactFilter::default()).unwrap();
        assert_eq!(facts.len(), 5);
        assert!(facts.iter().all(|f| f.fact.value_high.is_none()));
        assert_eq!(
            facts[1].fact.subject.as_deref(),
            Some("Almaty Industrial Zone")
        );

        // Every document is stale for a build that knows the column; reading one again
        // fills it.
        assert_eq!(store.stale_documents("v7").unwrap().len(), 2);
        let text = "Almaty will attract 15-20 billion tenge in 2024.";
        let mut fact = facts[0].fact.clone();
        fact.text = "15-20 billion tenge".into();
        fact.value_high = Some(20e9);
        fact.equivalents.clear();
        fact.span = [20, 39];
        fact.sentence = text.into();
        let extraction = Extraction {
            facts: vec![fact],
            ..Default::default()
        };
        store
            .put(
                &NewDocument::new("almaty", "a2.txt", text),
                &extraction,
                "v7",
                false,
            )
            .unwrap();
        store.check_integrity().unwrap();
        let doc = FactFilter {
            doc: Some("almaty".into()),
            ..Default::default()
        };
        let facts = store.facts(&doc).unwrap();
        assert_eq!(facts.len(), 1);
        assert_eq!(
            (facts[0].fact.value, facts[0].fact.value_high),
            (15e9, Some(20e9))
        );
    }

    #[test]
    fn a_version_4_ledger_gains_a_language_unknown_until_reindexed() {
        use almanac_extract::Lang;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(sql::CREATE_MIGRATIONS).unwrap();
            for (version, name, migration) in sql::MIGRATIONS.iter().filter(|m| m.0 <= 4) {
                conn.execute_batch(migration).unwrap();
                conn.execute(sql::RECORD_MIGRATION, params![version, name, "then"])
                    .unwrap();
            }
            conn.execute(
                "INSERT INTO documents (doc, hash, origin, text, bytes, extractor_version, \
                 ingested_at) VALUES ('shymkent', 'h1', 's.txt', 'Экспорт вырос.', 26, 'v4', 'then')",
                [],
            )
            .unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            sql::MIGRATIONS.last().unwrap().0
        );
        let old = store.document("shymkent").unwrap().unwrap();
        assert_eq!(old.summary.lang, None);
        assert_eq!(
            store.documents(&DocFilter::default()).unwrap()[0].lang,
            None
        );

        // What `reindex` does: the document read again, now with the language it was read in.
        assert_eq!(store.stale_documents("v5").unwrap().len(), 1);
        // Stale for its unknown language even under the same extractor.
        assert_eq!(store.stale_documents("v4").unwrap().len(), 1);
        let extraction = Extraction {
            lang: Lang::Russian,
            ..Default::default()
        };
        store.put(&old.as_new(), &extraction, "v5", true).unwrap();
        let new = store.document("shymkent").unwrap().unwrap();
        assert_eq!(new.summary.lang, Some(Lang::Russian));
        assert!(store.stale_documents("v5").unwrap().is_empty());
    }
}
