//! almanac-store: the ledger of documents, facts and entities (SQLite).
