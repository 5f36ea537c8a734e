//! One module per family of subcommands, each with its `Args` and its `run` functions;
//! `main.rs` only dispatches to them.
//!
//! - `extract`: facts, quantities or entities to stdout, no database.
//! - `ingest`: `ingest` (the pipeline into the ledger) and `reindex`.
//! - `import`: `import-parquet`, the documents dataset of the Spark job into the ledger.
//! - `query`: `facts`, `docs`, `show`, `entities`.
//! - `export`: `export`, facts to a CSV, JSONL or Parquet file.
//! - `analysis`: `timeline`, `check`, `promises`.
//! - `correct`: `correct` and `corrections` (list, export, import).
//! - `serve`: `serve`, the JSON API and dashboard of `almanac-server`.

pub mod analysis;
pub mod correct;
pub mod export;
pub mod extract;
pub mod import;
pub mod ingest;
pub mod query;
pub mod serve;
