//! Pass 3: organisations and zones the gazetteer does not hold, by pattern: a run of
//! capitalised words with a head before or after it (`Ministry of X`, `X University`,
//! `SEZ X`, `X LLP`).

use std::ops::Range;

use super::doc::{Doc, T_CONNECTOR, T_INITIAL};
use super::gazetteer::GazHit;
use super::lexicon::{Head, Lexicon, Template, W_AMP, W_AND, W_COMMA, W_OF, W_S, W_THE};
use super::roles::{has_head, head_at, heads_at, heads_before, is_connector};
use super::EntityKind;

#[derive(Debug, Clone)]
pub(super) enum CandTarget {
    Place(usize),
    Dyn {
        name: String,
        kind: EntityKind,
        part_of: Option<String>,
        company: bool,
    },
}

#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) span: Range<usize>,
    pub(super) toks: Range<usize>,
    pub(super) target: CandTarget,
}

pub(super) fn find_patterns(
    lex: &Lexicon,
    doc: &Doc,
    gaz: &[GazHit],
    in_gaz: &[bool],
    blocked: &[bool],
) -> Vec<Cand> {
    let mut res = Vec::new();
    let mut i = 0;
    while i < doc.toks.len() {
        let run = name_chunk(lex, doc, i, in_gaz, blocked);
        if run.end <= run.start {
            i += 1;
            continue;
        }
        // `Halyk Bank and Kaspi Bank`: after a name is taken from the end of a run, what is
        // left before it may hold another.
        let mut rest = run.clone();
        // `В Павлодарской области ТОО «Арман»`: a legal form before a quoted name, right after
        // a known place, starts a name of its own; the place is the gazetteer's. So it does
        // after the word that opens the run, unless that is a legal form too (`СП ООО «X»`):
        // `Мини-НПЗ ТОО «Жайык»` opens a sentence with what the company runs.
        let is_gaz = |k: usize| in_gaz.get(k).copied().unwrap_or(false);
        let opening_word =
            |k: usize| k == run.start + 1 && doc.s(run.start).chars().any(char::is_lowercase);
        if let Some(k) = (run.start + 1..run.end).find(|&k| {
            (is_gaz(k - 1) || opening_word(k))
                && !is_gaz(k)
                && quoted_legal_form(lex, doc, k).is_some()
        }) {
            rest = k..run.end;
        }
        let found_before = res.len();
        while let Some(c) = org_in_run(lex, doc, rest.clone(), gaz, in_gaz) {
            let next_end = c.toks.start;
            res.push(c);
            let mut e = next_end;
            while e > rest.start && is_connector(doc, e - 1) {
                e -= 1;
            }
            if e <= rest.start || e >= rest.end {
                break;
            }
            rest = rest.start..e;
        }
        // `within KamLitkz`: one word with a capital inside it, after lower-case letters, is
        // a company's name though no head stands beside it.
        if res.len() == found_before
            && run.end == run.start + 1
            && !in_gaz.get(run.start).copied().unwrap_or(false)
            && camel_case(doc.s(run.start))
        {
            res.push(company(doc, run.clone(), doc.s(run.start).to_string()));
        }
        // `Dala Mining, a copper producer in the east, ...`: a name set before an
        // apposition that calls it a company is one, though no head stands beside it; so is
        // one set after it (`The region's largest dairy, Ak Sut in Tyup district, took in`).
        let apposed = || {
            called_a_company(lex, doc, run.end)
                || company_called_before(lex, doc, run.start)
                    && (doc.id(run.end) == W_COMMA || doc.matches_text(run.end, &["in"]))
                || named_after_company_noun(lex, doc, run.start, run.end)
                || owns_a_works(lex, doc, run.end)
        };
        if res.len() == found_before
            && !covered_by_gaz(in_gaz, run.clone())
            && run.end - run.start <= 4
            && !(run.end == run.start + 1 && doc.has(run.start, T_INITIAL))
            && apposed()
        {
            res.push(company(doc, run.clone(), doc.words(run.clone())));
        }
        // `her company Qazyna Tigin`: the run holds the company noun it opens with.
        let named = run.start + 1..run.end;
        if res.len() == found_before
            && named.len() <= 4
            && !covered_by_gaz(in_gaz, named.clone())
            && named_after_company_noun(lex, doc, named.start, named.end)
        {
            res.push(company(doc, named.clone(), doc.words(named)));
        }
        i = run.end;
    }
    res
}

