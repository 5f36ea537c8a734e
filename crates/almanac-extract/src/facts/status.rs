//! Whether a figure is achieved (`actual`) or announced (`planned`).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::sentence::{word, Sentence};
use crate::fact::{Metric, Status};
use crate::quantities::{Quantity, QuantityKind};
use crate::tokens::{word_is, TokKind};

/// What the figure's time and place in the document say of its status.
#[derive(Debug, Clone, Copy)]
pub(super) struct When {
    /// A deadline of the figure's clause is not yet past.
    pub deadline_pending: bool,
    /// Its period starts after the document date.
    pub future: bool,
    /// It stands in the title.
    pub in_title: bool,
    /// `planned_by_cue`, which the period's rules read first: asked once a figure.
    pub cued: bool,
}

/// Planned when a deadline of the figure's clause is not yet past, when its period starts
/// after the document date, when a cue of the future governs it, when it belongs to a pool
/// of projects presented or drawn up, or when it is what work under way is to bring (jobs,
/// people employed, capacity); else actual.
pub(super) fn status_of(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
    metric: Metric,
    when: When,
) -> Status {
    // `fulfilling its annual plan by 106%`, `46% of the annual plan`, `62% of the expected
    // harvest`: how much of a plan was met is achieved, though the sentence names the plan.
    if !when.deadline_pending && !when.future && share_of_plan(text, s, q, fig_tok) {
        return Status::Actual;
    }
    // `should reach 40 percent, against 31 percent today`: a figure said to stand now.
    if !when.future
        && word_beside(text, q, Side::After).is_some_and(|w| NOW_AFTER.contains(&w.as_str()))
    {
        return Status::Actual;
    }
    let before = word_beside(text, q, Side::Before);
    let before = before.as_deref().unwrap_or("");
    // `from the current 56% to 45% by 2029`, `с нынешних 56%`: said to stand now, whatever
    // deadline the plan around it has.
    if NOW_BEFORE.contains(&before) {
        return Status::Actual;
    }
    // `из 28 запланированных сёл`, `against 5,100 planned for the period`, `вместо 240 км`:
    // a plan's participle the figure takes (`plan_participle_of`), or `instead of` before
    // it, makes the figure the plan, whatever it is set against.
    if plan_participle_of(text, s, fig_tok).is_some() || instead_of_before(text, q) {
        return Status::Planned;
    }
    // `will make up 71% of revenues, against 64% in 2019`, `a target of $29 billion,
    // against $24.1 billion in 2024`: what a plan is set against is where things stand.
    if !when.future && !when.deadline_pending && AGAINST.contains(&before) {
        return Status::Actual;
    }
    // `вместо обещанных 500`: what was promised is a plan, whatever became of it; the
    // participle is the figure's own, it reaches no other figure of the sentence.
    // The participle stands right before the figure: after a comma (`Of the 30 schools the
    // plan promised, 19 have been built`) it ends the phrase before.
    if promised_right_before(text, q)
        || plan_set_against(text, q)
        || names_the_plan(text, q)
        || promised_after(text, q)
    {
        return Status::Planned;
    }
    // `вместо запланированных 1500 мест создано 1120`: a figure right after a past verb of
    // its own was done, whatever plan the sentence named before it.
    if !when.future
        && !when.deadline_pending
        && done_right_before(text, s, fig_tok)
        && !pooled(text, s, q, fig_tok)
    {
        return Status::Actual;
    }
    let planned = when.deadline_pending
        || when.future
        || when.cued
        || projects_a_breakdown_measures(text, s, q, fig_tok)
        || money_its_spending_is_measured_against(text, s, q, fig_tok)
        || when.in_title && headline_future(text, s)
        || pooled(text, s, q, fig_tok)
        || agreed(text, s, q, fig_tok)
        || approved_plan(text, s, q, fig_tok)
        || promised_by_work_under_way(s, metric);
    if planned {
        Status::Planned
    } else {
        Status::Actual
    }
}

/// Past verbs of a plan carried out (`promised 12 schools and opened 14`).
const DONE: &[&str] = &[
    "opened",
    "built",
    "launched",
    "created",
    "completed",
    "commissioned",
    "delivered",
    "connected",
    "repaired",
    "reached",
    "achieved",
    "planted",
    "hired",
];

