//! Places, organisations and people, their aliases and mentions.

use super::{push_where, subject_names};

pub const UPSERT_ENTITY: &str = "
INSERT INTO entities (name, kind, part_of, role, role_of) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT ((lower(name))) DO UPDATE SET
    part_of = COALESCE(entities.part_of, EXCLUDED.part_of),
    role = COALESCE(entities.role, EXCLUDED.role),
    role_of = COALESCE(entities.role_of, EXCLUDED.role_of)
RETURNING id";

pub const INSERT_ALIAS: &str =
    "INSERT INTO aliases (alias, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

/// The mentions of a transaction in one statement, a column an array.
pub const INSERT_MENTIONS: &str = "INSERT INTO mentions (doc_id, entity_id, n, spans) \
     SELECT * FROM unnest($1::BIGINT[], $2::BIGINT[], $3::BIGINT[], $4::TEXT[])";

pub const ENTITY_LIST: &str = "
SELECT e.id, e.name, e.kind, e.part_of, e.role, e.role_of,
       (SELECT COALESCE(SUM(m.n), 0)::BIGINT FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM facts f WHERE lower(f.subject) = lower(e.name))
FROM entities e";

pub fn entity_of_kind(param: usize) -> String {
    format!("e.kind = ${param}")
}

pub fn entity_contains(param: usize) -> String {
    format!(
        "(e.name ILIKE ${param} ESCAPE '\\' OR EXISTS (SELECT 1 FROM aliases a \
         WHERE a.entity_id = e.id AND a.alias ILIKE ${param} ESCAPE '\\'))"
    )
}

pub fn entity_within(param: usize) -> String {
    format!(
        "lower(e.name) IN (SELECT lower(name) FROM ({}) names)",
        subject_names(param, true)
    )
}

pub fn select_entities(conditions: &[String]) -> String {
    let mut query = ENTITY_LIST.to_string();
    push_where(&mut query, conditions);
    query
}

/// An entity's aliases, one per spelling in any case (SQLite's `NOCASE` key keeps the
/// first written).
pub const ENTITY_ALIASES: &str = "SELECT DISTINCT ON (lower(alias)) alias FROM aliases \
     WHERE entity_id = $1 ORDER BY lower(alias), alias";

pub const ORPHAN_SUBJECTS: &str = "
SELECT min(f.subject), COUNT(*) FROM facts f
WHERE f.subject IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM entities e WHERE lower(e.name) = lower(f.subject))
GROUP BY lower(f.subject)";
