//! What a Russian sentence says of the work on a project: that it starts (`приступить к
//! строительству`, `начнётся строительство`) or that a facility of its own is being built
//! (`ведётся строительство электростанции`). A capacity or the jobs a project is to bring
//! take the project's deadline only (`dev-ru/README.md`): the year work starts is no
//! deadline, and a sentence that builds a facility of its own does not take the deadline of
//! the project told before it.

use std::borrow::Cow;

use crate::tokens::{is_alphanumeric, plain_lower};

/// The lower-case words of a sentence, `ё` read as `е`.
fn words(sentence: &str) -> Vec<Cow<'_, str>> {
    sentence
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .map(plain_lower)
        .collect()
}

/// A noun of building work, in any case (`строительство`, `строительства`, `возведения`).
fn is_work(w: &str) -> bool {
    ["строительств", "возведени", "сооружени"]
        .iter()
        .any(|k| w.starts_with(k))
}

/// Whether the sentence tells when work starts: a verb of starting right before a noun of
/// work (`приступить к строительству`, `начнется строительство`, `старт строительства`) or after
/// it (`строительство начнется`).
pub(crate) fn starts_work(sentence: &str) -> bool {
    let w = words(sentence);
    let starts = |v: &str| {
        [
            "приступ",
            "начн",
            "начат",
            "начал",
            "начина",
            "старт",
            "заложат",
            "заложит",
        ]
        .iter()
        .any(|k| v.starts_with(k))
    };
    w.windows(2)
        .any(|p| starts(&p[0]) && is_work(&p[1]) || is_work(&p[0]) && starts(&p[1]))
        || w.windows(3)
            .any(|p| starts(&p[0]) && p[1] == "к" && is_work(&p[2]))
}

/// Whether the sentence builds a facility of its own: a noun of work followed by what is
/// built (`строительство газотурбинной электростанции`), not one that points back
/// (`строительство этого завода`, `его строительство`).
pub(crate) fn builds_its_own(sentence: &str) -> bool {
    let w = words(sentence);
    w.windows(2).enumerate().any(|(k, p)| {
        is_work(&p[0])
            && !(k > 0 && matches!(w[k - 1].as_ref(), "его" | "ее" | "их"))
            && !(p[1].starts_with("эт") || p[1].starts_with("данн") || p[1] == "его")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_that_starts() {
        for (sentence, starts) in [
            ("В 2027 году компания приступит к строительству цеха.", true),
            ("Строительство начнется весной 2026 года.", true),
            ("Весной начнется строительство второй очереди.", true),
            ("В 2026 году завод будет введен в эксплуатацию.", false),
            ("Строительство завершат к 2027 году.", false),
        ] {
            assert_eq!(starts_work(sentence), starts, "{sentence}");
        }
    }

    #[test]
    fn a_facility_of_its_own() {
        for (sentence, own) in [
            (
                "Ведется строительство ветровой электростанции мощностью 50 МВт.",
                true,
            ),
            ("Идет возведение цеха мощностью 20 тыс. тонн.", true),
            ("Мощность завода составит 100 тыс. тонн в год.", false),
            ("Его строительство обеспечит 300 рабочих мест.", false),
            ("Строительство этого завода даст 300 рабочих мест.", false),
        ] {
            assert_eq!(builds_its_own(sentence), own, "{sentence}");
        }
    }
}