/// Whether the word right before a Russian figure is a verb of a thing done (`создано`,
/// `введены`, `добыла`), not a cue of a plan or a promise (`запланировано`, `обещали`), nor
/// one an auxiliary earlier in its clause puts in the future (`будут построены и
/// реконструированы`, `будет запущено 25 проектов и создано`).
fn done_right_before(text: &str, s: &Sentence<'_>, fig_tok: usize) -> bool {
    let Some(verb) = fig_tok.checked_sub(1) else {
        return false;
    };
    let done = word(text, s, verb).is_some_and(|w| {
        !w.is_ascii() && crate::ru::tense::is_done(&crate::tokens::plain_lower(&w))
    });
    if !done || s.status_cues.binary_search(&verb).is_ok() {
        return false;
    }
    let clause = s.clause_toks(s.clause_of(s.toks[verb].start));
    !(clause.start..verb).any(|k| {
        word_is(
            text,
            s.toks,
            k,
            &[
                "будет",
                "будут",
                "быть",
                "должно",
                "должны",
                "должен",
                "должна",
            ],
        )
    })
}

/// The stems of what became of projects: done or under way.
pub(super) const COMPLETION_STEMS: &[&str] = &[
    "commissioned",
    "commissioning",
    "launch",
    "complet",
    "finish",
    "opened",
    "started",
    "implemented",
    "built",
    "done",
    "введен",
    "введён",
    "запущ",
    "заверш",
    "реализован",
    "построен",
    "сдан",
    "открыт",
    "строительств",
];

/// `Of the 212 projects in the programme, 97 have been completed`, `9 of 23 projects
/// commissioned`, `Из 312 проектов запущены 254`: the projects whose parts a sentence
/// tells done or not are the pool it measures, a plan (FACTS.md, "Status"). The whole
/// follows `of` or `из` that opens the sentence or follows its part (`9 of`), and the
/// sentence says what became of the parts.
fn projects_a_breakdown_measures(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
) -> bool {
    if q.unit.as_deref() != Some("project") || fig_tok == 0 {
        return false;
    }
    let mut of = fig_tok - 1;
    if of > 0 && word_is(text, s.toks, of, &["the"]) {
        of -= 1;
    }
    if !word_is(text, s.toks, of, &["of", "из"]) {
        return false;
    }
    let after_part = of.checked_sub(1).is_none_or(|k| {
        s.toks[k].kind == TokKind::Num
            || word(text, s, k).is_some_and(|w| {
                crate::lexicon::LEXICONS
                    .number_words
                    .contains_key(w.as_ref())
            })
    });
    let end_tok = s.tok_at(q.span[1]);
    // `Of the 30 projects completed in 2023, 25 ...`, `Of the 18 projects inspected`: a
    // participle right after the whole that opens the sentence says what the whole is.
    let whole_described = of == 0
        && word(text, s, end_tok).is_some_and(|w| {
            w.ends_with("ed") || crate::ru::tense::is_done(&crate::tokens::plain_lower(&w))
        });
    after_part
        && !whole_described
        && s.has_word_starting(text, end_tok..s.toks.len(), COMPLETION_STEMS)
}

/// `Of the 86 billion tenge allocated for the programme, 51 billion was spent`, `Из
/// выделенных 12 млрд тенге освоено 9,4 млрд`: the money allocated, whose spending the
/// sentence goes on to tell, is the plan that spending is measured against, as `при плане`
/// is.
pub(super) fn money_its_spending_is_measured_against(
    text: &str,
    s: &Sentence<'_>,
    q: &Quantity,
    fig_tok: usize,
) -> bool {
    if q.kind != QuantityKind::Money || fig_tok < 2 {
        return false;
    }
    let end_tok = s.tok_at(q.span[1]);
    let allocated_after = word_is(text, s.toks, fig_tok - 2, &["of"])
        && word_is(text, s.toks, fig_tok - 1, &["the"])
        && word_is(
            text,
            s.toks,
            end_tok,
            &[
                "allocated",
                "earmarked",
                "budgeted",
                "envisaged",
                "provided",
            ],
        );
    let allocated_before = word_is(text, s.toks, fig_tok - 2, &["из"])
        && word_is(text, s.toks, fig_tok - 1, &["выделенных", "направленных"]);
    (allocated_after || allocated_before)
        && s.has_word_starting(
            text,
            end_tok..s.toks.len(),
            &[
                "spent",
                "disbursed",
                "used",
                "utilised",
                "utilized",
                "mastered",
                "освоен",
                "израсходован",
                "использован",
                "профинансирован",
            ],
        )
}

