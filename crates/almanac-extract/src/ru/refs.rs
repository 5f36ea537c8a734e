//! Russian sentences that speak of the figure before them: a breakdown (`В том числе …`,
//! `Из них …`), the same indicator again (`этот показатель`, `по данному показателю`), or
//! the things counted before (`данных проектов`, `этих предприятий`). The fact layer gives
//! such a sentence's figures what the earlier figure had.

use std::borrow::Cow;

use crate::tokens::{is_alphanumeric, plain_lower};

/// How a sentence speaks of the figure before it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BackReference {
    /// `В том числе …`: its figures are parts of the one before.
    pub breakdown: bool,
    /// `этот показатель`: the indicator of the figure before.
    pub indicator: bool,
    /// `данных проектов`: the things counted before.
    pub points_back: bool,
}

/// What `sentence` says of the figure before it, its words read once.
pub(crate) fn back_reference(sentence: &str) -> BackReference {
    // The tests read the first three words and the words around a demonstrative, which
    // starts with `э`, `д` or `у` in either case: only those are lowered, the rest kept as
    // written (no test compares them), which spares lowering most words of every sentence.
    let raw: Vec<&str> = sentence
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let may_point = |k: usize| {
        raw.get(k)
            .is_some_and(|w| w.starts_with(['э', 'Э', 'д', 'Д', 'у', 'У']))
    };
    let w: Vec<Cow<str>> = raw
        .iter()
        .enumerate()
        .map(|(k, &word)| {
            let read = k < 3 || may_point(k) || may_point(k + 1) || k > 0 && may_point(k - 1);
            if read {
                plain_lower(word)
            } else {
                Cow::Borrowed(word)
            }
        })
        .collect();
    BackReference {
        breakdown: opens_breakdown(&w),
        indicator: names_indicator_back(&w),
        points_back: points_back(&w),
    }
}

/// The lower-case words of a sentence, `ё` read as `е`.
fn words(sentence: &str) -> Vec<Cow<'_, str>> {
    sentence
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(plain_lower)
        .collect()
}

/// `В том числе`, `Из них`, `Из которых`, `В т.ч.`, `Среди них` at the start.
fn opens_breakdown(w: &[Cow<str>]) -> bool {
    let head: Vec<&str> = w.iter().take(3).map(AsRef::as_ref).collect();
    matches!(
        head.as_slice(),
        ["в", "том", "числе", ..]
            | ["в", "т", "ч", ..]
            | ["из", "них", ..]
            | ["из", "которых", ..]
            | ["среди", "них", ..]
    )
}

/// Whether a word is a demonstrative that points back (`этот`, `данных`, `указанного`).
fn is_demonstrative(w: &str) -> bool {
    const FORMS: &[&str] = &[
        "этот",
        "эта",
        "это",
        "эти",
        "этого",
        "этой",
        "этому",
        "этим",
        "этих",
        "этими",
        "эту",
    ];
    FORMS.contains(&w) || w.starts_with("данн") || w.starts_with("указанн")
}

/// `этот показатель`, `по данному показателю`: the indicator of the figure before; `Это на
/// 5% больше`, `Это в 2 раза меньше` at the start: the figure before, compared.
fn names_indicator_back(w: &[Cow<str>]) -> bool {
    let compares_before = matches!(
        w,
        [first, prep, ..] if first == "это" && (prep == "на" || prep == "в")
    );
    compares_before
        || w.windows(2)
            .any(|p| is_demonstrative(&p[0]) && p[1].starts_with("показател"))
}

/// `данных проектов`, `этих предприятий`: a demonstrative before a noun, not before a time
/// (`этого года`, `в этом месяце`) and not the `данные` of a source (`по данным ...`).
fn points_back(w: &[Cow<str>]) -> bool {
    const TIMES: &[&str] = &[
        "год",
        "месяц",
        "период",
        "квартал",
        "полугод",
        "время",
        "момент",
    ];
    w.windows(2).enumerate().any(|(k, p)| {
        is_demonstrative(&p[0])
            && p[0] != "это"
            && !(k > 0 && w[k - 1] == "по" && p[0].starts_with("данн"))
            && !TIMES.iter().any(|t| p[1].starts_with(t))
            && p[1].chars().count() > 3
    })
}

