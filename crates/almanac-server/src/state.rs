//! What every request shares: the pool of read-only connections, the caches, the token
//! and the templates.
//!
//! A cached value is tagged with the ledger's *generation*, a counter bumped whenever a
//! reader finds that another connection committed (the ledger's `data_version`, which
//! each reader reads before its work: SQLite's own, a hash of PostgreSQL's snapshot), so
//! a cache never answers for a ledger that has changed.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use almanac_store::{Ledger, LedgerAddress, PgStore, Store};
use anyhow::Context;
use lru::LruCache;

use crate::error::Error;
use crate::views::{Analyses, FactsSummary, PlaceData};
use crate::Config;

/// The state of the server, cheap to clone (one `Arc`).
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    config: Config,
    readers: deadpool::unmanaged::Pool<Reader>,
    generation: AtomicU64,
    token: Option<blake3::Hash>,
    templates: minijinja::Environment<'static>,
    pub(crate) summaries: GenCache<FactsSummary>,
    pub(crate) places: GenCache<PlaceData>,
    analyses: Mutex<Option<(u64, Instant, Arc<Analyses>)>>,
}

/// A connection that reads (read-only on SQLite) and the `data_version` it last saw.
struct Reader {
    store: Box<dyn Ledger>,
    seen: i64,
}

/// What a request's blocking work gets: a reader, and the generation its caches are for.
pub(crate) struct Ctx<'a> {
    pub store: &'a dyn Ledger,
    pub state: &'a AppState,
    pub generation: u64,
}

impl AppState {
    /// Opens the ledger: once for writing, which brings an older schema up to date (and is
    /// skipped when an SQLite file cannot be written, as on a read-only share), then the
    /// pool of readers (read-only connections on SQLite).
    ///
    /// # Errors
    ///
    /// When there is no ledger at the address or it cannot be read.
    pub async fn open(config: Config) -> anyhow::Result<AppState> {
        let db = config.db.clone();
        if let LedgerAddress::Sqlite(path) = &db {
            if !path.exists() {
                anyhow::bail!(
                    "no ledger at {} (run `almanac ingest` first, or give --db / ALMANAC_DB)",
                    path.display()
                );
            }
        }
        let n_readers = config.readers.max(1);
        let readers = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<Reader>> {
            let mut readers = Vec::with_capacity(n_readers);
            match &db {
                LedgerAddress::Sqlite(path) => {
                    if let Err(err) = Store::open(path) {
                        tracing::warn!("{err}; serving it read-only as it is");
                    }
                    for _ in 0..n_readers {
                        let store = Store::open_read_only(path)?;
                        let seen = store.data_version()?;
                        readers.push(Reader {
                            store: Box::new(store),
                            seen,
                        });
                    }
                }
                // Never makes a ledger in an empty database: `open_existing` says there
                // is none.
                LedgerAddress::Postgres(url) => {
                    for _ in 0..n_readers {
                        let store = PgStore::open_existing(url)?;
                        let seen = store.data_version()?;
                        readers.push(Reader {
                            store: Box::new(store),
                            seen,
                        });
                    }
                }
            }
            Ok(readers)
        })
        .await
        .context("opening the ledger")??;
        let cache_size = NonZeroUsize::new(512).expect("non-zero");
        Ok(AppState(Arc::new(Inner {
            token: config
                .token
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| blake3::hash(t.as_bytes())),
            config,
            readers: deadpool::unmanaged::Pool::from(readers),
            generation: AtomicU64::new(0),
            templates: crate::pages::templates(),
            summaries: GenCache::new(cache_size),
            places: GenCache::new(NonZeroUsize::new(64).expect("non-zero")),
            analyses: Mutex::new(None),
        })))
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub(crate) fn templates(&self) -> &minijinja::Environment<'static> {
        &self.0.templates
    }

    pub(crate) fn summaries(&self) -> &GenCache<FactsSummary> {
        &self.0.summaries
    }

    pub(crate) fn places(&self) -> &GenCache<PlaceData> {
        &self.0.places
    }

    /// Whether writes are on (a token was given).
    pub(crate) fn writes_enabled(&self) -> bool {
        self.0.token.is_some()
    }

    /// Whether `given` is the token. Both are hashed first, and BLAKE3's digests compare
    /// in constant time, so neither the token nor its length leaks through timing.
    pub(crate) fn token_matches(&self, given: &str) -> bool {
        match &self.0.token {
            Some(token) => *token == blake3::hash(given.as_bytes()),
            None => false,
        }
    }

    /// Tells the caches that the ledger changed (after this server wrote to it).
    pub(crate) fn ledger_changed(&self) {
        self.0.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Runs `work` with a reader on a blocking thread.
    pub(crate) async fn read<T, F>(&self, work: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&Ctx<'_>) -> Result<T, Error> + Send + 'static,
    {
        let mut reader = self
            .0
            .readers
            .get()
            .await
            .map_err(|err| Error::internal(format!("no reader: {err:?}")))?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let version = reader.store.data_version()?;
            if version != reader.seen {
                reader.seen = version;
                state.ledger_changed();
            }
            let ctx = Ctx {
                store: &*reader.store,
                state: &state,
                generation: state.0.generation.load(Ordering::SeqCst),
            };
            work(&ctx)
        })
        .await
        .map_err(|err| Error::internal(format!("the request's work failed: {err}")))?
    }

    /// The checks and promises over the whole ledger. They read every fact, so they are
    /// computed once per change of the ledger, and while an ingest keeps changing it, at
    /// most every [`ANALYSES_MAX_AGE`] seconds: meanwhile the last result is served, with
    /// the time it was computed.
    pub(crate) fn analyses(
        &self,
        ctx: &Ctx<'_>,
        compute: impl FnOnce() -> Result<Analyses, Error>,
    ) -> Result<Arc<Analyses>, Error> {
        let mut slot = self
            .0
            .analyses
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((generation, at, analyses)) = slot.as_ref() {
            if *generation == ctx.generation || at.elapsed().as_secs() < ANALYSES_MAX_AGE {
                return Ok(analyses.clone());
            }
        }
        let analyses = Arc::new(compute()?);
        *slot = Some((ctx.generation, Instant::now(), analyses.clone()));
        Ok(analyses)
    }
}

/// How old the checks and promises may be while the ledger keeps changing.
pub(crate) const ANALYSES_MAX_AGE: u64 = 30;

/// A bounded cache of values computed for one generation of the ledger.
pub(crate) struct GenCache<V> {
    entries: Mutex<LruCache<String, (u64, Arc<V>)>>,
}

impl<V> GenCache<V> {
    fn new(capacity: NonZeroUsize) -> GenCache<V> {
        GenCache {
            entries: Mutex::new(LruCache::new(capacity)),
        }
    }

    /// The value for `key` in this generation, computed when missing. The lock is not held
    /// while computing; two requests may compute the same value at once, and both are
    /// right.
    pub(crate) fn get_or(
        &self,
        key: String,
        generation: u64,
        compute: impl FnOnce() -> Result<V, Error>,
    ) -> Result<Arc<V>, Error> {
        {
            let mut entries = self
                .entries
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some((at, value)) = entries.get(&key) {
                if *at == generation {
                    return Ok(value.clone());
                }
            }
        }
        let value = Arc::new(compute()?);
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .put(key, (generation, value.clone()));
        Ok(value)
    }
}