/// Words of now after a figure (`31 percent today`, `300 people now`, `12% сейчас`).
const NOW_AFTER: &[&str] = &["today", "now", "currently", "сейчас", "сегодня"];

/// Words of now before a figure (`the current 56%`, `с нынешних 56%`).
const NOW_BEFORE: &[&str] = &[
    "current",
    "нынешних",
    "нынешнего",
    "нынешней",
    "нынешние",
    "текущих",
    "текущего",
];

/// Participles of a plan that a figure takes between its number and its noun or right
/// after it (`28 запланированных сёл`, `5,100 planned`).
const PLAN_PARTICIPLES: &[&str] = &[
    "planned",
    "promised",
    "запланированных",
    "запланированные",
    "запланированного",
    "запланированной",
    "обещанных",
    "обещанные",
    "намеченных",
    "намеченные",
    "планируемых",
    "планируемые",
];

/// The token of a plan's participle a figure starting at token `fig_tok` takes: right
/// after it, set against another figure (`against 5,100 planned`), or between its number
/// and its noun in a pool the sentence counts from (`Of the 30 planned villages`, `из 28
/// запланированных сёл`). That figure's own, reaching no other figure of the sentence. Not
/// a share of the plan (`95% запланированных работ`), nor planned things done (`all 12
/// planned schools were completed`), nor the verb (`12 investors promised to build`).
pub(super) fn plan_participle_of(text: &str, s: &Sentence<'_>, fig_tok: usize) -> Option<usize> {
    let own = s.figure_toks.iter().find(|r| r.start == fig_tok)?;
    let percent = s
        .toks
        .get(own.start + 1)
        .is_some_and(|t| t.text(text) == "%");
    let before = fig_tok.checked_sub(1)?;
    if percent {
        return None;
    }
    let pool = word_is(text, s.toks, before, &["the", "из", "of"]);
    let inside = pool
        .then(|| (own.start + 1..own.end).find(|&i| word_is(text, s.toks, i, PLAN_PARTICIPLES)))
        .flatten();
    let after = Some(own.end).filter(|&i| {
        (pool || word_is(text, s.toks, before, AGAINST))
            && word_is(text, s.toks, i, PLAN_PARTICIPLES)
    });
    inside.or(after)
}

/// `вместо 240 км`, `instead of 240 km`: what a figure was instead of is the plan. Not a
/// rate set against an earlier one (`9.1% instead of 12.4% in 2022`, `вместо 12,4% годом
/// ранее`).
fn instead_of_before(text: &str, q: &Quantity) -> bool {
    if q.kind == QuantityKind::Percent {
        return false;
    }
    let before = text[..q.span[0]].trim_end();
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(16))..];
    let lower = crate::tokens::lower(before);
    ["вместо", "instead of"].iter().any(|p| {
        lower.ends_with(p) && !lower[..lower.len() - p.len()].ends_with(char::is_alphanumeric)
    })
}

/// Words of a promise or a plan right before a figure (`вместо обещанных 500`, `при плане
/// 5,4 млрд`).
const PROMISED_BEFORE: &[&str] = &[
    "обещанных",
    "обещанные",
    "запланированных",
    "запланированные",
    "плане",
    // `не дотянула до целевых 20%`, `only 38 of the planned 60 parks`
    "целевых",
    "целевые",
    "целевого",
    "planned",
    "promised",
];

/// `вместо обещанных 500`, `only 38 of the planned 60 parks`: a word of a promise or a plan
/// stands right before the figure. After a comma (`Of the 30 schools the plan promised, 19
/// have been built`) it ends the phrase before.
pub(super) fn promised_right_before(text: &str, q: &Quantity) -> bool {
    text[..q.span[0]].trim_end().ends_with(char::is_alphabetic)
        && crate::tokens::word_before(text, q.span[0])
            .is_some_and(|w| PROMISED_BEFORE.contains(&w.as_str()))
}

/// `Of the 6 hospitals with 720 beds that were due to open in 2018, two are ready`, `Из 6
/// больниц на 720 коек, которые должны были открыться`: what a relative clause right after
/// the figure says was due is a promise, whatever became of it.
fn promised_after(text: &str, q: &Quantity) -> bool {
    let rest = super::sentence::text_after(text, q, 90);
    // The clause after a figure is in small letters: one pass of an automaton over the text
    // as written, asked of every figure.
    static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(PROMISED_RELATIVE).expect("PROMISED_RELATIVE makes an automaton")
    });
    PHRASES
        .find(rest)
        .is_some_and(|m| rest[..m.start()].bytes().filter(|&b| b == b',').count() <= 1)
}