/// Whether the words between a figure and the one before it in its sentence make the second
/// a comparison of the first (`…на 1,8 млрд долларов, что в 1,4 раза больше`, `…, что почти
/// на 5% выше`, `…, на 3% больше, чем годом ранее`, `…, увеличившись в 1,2 раза`) or restate
/// it (`собрано 623 тыс. тонн, или 94,5% от плана`): it measures what the first did. `after`
/// is the text after the second figure.
pub(crate) fn compares_figure_before(between: &str, after: &str) -> bool {
    let w = words(between);
    // `38,6 млн тонн грузов, что на 4,2% больше`: the first figure's noun (a word or three)
    // before the comma.
    let clause = match between.split_once(',') {
        Some((noun, tail)) if words(noun).len() <= 3 => words(tail),
        _ => w.clone(),
    };
    let comparative = || {
        after
            .split(|c: char| !is_alphanumeric(c))
            .find(|w| !w.is_empty())
            .is_some_and(|a| {
                ["больше", "меньше", "выше", "ниже"].contains(&plain_lower(a).as_ref())
            })
    };
    let by = |l: &str| l == "на" || l == "в";
    // `, что почти вдвое больше`: a qualifier before a multiple in one word.
    let qualifier = |l: &str| ["почти", "более", "около", "примерно", "свыше"].contains(&l);
    let clause = match clause.split_last() {
        Some((last, rest)) if qualifier(last) => rest.to_vec(),
        _ => clause,
    };
    match clause.as_slice() {
        // `, что вдвое больше`, `, втрое меньше`: a figure right after the comma (or `, что`)
        // with a comparative after it, as a multiple in one word is written.
        [] => between.contains(',') && comparative(),
        [only] if only == "что" || only == "это" => comparative(),
        // `, что на`, `, это почти на`
        [first, .., last] if (first == "что" || first == "это") && by(last) => {
            clause.len() <= 4
        }
        // `, на 3% больше`: the comparison with its `что` left out.
        [only] if by(only) => between.contains(',') && comparative(),
        // `, увеличившись в`, `, снизившись на`: a gerund of change says how the first moved.
        [first, .., last] if first.ends_with("вшись") && by(last) => {
            between.contains(',') && clause.len() <= 3
        }
        _ => w.last().is_some_and(|l| l == "или") && w.len() <= 4 && between.contains(','),
    }
}

/// Whether the words between a figure and the one before it set the second beside the first
/// with its verb left out (`Рост составил 14,5%, когда по стране – 1,6%`, `…, тогда как в
/// среднем по стране – 3%`, `…, а в городе – 7%`): the same measure of another place.
pub(crate) fn parallel_to_figure_before(between: &str) -> bool {
    let w = words(between);
    let opens = matches!(
        w.as_slice(),
        [first, ..] if first == "когда" || first == "тогда" || first == "а"
    );
    // A verb of its own would say what the second figure is (`а экспорт вырос на 3%`).
    let gapped = between.contains(['–', '—', '-']);
    opens && gapped && w.len() <= 7
}

/// Whether the words between a rate and the one before it name the next item of a list with
/// the verb left out (`рост в строительстве – на 11,2%, сельском хозяйстве – 5,6%`): a comma,
/// one to four words, a dash, no word that ties the rate to something else.
pub(crate) fn next_item_of_list(between: &str) -> bool {
    let Some(rest) = between.trim_start().strip_prefix(',') else {
        return false;
    };
    let Some(item) = rest.trim_end().strip_suffix(['–', '—', '-']) else {
        return false;
    };
    let w = words(item);
    (1..=4).contains(&w.len())
        && !item.contains(|c: char| c.is_ascii_digit())
        && !w.iter().any(|w| {
            matches!(
                w.as_ref(),
                "из" | "них"
                    | "которых"
                    | "что"
                    | "или"
                    | "то"
                    | "есть"
                    | "доля"
                    | "долю"
                    | "против"
            )
        })
}

/// Whether the figure at `span` is the earlier of two states (`снизился с 4,9% до 4,8%`):
/// `с` before it and `до` with a number after it, past the year the first state is of
/// (`с 21% в 2020 году до 15%`).
pub(crate) fn first_of_two_states(text: &str, span: [usize; 2]) -> bool {
    let before = words(&text[text.floor_char_boundary(span[0].saturating_sub(8))..span[0]]);
    let after = text[span[1]..].trim_start();
    let after = strip_year(after, "в").unwrap_or(after);
    matches!(before.last().map(AsRef::as_ref), Some("с" | "со"))
        && after.strip_prefix("до").is_some_and(|rest| {
            let rest = rest.trim_start();
            // `до 2030 года` is a deadline, not the second state.
            rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€'))
                && strip_year(after, "до").is_none()
        })
}

