//! The Russian rules: what reads Russian differently from English. Everything else (the
//! token stream, entities, the fact layer) is shared, with Russian rows in the data files
//! beside the English ones (`data/*_ru.tsv`), matched by stem.
//!
//! - `stem`: the key of a Cyrillic word in the vocabulary (Snowball's Russian stemmer).
//! - `numbers`: digits with the decimal comma and grouped thousands; number words.
//! - `quantities`: numbers with their scale, unit or counted noun, qualifier, direction.
//! - `refs`: sentences that speak of the figure before them (`В том числе`, `этот
//!   показатель`, `данных проектов`).
//! - `names`: the case forms of the gazetteer's Russian names.
//! - `subject`: `по стране`, `в республике`: a figure said of the country as a whole.
//! - `tense`: whether a status cue found by stem is in a past form (`позволило`).
//! - `times`: years, months, quarters, halves, spans and deadlines as Russian writes them.
//! - `works`: work on a project that starts, or a facility of its own being built, which
//!   date a capacity or jobs to come only by the project's deadline.

pub(crate) mod names;
pub(crate) mod numbers;
pub(crate) mod quantities;
pub(crate) mod refs;
pub(crate) mod stem;
pub(crate) mod subject;
pub(crate) mod tense;
pub(crate) mod times;
pub(crate) mod works;

#[cfg(test)]
mod tests;
