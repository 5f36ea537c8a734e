//! What a user means by a name: `--subject` and the subjects of `timeline`, `check`,
//! `promises` and `correct` resolved against the gazetteer and the ledger. (Metric names
//! people use, `GRP`, `GDP`, `FDI`, are the extractor's `data/metric_names.tsv`, read by `args::MetricParser`.)
//!
//! A name the gazetteer knows (any alias or spelling: `Turkestan`, `Qaragandy`) becomes
//! its canonical name, and when other places share that name (`Karaganda` the city and
//! `Karaganda region`), stderr says which they are and how to ask for each. A name that
//! neither the gazetteer nor the ledger knows is an error with the nearest names, never a
//! silently empty answer.

use std::collections::BTreeMap;

use almanac_extract::entities::{self, Place};
use almanac_store::{EntityFilter, Ledger};
use anyhow::bail;

/// The canonical name `name` stands for. Prints to stderr the other places of that name,
/// with their fact counts and how to ask for them.
///
/// # Errors
///
/// When neither the gazetteer nor the ledger knows the name (with suggestions), when no
/// fact is about it and no other place shares its name, or when the ledger cannot be read.
pub fn subject(store: &dyn Ledger, name: &str) -> anyhow::Result<String> {
    let resolved = canonical_subject(store, name)?;
    match namesakes_note(store, name, &resolved)? {
        Some(note) => eprintln!("{note}"),
        // A place the gazetteer knows but no fact is about would be an empty answer
        // without a word; with namesakes, the note says where the facts are.
        None if !store.knows_subject(&resolved)? => bail!(
            "no place or organisation {name:?} in the ledger (no fact is about {resolved}): \
             `almanac entities` lists those it knows"
        ),
        None => {}
    }
    Ok(resolved)
}

