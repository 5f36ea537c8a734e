//! Places, organisations and people, their aliases and mentions.

use super::facts::subject_names;
use super::push_where;

pub const UPSERT_ENTITY: &str = "
INSERT INTO entities (name, kind, part_of, role, role_of) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (name) DO UPDATE SET
    part_of = COALESCE(entities.part_of, excluded.part_of),
    role = COALESCE(entities.role, excluded.role),
    role_of = COALESCE(entities.role_of, excluded.role_of)
RETURNING id";

pub const INSERT_ALIAS: &str =
    "INSERT INTO aliases (alias, entity_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

pub const INSERT_MENTIONS: &str =
    "INSERT INTO mentions (doc_id, entity_id, n, spans) VALUES (?1, ?2, ?3, ?4)";

pub const ENTITY_LIST: &str = "
SELECT e.id, e.name, e.kind, e.part_of, e.role, e.role_of,
       (SELECT COALESCE(SUM(m.n), 0) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id),
       (SELECT COUNT(*) FROM facts f WHERE f.subject = e.name)
FROM entities e";

/// Entities of the kind ?`param`.
pub fn entity_of_kind(param: usize) -> String {
    format!("e.kind = ?{param}")
}

/// Entities whose name or an alias is LIKE ?`param` (a
/// [`contains_pattern`](super::contains_pattern)).
pub fn entity_contains(param: usize) -> String {
    format!(
        "(e.name LIKE ?{param} ESCAPE '\\' OR EXISTS (SELECT 1 FROM aliases a \
         WHERE a.entity_id = e.id AND a.alias LIKE ?{param} ESCAPE '\\'))"
    )
}

/// The place ?`param` and the places within it.
pub fn entity_within(param: usize) -> String {
    format!("e.name IN ({})", subject_names(param, true))
}

/// The entities `conditions` select, with their counts ([`ENTITY_LIST`]'s columns).
pub fn select_entities(conditions: &[String]) -> String {
    let mut query = ENTITY_LIST.to_string();
    push_where(&mut query, conditions);
    query
}

pub const ENTITY_ALIASES: &str = "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias";

/// Subjects that facts name but no entity row holds (the extractor named a subject
/// without a mention the entity layer kept), with their fact counts.
pub const ORPHAN_SUBJECTS: &str = "
SELECT f.subject, COUNT(*) FROM facts f
WHERE f.subject IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.name = f.subject)
GROUP BY f.subject";