/// `5,7 млрд при плане 5,4 млрд`, `5.7 billion against a plan of 5.4 billion`: the plan a
/// figure is set against, of the same period.
pub(super) fn plan_set_against(text: &str, q: &Quantity) -> bool {
    let before = &text[text.floor_char_boundary(q.span[0].saturating_sub(48))..q.span[0]];
    let before = crate::tokens::lower(before.trim_end());
    PLAN_AGAINST.iter().any(|p| before.ends_with(p))
}

/// `Годовой план в 15,8 млн кв. м выполнен на 79,7%`, `the annual plan of 15.8 million sq m`:
/// the amount a plan is of, right after its noun, money or a measure. Not a multiple
/// (`перевыполнил план в 1,5 раза` says how much was done), nor a count of where it was met
/// (`выполнили план в 7 районах`).
fn names_the_plan(text: &str, q: &Quantity) -> bool {
    if !matches!(q.kind, QuantityKind::Money | QuantityKind::Measure) {
        return false;
    }
    let before = &text[text.floor_char_boundary(q.span[0].saturating_sub(24))..q.span[0]];
    let before = crate::tokens::lower(before.trim_end());
    ["план в", "plan of", "target of"].iter().any(|p| {
        before.ends_with(p) && !before[..before.len() - p.len()].ends_with(char::is_alphanumeric)
    })
}

/// The phrases of `plan_set_against`.
const PLAN_AGAINST: &[&str] = &[
    "при плане",
    "при цели",
    "при плановом росте в",
    "при плановом росте на",
    "against a plan of",
    "against the plan of",
    "against a target of",
    "against the planned",
];

/// The relative clauses of `promised_after`.
const PROMISED_RELATIVE: &[&str] = &[
    "that were due to",
    "that was due to",
    "which were due to",
    "which was due to",
    "that were supposed to",
    "which were supposed to",
    "которые должны были",
    "который должен был",
    "которая должна была",
    "которое должно было",
];

/// Words that set a figure against another (`against 64%`, `versus`, `против 64%`).
pub(super) const AGAINST: &[&str] = &["against", "versus", "vs", "против"];

/// `against 251,000 tonnes`, `против 13,4 центнера`: the figure is set against another.
pub(super) fn set_against(text: &str, q: &Quantity) -> bool {
    crate::tokens::word_before(text, q.span[0]).is_some_and(|w| AGAINST.contains(&w.as_str()))
}

#[derive(Clone, Copy)]
enum Side {
    Before,
    After,
}

/// The word right before or after the figure, in lower case, without the marks around it.
fn word_beside(text: &str, q: &Quantity, side: Side) -> Option<String> {
    match side {
        Side::Before => crate::tokens::word_before(text, q.span[0]),
        Side::After => text[q.span[1]..].split_whitespace().next().map(|w| {
            crate::tokens::lower(w.trim_matches(|c: char| !c.is_alphanumeric())).into_owned()
        }),
    }
}

/// A percent that says how much of a plan was met: a plan fulfilled by it, or the words
/// after it naming the plan it is a part of (`of the annual plan`, `от годового плана`).
fn share_of_plan(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    if q.kind != crate::quantities::QuantityKind::Percent {
        return false;
    }
    let after: Vec<String> = text[q.span[1]..]
        .split_whitespace()
        .take(4)
        .map(|w| crate::tokens::lower(w.trim_matches(|c: char| !c.is_alphanumeric())).into_owned())
        .collect();
    let names_plan = after.first().is_some_and(|w| w == "of" || w == "от")
        && after[1..].iter().any(|w| {
            w.starts_with("plan")
                || w.starts_with("план")
                || matches!(w.as_str(), "target" | "expected" | "projected" | "forecast")
        });
    names_plan || super::measure::fulfils_a_plan(text, s, q, fig_tok)
}

/// `Kostanay region to carry out 5 projects`, `Semey to commission 140 buildings`: a
/// headline's `to` before a verb is its future tense.
fn headline_future(text: &str, s: &Sentence<'_>) -> bool {
    s.toks.windows(2).any(|w| {
        w[0].is_word_in(text, &["to"])
            && w[1].kind == TokKind::Word
            && w[1]
                .text(text)
                .starts_with(|c: char| c.is_ascii_lowercase())
            && !w[1].is_word_in(text, &["the", "a", "an", "this", "these", "its", "their"])
    })
}

