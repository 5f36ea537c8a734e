//! Russian sentences that speak of the figure before them: a breakdown (`В том числе …`,
//! `Из них …`), the same indicator again (`этот показатель`, `по данному показателю`), or
//! the things counted before (`данных проектов`, `этих предприятий`). The fact layer gives
//! such a sentence's figures what the earlier figure had.

use crate::tokens::lower;

/// The lower-case words of a sentence, `ё` read as `е`.
fn words(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| lower(w).replace('ё', "е"))
        .collect()
}

/// `В том числе`, `Из них`, `Из которых`, `В т.ч.`, `Среди них` at the start.
pub(crate) fn opens_breakdown(sentence: &str) -> bool {
    let w = words(sentence);
    let head: Vec<&str> = w.iter().take(3).map(String::as_str).collect();
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

/// `этот показатель`, `по данному показателю`: the indicator of the figure before.
pub(crate) fn names_indicator_back(sentence: &str) -> bool {
    let w = words(sentence);
    w.windows(2)
        .any(|p| is_demonstrative(&p[0]) && p[1].starts_with("показател"))
}

/// `данных проектов`, `этих предприятий`: a demonstrative before a noun, not before a time
/// (`этого года`, `в этом месяце`) and not the `данные` of a source (`по данным ...`).
pub(crate) fn points_back(sentence: &str) -> bool {
    const TIMES: &[&str] = &[
        "год",
        "месяц",
        "период",
        "квартал",
        "полугод",
        "время",
        "момент",
    ];
    let w = words(sentence);
    w.windows(2).enumerate().any(|(k, p)| {
        is_demonstrative(&p[0])
            && p[0] != "это"
            && !(k > 0 && w[k - 1] == "по" && p[0].starts_with("данн"))
            && !TIMES.iter().any(|t| p[1].starts_with(t))
            && p[1].chars().count() > 3
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("Это на 5% больше, чем годом ранее.", false, false, false),
        ];
        for &(s, breakdown, indicator, back) in cases {
            assert_eq!(opens_breakdown(s), breakdown, "{s}");
            assert_eq!(names_indicator_back(s), indicator, "{s}");
            assert_eq!(points_back(s), back, "{s}");
        }
    }
}
