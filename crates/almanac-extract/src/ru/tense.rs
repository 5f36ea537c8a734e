//! The tense of a Russian status cue. Cues are matched by stem (`ru::stem`), and a stem
//! holds every tense of a verb: `позволит создать` (will allow) and `позволило создать`
//! (allowed) share `позвол`, `выделят` (will allocate) and `выделено` (allocated) share
//! `выдел`. A plan cue holds in the form the list writes it, and in any other form of its
//! stem that is not a past one: a past tense (`-л`, `-ла`, `-ло`, `-ли`, reflexive
//! `-лся`...) or a short past participle (`-но`, `-на`, `-ны`, `-н`; `-то`, `-та`, `-ты`).

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::data;
use crate::tokens::plain_lower;

/// The forms `data/status_cues_ru.tsv` writes, lower case with `ё` as `е`: a listed
/// participle (`запланировано`, `предусмотрена`) is a plan whatever its ending says.
static LISTED: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data::STATUS_CUES_RU
        .load(|r| Ok(r.get(0)))
        .into_iter()
        .flat_map(|phrase| phrase.split_whitespace())
        .map(|w| w.to_lowercase().replace('ё', "е"))
        .collect()
});

/// The past endings, each after a vowel of the stem (`позволи|ло`, `выделе|но`).
const PAST_ENDINGS: &[&str] = &[
    "лось", "лась", "лись", "лся", "ло", "ла", "ли", "л", "но", "на", "ны", "н", "то", "та", "ты",
];

/// Whether a Cyrillic word is a past form of a verb. Short words are left alone: the nouns
/// among the cues (`цели`, `план`) are short, the verbs long.
pub(crate) fn is_past(lower: &str) -> bool {
    if lower.chars().count() < 6 {
        return false;
    }
    PAST_ENDINGS.iter().any(|e| {
        lower.strip_suffix(e).is_some_and(|stem| {
            stem.ends_with(['а', 'е', 'и', 'о', 'у', 'ы', 'я', 'ё'])
                // `-ен`, `-ан` participles; `-ин` (`магазин`) and the like are no verbs.
                && !(matches!(*e, "н" | "т") && stem.ends_with(['и', 'о', 'у', 'ы']))
        })
    })
}

/// Whether a lower-case Cyrillic word is a past form that says a thing was done, by an
/// ending only verbs have: a short participle in the neuter or plural after the vowel of a
/// participle (`создано`, `введены`, `открыто`), or a past tense after the vowel of a verb
/// stem (`создали`, `добыла`, `построил`). Endings nouns share are left out (`работы`,
/// `капитала`, `канала`, `машины`), and so are the few nouns that end as verbs do (`страны`,
/// `прибыли`).
pub(crate) fn is_done(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ено", "ёно", "ано", "яно", "ыто", "ито", "ято", "уто", "ены", "ёны", "аны", "яны", "ыты",
        "иты", "или", "ыли", "али", "ила", "ыла", "ил", "ыл",
    ];
    const NOUNS: &[&str] = &["страны", "прибыли", "детали", "медали", "спирали"];
    lower.chars().count() >= 6
        && ENDINGS.iter().any(|e| lower.ends_with(e))
        && !NOUNS.contains(&lower)
}

/// Whether a lower-case Cyrillic word is an infinitive (`создать`, `построить`, `открыть`,
/// `привлечь`): a verb ending of the infinitive, never a number word that ends the same way
/// (`десять`, `двадцать`, `треть`). `-ти` (`провести`) and `-уть` are left out: nouns end so
/// too (`пути`, `сети`, `путь`).
pub(crate) fn is_infinitive(lower: &str) -> bool {
    lower.chars().count() > 4
        && ["ать", "ять", "ить", "еть", "ыть", "чь"]
            .iter()
            .any(|e| lower.ends_with(e))
        && super::numbers::number_word(lower).is_none()
        && lower != "треть"
}

/// Whether a plan cue found by stem at `word` holds: a word of the list as written, any
/// form of a non-Cyrillic word, else a form that is not past.
pub(crate) fn plan_cue_holds(word: &str) -> bool {
    if word.is_ascii() {
        return true;
    }
    let w = plain_lower(word);
    LISTED.contains(w.as_ref()) || !is_past(&w)
}

/// Whether `word` is a form `data/status_cues_ru.tsv` writes: a cue of class `exact`
/// holds in that form only.
pub(crate) fn is_listed(word: &str) -> bool {
    LISTED.contains(plain_lower(word).as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infinitives_and_not() {
        for w in ["создать", "построить", "открыть", "привлечь", "снизить"]
        {
            assert!(is_infinitive(w), "{w}");
        }
        for w in [
            "десять",
            "двадцать",
            "тридцать",
            "девять",
            "треть",
            "часть",
            "мощность",
            "пути",
        ] {
            assert!(!is_infinitive(w), "{w}");
        }
    }

    #[test]
    fn forms_of_a_thing_done() {
        for (word, want) in [
            ("создано", true),
            ("введены", true),
            ("открыто", true),
            ("создали", true),
            ("добыла", true),
            ("выделил", true),
            ("капитал", false),
            ("капитала", false),
            ("канала", false),
            ("работы", false),
            ("машины", false),
            ("прибыли", false),
            ("региона", false),
            ("района", false),
            ("бюджета", false),
            ("страна", false),
        ] {
            assert_eq!(is_done(word), want, "{word}");
        }
    }

    #[test]
    fn past_forms_end_a_plan() {
        // (word, holds as a plan cue)
        let cases: &[(&str, bool)] = &[
            ("позволит", true),
            ("Позволят", true),
            ("позволило", false),
            ("позволила", false),
            ("позволили", false),
            ("выделят", true),
            ("выделено", false),
            ("выделены", false),
            ("выделил", false),
            ("планируется", true),
            ("планировалось", false),
            ("запланировано", true),
            ("запланирована", true),
            ("предусмотрено", true),
            ("откроются", true),
            ("открылись", false),
            ("ожидается", true),
            ("цели", true),
            ("будет", true),
            ("will", true),
        ];
        for (word, want) in cases {
            assert_eq!(plan_cue_holds(word), *want, "{word}");
        }
    }

    #[test]
    fn a_future_cue_holds_as_written_only() {
        for (word, want) in [
            ("составит", true),
            ("Составят", true),
            ("составе", false),
            ("составил", false),
            ("превысит", true),
            ("превышение", false),
            ("вырастет", true),
            ("увеличится", true),
            ("увеличение", false),
        ] {
            assert_eq!(is_listed(word), want, "{word}");
        }
    }
}
