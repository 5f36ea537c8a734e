//! What Russian says of a figure's subject that the shared rules do not read: `по стране`,
//! `в республике` scope a figure to the country as a whole.
//!
//! Which country: the one the document names (the home country of its topic first), as the
//! annotators decided (FACTS.md, "A place named elsewhere"; `dev-ru/README.md`): a Kazakh
//! article that says `по стране` and never names Kazakhstan leaves the figure without a
//! subject, since the text does not say which country; it is never the region or company
//! the article is about.

use crate::tokens::{is_alphanumeric, lower};

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
    let stretch = format!("{} {}", &before[from..], &after[..to]);
    let words: Vec<String> = stretch
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(|w| lower(w).into_owned())
        .collect();
    words.windows(2).any(|p| {
        matches!(
            (p[0].as_str(), p[1].as_str()),
            ("по" | "в", "стране" | "республике") | ("в", "страну" | "республику")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::country_scope;

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