/// `111 projects worth $1.2 billion were presented`, `a portfolio of 190 projects has been
/// formed`: a pool verb earlier in the sentence or later in the figure's clause.
/// A founding told in a clause of `since` (`Since the region was formed in 2022, ...`) is
/// no pool.
fn pooled(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    let clause = s.clause_of(q.span[0]);
    // `Доля проблемных кредитов в портфеле снизилась`: a portfolio of loans is a bank's
    // book, no pool of projects to come.
    let of_loans = || {
        s.toks.iter().any(|t| {
            let w = crate::tokens::lower(t.text(text));
            w.starts_with("кредит") || w.starts_with("loan")
        })
    };
    s.pool_cues.iter().any(|&c| {
        let portfolio = {
            let w = crate::tokens::lower(s.toks[c].text(text));
            w.starts_with("портфел") || w.starts_with("portfolio")
        };
        if portfolio && of_loans() {
            return false;
        }
        let cue_clause = s.clause_of(s.toks[c].start);
        let since = s
            .toks
            .get(s.clause_toks(cue_clause).start)
            .is_some_and(|t| t.is_word_in(text, &["since"]));
        !since && (c < fig_tok || cue_clause == clause)
    })
}

/// `signed agreements worth $1.1 billion`, `a CNY 300 million agreement`: the amount of an
/// agreement is a promise, whatever the tense it was signed in.
pub(super) fn agreed(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    const DEALS: &[&str] = &[
        "agreement",
        "agreements",
        "memorandum",
        "memoranda",
        "memorandums",
        "contract",
        "contracts",
        "deal",
        "deals",
    ];
    let end_tok = s.tok_at(q.span[1]);
    let worth_before = fig_tok >= 2
        && word_is(
            text,
            s.toks,
            fig_tok - 1,
            &["worth", "totaling", "totalling", "for", "of"],
        )
        && word_is(text, s.toks, fig_tok - 2, DEALS);
    // `signed memoranda on 11 projects worth $38 million`, `подписано 9 меморандумов на
    // (общую) сумму 118 млрд тенге`: the projects a deal signed covers; a contract paid or
    // carried out (`исполнено 40 договоров на сумму`) is no promise.
    let carried_out = || {
        s.has_word_starting(
            text,
            0..s.toks.len(),
            &[
                "fulfil",
                "complet",
                "paid",
                "исполн",
                "оплат",
                "выполн",
                "реализова",
            ],
        )
    };
    let signed = || {
        s.has_word_starting(text, 0..fig_tok, &["signed", "подписа", "заключ"]) && !carried_out()
    };
    let covered_worth = fig_tok >= 2
        && word_is(text, s.toks, fig_tok - 1, &["worth"])
        && (fig_tok.saturating_sub(7)..fig_tok - 2).any(|k| {
            word_is(text, s.toks, k, DEALS)
                && word_is(text, s.toks, k + 1, &["on", "for", "covering"])
        });
    // The words before the amount, past a qualifier: `на (общую) сумму`, then the deal.
    let mut k = fig_tok;
    while k > 0 && word_is(text, s.toks, k - 1, &["более", "свыше", "около", "почти"])
    {
        k -= 1;
    }
    const DEALS_RU: &[&str] = &["соглаш", "меморанд", "контракт", "договор", "документ"];
    let deal_ru = |from: usize| s.has_word_starting(text, from.saturating_sub(4)..from, DEALS_RU);
    // `подписали соглашения на $3,6 млрд`, `пять документов на $640 млн`: `на` right after
    // the deal's noun; after a verb of change (`поставки по контрактам выросли на $300 млн`)
    // it gives the change.
    let on_ru = k >= 2
        && word_is(text, s.toks, k - 1, &["на"])
        && s.has_word_starting(text, k - 2..k - 1, DEALS_RU);
    // `Firm contracts account for $1.15 billion of the total`, `твёрдые контракты составляют
    // $1,1 млрд`: money the deals of the clause come to, a few words before it.
    let clause = s.clause_of(q.span[0]);
    let deals_come_to = q.kind == QuantityKind::Money
        && (fig_tok.saturating_sub(4)..fig_tok).any(|k| {
            s.clause_of(s.toks[k].start) == clause
                && (word_is(text, s.toks, k, &["contracts", "agreements", "deals"])
                    || s.has_word_starting(text, k..k + 1, &["контракт", "соглашен"]))
        })
        && s.has_word_starting(
            text,
            fig_tok.saturating_sub(3)..fig_tok,
            &["account", "make", "made", "составля", "составил", "приход"],
        );
    let sum_ru = k >= 2 && word_is(text, s.toks, k - 1, &["сумму"]) && {
        let na = if k >= 3 && word_is(text, s.toks, k - 2, &["общую"]) {
            k - 3
        } else {
            k - 2
        };
        word_is(text, s.toks, na, &["на"]) && deal_ru(na)
    };
    worth_before
        || deals_come_to && !carried_out()
        || (covered_worth || sum_ru) && signed()
        || on_ru && !carried_out()
        || word_is(text, s.toks, end_tok, DEALS)
        || lent(text, s, fig_tok, end_tok)
}

