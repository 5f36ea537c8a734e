//! Which country a figure speaks of when its words name none: the country a document
//! names for `the country`, and the national official quoted on it.

use super::anchors::{Anchor, Role};
use crate::entities;
use crate::quantities::Quantity;

/// The country the document names for a figure said of `the country`: its home country
/// (the one its topic lies in) when named, else the named country nearest the figure.
pub(super) fn named_country(
    anchors: &[Anchor],
    home: Option<&str>,
    q: &Quantity,
) -> Option<String> {
    let countries = anchors
        .iter()
        .filter(|a| a.role == Role::Named && a.kind == entities::EntityKind::Country);
    if let Some(h) = home.filter(|h| countries.clone().any(|a| a.name == *h)) {
        return Some(h.to_string());
    }
    super::nearest(countries, q.span[0], |a| a.start).map(|a| a.name.clone())
}

/// Whether an English figure is said of the country as a whole: the value of the national
/// average (`below the national average of 45`, `the national average was 420,000 tenge`),
/// a rate or an amount right before `nationwide` or `across the country` (`against 6.6%
/// across the country`; a count there is of what a body runs across it: `opened 40
/// branches across the country`), or any figure of a sentence that opens with `Across the
/// country,` and names nothing below the country (`alone`). Not a multiple of the average
/// (`twice the national average` is the region's) nor a gap to it (`exceed the national
/// average by 40%`).
pub(super) fn national_scope(
    text: &str,
    sentence: std::ops::Range<usize>,
    q: &Quantity,
    alone: impl Fn() -> bool,
) -> bool {
    use crate::quantities::QuantityKind;
    if q.kind == QuantityKind::Multiplier {
        return false;
    }
    // Asked of every English figure: only short windows around it are copied.
    let window = |from: usize, to: usize| {
        let mut from = from.min(to);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = to.max(from);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        text.get(from..to).map(str::to_ascii_lowercase)
    };
    let (Some(before), Some(after), Some(opening)) = (
        window(q.span[0].saturating_sub(64).max(sentence.start), q.span[0]),
        window(q.span[1], (q.span[1] + 32).min(sentence.end)),
        window(sentence.start, (sentence.start + 32).min(q.span[0])),
    ) else {
        return false;
    };
    // The average's own value: only words that lead to it between (`of`, `was about`).
    let after_average = before.rfind("national average").is_some_and(|at| {
        let whole_word = !before[..at].ends_with(|c: char| c.is_ascii_alphabetic());
        let gap = &before[at + "national average".len()..];
        whole_word
            && gap.split_whitespace().all(|w| {
                matches!(
                    w,
                    "of" | "was" | "is" | "stood" | "at" | "about" | "around" | "some" | "nearly"
                )
            })
    });
    let after = after.trim_start();
    let scope_after = q.kind != QuantityKind::Count
        && [
            "nationwide",
            "across the country",
            "for the country as a whole",
        ]
        .iter()
        .any(|p| after.starts_with(p));
    let opener = [
        "across the country,",
        "in the country as a whole,",
        "nationwide,",
    ]
    .iter()
    .any(|p| opening.trim_start().starts_with(p))
        && alone();
    after_average || scope_after || opener
}

/// Every mention of a person, in order, with the country their office is national for
/// (`president` of Kazakhstan, chairman of the `Cabinet of Ministers of Kyrgyzstan`), if it
/// is.
pub(super) fn voices(entities: &[entities::Entity]) -> Vec<(usize, Option<&'static str>)> {
    let country = |name: &str| {
        entities::lookup(name)
            .filter(|p| p.kind == entities::EntityKind::Country)
            .map(|p| p.name)
    };
    let mut res: Vec<(usize, Option<&'static str>)> = entities
        .iter()
        .filter(|e| e.kind == entities::EntityKind::Person)
        .flat_map(|e| {
            let national = e.role_of.as_deref().and_then(|r| {
                country(r).or_else(|| r.rsplit_once(" of ").and_then(|(_, c)| country(c)))
            });
            e.mentions.iter().map(move |m| (m.span[0], national))
        })
        .collect();
    res.sort_by_key(|v| v.0);
    res
}

/// The country of the national official named last before figure `q`, from `from` on.
pub(super) fn national_voice(
    voices: &[(usize, Option<&'static str>)],
    from: usize,
    q: &Quantity,
) -> Option<String> {
    let before = voices.partition_point(|v| v.0 < q.span[0]);
    voices[..before]
        .last()
        .filter(|v| v.0 >= from)
        .and_then(|v| v.1)
        .map(str::to_string)
}

/// Whether the end of `head` lies inside a quotation opened in it.
pub(super) fn in_quote(head: &str) -> bool {
    head.matches(['“', '«']).count() > head.matches(['”', '»']).count()
}