/// The canonical name of `name`, without any note: a gazetteer name or alias, else a
/// subject or alias the ledger holds (organisations the gazetteer does not list).
pub fn canonical_subject(store: &dyn Ledger, name: &str) -> anyhow::Result<String> {
    let name = name.trim();
    if let Some(place) = entities::lookup(name) {
        return Ok(place.name.to_string());
    }
    let known = ledger_names(store)?;
    if let Some((canonical, _)) = known
        .iter()
        .find(|(_, spellings)| spellings.iter().any(|s| s.eq_ignore_ascii_case(name)))
    {
        return Ok(canonical.clone());
    }
    let candidates = entities::places()
        .iter()
        .flat_map(|p| std::iter::once(p.name).chain(p.aliases.iter().copied()))
        .map(str::to_string)
        .chain(known.into_values().flatten());
    let suggestions = nearest(name, candidates);
    if suggestions.is_empty() {
        bail!(
            "no place or organisation {name:?} in the gazetteer or the ledger \
             (`almanac entities --search TEXT` lists those the ledger holds)"
        );
    }
    bail!(
        "no place or organisation {name:?} in the gazetteer or the ledger; did you mean {}?",
        suggestions
            .iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The other places whose name is `name` with a kind word (`Karaganda` the city,
/// `Karaganda region`, `SEZ Turkistan`), as one line for stderr; `None` when there are
/// none.
pub fn namesakes_note(
    store: &dyn Ledger,
    asked: &str,
    resolved: &str,
) -> anyhow::Result<Option<String>> {
    let Some(place) = entities::lookup(resolved) else {
        return Ok(None);
    };
    // A name with its kind word (`Karaganda region`, `Almaty Industrial Zone`) says which
    // place is meant.
    let bare = asked
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if stem(asked) != bare {
        return Ok(None);
    }
    let stems: Vec<String> = std::iter::once(asked)
        .chain(std::iter::once(place.name))
        .chain(place.aliases.iter().copied())
        .map(stem)
        .collect();
    let others: Vec<&Place> = entities::places()
        .iter()
        .filter(|p| p.name != place.name)
        .filter(|p| {
            std::iter::once(p.name)
                .chain(p.aliases.iter().copied())
                .any(|n| stems.contains(&stem(n)))
        })
        .collect();
    if others.is_empty() {
        return Ok(None);
    }
    let counts = fact_counts(store)?;
    let count = |name: &str| {
        let n = counts.get(&name.to_lowercase()).copied().unwrap_or(0);
        format!("{n} fact{}", if n == 1 { "" } else { "s" })
    };
    let listed: Vec<String> = others
        .iter()
        .map(|p| {
            format!(
                "{} ({}, {}): --subject {:?}",
                p.name,
                kind_name(p),
                count(p.name),
                p.name
            )
        })
        .collect();
    Ok(Some(format!(
        "{asked:?} is {} ({}, {}); other places of that name: {}; add --within for the places in one",
        place.name,
        kind_name(place),
        count(place.name),
        listed.join("; ")
    )))
}

fn kind_name(place: &Place) -> String {
    serde_json::to_value(place.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A name without the words that say what kind of place it is: `Karaganda region`,
/// `Karaganda city`, `SEZ Karaganda` -> `karaganda`.
fn stem(name: &str) -> String {
    const KIND_WORDS: [&str; 12] = [
        "region",
        "province",
        "oblast",
        "city",
        "district",
        "town",
        "sez",
        "zone",
        "special",
        "economic",
        "industrial",
        "the",
    ];
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty() && !KIND_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ledger's subjects and entities by canonical name, with their aliases.
fn ledger_names(store: &dyn Ledger) -> anyhow::Result<BTreeMap<String, Vec<String>>> {
    Ok(store
        .entities(&EntityFilter::default())?
        .into_iter()
        .map(|e| {
            let mut spellings = e.aliases;
            spellings.push(e.name.clone());
            (e.name, spellings)
        })
        .collect())
}

fn fact_counts(store: &dyn Ledger) -> anyhow::Result<BTreeMap<String, u64>> {
    Ok(store
        .entities(&EntityFilter::default())?
        .into_iter()
        .map(|e| (e.name.to_lowercase(), e.facts))
        .collect())
}

/// Up to three names close to `name` (a typo, another transliteration), nearest first.
fn nearest(name: &str, candidates: impl Iterator<Item = String>) -> Vec<String> {
    let wanted = name.to_lowercase();
    let mut scored: Vec<(f64, String)> = candidates
        .map(|c| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored {
        // Aliases of one place suggest it once, by its canonical name.
        let canonical = entities::lookup(&c).map_or(c.clone(), |p| p.name.to_string());
        if !out.contains(&canonical) {
            out.push(canonical);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_their_kind_words() {
        assert_eq!(stem("Karaganda region"), "karaganda");
        assert_eq!(stem("SEZ Turkistan"), "turkistan");
        assert_eq!(stem("Katon-Karagay district"), "katon-karagay");
        assert_eq!(stem("Almaty Industrial Zone"), "almaty");
    }

    #[test]
    fn spellings_and_namesakes_from_the_gazetteer() {
        let store = almanac_store::Store::open_in_memory().unwrap();
        assert_eq!(canonical_subject(&store, "Turkestan").unwrap(), "Turkistan");
        assert_eq!(canonical_subject(&store, "qaragandy").unwrap(), "Karaganda");
        let note = namesakes_note(&store, "Karaganda", "Karaganda")
            .unwrap()
            .unwrap();
        assert!(
            note.contains("\"Karaganda\" is Karaganda (city, 0 facts)"),
            "{note}"
        );
        assert!(
            note.contains("Karaganda region (region, 0 facts): --subject \"Karaganda region\""),
            "{note}"
        );
        let note = namesakes_note(&store, "Turkestan", "Turkistan")
            .unwrap()
            .unwrap();
        assert!(note.contains("Turkistan region"), "{note}");
        assert!(note.contains("SEZ Turkistan"), "{note}");
        assert!(namesakes_note(&store, "Temirtau", "Temirtau")
            .unwrap()
            .is_none());
        // A name with its kind word is not ambiguous.
        for asked in ["Karaganda region", "Almaty Industrial Zone"] {
            let resolved = canonical_subject(&store, asked).unwrap();
            assert!(
                namesakes_note(&store, asked, &resolved).unwrap().is_none(),
                "{asked}"
            );
        }
        let err = canonical_subject(&store, "Karagandaa")
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean \"Karaganda\""), "{err}");
        let err = canonical_subject(&store, "Zzyzx").unwrap_err().to_string();
        assert!(err.contains("no place or organisation \"Zzyzx\""), "{err}");
    }
}