/// A company the gazetteer does not hold, named `name` at tokens `toks`.
fn company(doc: &Doc, toks: Range<usize>, name: String) -> Cand {
    Cand {
        span: doc.span(toks.clone()),
        toks,
        target: CandTarget::Dyn {
            name,
            kind: EntityKind::Organisation,
            part_of: None,
            company: true,
        },
    }
}

/// Whether the name at token `i` follows a company noun that a determiner or possessive
/// opens (`her company Qazyna Tigin`, `the Emirati company Aqua Caspian`), or a possessive
/// or the sentence's opening article and commas on both sides (`their company, Ertis Et,`,
/// `A Chinese company, X,`): the noun calls the name a company, as an apposition after it
/// would.
fn named_after_company_noun(lex: &Lexicon, doc: &Doc, i: usize, end: usize) -> bool {
    let comma = i > 0 && doc.id(i - 1) == W_COMMA;
    // `At his farm, Askar Serikov grows`: an apposition closes with a comma too.
    if comma && doc.id(end) != W_COMMA {
        return false;
    }
    let noun = if comma {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    let Some(noun) = noun.filter(|&k| lex.company_nouns.contains(&doc.id(k)) && !doc.is_cap(k))
    else {
        return false;
    };
    for k in (noun.saturating_sub(4)..noun).rev() {
        if ["her", "his", "their", "its", "our", "my"]
            .iter()
            .any(|w| doc.matches_text_ignoring_case(k, &[w]))
        {
            return true;
        }
        // `Speaking at the plant, Askar Zhumabekov, ...`: before a comma, an article makes
        // the name the noun's only where it opens the sentence (`A Chinese company, X,`).
        if ["the", "a", "an"]
            .iter()
            .any(|w| doc.matches_text_ignoring_case(k, &[w]))
        {
            return !comma || doc.has(k, T_INITIAL);
        }
        if doc.id(k) == W_COMMA || !doc.is_word(k) {
            return false;
        }
    }
    false
}

/// Whether the name ending before token `i` owns the works a company noun names after it
/// (`Abreshim Sughd's silk mill`, `Esil Dairy's plant`): a place's would be in the
/// gazetteer.
fn owns_a_works(lex: &Lexicon, doc: &Doc, i: usize) -> bool {
    if !(matches!(doc.s(i), "'" | "’") && doc.id(i + 1) == W_S) {
        return false;
    }
    (i + 2..(i + 4).min(doc.toks.len())).any(|k| {
        lex.company_nouns.contains(&doc.id(k))
            && !doc.is_cap(k)
            && (i + 2..k).all(|j| doc.is_word(j) && !doc.is_cap(j))
    })
}

/// Whether the name at token `i` follows an apposition that calls it a company: an
/// article or possessive that opens the sentence, a few words, a noun of `company_noun` and
/// a comma (`The region's largest dairy, ...`, `Its new plant, ...`).
fn company_called_before(lex: &Lexicon, doc: &Doc, i: usize) -> bool {
    if i < 3 || doc.id(i - 1) != W_COMMA || !lex.company_nouns.contains(&doc.id(i - 2)) {
        return false;
    }
    let any_of = |k: usize, words: &[&str]| {
        words
            .iter()
            .any(|w| doc.matches_text_ignoring_case(k, &[w]))
    };
    // The apposition opens its sentence (`Speaking at the plant, Askar Zhumabekov, ...` is a
    // person after a phrase of place).
    for k in (i.saturating_sub(8)..i - 2).rev() {
        if any_of(k, &["the", "its", "their"]) {
            return doc.has(k, T_INITIAL);
        }
        if doc.id(k) == W_COMMA
            || any_of(
                k,
                &[
                    ".", ";", ":", "of", "in", "with", "at", "to", "on", "for", "from", "by",
                ],
            )
        {
            return false;
        }
    }
    false
}

/// Whether an apposition at token `i` calls what stands before it a company: a comma, an
/// article, then a noun of `company_noun` within a few words (`, a copper and zinc
/// miner`, `, the country's largest zinc producer`).
fn called_a_company(lex: &Lexicon, doc: &Doc, i: usize) -> bool {
    let any_of = |k: usize, words: &[&str]| words.iter().any(|w| doc.matches_text(k, &[w]));
    if doc.id(i) != W_COMMA || !any_of(i + 1, &["a", "an", "the", "one"]) {
        return false;
    }
    // `Monday, the company said`: `the company` right after the comma refers back.
    let first_noun = if any_of(i + 1, &["the"]) {
        i + 3
    } else {
        i + 2
    };
    for j in i + 2..(i + 10).min(doc.toks.len()) {
        if lex.company_nouns.contains(&doc.id(j)) {
            // The noun ends its phrase (`a copper producer, ...`, `a miner based in ...`),
            // rather than qualifying another (`a company spokesman said`).
            let ends_phrase = j + 1 >= doc.toks.len()
                || doc.id(j + 1) == W_COMMA
                || any_of(
                    j + 1,
                    &[
                        ".",
                        ";",
                        ")",
                        "–",
                        "—",
                        "in",
                        "of",
                        "from",
                        "at",
                        "with",
                        "that",
                        "which",
                        "based",
                        "operating",
                        "owned",
                        "controlled",
                        "held",
                        "run",
                        "behind",
                        "listed",
                    ],
                );
            // `a dairy company from ...`: a noun that qualifies the next one lets it speak.
            if !ends_phrase && lex.company_nouns.contains(&doc.id(j + 1)) {
                continue;
            }
            return j >= first_noun && ends_phrase;
        }
        // `Ak Zhol, a village with a cement plant`: the noun after a preposition is not
        // what the name is.
        if doc.id(j) == W_COMMA
            || any_of(
                j,
                &[
                    ".", ";", ":", "(", ")", "–", "—", "with", "of", "in", "near", "for", "where",
                ],
            )
        {
            return false;
        }
    }
    false
}

/// Whether a word is written in camel case (`KamLitkz`, `KazMunayGas`): a capital, then
/// lower-case letters, then a capital again. All letters, at least five of them.
fn camel_case(w: &str) -> bool {
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let letters = w.chars().all(char::is_alphabetic) && w.chars().count() >= 5;
    let inner_capital = w
        .chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    first_upper && letters && inner_capital
}

/// A run of capitalised words, quoted names and connectors, with lower-case heads around
/// it (`industrial zone “Ontustik”`, `Eurasian Energy facility`).
pub(super) fn name_chunk(
    lex: &Lexicon,
    doc: &Doc,
    i: usize,
    in_gaz: &[bool],
    blocked: &[bool],
) -> Range<usize> {
    let n = doc.toks.len();
    let usable = |j: usize| !blocked.get(j).copied().unwrap_or(true);
    // `a 50 MW solar plant`: a unit after a number names no plant.
    let unit_after_number = |j: usize| {
        j > 0
            && doc.s(j - 1).starts_with(|c: char| c.is_ascii_digit())
            && crate::lexicon::LEXICONS.units.single(doc.id(j)).is_some()
    };
    // `Bursa-based`, `Abu Dhabi-based`: a word whose hyphened tail is lower case describes
    // the name after it and is no part of it.
    let describes = |j: usize| {
        doc.s(j)
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_lowercase()))
    };
    let starts_name = |j: usize| {
        usable(j)
            && (doc.is_cap(j) || in_gaz.get(j).copied().unwrap_or(false))
            && !unit_after_number(j)
            && !describes(j)
    };
    let mut start = i;
    // A quoted name: `“Kazakhtelecom” JSC`.
    // A quoted name is short, starts with a capital that is not `The`, and holds only words.
    let quoted_at = |j: usize| -> Option<usize> {
        if !doc.is_quote(j) || !doc.is_cap(j + 1) || doc.is_stop(j + 1) {
            return None;
        }
        let close = (j + 2..(j + 7).min(n)).find(|&q| doc.is_quote(q))?;
        (j + 1..close)
            .all(|t| doc.is_word(t) || matches!(doc.s(t), "&" | "-" | "."))
            .then_some(close)
    };
    if !starts_name(start) && quoted_at(start).is_none() {
        return i..i;
    }
    let mut end = start;
    while end < n && usable(end) {
        // A quote may stand glued to the words it encloses, but a name never runs on past a
        // line break (`«Сарыарка»` closing a title, the dateline below it).
        let line_break =
            end > start && doc.text[doc.toks[end - 1].end..doc.toks[end].start].contains('\n');
        if end > start && ((!doc.spaced(end - 1) && !doc.is_quote(end - 1)) || line_break) {
            break;
        }
        if let Some(q) = quoted_at(end) {
            end = q + 1;
            continue;
        }
        if starts_name(end) {
            end += 1;
            continue;
        }
        if is_connector(doc, end)
            && end > start
            && (starts_name(end + 1) || (doc.id(end + 1) == W_THE && starts_name(end + 2)))
        {
            end += 1;
            continue;
        }
        break;
    }
    // Leading `The`, `In` and the like are not part of a name; nor is a sentence's first
    // word before `of` (`Residents of SEZ Ontustik`), unless it heads a name (`Ministry of`).
    loop {
        if start < end && (doc.is_stop(start) || doc.id(start) == W_THE) {
            start += 1;
        } else if start + 1 < end
            && doc.has(start, T_INITIAL)
            && doc.has(start + 1, T_CONNECTOR)
            && !head_at(lex, doc, start, true).is_some_and(|h| h.exact)
            && !in_gaz.get(start).copied().unwrap_or(false)
        {
            start += 2;
        } else {
            break;
        }
    }
    if start >= end {
        return i..(i + 1).max(end);
    }
    // Lower-case heads in front: `industrial zone “Ontustik”`, `special economic zone X`.
    let mut head_start = start;
    if start > 0 && doc.spaced(start - 1) {
        if let Some(h) = heads_before(lex, doc, start).find(|h| !h.exact && h.prefix) {
            head_start = start - h.words.len();
        }
    }
    // Lower-case heads behind: `X company`, `X special economic zone`.
    let mut head_end = end;
    if doc.spaced(end.saturating_sub(1)) {
        if let Some(h) = heads_at(lex, doc, end).find(|h| !h.exact && !h.prefix) {
            head_end = end + h.words.len();
        } else if product_modifier(doc, end) && doc.spaced(end) {
            // `Asma Industrial battery factory`: what a company makes may stand between its
            // name and its head.
            if let Some(h) =
                heads_at(lex, doc, end + 1).find(|h| !h.exact && !h.prefix && h.company)
            {
                head_end = end + 1 + h.words.len();
            }
        }
    }
    head_start.min(start)..head_end.max(end)
}

