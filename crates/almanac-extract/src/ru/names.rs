//! The case forms of a Russian place name, for the gazetteer: `Карагандинская область`
//! is written `Карагандинской области`, `Карагандинскую область`, `Карагандинской
//! областью` as the sentence needs. The data holds the nominative; the rules below make
//! the other five cases of each word by its ending, every word of a name in the same case
//! so that adjective and noun agree. Names that do not decline (`Алматы`, `Актобе`,
//! `Душанбе`) keep their one form.

/// The endings of one declension in the six cases (nominative, genitive, dative,
/// accusative, instrumental, prepositional), after the ending cut from the nominative.
type Paradigm = (&'static str, [&'static [&'static str]; 6]);

/// Most specific first: the first whose nominative ending a word has declines it.
const PARADIGMS: &[Paradigm] = &[
    // Adjectives.
    ("ая", [&["ая"], &["ой"], &["ой"], &["ую"], &["ой"], &["ой"]]),
    ("яя", [&["яя"], &["ей"], &["ей"], &["юю"], &["ей"], &["ей"]]),
    (
        "ий",
        [&["ий"], &["ого"], &["ому"], &["ий"], &["им"], &["ом"]],
    ),
    (
        "ый",
        [&["ый"], &["ого"], &["ому"], &["ый"], &["ым"], &["ом"]],
    ),
    (
        "ое",
        [&["ое"], &["ого"], &["ому"], &["ое"], &["ым"], &["ом"]],
    ),
    // Nouns.
    (
        "ия",
        [&["ия"], &["ии"], &["ии"], &["ию"], &["ией"], &["ии"]],
    ),
    // Neuter heads of bodies (`Министерство`, `Агентство`, `Объединение`).
    (
        "ство",
        [
            &["ство"],
            &["ства"],
            &["ству"],
            &["ство"],
            &["ством"],
            &["стве"],
        ],
    ),
    (
        "ие",
        [&["ие"], &["ия"], &["ию"], &["ие"], &["ием"], &["ии"]],
    ),
    // Feminine (`Казань`, `Тюмень`) or masculine (`Израиль`, `Турткуль`): a name does not
    // say which, and the forms of the other gender are no Russian words, so both.
    (
        "ь",
        [
            &["ь"],
            &["и", "я"],
            &["и", "ю"],
            &["ь"],
            &["ью", "ем"],
            &["и", "е"],
        ],
    ),
    ("я", [&["я"], &["и"], &["е"], &["ю"], &["ей"], &["е"]]),
    // After a hushing consonant or `х` the genitive takes `и` (`Польши`, `Хивы` aside).
    (
        "ша",
        [&["ша"], &["ши"], &["ше"], &["шу"], &["шей", "шой"], &["ше"]],
    ),
    (
        "жа",
        [&["жа"], &["жи"], &["же"], &["жу"], &["жей", "жой"], &["же"]],
    ),
    (
        "ча",
        [&["ча"], &["чи"], &["че"], &["чу"], &["чей", "чой"], &["че"]],
    ),
    (
        "ка",
        [&["ка"], &["ки"], &["ке"], &["ку"], &["кой"], &["ке"]],
    ),
    (
        "га",
        [&["га"], &["ги"], &["ге"], &["гу"], &["гой"], &["ге"]],
    ),
    ("а", [&["а"], &["ы"], &["е"], &["у"], &["ой"], &["е"]]),
    ("й", [&["й"], &["я"], &["ю"], &["й"], &["ем"], &["е"]]),
];

/// The nominative endings of the adjectives of `PARADIGMS`: they agree with the noun after
/// them.
const ADJECTIVE_ENDINGS: &[&str] = &["ая", "яя", "ий", "ый", "ое"];

/// The endings after which a noun takes no ending of its own (`Алматы`, `Актобе`).
const INDECLINABLE: &[char] = &['о', 'е', 'и', 'ы', 'у', 'ю', 'э'];

/// The forms of one word in the six cases (several for a case that has variants).
fn word_forms(word: &str) -> [Vec<String>; 6] {
    let same = || std::array::from_fn(|_| vec![word.to_string()]);
    let Some(last) = word.chars().last() else {
        return same();
    };
    // Abbreviations, Latin words and words in capitals (`РК`, `ВКО`, `США`) stay.
    if !last.is_lowercase() || !('\u{0400}'..='\u{04FF}').contains(&last) {
        return same();
    }
    if let Some((ending, cases)) = PARADIGMS.iter().find(|(e, _)| word.ends_with(e)) {
        let stem = &word[..word.len() - ending.len()];
        return cases.map(|endings| endings.iter().map(|e| format!("{stem}{e}")).collect());
    }
    if INDECLINABLE.contains(&last) {
        return same();
    }
    // A consonant: `Шымкент`, `Ташкент`, `Казахстан`.
    let hushing = matches!(last, 'ж' | 'ш' | 'щ' | 'ч' | 'ц');
    let instrumental = if hushing { "ем" } else { "ом" };
    [
        vec![word.to_string()],
        vec![format!("{word}а")],
        vec![format!("{word}у")],
        vec![word.to_string()],
        vec![format!("{word}{instrumental}")],
        vec![format!("{word}е")],
    ]
}

/// The forms of a name in every case, the nominative first, each once. A hyphenated word
/// declines in its last part (`Восточно-Казахстанская`, `Усть-Каменогорск`). Only the head
/// noun and the adjectives before it decline; what follows the head keeps its form, whether
/// a name in apposition (`область Абай` is `области Абай`, not `области Абая`; `Республики
/// Казахстан`) or a genitive (`Банка развития Казахстана`, `Министерству энергетики`). A
/// name of capitalised words may also be a brand whose last word alone declines (`Халык
/// Банка`, `Эйр Астаны`): it gets those forms too, and the wrong ones of either reading
/// are no Russian words.
pub(crate) fn case_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut past_head = false;
    let head_declines = words.iter().map(|w| {
        let declines = !past_head;
        past_head = past_head || !ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e));
        declines
    });
    let mut readings = vec![head_declines.collect::<Vec<bool>>()];
    if words.len() > 1 && words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        readings.push((0..words.len()).map(|k| k + 1 == words.len()).collect());
    }
    let mut out: Vec<String> = Vec::new();
    for declines in readings {
        let forms: Vec<[Vec<String>; 6]> = words
            .iter()
            .zip(declines)
            .map(|(w, declines)| match w.rsplit_once('-') {
                _ if !declines => std::array::from_fn(|_| vec![w.to_string()]),
                Some((head, tail)) if !tail.is_empty() => word_forms(tail)
                    .map(|fs| fs.into_iter().map(|f| format!("{head}-{f}")).collect()),
                _ => word_forms(w),
            })
            .collect();
        for case in 0..6 {
            let mut phrases = vec![String::new()];
            for w in &forms {
                phrases = phrases
                    .iter()
                    .flat_map(|p| {
                        w[case].iter().map(move |f| {
                            if p.is_empty() {
                                f.clone()
                            } else {
                                format!("{p} {f}")
                            }
                        })
                    })
                    .collect();
            }
            for p in phrases {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The adjective's ending beside `областн-`'s in the same gender, number and case: `Ферганский
/// областной`, `Ферганского областного`, `Ферганской областной`, `Ферганских областных`.
const REGIONAL_ENDINGS: &[(&str, &str)] = &[
    ("ий", "ой"),
    ("ого", "ого"),
    ("ому", "ому"),
    ("им", "ым"),
    ("ом", "ом"),
    ("ая", "ая"),
    ("ой", "ой"),
    ("ую", "ую"),
    ("ое", "ое"),
    ("ие", "ые"),
    ("их", "ых"),
    ("ими", "ыми"),
];

/// `Ферганский областной Кенгаш`, `Жамбылского областного акимата`: a region named
/// `<adjective> область` is also named by its adjective before `областной` in every gender,
/// number and case, as the bodies of the region are.
pub(crate) fn regional_forms(name: &str) -> Vec<String> {
    let Some(stem) = name
        .strip_suffix(" область")
        .and_then(|adjective| adjective.strip_suffix("ая"))
        .filter(|stem| !stem.contains(' '))
    else {
        return Vec::new();
    };
    REGIONAL_ENDINGS
        .iter()
        .map(|(adjective, regional)| format!("{stem}{adjective} областн{regional}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{case_forms, regional_forms};

    #[test]
    fn a_region_by_its_adjective_before_oblastnoy() {
        let forms = regional_forms("Ферганская область");
        for form in [
            "Ферганский областной",
            "Ферганского областного",
            "Ферганской областной",
            "Ферганских областных",
        ] {
            assert!(forms.iter().any(|f| f == form), "{form}: {forms:?}");
        }
        assert!(regional_forms("область Абай").is_empty());
        assert!(regional_forms("Шымкент").is_empty());
    }

    #[test]
    fn names_in_every_case() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Шымкент",
                &["Шымкента", "Шымкенте", "Шымкентом", "Шымкенту"],
            ),
            (
                "Карагандинская область",
                &[
                    "Карагандинской области",
                    "Карагандинскую область",
                    "Карагандинской областью",
                ],
            ),
            ("Астана", &["Астаны", "Астане", "Астану", "Астаной"]),
            ("Караганда", &["Караганды", "Караганде"]),
            ("Россия", &["России", "Россией"]),
            (
                "Восточно-Казахстанская область",
                &["Восточно-Казахстанской области"],
            ),
            ("Усть-Каменогорск", &["Усть-Каменогорске"]),
            ("Южная Корея", &["Южной Корее", "Южную Корею"]),
            ("Республика Казахстан", &["Республики Казахстан"]),
            ("область Абай", &["области Абай", "областью Абай"]),
            // A district as an adjective and in apposition.
            (
                "Наурызбайский район",
                &["Наурызбайского района", "Наурызбайском районе"],
            ),
            (
                "район Биржан сал",
                &["района Биржан сал", "районе Биржан сал"],
            ),
            // Soft signs of either gender, a hushing stem, a hyphen.
            ("Казань", &["Казани", "Казанью"]),
            ("Турткуль", &["Турткуля", "Турткуле", "Турткулем"]),
            ("Польша", &["Польши", "Польшей"]),
            ("Кара-Балта", &["Кара-Балты", "Кара-Балте"]),
            ("Майлуу-Суу", &["Майлуу-Суу"]),
            // Bodies: the head declines, its genitive does not.
            (
                "Министерство энергетики Республики Казахстан",
                &[
                    "Министерства энергетики Республики Казахстан",
                    "Министерством энергетики Республики Казахстан",
                ],
            ),
            ("Банк развития Казахстана", &["Банка развития Казахстана"]),
            (
                "Евразийский банк развития",
                &["Евразийского банка развития", "Евразийским банком развития"],
            ),
            ("Национальное агентство", &["Национальному агентству"]),
            ("Объединение", &["Объединения", "Объединением"]),
            // A brand of capitalised words declines in its last word.
            ("Халык Банк", &["Халык Банка", "Халык Банком"]),
            ("Эйр Астана", &["Эйр Астаны", "Эйр Астане"]),
        ];
        for (name, want) in cases {
            let forms = case_forms(name);
            assert_eq!(forms[0], *name);
            for w in *want {
                assert!(forms.iter().any(|f| f == w), "{name}: {w} not in {forms:?}");
            }
        }
        // Names that do not decline keep one form.
        assert_eq!(case_forms("Алматы"), ["Алматы"]);
        assert_eq!(case_forms("Актобе"), ["Актобе"]);
        assert_eq!(case_forms("ВКО"), ["ВКО"]);
        assert_eq!(case_forms("Чэнду"), ["Чэнду"]);
        for (name, wrong) in [
            ("область Абай", "области Абая"),
            ("Республика Казахстан", "Республики Казахстана"),
            ("Банк развития Казахстана", "Банка развития Казахстанаа"),
            (
                "СЭЗ «Химический парк Тараз»",
                "СЭЗ «Химический парка Тараз»",
            ),
        ] {
            assert!(!case_forms(name).contains(&wrong.to_string()), "{wrong}");
        }
    }
}
