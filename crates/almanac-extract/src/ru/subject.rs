//! What Russian says of a figure's subject that the shared rules do not read: `по стране`,
//! `в республике` scope a figure to the country as a whole.
//!
//! Which country: the one the document names (the home country of its topic first), as the
//! annotators decided (FACTS.md, "A place named elsewhere"; `dev-ru/README.md`): a Kazakh
//! article that says `по стране` and never names Kazakhstan leaves the figure without a
//! subject, since the text does not say which country; it is never the region or company
//! the article is about.

use std::borrow::Cow;

use crate::tokens::{is_alphanumeric, lower, plain_lower};

/// Whether the figure at `span` is said of the country as a whole: the stretch of its
/// sentence around it, between commas, semicolons or colons (a decimal comma is no
/// boundary), holds `по стране`, `в стране`, `по республике`, `в республике`, `в целом по
/// стране`, or `в страну` / `в республику` (investment into the country).
pub(crate) fn country_scope(
    text: &str,
    sentence: std::ops::Range<usize>,
    span: [usize; 2],
) -> bool {
    let is_boundary = |s: &str, i: usize, c: char| {
        matches!(c, ';' | ':' | '(' | ')')
            || c == ',' && !s[i + 1..].starts_with(|d: char| d.is_ascii_digit())
    };
    let before = &text[sentence.start..span[0]];
    let from = before
        .char_indices()
        .rev()
        .find(|&(i, c)| is_boundary(before, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = &text[span[1]..sentence.end];
    let to = after
        .char_indices()
        .find(|&(i, c)| is_boundary(after, i, c))
        .map_or(after.len(), |(i, _)| i);
    // The words of the stretch before the figure, then after it, read in pairs as they come:
    // asked of every Russian figure, it copies no word.
    let mut words = before[from..]
        .split(|c: char| !is_alphanumeric(c))
        .chain(after[..to].split(|c: char| !is_alphanumeric(c)))
        .filter(|w| !w.is_empty())
        .map(lower);
    let Some(mut previous) = words.next() else {
        return false;
    };
    // `43% всего объёма по стране`: a share of the country's whole is the share of what the
    // sentence is about, so the country after the whole the share is of is no scope.
    // `в целом по стране` says the country whatever stands before it.
    let share = text[span[0]..span[1]].ends_with('%');
    let mut before_previous = None;
    for (k, word) in words.enumerate() {
        if matches!(
            (previous.as_ref(), word.as_ref()),
            ("по" | "в", "стране" | "республике") | ("в", "страну" | "республику")
        ) {
            // The pair ends at word `k + 1`: past the figure, with `k - before_words`
            // words between the figure and the pair (counted only here, for the rare
            // figure whose stretch says the country).
            let before_words = before[from..]
                .split(|c: char| !is_alphanumeric(c))
                .filter(|w| !w.is_empty())
                .count();
            let whole_between = k + 1 > before_words
                && k - before_words >= 2
                && before_previous.as_deref() != Some("целом")
                && names_a_whole(&after[..to]);
            return !(share && whole_between);
        }
        before_previous = Some(previous);
        previous = word;
    }
    false
}

/// Whether the mention that starts at byte `start` is a place a figure is compared with,
/// not what it is about: `больше, чем в Алматы`, `по сравнению с Шымкентом`, `уступаем
/// городу Астана`, `отстаёт от Караганды`.
pub(crate) fn compared_with(text: &str, start: usize) -> bool {
    let from = text.floor_char_boundary(start.saturating_sub(80));
    // Every cue is Cyrillic: English text before a name (the entity layer asks of every
    // name, in either language) is passed over unread.
    if text[from..start].is_ascii() {
        return false;
    }
    let words: Vec<Cow<str>> = text[from..start]
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(plain_lower)
        .collect();
    // `городу Астана`, `области`: the kind of place may stand between the cue and the name.
    let kind = |w: &str| {
        ["город", "област", "регион", "район", "стран", "столиц"]
            .iter()
            .any(|k| w.starts_with(k))
    };
    let n = words.len();
    let cue_ends = |end: usize| {
        let w = |k: usize| (k < end).then(|| words[end - 1 - k].as_ref());
        match (w(0), w(1)) {
            (Some("чем"), _) | (Some("в" | "во" | "на" | "у"), Some("чем")) => true,
            (Some("с" | "со"), Some("сравнению" | "сравнении")) => true,
            // `второе место после Атырауской области`: the place a rank is counted behind.
            (Some("после"), _) => true,
            (Some("от"), Some(v)) => v.starts_with("отста"),
            (Some(v), _) => v.starts_with("уступа"),
            _ => false,
        }
    };
    // `после Алматы и Астаны`: a name listed after a compared one is compared too.
    let listed = n >= 3 && words[n - 1] == "и" && (cue_ends(n - 2) || cue_ends(n - 3));
    cue_ends(n) || n >= 1 && kind(&words[n - 1]) && cue_ends(n - 1) || listed
}

/// Whether words after a share name the whole it is of (`всего объёма`, `общего выпуска`),
/// not an average (`в среднем по стране`).
fn names_a_whole(after: &str) -> bool {
    after
        .split(|c: char| !is_alphanumeric(c))
        .take(4)
        .map(lower)
        .any(|w| {
            ["всего", "всей", "всех", "общ", "объём", "объем"]
                .iter()
                .any(|s| w.starts_with(s))
        })
}

#[cfg(test)]
mod tests {
    use super::{compared_with, country_scope};

    #[test]
    fn a_place_compared_with_is_named_after_its_cue() {
        for (sentence, place, compared) in [
            ("Цены выросли на 9%, больше, чем в Алматы.", "Алматы", true),
            ("Выпуск на 4% выше, чем у Караганды.", "Караганды", true),
            (
                "По сравнению с Шымкентом рост выше на 2%.",
                "Шымкентом",
                true,
            ),
            ("Мы уступаем городу Астана 30 млрд тенге.", "Астана", true),
            ("Район отстаёт от Тараза на 5%.", "Тараза", true),
            ("Район занимает третье место после Тараза.", "Тараза", true),
            (
                "Город занимает третье место после Тараза и Шымкента.",
                "Шымкента",
                true,
            ),
            ("Рост отмечен в Таразе и Шымкенте.", "Шымкенте", false),
            ("В Алматы рост составил 9%.", "Алматы", false),
            ("Рост составил 9%, а в Шымкенте – 4%.", "Шымкенте", false),
        ] {
            let at = sentence.find(place).expect("the place is in the sentence");
            assert_eq!(
                compared_with(sentence, at),
                compared,
                "{place} in {sentence}"
            );
        }
    }

    #[test]
    fn the_stretch_of_a_figure_says_the_country() {
        for (sentence, figure, scoped) in [
            (
                "Рост составил 8,2%, тогда как по стране – 3,1%.",
                "3,1%",
                true,
            ),
            (
                "Рост составил 8,2%, тогда как по стране – 3,1%.",
                "8,2%",
                false,
            ),
            (
                "В республике в целом вложено 12 трлн тенге.",
                "12 трлн тенге",
                true,
            ),
            (
                "В страну привлекли 9 млрд долларов прямых инвестиций.",
                "9 млрд долларов",
                true,
            ),
            (
                "Область занимает 3 место в стране по экспорту, вложив 40 млрд тенге.",
                "40 млрд тенге",
                false,
            ),
            ("В области вложено 40 млрд тенге.", "40 млрд тенге", false),
        ] {
            let at = sentence
                .find(figure)
                .expect("the figure is in the sentence");
            assert_eq!(
                country_scope(sentence, 0..sentence.len(), [at, at + figure.len()]),
                scoped,
                "{figure} in {sentence}"
            );
        }
    }
}