/// What follows `<preposition> 2020 году` (`в 2020 году`, `до 2030 года`, `в 2020 г.`; any
/// space, a no-break one too, after the preposition) at the start of `text`, trimmed.
fn strip_year<'t>(text: &'t str, preposition: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(preposition)?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let (year, rest) = rest.split_at_checked(4)?;
    let rest = rest.trim_start();
    if !year.bytes().all(|b| b.is_ascii_digit()) || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    ["году", "года", "год", "г."]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .map(str::trim_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_item_of_a_list() {
        for (between, item) in [
            (", сельском хозяйстве – ", true),
            (", в торговле — ", true),
            (", из них – ", false),
            (", или ", false),
            (" и составил ", false),
            (", что на ", false),
        ] {
            assert_eq!(next_item_of_list(between), item, "{between:?}");
        }
    }

    #[test]
    fn the_earlier_of_two_states() {
        for (sentence, figure, first) in [
            ("Доля снизилась с 7,1% до 6,8%.", "7,1%", true),
            ("Доля снизилась с 7,1% до 6,8%.", "6,8%", false),
            (
                "Вклад вырос с 2 млрд тенге до 3 млрд тенге.",
                "2 млрд тенге",
                true,
            ),
            ("С 5% компаний до конца года взыщут долги.", "5%", false),
            (
                "Снизить долю с 30% в 2021 году до 20% в 2026 году.",
                "30%",
                true,
            ),
            (
                "С 30% в 2021 году до конца года взыщут долги.",
                "30%",
                false,
            ),
            (
                "Поднять экспорт с $300 млн в 2021 году до $500 млн.",
                "$300 млн",
                true,
            ),
            ("Снизить долю с 30% в\u{a0}2021 году до 20%.", "30%", true),
            ("Снизить долю с 30% в 2021 г. до 20%.", "30%", true),
            ("Держать долю с 30% до 2030 года.", "30%", false),
        ] {
            let at = sentence
                .find(figure)
                .expect("the figure is in the sentence");
            assert_eq!(
                first_of_two_states(sentence, [at, at + figure.len()]),
                first,
                "{figure} in {sentence}"
            );
        }
    }

    #[test]
    fn a_figure_beside_the_one_before() {
        for (between, parallel) in [
            (", когда по стране только - ", true),
            (", тогда как в среднем по республике – ", true),
            (", а в Таразе — ", true),
            (", а экспорт вырос на ", false),
            (", из них – ", false),
        ] {
            assert_eq!(parallel_to_figure_before(between), parallel, "{between:?}");
        }
    }

    #[test]
    fn a_comparison_of_the_figure_before() {
        for (between, compares) in [
            (", что в ", true),
            (", что почти на ", true),
            (", что более чем в ", true),
            (", или ", true),
            (" тонн хлопка, или ", true),
            (" грузов, что на ", true),
            (" грузов, а план, что на ", false),
            (" или ", false),
            (" и ещё ", false),
            (", из них ", false),
            (", что позволит создать в районе ", false),
        ] {
            assert_eq!(compares_figure_before(between, ""), compares, "{between:?}");
        }
        // (between, after the second figure, compares)
        for (between, after, compares) in [
            (" угля, на ", " больше, чем годом ранее.", true),
            (", на ", " меньше прошлогоднего.", true),
            (", на ", " приходится на город.", false),
            (" на ", " больше", false),
            (", это на ", " выше", true),
            (", увеличившись в ", " раза.", true),
            (" сомов, снизившись на ", " за год.", true),
            (", а выпуск, увеличившись на ", "", false),
            (", что ", " больше, чем годом ранее.", true),
            (", что почти ", " больше.", true),
            (", ", " меньше прошлогоднего.", true),
            (", что ", " тонн ушло на экспорт.", false),
            (" и ", " больше", false),
        ] {
            assert_eq!(
                compares_figure_before(between, after),
                compares,
                "{between:?}"
            );
        }
    }

    #[test]
    fn sentences_that_point_back() {
        // (sentence, breakdown, indicator, points back)
        let cases: &[(&str, bool, bool, bool)] = &[
            (
                "В том числе на село пришлось 4 млрд тенге.",
                true,
                false,
                false,
            ),
            ("Из них 12 – в сельской местности.", true, false, false),
            (
                "В т.ч. из местного бюджета 3 млрд тенге.",
                true,
                false,
                false,
            ),
            ("В Таразе открыли 3 школы.", false, false, false),
            (
                "По этому показателю район опередил соседей в 2 раза.",
                false,
                true,
                true,
            ),
            (
                "В 2026 году данный показатель снизят до 4%.",
                false,
                true,
                true,
            ),
            (
                "Стоимость этих проектов – 90 млрд тенге.",
                false,
                false,
                true,
            ),
            (
                "По данным управления, выпуск вырос на 3%.",
                false,
                false,
                false,
            ),
            ("В этом году выпуск вырос на 3%.", false, false, false),
            ("Это на 5% больше, чем годом ранее.", false, true, false),
            ("Это в 2 раза меньше плана.", false, true, false),
            (
                "Это позволит создать 300 рабочих мест.",
                false,
                false,
                false,
            ),
        ];
        for &(s, breakdown, indicator, points_back) in cases {
            let expected = BackReference {
                breakdown,
                indicator,
                points_back,
            };
            assert_eq!(back_reference(s), expected, "{s}");
        }
    }
}