/// Whether token `i` may say what a company makes, between its name and its head (`battery`
/// in `Asma Industrial battery factory`, `cement` in `X cement plant`): a lower-case noun,
/// not a function word, a verb form (`visited`, `opening`) or a plural.
fn product_modifier(doc: &Doc, i: usize) -> bool {
    let w = doc.s(i);
    doc.is_word(i)
        && !doc.is_cap(i)
        && !doc.is_stop(i)
        && !crate::quantities::FUNCTION_WORDS.contains(w)
        && w.len() > 2
        && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && (!w.ends_with('s') || w.ends_with("ss"))
}

pub(super) fn org_in_run(
    lex: &Lexicon,
    doc: &Doc,
    run: Range<usize>,
    gaz: &[GazHit],
    in_gaz: &[bool],
) -> Option<Cand> {
    // Trim leading stop words again (the chunk may start with a lower-case head).
    let mut a = run.start;
    let b = run.end;
    let lower_prefix = heads_at(lex, doc, a).find(|h| !h.exact && h.prefix);
    if let Some(h) = lower_prefix {
        // A head that fills the run (`Индустриальная` alone, its head read on past the
        // run) leaves no name.
        let mut x = (a + h.words.len()).min(b)..b;
        // Only a quoted name or a name that is not merely a known place.
        let quoted = doc.is_quote(x.start);
        // `в селе Бесагаш Талгарского района`: a village's unquoted name ends where the
        // district or region it lies in begins (a company's may hold a place's name:
        // `завод Евро Алматы Цемент`).
        if !quoted && h.kind == EntityKind::Town && !in_gaz.get(x.start).copied().unwrap_or(true) {
            let holder_at = |t: usize| {
                let from = gaz.partition_point(|g| g.toks.start < t);
                gaz.get(from).is_some_and(|g| {
                    g.toks.start == t
                        && g.places.iter().any(|&p| {
                            matches!(
                                lex.places[p].kind,
                                EntityKind::District | EntityKind::Region
                            )
                        })
                })
            };
            x.end = (x.start..x.end).find(|&t| holder_at(t)).unwrap_or(x.end);
        }
        let b = x.end.max(a + h.words.len()).min(b);
        // `industrial zone Adil Amralin` names a person after the zone, not the zone.
        let person_like = !quoted
            && (2..=3).contains(&(x.end - x.start))
            && doc.lower_ends_with(x.end - 1, &lex.surname_endings);
        // `завода ТОО «Актобе Стил Коутинг»`: a legal form after the head opens the name as
        // the company writes it; the head only says what it runs.
        let legal_form = head_at(lex, doc, x.start, true).is_some_and(|h| h.exact && h.prefix);
        // A head as general as `компания` or `корпорация` names a quoted name only:
        // `директор компании Ерлан Сапаров` is a person, and `компанией Shandong Huaxin`
        // is found as its own words are. A plant's or a bank's head names its unquoted
        // name too (`завода Кокше Цемент`).
        let wants_quotes = matches!(
            h.template,
            Template::Around("компания «" | "авиакомпания «" | "корпорация «", "»")
        );
        if x.end > x.start
            && !legal_form
            && (quoted || !wants_quotes)
            && (quoted || !covered_by_gaz(in_gaz, x.clone()))
            && !person_like
            // A capitalised head is a name's own word (`Industrial Zone Ontustik`), unless
            // it only opens the sentence before a quoted name (`Индустриальная зона «X»`).
            && (!doc.is_cap(a) || quoted && doc.has(a, T_INITIAL))
        {
            return make_cand(lex, doc, h, a..b, x, gaz);
        }
        a = x.start;
    }
    let lower_suffix = heads_before(lex, doc, b).find(|h| {
        // A head that is part of a known name (`Esil district`) is not a head here.
        !h.exact && !h.prefix && !in_gaz.get(b - h.words.len()).copied().unwrap_or(false)
    });
    let mut core_end = b;
    if let Some(h) = lower_suffix {
        let mut x_end = b - h.words.len();
        // `Asma Industrial battery factory`: the name is the capitalised words.
        if h.company && x_end > a + 1 && product_modifier(doc, x_end - 1) {
            x_end -= 1;
        }
        core_end = x_end;
        // Capitalised heads inside take precedence (`Kazakh Invest National Company`).
        if !has_head(lex, doc, a..x_end) {
            let x = a..x_end;
            // `Kazakh company`, `Pavlodar plant` are places, but `Pavlodar special economic
            // zone` and `Shymkent city akimat` are names.
            let only_places =
                matches!(h.template, Template::X) && covered_by_gaz(in_gaz, x.clone());
            // `Foreign companies invested`: one capitalised word at the start of a sentence
            // before a common noun is not a name.
            let common = matches!(h.template, Template::X)
                && x.end == x.start + 1
                && doc.has_or(x.start, T_INITIAL, true);
            if x.end > x.start && !only_places && !common && x.end - x.start <= 6 {
                // `Eurasian Energy facility`: the mention is the name itself, not the noun
                // after it; `Tarbagatay special economic zone` is all one name.
                let whole = if matches!(h.template, Template::X) {
                    x.clone()
                } else {
                    a..b
                };
                return make_cand(lex, doc, h, whole, x, gaz);
            }
            return None;
        }
    }
    let run = a..core_end;
    if run.end <= run.start {
        return None;
    }
    // `СП ООО «Bukhara Textile Cluster»`: a legal form before a quoted name names the
    // company as it writes itself, whatever heads the quoted words hold (`Textile`).
    let mut first = run.start;
    while first < run.end && doc.is_stop(first) {
        first += 1;
    }
    if let Some(h) = quoted_legal_form(lex, doc, first) {
        let x = first + h.words.len()..run.end;
        if x.end > x.start {
            return make_cand(lex, doc, h, first..run.end, x, gaz);
        }
    }
    // The last suffix head with at least one word before it.
    let mut best: Option<(usize, &Head)> = None;
    for j in run.clone() {
        if let Some(h) = head_at(lex, doc, j, false).filter(|h| h.exact) {
            let after_connector = j.checked_sub(1).is_some_and(|p| doc.has(p, T_CONNECTOR));
            if !h.prefix && j > run.start && j + h.words.len() <= run.end && !after_connector {
                best = Some((j, h));
            }
        }
    }
    if let Some((j, h)) = best {
        let mut head_end = j + h.words.len();
        // `Zhambyl Cement Invest`, `Samarkand Glass Industry`: words that close a company's
        // name after its trade head belong to it.
        while h.company && head_end < run.end && lex.company_tails.contains(&doc.id(head_end)) {
            head_end += 1;
        }
        // `National Bank of Uzbekistan`: an `of X` after the head belongs to the name.
        let end = if doc.id(head_end) == W_OF && run.end > head_end + 1 {
            run.end
        } else {
            head_end
        };
        let mut start = run.start;
        while start < j && doc.is_stop(start) {
            start += 1;
        }
        // `Samruk-Kazyna and Baiterek Holding`, `Halyk Bank and Kaspi Bank`: a known name, or
        // one with its own head, before `and` is a name of its own.
        let first = start;
        for k in first..j {
            if !matches!(doc.id(k), W_AND | W_AMP) || k == start {
                continue;
            }
            // Past the words that close a name (`Nurata Glass Industry and ...`).
            let mut name_end = k;
            while name_end > start && lex.company_tails.contains(&doc.id(name_end - 1)) {
                name_end -= 1;
            }
            let own_head = heads_before(lex, doc, name_end).any(|h| !h.prefix && h.exact);
            if own_head || covered_by_gaz(in_gaz, start..k) {
                start = k + 1;
            }
        }
        return make_cand(lex, doc, h, start..end, start..j, gaz);
    }
    if let Some(h) = head_at(lex, doc, run.start, true).filter(|h| h.exact) {
        let x = run.start + h.words.len()..run.end;
        let x = if doc.id(x.start) == W_OF {
            x.start + 1..x.end
        } else {
            x
        };
        let x = if doc.id(x.start) == W_THE {
            x.start + 1..x.end
        } else {
            x
        };
        if x.end > x.start {
            return make_cand(lex, doc, h, run.clone(), x, gaz);
        }
    }
    None
}