/// `The bank has approved a $95 million loan`, `подписали соглашение о льготном займе в $36
/// млн`: one loan or grant that a lender approves or signs is money still to flow, like an
/// agreement's; loans a programme's banks have approved for many projects are not one.
fn lent(text: &str, s: &Sentence<'_>, fig_tok: usize, end_tok: usize) -> bool {
    const LOANS: &[&str] = &["loan", "grant", "credit"];
    const LOANS_RU: &[&str] = &[
        "заём",
        "займ",
        "займе",
        "займа",
        "кредит",
        "кредита",
        "кредите",
        "грант",
        "гранта",
        "гранте",
    ];
    // `a $95 million loan`, `займе в $36 млн`.
    let one_loan = (fig_tok >= 1
        && word_is(text, s.toks, fig_tok - 1, &["a", "an"])
        && (end_tok..end_tok + 3).any(|k| word_is(text, s.toks, k, LOANS)))
        || (fig_tok >= 2
            && word_is(text, s.toks, fig_tok - 1, &["в"])
            && word_is(text, s.toks, fig_tok - 2, LOANS_RU));
    one_loan
        && s.has_word_starting(
            text,
            0..s.toks.len(),
            &["approved", "signed", "одобр", "подписа"],
        )
}

/// `has approved a programme ... worth 18.4 billion soms`, `approved 14 projects worth 86
/// billion tenge`, `has approved revenues of 548 billion tenge`: what a programme, plan,
/// budget or set of projects approved holds is still to come. Loans a programme's banks
/// approve (`banks approved loans for 1,214 projects`) are money lent, and support approved
/// for projects is granted: neither is a plan.
fn approved_plan(text: &str, s: &Sentence<'_>, q: &Quantity, fig_tok: usize) -> bool {
    const APPROVE: &[&str] = &["approved", "approves", "approve", "endorsed", "adopted"];
    const PLANS: &[&str] = &[
        "programme",
        "program",
        "plan",
        "strategy",
        "projects",
        "project",
        "revenues",
        "spending",
        "expenditure",
        "expenditures",
        "budget",
    ];
    let end_tok = s.tok_at(q.span[1]);
    let Some(at) = (fig_tok.saturating_sub(8)..fig_tok)
        .rev()
        .find(|&i| word_is(text, s.toks, i, APPROVE))
    else {
        return false;
    };
    // `subsidies were approved for 96 projects`: support granted to projects, not a plan.
    let granted = word_is(text, s.toks, at + 1, &["for"]);
    let lending = (0..s.toks.len())
        .any(|k| word_is(text, s.toks, k, &["loan", "loans", "credit", "credits"]));
    !granted
        && !lending
        && (at + 1..(end_tok + 3).min(s.toks.len())).any(|k| word_is(text, s.toks, k, PLANS))
}

/// `38 projects are being implemented with the creation of 3,700 jobs`: the projects are
/// under way, the jobs are still to come.
fn promised_by_work_under_way(s: &Sentence<'_>, metric: Metric) -> bool {
    !s.progress_cues.is_empty()
        && matches!(metric, Metric::Jobs | Metric::Employment | Metric::Capacity)
}

