//! Places, organisations and people with roles: a gazetteer as data, patterns for names it
//! does not hold, and references back (`the city`, `the zone`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Country,
    Region,
    City,
    District,
    Town,
    Zone,
    Organisation,
    Person,
}

/// One place of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: [usize; 2],
    pub text: String,
    /// A reference back (`the city`) rather than a name.
    pub reference: bool,
}

/// An entity with its canonical name and mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// The canonical name of the place it lies in, from the gazetteer (a district in its city).
    pub part_of: Option<String>,
    /// For a person: the role (`akim`, `president`, `general director`).
    pub role: Option<String>,
    /// For a person: the canonical name of the place or organisation the role is of.
    pub role_of: Option<String>,
    pub mentions: Vec<Mention>,
}

/// Finds the entities of a document, given its sentences.
pub fn find(text: &str, sentences: &[Range<usize>]) -> Vec<Entity> {
    // FIXME: stub until the entity layer lands.
    let _ = (text, sentences);
    Vec::new()
}
