//! Figures said in words alone: a fraction (`две трети`), a multiple in one word (`вдвое`)
//! and a rank (`в тройке лидеров`, `второе место`).

use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{lower, Tok, TokKind};

use crate::fact::Qualifier;

use super::{number_word, qualifier_before, sentence_start, Multiple, NumberWord, TABLES};

/// A figure read from words alone, tokens `i..end`.
pub(super) fn word_figure(
    text: &str,
    toks: &[Tok],
    i: usize,
    end: usize,
    value: f64,
    unit: &str,
    kind: QuantityKind,
) -> (Quantity, usize) {
    let span = [toks[i].start, toks[end - 1].end];
    let q = Quantity {
        span,
        text: text[span[0]..span[1]].to_string(),
        value,
        high: None,
        unit: Some(unit.to_string()),
        kind,
        qualifier: qualifier_before(text, toks, i).0,
        direction: None,
        per: None,
        equivalents: Vec::new(),
        fact_worthy: true,
        fraction: kind == QuantityKind::Percent,
        bare_dollar: false,
    };
    (q, end)
}

/// `две трети`, `более трети всей продукции`, `почти половина из них`: a share in percent,
/// as English reads `two thirds of`. Something must follow it, and it is never the
/// `половине`/`половиной` of a time (`во второй половине года`) or of `с половиной`, nor a
/// half after an ordinal (`вторая половина`).
pub(super) fn fraction_at(text: &str, toks: &[Tok], i: usize) -> Option<(Quantity, usize)> {
    let (n, &value) = TABLES.fractions.starting_at(text, toks, i)?;
    let end = i + n;
    // `каждый пятый заёмщик`, `каждая третья семья`: an ordinal after `каждый` is one in
    // so many, whatever follows.
    if lower(toks[i].text(text)).starts_with("кажд") {
        // `каждый второй год`, `каждое третье воскресенье`: how often, no share.
        const TIMES: &[&str] = &[
            "год",
            "лет",
            "месяц",
            "день",
            "дня",
            "недел",
            "понедельн",
            "вторник",
            "среда",
            "среду",
            "среды",
            "четверг",
            "пятниц",
            "суббот",
            "воскрес",
            "раз",
            "квартал",
            "час",
        ];
        let time_after = toks.get(end).is_some_and(|t| {
            let w = lower(t.text(text));
            TIMES.iter().any(|s| w.starts_with(s))
        });
        if time_after {
            return None;
        }
    } else {
        let last = lower(toks[end - 1].text(text));
        if last.ends_with('е') || last.ends_with("ой") || last.ends_with("ою") {
            return None;
        }
        // `третий выход`, `четвертым`: an ordinal shares the stem of its fraction.
        if ORDINAL_ENDINGS.iter().any(|e| last.ends_with(e)) {
            return None;
        }
        if toks.get(end).is_none_or(|t| t.kind != TokKind::Word) {
            return None;
        }
        let before = i.checked_sub(1).map(|k| lower(toks[k].text(text)));
        if before.is_some_and(|w| w == "с" || ORDINAL_STEMS.iter().any(|o| w.starts_with(o))) {
            return None;
        }
    }
    Some(word_figure(
        text,
        toks,
        i,
        end,
        value,
        "%",
        QuantityKind::Percent,
    ))
}

/// `вырос вдвое`, `втрое больше`, `удвоить выпуск`: a multiple in one word, as English reads
/// `twice` and `double`; `в тройке лидеров`, `вошла в первую десятку`: a rank among the first
/// few, as English reads `among the top three` (FACTS.md, "Ranks"), only after `в` and in the
/// singular, so the tens of `десятки предприятий` and `в десятки раз` stay counts of nothing.
pub(super) fn multiple_at(text: &str, toks: &[Tok], i: usize) -> Option<(Quantity, usize)> {
    let t = toks[i];
    if t.kind != TokKind::Word {
        return None;
    }
    let multiple = *TABLES.multiples.single(t.id)?;
    // `втроём`, `вчетвером`, `удвоением` share the stems of `втрое`, `вчетверо`, `удвоить`
    // and are no multiples. Lowered only once the stem is a multiple's: most words are not.
    let word = lower(t.text(text));
    if ["ём", "ем", "ом"].iter().any(|e| word.ends_with(e)) {
        return None;
    }
    match multiple {
        Multiple::Times(value) => Some(word_figure(
            text,
            toks,
            i,
            i + 1,
            value,
            "times",
            QuantityKind::Multiplier,
        )),
        Multiple::Top(value) => {
            if !(word.ends_with('е') || word.ends_with('у')) {
                return None;
            }
            let word_at = |k: usize| lower(toks[k].text(text));
            let mut k = i;
            if k >= 1 && word_at(k - 1).starts_with("перв") {
                k -= 1;
            }
            if k == 0 || !matches!(word_at(k - 1).as_ref(), "в" | "во") {
                return None;
            }
            let (mut q, end) = word_figure(text, toks, i, i + 1, value, "rank", QuantityKind::Rank);
            q.qualifier = Some(Qualifier::LessThan);
            Some((q, end))
        }
    }
}

/// The endings of an ordinal adjective that no form of `треть`, `четверть` or `половина` has.
const ORDINAL_ENDINGS: [&str; 19] = [
    "ий", "ый", "ья", "ьи", "ая", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "ом",
    "ьем", "ьей", "ими", "ыми",
];

/// The stems of the ordinals that name a half or a quarter of a year.
const ORDINAL_STEMS: [&str; 4] = ["перв", "втор", "трет", "четв"];

/// `второе место`, `на первом месте`: a rank in words, as English reads `ranks second`.
pub(super) fn ordinal_rank_at(text: &str, toks: &[Tok], i: usize) -> Option<(Quantity, usize)> {
    let t = toks[i];
    let NumberWord::Ordinal(value) =
        number_word(t.text(text)).filter(|_| t.kind == TokKind::Word)?
    else {
        return None;
    };
    if let Some((n, unit)) = TABLES.units.starting_at(text, toks, i + 1) {
        return (unit.kind == QuantityKind::Rank)
            .then(|| word_figure(text, toks, i, i + 1 + n, value, "rank", QuantityKind::Rank));
    }
    // `на втором месте Душанбе …, на третьем – Хатлонская область`: the next place of a
    // ranking with `месте` left out, after a place its sentence named.
    let start = sentence_start(text, toks, i);
    let listed = i >= 1
        && lower(toks[i - 1].text(text)) == "на"
        && toks
            .get(i + 1)
            .is_some_and(|d| matches!(d.text(text), "–" | "—" | "-"))
        && (start..i).any(|k| {
            TABLES
                .units
                .starting_at(text, toks, k)
                .is_some_and(|(_, u)| u.kind == QuantityKind::Rank)
        });
    listed.then(|| word_figure(text, toks, i, i + 1, value, "rank", QuantityKind::Rank))
}