/// A legal form at token `k` right before an opening quote (`ТОО «`, `СП ООО «`).
fn quoted_legal_form<'l>(lex: &'l Lexicon, doc: &'l Doc, k: usize) -> Option<&'l Head> {
    heads_at(lex, doc, k)
        .filter(|h| h.exact && h.prefix)
        .find(|h| doc.is_quote(k + h.words.len()))
}

/// Whether every token of the range is inside a gazetteer name (`in_gaz`).
pub(super) fn covered_by_gaz(in_gaz: &[bool], toks: Range<usize>) -> bool {
    toks.clone()
        .all(|t| in_gaz.get(t).copied().unwrap_or(false))
}

/// The gazetteer hits inside a token range, in order (`gaz` is sorted by start).
pub(super) fn gaz_within<'g>(
    gaz: &'g [GazHit],
    toks: &Range<usize>,
) -> impl Iterator<Item = &'g GazHit> {
    let (start, end) = (toks.start, toks.end);
    let from = gaz.partition_point(|h| h.toks.start < start);
    gaz.get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |h| h.toks.start <= end)
        .filter(move |h| h.toks.end <= end)
}

pub(super) fn make_cand(
    lex: &Lexicon,
    doc: &Doc,
    head: &Head,
    whole: Range<usize>,
    x: Range<usize>,
    gaz: &[GazHit],
) -> Option<Cand> {
    // An opening quote whose closing one lies outside the name is not part of it.
    let mut whole = whole;
    let n_quotes = whole.clone().filter(|&t| doc.is_quote(t)).count();
    if n_quotes % 2 == 1 && doc.is_quote(whole.start) {
        whole.start += 1;
    }
    let x_text = doc.words(x.clone());
    if x_text.is_empty() || x_text.chars().all(|c| !c.is_alphabetic()) {
        return None;
    }
    // A name must have a word of its own (`Strategy`, `The` alone are not names).
    if x.clone().all(|t| doc.is_stop(t) || !doc.is_word(t)) {
        return None;
    }
    let places_in: Vec<usize> = gaz_within(gaz, &whole)
        .filter_map(|h| h.places.first().copied())
        .collect();
    let place_in_x = gaz_within(gaz, &x)
        .filter_map(|h| h.places.first().copied())
        .find(|&p| lex.places[p].kind.is_place());
    let part_of = places_in
        .iter()
        .copied()
        .find(|&p| lex.places[p].kind.is_place())
        .map(|p| {
            let place = &lex.places[p];
            // `Talgar district` is named after its centre, the town of Talgar, and lies
            // beside it, in the town's region.
            if head.kind.is_place() && place.kind != EntityKind::Country {
                place.part_of.unwrap_or(place.name).to_string()
            } else {
                place.name.to_string()
            }
        });
    let run_text = doc.words(whole.clone());
    let (name, part_of) = match head.template {
        Template::Run => {
            // `Qarmet JSC`: a company the gazetteer holds keeps the gazetteer's name.
            let known = gaz_within(gaz, &x)
                .find(|h| h.toks == x)
                .and_then(|h| h.places.first().copied())
                .filter(|&p| lex.places[p].kind == EntityKind::Organisation);
            match known {
                Some(p) => (lex.places[p].name.to_string(), part_of),
                None => (run_text, part_of),
            }
        }
        Template::X => (x_text, part_of),
        Template::Around(before, after) => {
            // `фонда «Самрук-Казына»`: a quoted organisation the gazetteer holds is that entry;
            // so is one quoted inside the quotes after its own legal form (`АО «НК «Қазақстан
            // темір жолы»»`).
            let inner = x
                .clone()
                .rev()
                .find(|&t| t > x.start && t + 1 < x.end && doc.is_quote(t) && !doc.is_quote(t + 1))
                .map_or(x.clone(), |q| q + 1..x.end);
            let known = gaz_within(gaz, &x)
                .find(|h| {
                    [&x, &inner].into_iter().any(|part| {
                        let mut words = part.clone().filter(|&t| !doc.is_quote(t)).peekable();
                        words.peek().is_some() && words.all(|t| h.toks.contains(&t))
                    })
                })
                .and_then(|h| h.places.first().copied())
                .filter(|&p| lex.places[p].kind == EntityKind::Organisation);
            match known {
                Some(p) => (lex.places[p].name.to_string(), part_of),
                None => (format!("{before}{x_text}{after}"), part_of),
            }
        }
        Template::Place(before, after, fallback) => {
            let place = place_in_x.map(|p| lex.places[p].name.to_string());
            match (place, fallback) {
                (Some(p), _) => (format!("{before}{p}{after}"), Some(p)),
                (None, Some((b, a))) => (format!("{b}{x_text}{a}"), part_of),
                (None, None) => (format!("{before}{x_text}{after}"), part_of),
            }
        }
        Template::RunCountry => {
            strip_country(lex, doc, whole.clone(), gaz).unwrap_or((run_text, part_of))
        }
    };
    // A name the gazetteer knows is that entry.
    let target = match lex.lookup_index(&name) {
        Some(idx) => CandTarget::Place(idx),
        None => CandTarget::Dyn {
            name,
            kind: head.kind,
            part_of,
            company: head.company,
        },
    };
    Some(Cand {
        span: doc.span(whole.clone()),
        toks: whole,
        target,
    })
}

/// `Ministry of Energy of the Republic of Kazakhstan` -> `Ministry of Energy`, part of
/// Kazakhstan.
pub(super) fn strip_country(
    lex: &Lexicon,
    doc: &Doc,
    whole: Range<usize>,
    gaz: &[GazHit],
) -> Option<(String, Option<String>)> {
    let last = gaz
        .iter()
        .rev()
        .find(|h| h.toks.end == whole.end && h.toks.start > whole.start)?;
    let &place = last.places.first()?;
    if lex.places[place].kind != EntityKind::Country {
        return None;
    }
    let mut cut = last.toks.start;
    if cut > whole.start && doc.id(cut - 1) == W_THE {
        cut -= 1;
    }
    if cut > whole.start && doc.id(cut - 1) == W_OF {
        cut -= 1;
    } else {
        return None;
    }
    if cut <= whole.start + 1 {
        return None;
    }
    Some((
        doc.words(whole.start..cut),
        Some(lex.places[place].name.to_string()),
    ))
}