pub(super) fn planned_by_cue(text: &str, s: &Sentence<'_>, fig_tok: usize, q: &Quantity) -> bool {
    let clause = s.clause_of(q.span[0]);
    let end_tok = s.tok_at(q.span[1]);
    // `The jobs promise fell short: 4,700 new jobs were created`: the figure's own predicate,
    // a past auxiliary within three tokens after it and before any status cue, tells what
    // became of the plan.
    let own_past = (end_tok..(end_tok + 3).min(s.clause_toks(clause).end))
        .find(|i| s.blockers.binary_search(i).is_ok() || s.status_cues.binary_search(i).is_ok())
        .is_some_and(|i| s.blockers.binary_search(&i).is_ok());
    // Before the figure, anywhere earlier in the sentence, unless a past auxiliary follows the cue.
    // A relative clause (`..., which loses 40 percent`) has a tense of its own.
    // A plan's participle another figure takes (`из 28 запланированных сёл ... в 26`) is
    // that figure's own, unless this figure is what those things cost (`312 запланированных
    // проектов стоимостью 18,6 трлн сумов`).
    // Asked only where a cue stands before the figure: most figures have none.
    let cost_of_them = || {
        crate::tokens::word_before(text, q.span[0])
            .is_some_and(|w| matches!(w.as_str(), "стоимостью" | "worth" | "costing" | "сумму"))
    };
    let owned_by_a_figure = |c: usize| {
        !cost_of_them()
            && s.figure_starts
                .iter()
                .any(|&(t, _)| t != fig_tok && plan_participle_of(text, s, t) == Some(c))
    };
    if let Some(&cue) = s
        .status_cues
        .iter()
        .rev()
        .find(|&&c| c < fig_tok && !owned_by_a_figure(c))
    {
        let relative =
            (cue + 1..fig_tok).any(|i| word_is(text, s.toks, i, &["which", "who", "whose"]));
        // `the plant can wash 3,000 tonnes of wool a year and employs 85 people`: `can` tells
        // what a plant is able to do now; it is no plan for what it handles a year, nor for
        // what another predicate after it counts.
        let ability = word_is(text, s.toks, cue, &["can"])
            && (matches!(q.per.as_deref(), Some("year" | "day" | "month" | "hour"))
                // A verb of the present after `and` (`and employs`, not `and create`).
                || (cue + 1..fig_tok).any(|i| {
                    word_is(text, s.toks, i, &["and"])
                        && s.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Word)
                        && word(text, s, i + 1).is_some_and(|w| {
                            w.ends_with('s')
                                && !crate::lexicon::LEXICONS
                                    .number_words
                                    .contains_key(w.as_ref())
                        })
                }));
        // `We promised 12 schools and opened 14`: a past predicate after `and` tells what
        // became of the promise.
        let kept = word_is(text, s.toks, cue, &["promised", "pledged", "vowed"])
            && (cue + 1..fig_tok).any(|i| {
                word_is(text, s.toks, i, &["and", "but"]) && word_is(text, s.toks, i + 1, DONE)
            });
        if !relative
            && !own_past
            && !ability
            && !kept
            && !s.blockers.iter().any(|&b| b >= cue && b < fig_tok)
        {
            return true;
        }
    }
    // After the figure, within its clause, until a past auxiliary or a new predicate.
    for i in end_tok..s.clause_toks(clause).end {
        if s.blockers.binary_search(&i).is_ok() {
            return false;
        }
        if s.status_cues.binary_search(&i).is_ok() {
            return true;
        }
        // `reached 5.7 billion against a plan of 5.4 billion`, `при плане`: what follows is
        // the figure set against this one, its cue that one's. `при` alone (`при поддержке`)
        // sets nothing against the figure.
        // `created 21,400 jobs instead of the planned 25,000`: so does `instead of`.
        if word_is(text, s.toks, i, AGAINST)
            || word_is(text, s.toks, i, &["instead", "вместо"])
            || (word_is(text, s.toks, i, &["при"])
                && word_is(
                    text,
                    s.toks,
                    i + 1,
                    &["плане", "цели", "плановом", "целевом"],
                ))
        {
            return false;
        }
        // `employs 1,600 workers and will reach ...`: `and` before a verb starts another
        // predicate; before a number (`$736.5 billion and 10,000 jobs will`) it does not.
        if word_is(text, s.toks, i, &["and", "but", "while", "which"]) {
            let number_follows = s.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Num)
                || word(text, s, i + 1).is_some_and(|w| {
                    crate::lexicon::LEXICONS
                        .number_words
                        .contains_key(w.as_ref())
                });
            if !number_follows {
                return false;
            }
        }
    }
    false
}
